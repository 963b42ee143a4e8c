/**
 * The follow-up statuses kept in this browser for every docking meeting of a dataset, merged into
 * one set of edits for round 2 (rounds.ts). It reads the same cache entries as the meeting page
 * (statusQueryOptions), so an edit made there is what round 2 serves here.
 */
import { createQueries } from '@tanstack/svelte-query';
import type { StatusEdits } from '../../analysis/meeting';
import type { Dataset } from '../../domain/schema';
import { statusDraftKey } from '../meeting/status-draft';
import { statusQueryOptions } from '../meeting/status-query';

const NO_EDITS: StatusEdits = {};

/**
 * The merged edits of every meeting of the dataset, `{}` until they are read (or when storage
 * fails: round 2 then serves the dataset's own statuses).
 */
export function createRoundEdits(dataset: () => Dataset): { readonly edits: StatusEdits } {
  const merged = createQueries(() => ({
    queries: dataset().meetings.map((m) =>
      statusQueryOptions(statusDraftKey(dataset().meta.datasetId, m.id)),
    ),
    combine: (results) => {
      const all = results.flatMap((r) => (r.data ? [r.data.edits] : []));
      return all.some((e) => Object.keys(e).length > 0) ? Object.assign({}, ...all) : NO_EDITS;
    },
  }));
  return {
    get edits() {
      return merged as StatusEdits;
    },
  };
}
