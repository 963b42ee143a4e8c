import { describe, expect, it } from 'vitest';
import { bigDelta, deltaClass } from './delta';

describe('deltaClass()', () => {
  it.each([
    [-900, 1000, 'down'],
    [-1000, 1000, 'down_big'],
    [0, 1000, 'same'],
    [1, 1000, 'up'],
    [1500, 1000, 'up_big'],
    // no change anywhere: nothing is “big”
    [5, 0, 'up'],
  ] as const)('deltaClass(%d, %d) is %s', (delta, big, cls) => {
    expect(deltaClass(delta, big)).toBe(cls);
  });
});

describe('bigDelta()', () => {
  it('is half the largest absolute change', () => {
    // largest |Δ| = 1800 → 900
    expect(bigDelta([-1800, 200, 0])).toBe(900);
    expect(bigDelta([])).toBe(0);
  });
});
