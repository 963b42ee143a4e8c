/**
 * The diverging palette of a change of financing gap (Δ gap, issue 14): blue where the gap shrank,
 * red where it grew, near-white where it did not move. ColorBrewer RdBu, which stays readable for
 * the common colour-vision deficiencies (blue vs red differ in lightness as well as hue).
 */

export const DELTA_CLASSES = ['down_big', 'down', 'same', 'up', 'up_big'] as const;
export type DeltaClass = (typeof DELTA_CLASSES)[number];

export const DELTA_COLORS: Record<DeltaClass, string> = {
  down_big: '#2166ac',
  down: '#92c5de',
  same: '#f7f7f7',
  up: '#f4a582',
  up_big: '#b2182b',
};

/**
 * The class of a Δ gap (万元): “big” from half the largest change shown (`big`), so the scale fits
 * the round or scenario at hand; 0 is “same”.
 * @example deltaClass(-900, 1000) // 'down_big'
 * @example deltaClass(-300, 1000) // 'down'
 * @example deltaClass(0, 1000) // 'same'
 * @example deltaClass(700, 1000) // 'up_big'
 */
export function deltaClass(delta: number, big: number): DeltaClass {
  if (delta === 0) return 'same';
  const isBig = big > 0 && Math.abs(delta) >= big;
  if (delta < 0) return isBig ? 'down_big' : 'down';
  return isBig ? 'up_big' : 'up';
}

/**
 * The threshold of a “big” change for a set of changes: half the largest absolute change.
 * @example bigDelta([-1800, 200, 0]) // 900
 */
export const bigDelta = (deltas: Iterable<number>): number => {
  let top = 0;
  for (const d of deltas) top = Math.max(top, Math.abs(d));
  return top / 2;
};
