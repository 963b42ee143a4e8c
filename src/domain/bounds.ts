/**
 * Plausibility bounds of a dataset (issue 13), shared by the import (src/import/) and the backup
 * restore (src/data/datasets.ts). Amounts are 万元 and per enterprise (or per credit line, supply edge).
 *
 * - Above 10,000,000 万元 (1,000亿元) an amount is far beyond any SME: an SME's revenue is below
 *   40,000 万元 (4亿元, §2.6) and the demo's SMEs need at most a few 亿元 (§4.5). Chain leaders reach
 *   1,500亿元 of revenue (§4.5), so the import only warns there (W_AMOUNT_HIGH).
 * - Above 1,000,000,000 万元 (10万亿元) no amount can belong to one enterprise: that is more than the
 *   annual revenue of the largest company in China. The import rejects the row
 *   (E_AMOUNT_IMPLAUSIBLE) and a backup holding such an amount is refused.
 * - Text: names 200 characters, any other text 2,000 (W_TEXT_TRUNCATED on import).
 */
import type { Dataset } from './schema';

export const AMOUNT_WARN_WAN = 10_000_000;
export const AMOUNT_MAX_WAN = 1_000_000_000;
export const MAX_NAME_CHARS = 200;
export const MAX_TEXT_CHARS = 2000;

/** One value of a dataset outside the bounds, with its path (enterprises.3.financingNeed). */
export interface OutOfBounds {
  path: string;
  kind: 'amount' | 'text';
  /** The amount, or the text's length in characters. */
  value: number;
  limit: number;
}

const length = (s: string) => (s.length <= MAX_NAME_CHARS ? s.length : Array.from(s).length);

/**
 * Every amount above AMOUNT_MAX_WAN and every name or text over its cap, in dataset order.
 * @example findOutOfBounds(withNeed(9e15))[0] // { path: 'enterprises.0.financingNeed', kind: 'amount', value: 9e15, limit: 1e9 }
 */
export function findOutOfBounds(dataset: Dataset): OutOfBounds[] {
  const out: OutOfBounds[] = [];
  const amount = (path: string, value: number | undefined) => {
    if (value !== undefined && value > AMOUNT_MAX_WAN) {
      out.push({ path, kind: 'amount', value, limit: AMOUNT_MAX_WAN });
    }
  };
  const text = (path: string, value: string | undefined, limit: number) => {
    if (value !== undefined && value.length > limit && length(value) > limit) {
      out.push({ path, kind: 'text', value: length(value), limit });
    }
  };
  dataset.enterprises.forEach((e, i) => {
    const p = `enterprises.${i}`;
    amount(`${p}.revenue`, e.revenue);
    amount(`${p}.financingNeed`, e.financingNeed);
    amount(`${p}.totalAssets`, e.totalAssets);
    amount(`${p}.capexPlan`, e.capexPlan);
    text(`${p}.nameZh`, e.nameZh, MAX_NAME_CHARS);
    text(`${p}.nameEn`, e.nameEn, MAX_NAME_CHARS);
    text(`${p}.notes`, e.notes, MAX_TEXT_CHARS);
    for (const [key, value] of Object.entries(e.extras ?? {})) {
      text(`${p}.extras`, key, MAX_NAME_CHARS);
      text(`${p}.extras.${key.slice(0, 40)}`, value, MAX_TEXT_CHARS);
    }
  });
  dataset.banks.forEach((b, i) => {
    text(`banks.${i}.nameZh`, b.nameZh, MAX_NAME_CHARS);
    text(`banks.${i}.nameEn`, b.nameEn, MAX_NAME_CHARS);
  });
  dataset.creditRelations.forEach((r, i) => {
    amount(`creditRelations.${i}.creditLine`, r.creditLine);
    amount(`creditRelations.${i}.outstanding`, r.outstanding);
  });
  dataset.supplyEdges.forEach((s, i) => {
    amount(`supplyEdges.${i}.annualValue`, s.annualValue);
    amount(`supplyEdges.${i}.receivableOutstanding`, s.receivableOutstanding);
  });
  dataset.policies.forEach((p, i) => amount(`policies.${i}.creditQuota`, p.creditQuota));
  dataset.batches.forEach((b, i) =>
    b.items.forEach((item, j) => amount(`batches.${i}.items.${j}.gap`, item.gap)),
  );
  dataset.offers.forEach((o, i) => amount(`offers.${i}.amount`, o.amount));
  return out;
}
