import type { DatasetSource } from './dataset-source';

/** svelte-query options for a dataset: loaded once, never refetched, errors shown, not retried. */
export const datasetQueryOptions = (source: DatasetSource) => ({
  queryKey: ['dataset', source.id] as const,
  queryFn: () => source.load(),
  staleTime: Infinity,
  gcTime: Infinity,
  retry: false,
  refetchOnWindowFocus: false,
});
