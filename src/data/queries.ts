import type { QueryClient } from '@tanstack/svelte-query';
import { analyzeDataset } from '../analysis/analyze';
import type { DatasetIndex } from '../analysis/dataset-index';
import type { Analysis } from '../analysis/types';
import { analyseColumnar, analyseColumnarUrl } from './analysis-client';
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

/**
 * The analysed dataset (issue 12): a columnar source is validated and analysed in the analysis
 * worker while the page reads it (analysis-client.ts), downloaded by the worker when it is a file
 * on the app's server; any other source on the page. Keyed under the
 * dataset's own key, so invalidating or removing a dataset drops its analysis too; the dataset
 * query is filled from it, so a view that asks for the dataset does not load it again.
 * `onRead`: see analyseColumnar (the page's unchecked read, for warming the first view).
 */
export const analysisQueryOptions = (
  source: DatasetSource,
  client: QueryClient,
  onRead?: (unchecked: DatasetIndex) => void,
) => ({
  queryKey: ['dataset', source.id, 'analysis'] as const,
  queryFn: async (): Promise<Analysis> => {
    const loadBytes = source.loadBytes?.bind(source);
    const analysis = loadBytes
      ? source.columnarUrl
        ? await analyseColumnarUrl(source.columnarUrl, loadBytes, onRead)
        : await analyseColumnar(await loadBytes(), onRead)
      : analyzeDataset(await source.load());
    client.setQueryData(datasetQueryOptions(source).queryKey, analysis.index.dataset);
    return analysis;
  },
  staleTime: Infinity,
  gcTime: Infinity,
  retry: false,
  refetchOnWindowFocus: false,
  // Immutable and large: never walked to share structure with an earlier result.
  structuralSharing: false,
});
