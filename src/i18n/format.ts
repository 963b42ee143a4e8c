/**
 * Number and amount formatting of domain.md §9.4. Amounts arrive in 万元 (10,000 CNY).
 * zh: 850万元, 1.2亿元 (from 10,000 万元 up). en: CNY 8.5m, CNY 120m, CNY 4.5bn.
 */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

/**
 * One Intl.NumberFormat per language and decimals, made once: `toLocaleString` with options builds
 * a new formatter on every call, which the Atlas did thousands of times per load and per overlay
 * change (a tenth of a millisecond each under a profile).
 */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${lang} ${minDigits} ${maxDigits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US', {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    });
    formatters.set(key, f);
  }
  return f;
}

const group = (n: number, lang: Lang, digits = 0) => numberFormat(lang, 0, digits).format(n);

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

const fixed = (n: number, lang: Lang, digits: number) =>
  numberFormat(lang, digits, digits).format(n);

/**
 * A 0–1 share as a percentage with always one decimal (§9.4: 56.0% beside 56.5%, never 56%);
 * null (no basis, e.g. no need) → “—”.
 */
export function formatShare(share: number | null | undefined, lang: Lang): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${fixed(share * 100, lang, 1)}%`;
}

/** The unit of a column of amounts: 万元 or 亿元 in Chinese, CNY m or bn in English. */
export type AmountUnit = 'wan' | 'yi' | 'm' | 'bn';

export interface AmountScale {
  unit: AmountUnit;
  /** Decimals of every figure in the column. */
  digits: number;
}

/** 万元 per unit. */
const WAN_PER: Record<AmountUnit, number> = { wan: 1, yi: 10_000, m: 100, bn: 100_000 };

/**
 * One unit and one precision for a list, column, chart or scene, chosen from its largest value
 * (§9.4 thresholds: 亿元 from 10,000 万元, CNY bn from 1,000 m). One decimal unless the largest
 * figure has three digits or more before the point.
 * @example amountScale([850, 28_000, 7_953], 'zh') // { unit: 'yi', digits: 1 }
 * @example amountScale([850, 7_953], 'zh') // { unit: 'wan', digits: 0 }
 * @example amountScale([850, 7_953], 'en') // { unit: 'm', digits: 1 }
 */
export function amountScale(
  values: readonly (number | null | undefined)[],
  lang: Lang,
): AmountScale {
  const top = Math.max(
    0,
    ...values.map((v) => (v !== null && v !== undefined && Number.isFinite(v) ? Math.abs(v) : 0)),
  );
  const unit: AmountUnit =
    lang === 'zh' ? (top >= 10_000 ? 'yi' : 'wan') : top >= 100_000 ? 'bn' : 'm';
  const inUnit = top / WAN_PER[unit];
  const digits = unit === 'wan' ? (inUnit > 0 && inUnit < 10 ? 1 : 0) : inUnit >= 100 ? 0 : 1;
  return { unit, digits };
}

/** The unit's name for a column header: “亿元”, “万元”, “CNY bn”, “CNY m”. */
export const unitLabel = (scale: AmountScale): string =>
  ({ wan: '万元', yi: '亿元', m: 'CNY m', bn: 'CNY bn' })[scale.unit];

/**
 * An amount in 万元 in a column's unit and precision; a figure too small to show at that precision
 * reads “<0.1”, never 0. `bare` leaves the unit out (for a column whose header names it).
 * @example formatInScale(7_953, { unit: 'yi', digits: 1 }, 'zh') // '0.8亿元'
 * @example formatInScale(28_000, { unit: 'bn', digits: 1 }, 'en') // 'CNY 0.3bn'
 * @example formatInScale(3, { unit: 'yi', digits: 1 }, 'zh', { bare: true }) // '<0.1'
 */
export function formatInScale(
  wan: number | null | undefined,
  scale: AmountScale,
  lang: Lang,
  opts: { bare?: boolean } = {},
): string {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return '—';
  const x = Math.abs(wan) / WAN_PER[scale.unit];
  const smallest = 10 ** -scale.digits;
  const body =
    x > 0 && x < smallest / 2
      ? `<${fixed(smallest, lang, scale.digits)}`
      : `${wan < 0 ? '−' : ''}${fixed(x, lang, scale.digits)}`;
  if (opts.bare) return body;
  if (scale.unit === 'wan') return `${body}万元`;
  if (scale.unit === 'yi') return `${body}亿元`;
  return `CNY ${body}${scale.unit}`;
}

/**
 * The formatter of one column: every figure in the unit and precision of the largest.
 * @example const f = columnFormatter([28_000, 7_953], 'zh'); [f.format(28_000), f.format(7_953)]
 * // ['2.8亿元', '0.8亿元']; f.unit === '亿元'
 */
export function columnFormatter(
  values: readonly (number | null | undefined)[],
  lang: Lang,
): {
  scale: AmountScale;
  unit: string;
  format: (wan: number | null | undefined) => string;
  bare: (wan: number | null | undefined) => string;
} {
  const scale = amountScale(values, lang);
  return {
    scale,
    unit: unitLabel(scale),
    format: (wan) => formatInScale(wan, scale, lang),
    bare: (wan) => formatInScale(wan, scale, lang, { bare: true }),
  };
}

export const formatCount = (n: number, lang: Lang): string => group(n, lang, 0);

/** An annual rate with 2 decimals and its spread over the 1-year LPR, e.g. '3.45% (LPR+45bp)'. */
export function formatRate(ratePct: number, lprPct: number): string {
  const bp = Math.round((ratePct - lprPct) * 100);
  return `${ratePct.toFixed(2)}% (LPR${bp >= 0 ? '+' : '−'}${Math.abs(bp)}bp)`;
}
