/**
 * The follow-up statuses of a meeting kept in this browser, shared by the meeting page (which edits
 * them) and the presentation (which shows their KPIs): one svelte-query cache entry per draft key.
 * Loading one also makes this tab hear the other tabs' writes (listenToOtherTabs), which refetch it.
 */
import type { QueryFunctionContext } from '@tanstack/svelte-query';
import { z } from 'zod';
import { loadDraft, updateDraft } from '../../data/local-store';
import { listenToOtherTabs } from '../../data/local-sync';
import {
  applyStatusPatch,
  parseStatusDraft,
  type ParsedStatusDraft,
  type StatusPatch,
} from './status-draft';

export const statusQueryKey = (draftKey: string) => ['meeting-status', draftKey] as const;

/** Loaded once per key, and again when another tab writes it; edits go through patchStatusDraft. */
export const statusQueryOptions = (draftKey: string) => ({
  queryKey: statusQueryKey(draftKey),
  queryFn: async ({ client }: QueryFunctionContext): Promise<ParsedStatusDraft> => {
    listenToOtherTabs(client);
    return parseStatusDraft(await loadDraft(draftKey, z.unknown()));
  },
  enabled: draftKey !== '',
  staleTime: Infinity,
  gcTime: Infinity,
  retry: false,
  refetchOnWindowFocus: false,
});

/**
 * Writes one item's change into the stored draft (read and write in one transaction, so the other
 * items keep what any tab stored) and resolves to the draft as now stored.
 */
export async function patchStatusDraft(
  draftKey: string,
  patch: StatusPatch,
): Promise<ParsedStatusDraft> {
  const stored = await updateDraft(draftKey, (current) => applyStatusPatch(current, patch));
  return parseStatusDraft(stored);
}
