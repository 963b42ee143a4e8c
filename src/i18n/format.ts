/**
 * Number and amount formatting of domain.md §9.4. Amounts arrive in 万元 (10,000 CNY).
 * zh: 850万元, 1.2亿元 (from 10,000 万元 up). en: CNY 8.5m, CNY 120m, CNY 4.5bn.
 */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

const group = (n: number, lang: Lang, digits = 0) =>
  n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', {
    minimumFractionDigits: 0,
    maximumFractionDigits: digits,
  });

/**
 * @example formatWan(850, 'zh') // '850万元'
 * @example formatWan(12000, 'zh') // '1.2亿元'
 * @example formatWan(850, 'en') // 'CNY 8.5m'
 * @example formatWan(12000, 'en') // 'CNY 120m'
 */
export function formatWan(wan: number | null | undefined, lang: Lang): string {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return '—';
  const sign = wan < 0 ? '−' : '';
  const x = Math.abs(wan);
  if (lang === 'zh') {
    if (x >= 10_000) return `${sign}${group(x / 10_000, lang, x >= 1_000_000 ? 0 : 1)}亿元`;
    return `${sign}${group(x, lang, x < 10 ? 1 : 0)}万元`;
  }
  const millions = x / 100;
  if (millions >= 1000) return `${sign}CNY ${group(millions / 1000, lang, 1)}bn`;
  if (millions >= 100) return `${sign}CNY ${group(millions, lang, 0)}m`;
  return `${sign}CNY ${group(millions, lang, millions < 0.1 ? 2 : 1)}m`;
}

/** A 0–1 share as a percentage with one decimal; null (no basis, e.g. no need) → “—”. */
export function formatShare(share: number | null | undefined, lang: Lang): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${group(share * 100, lang, 1)}%`;
}

export const formatCount = (n: number, lang: Lang): string => group(n, lang, 0);

/** An annual rate with 2 decimals and its spread over the 1-year LPR, e.g. '3.45% (LPR+45bp)'. */
export function formatRate(ratePct: number, lprPct: number): string {
  const bp = Math.round((ratePct - lprPct) * 100);
  return `${ratePct.toFixed(2)}% (LPR${bp >= 0 ? '+' : '−'}${Math.abs(bp)}bp)`;
}
