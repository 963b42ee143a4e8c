import type { QueryClient } from '@tanstack/svelte-query';
import { DATASET_QUERY_KEYS, setActiveDatasetId } from '../../data/datasets';

/**
 * Makes a dataset the active one: the choice is stored, then the active-id query is refetched, so the
 * Shell loads that dataset and every view re-renders on it.
 */
export async function activateDataset(client: QueryClient, id: string): Promise<void> {
  await setActiveDatasetId(id);
  await client.invalidateQueries({ queryKey: DATASET_QUERY_KEYS.activeId });
}

/** After a change to local data (erase, restore): see local-sync.ts. */
export { refreshLocalQueries } from '../../data/local-sync';
