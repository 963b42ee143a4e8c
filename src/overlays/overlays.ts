/**
 * The Atlas overlays (issue 3): how an enterprise, a link or a region is classed and coloured under
 * each overlay, and the legend that explains it. Pure and shared by the graph, the map and the legend,
 * so one colour always means one thing. Palettes are colour-blind safe (Okabe–Ito for categories,
 * a single-hue sequential ramp for amounts; verdicts follow domain.md §5.2 with distinct lightness).
 */
import type { GroupCoverage, Verdict } from '../analysis/coverage';
import type { EnterpriseAnalysis } from '../analysis/types';
import type { DisplayRole, SizeClass, SrdiTier } from '../domain/schema';

export const OVERLAYS = ['gap', 'gapRatio', 'verdict', 'role', 'size', 'srdi'] as const;
export type Overlay = (typeof OVERLAYS)[number];

/** Neutral colour for “no data / not applicable”. */
export const NO_DATA_COLOR = '#c9ced6';

/** §5.2 verdict colours: red family for the problems, yellow partial, green covered, grey no data. */
export const VERDICT_COLORS: Record<Verdict, string> = {
  blind_spot: '#7f0000',
  uncovered: '#d7301f',
  underfunded: '#fc8d59',
  partial: '#fdd77a',
  covered: '#1a9850',
  insufficient_data: NO_DATA_COLOR,
};

/** §2.2 role colours (Okabe–Ito): strengthen blue, stabilise teal, fill orange, extend purple. */
export const ROLE_COLORS: Record<DisplayRole, string> = {
  strengthen: '#0072b2',
  stabilize: '#009e73',
  fill: '#e69f00',
  extend: '#cc79a7',
  leader: '#3a3a3a',
  general: '#b8bec7',
};

export const SIZE_COLORS: Record<SizeClass, string> = {
  large: '#3a3a3a',
  medium: '#0072b2',
  small: '#56b4e9',
  micro: '#a6dcef',
};

export const SRDI_COLORS: Record<SrdiTier, string> = {
  little_giant: '#d55e00',
  srdi: '#e69f00',
  innovative: '#f0e442',
  none: '#b8bec7',
};

/** Gap-ratio classes: “no need declared” is its own class, never 0% (§9.4). */
export const GAP_RATIO_CLASSES = ['none', 'met', 'low', 'mid', 'high', 'full'] as const;
export type GapRatioClass = (typeof GAP_RATIO_CLASSES)[number];
export const GAP_RATIO_COLORS: Record<GapRatioClass, string> = {
  none: NO_DATA_COLOR,
  met: '#fff5eb',
  low: '#fdd0a2',
  mid: '#fd8d3c',
  high: '#d94801',
  full: '#7f2704',
};

/**
 * Gap ratio (gap ÷ need) class, the bins of the §4.6 calibration table.
 * @example gapRatioClass(null) // 'none'; gapRatioClass(0) // 'met'; gapRatioClass(1) // 'full'
 */
export function gapRatioClass(ratio: number | null): GapRatioClass {
  if (ratio === null) return 'none';
  if (ratio <= 0) return 'met';
  if (ratio <= 0.3) return 'low';
  if (ratio <= 0.7) return 'mid';
  if (ratio < 1) return 'high';
  return 'full';
}

/** Gap amount classes in 万元: 0, < 100, < 500, < 2,000, < 10,000 (1亿), ≥ 1亿. */
export const GAP_AMOUNT_BREAKS = [100, 500, 2000, 10000] as const;
export const GAP_AMOUNT_CLASSES = ['zero', 'a', 'b', 'c', 'd', 'e'] as const;
export type GapAmountClass = (typeof GAP_AMOUNT_CLASSES)[number];
export const GAP_AMOUNT_COLORS: Record<GapAmountClass, string> = {
  zero: '#eef2f6',
  a: '#fee6ce',
  b: '#fdae6b',
  c: '#f16913',
  d: '#c2410c',
  e: '#7f2704',
};

/** @example gapAmountClass(0) // 'zero'; gapAmountClass(450) // 'b'; gapAmountClass(12000) // 'e' */
export function gapAmountClass(gap: number): GapAmountClass {
  if (gap <= 0) return 'zero';
  const i = GAP_AMOUNT_BREAKS.findIndex((b) => gap < b);
  return GAP_AMOUNT_CLASSES[i === -1 ? 5 : i + 1] ?? 'e';
}

/**
 * Group-level gap classes: a link, city or province aggregates many firms, so its breaks are 10× an
 * enterprise's (1,000 / 5,000 / 20,000 / 100,000 万元).
 */
export const groupGapClass = (gap: number): GapAmountClass => gapAmountClass(gap / 10);

/** The class an enterprise falls in under an overlay; `linkCityVerdict` is its link × city group's. */
export function enterpriseClass(
  overlay: Overlay,
  a: EnterpriseAnalysis,
  sizeClass: SizeClass,
  srdiTier: SrdiTier,
  linkCityVerdict: Verdict | undefined,
): string {
  switch (overlay) {
    case 'gap':
      return gapAmountClass(a.gap);
    case 'gapRatio':
      return gapRatioClass(a.gapRatio);
    case 'verdict':
      return linkCityVerdict ?? 'insufficient_data';
    case 'role':
      return a.role;
    case 'size':
      return sizeClass;
    case 'srdi':
      return srdiTier;
  }
}

/** The class of a group (link, city, province) under an overlay; categorical overlays use verdict. */
export function groupClass(overlay: Overlay, g: GroupCoverage): string {
  switch (overlay) {
    case 'gap':
      return groupGapClass(g.gap);
    case 'gapRatio':
      return gapRatioClass(g.need > 0 ? g.gap / g.need : null);
    default:
      return g.verdict;
  }
}

/** Which overlay a group-level colour actually shows (categorical overlays fall back to verdict). */
export const groupOverlay = (overlay: Overlay): Overlay =>
  overlay === 'gap' || overlay === 'gapRatio' ? overlay : 'verdict';

const PALETTES: Record<Overlay, Record<string, string>> = {
  gap: GAP_AMOUNT_COLORS,
  gapRatio: GAP_RATIO_COLORS,
  verdict: VERDICT_COLORS,
  role: ROLE_COLORS,
  size: SIZE_COLORS,
  srdi: SRDI_COLORS,
};

/** The colour of a class under an overlay (unknown classes are “no data”). */
export const colorOf = (overlay: Overlay, cls: string): string =>
  PALETTES[overlay][cls] ?? NO_DATA_COLOR;

/** Legend entries in display order: class key and colour; labels come from the i18n dictionary. */
export function legendEntries(overlay: Overlay): { key: string; color: string }[] {
  return Object.entries(PALETTES[overlay]).map(([key, color]) => ({ key, color }));
}
