/**
 * The follow-up statuses of a meeting kept in this browser, shared by the meeting page (which edits
 * them) and the presentation (which shows their KPIs): one svelte-query cache entry per draft key.
 */
import { z } from 'zod';
import { loadDraft } from '../../data/local-store';
import { parseStatusDraft, type ParsedStatusDraft } from './status-draft';

export const statusQueryKey = (draftKey: string) => ['meeting-status', draftKey] as const;

/** Loaded once per key; edits write the cache (setQueryData) and IndexedDB together. */
export const statusQueryOptions = (draftKey: string) => ({
  queryKey: statusQueryKey(draftKey),
  queryFn: async (): Promise<ParsedStatusDraft> =>
    parseStatusDraft(await loadDraft(draftKey, z.unknown())),
  enabled: draftKey !== '',
  staleTime: Infinity,
  gcTime: Infinity,
  retry: false,
  refetchOnWindowFocus: false,
});
