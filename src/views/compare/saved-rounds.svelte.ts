/**
 * The saved rounds of the loaded dataset (issue 14): the saved datasets paired with it as later
 * rounds (an import saved as a new round, or a pairing made on the Data page), oldest first. Only
 * the rounds the URL's comparison names are loaded and analysed, through the same cached query as
 * any dataset (analysisQueryOptions: the analysis worker for its columnar bytes), so comparing
 * again, or opening that dataset later, costs nothing twice.
 */
import { createQueries, createQuery, useQueryClient } from '@tanstack/svelte-query';
import type { StatusEdits } from '../../analysis/meeting';
import type { Analysis } from '../../analysis/types';
import { createIndexedDbSource, datasetListQueryOptions, savedRoundsOf } from '../../data/datasets';
import { analysisQueryOptions } from '../../data/queries';
import type { RoundPair } from '../../state/url-state';
import { savedRoundOf, savedRoundsNeeded, type SavedRound } from './compare-model';

const NONE: SavedRound[] = [];

export function createSavedRounds(
  loaded: () => Analysis,
  edits: () => StatusEdits,
  pair: () => RoundPair | null,
): { readonly saved: SavedRound[] } {
  const client = useQueryClient();
  // The dataset list is small and cached; without storage there are simply no saved rounds.
  const list = createQuery(() => datasetListQueryOptions());
  const infos = $derived(
    list.data ? savedRoundsOf(list.data, loaded().index.dataset.meta.datasetId) : [],
  );
  const needed = $derived(savedRoundsNeeded(loaded(), edits(), infos.map(savedRoundOf), pair()));
  const analyses = createQueries(() => ({
    queries: needed.map((id) => analysisQueryOptions(createIndexedDbSource(id), client)),
  }));
  const saved = $derived.by((): SavedRound[] => {
    if (infos.length === 0) return NONE;
    return infos.map((info) => {
      const at = needed.indexOf(info.id);
      const result = at >= 0 ? analyses[at] : undefined;
      return {
        ...savedRoundOf(info),
        analysis: result?.data ?? null,
        error: result?.error ? String(result.error.message) : null,
      };
    });
  });
  return {
    get saved() {
      return saved;
    },
  };
}
