import type { Dataset } from '../domain/schema';

/**
 * The meta.sources id an import adds when the file had no credit-relations sheet and relations were
 * built from the enterprise sheet's 已获授信 column (src/import/validate.ts, I_CREDIT_SYNTHESISED).
 */
export const SOURCE_CREDIT_FROM_APPROVED = 'import-credit-from-approved';

/**
 * What a dataset lacks, so that the app does not present a zero as a fact:
 * - `credit-from-approved`: no credit-relations sheet; coverage and gaps come from 已获授信;
 * - `no-credit`: no credit relation at all; coverage is 0 and every gap equals the need;
 * - `no-supply`: no supply edges; stabilise roles (§5.4) and supply flows cannot be derived;
 * - `empty-chains`: chains with no enterprise (their rows say “no data”);
 * - `single-chain`: every enterprise is on one chain; comparisons between chains say nothing.
 * Enterprises without coordinates are fine (they sit at their city point, §7.4) and are not listed.
 */
export type CompletenessGap =
  | { kind: 'credit-from-approved' }
  | { kind: 'no-credit' }
  | { kind: 'no-supply' }
  | { kind: 'empty-chains'; chainIds: string[] }
  | { kind: 'single-chain'; chainId: string };

/**
 * The gaps of a dataset, in the order the notice lists them. An empty dataset (no enterprises)
 * reports nothing here: there is nothing to misread, and the views say the list is empty.
 * @example datasetCompleteness(demo) // []
 * @example datasetCompleteness({ ...demo, supplyEdges: [] }) // [{ kind: 'no-supply' }]
 */
export function datasetCompleteness(dataset: Dataset): CompletenessGap[] {
  if (dataset.enterprises.length === 0) return [];
  const gaps: CompletenessGap[] = [];
  if (dataset.meta.sources.some((s) => s.id === SOURCE_CREDIT_FROM_APPROVED)) {
    gaps.push({ kind: 'credit-from-approved' });
  } else if (dataset.creditRelations.length === 0) {
    gaps.push({ kind: 'no-credit' });
  }
  if (dataset.supplyEdges.length === 0) gaps.push({ kind: 'no-supply' });

  const withEnterprises = new Set(dataset.enterprises.flatMap((e) => e.chainIds));
  const empty = dataset.chains.map((c) => c.id).filter((id) => !withEnterprises.has(id));
  if (empty.length > 0) gaps.push({ kind: 'empty-chains', chainIds: empty });
  const [only] = withEnterprises;
  if (withEnterprises.size === 1 && only !== undefined && dataset.chains.length > 1) {
    gaps.push({ kind: 'single-chain', chainId: only });
  }
  return gaps;
}
