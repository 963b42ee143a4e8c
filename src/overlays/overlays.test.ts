import { describe, expect, it } from 'vitest';
import {
  colorOf,
  gapAmountClass,
  gapRatioClass,
  groupGapClass,
  groupOverlay,
  legendEntries,
  NO_DATA_COLOR,
  VERDICT_COLORS,
} from './overlays';

describe('gapRatioClass()', () => {
  it.each([
    [null, 'none'],
    [0, 'met'],
    [0.3, 'low'],
    [0.31, 'mid'],
    [0.7, 'mid'],
    [0.99, 'high'],
    [1, 'full'],
  ] as const)('%s → %s', (ratio, cls) => {
    expect(gapRatioClass(ratio)).toBe(cls);
  });
});

describe('gapAmountClass()', () => {
  it.each([
    [0, 'zero'],
    [99, 'a'],
    [100, 'b'],
    [1999, 'c'],
    [2000, 'd'],
    [10000, 'e'],
  ] as const)('%d 万元 → %s', (gap, cls) => {
    expect(gapAmountClass(gap)).toBe(cls);
  });

  it('groups use breaks ten times larger: 1,000 万元 is class b for a group, d for a firm', () => {
    expect(groupGapClass(1000)).toBe('b');
    expect(gapAmountClass(1000)).toBe('c');
  });
});

describe('colours and legends', () => {
  it('an unknown class is drawn as no data', () => {
    expect(colorOf('role', 'nonsense')).toBe(NO_DATA_COLOR);
  });

  it('the verdict legend lists all six verdicts in order with their colours', () => {
    expect(legendEntries('verdict').map((e) => e.key)).toEqual([
      'blind_spot',
      'uncovered',
      'underfunded',
      'partial',
      'covered',
      'insufficient_data',
    ]);
    expect(legendEntries('verdict')[0]?.color).toBe(VERDICT_COLORS.blind_spot);
  });

  it('categorical overlays colour groups by verdict', () => {
    expect(groupOverlay('role')).toBe('verdict');
    expect(groupOverlay('gapRatio')).toBe('gapRatio');
  });
});
