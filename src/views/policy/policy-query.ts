/**
 * The bank's saved policy for a chain and region, kept in this browser: one svelte-query cache entry
 * per draft key, loaded once, written by the editor (IndexedDB first, then setQueryData).
 */
import { loadDraft } from '../../data/local-store';
import { PolicyDraftSchema, type PolicyDraft } from './policy-draft';

export const policyQueryKey = (draftKey: string) => ['policy-draft', draftKey] as const;

/** null: nothing saved (or a saved record that no longer fits the schema, which is ignored). */
export const policyQueryOptions = (draftKey: string) => ({
  queryKey: policyQueryKey(draftKey),
  queryFn: (): Promise<PolicyDraft | null> => loadDraft(draftKey, PolicyDraftSchema),
  enabled: draftKey !== '',
  staleTime: Infinity,
  gcTime: Infinity,
  retry: false,
  refetchOnWindowFocus: false,
});
