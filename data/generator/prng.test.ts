import { describe, expect, it } from 'vitest';
import { Rng, cyrb128, sfc32 } from './prng';

describe('cyrb128 / sfc32', () => {
  it('cyrb128 is a pure function of the string', () => {
    expect(cyrb128('demo-v1|nev|changzhou|017')).toEqual(cyrb128('demo-v1|nev|changzhou|017'));
    expect(cyrb128('a')).not.toEqual(cyrb128('b'));
  });

  it('sfc32 with a zero state starts 0, 0, 1/2^32 (t = a + b + d with d counting up from 0)', () => {
    // a = b = c = d = 0: first t = 0; then d = 1 so t = 1 → 1/2^32.
    const next = sfc32(0, 0, 0, 0);
    expect(next()).toBe(0);
    expect(next()).toBe(1 / 4294967296);
  });
});

describe('Rng', () => {
  it('streams are keyed: the same key replays, another key differs', () => {
    const a = new Rng('seed', 'attr|e-1');
    const b = new Rng('seed', 'attr|e-1');
    const c = new Rng('seed', 'attr|e-2');
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
  });

  it('int() stays within its inclusive bounds and reaches both ends', () => {
    const r = new Rng('seed', 'int');
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(1, 3));
    expect([...seen].sort()).toEqual([1, 2, 3]);
  });

  it('pick() follows the weights: 1:3 gives about 25% / 75% over 20,000 draws', () => {
    const r = new Rng('seed', 'pick');
    let first = 0;
    for (let i = 0; i < 20000; i++)
      if (
        r.pick([
          ['a', 1],
          ['b', 3],
        ] as const) === 'a'
      )
        first++;
    expect(first / 20000).toBeGreaterThan(0.23);
    expect(first / 20000).toBeLessThan(0.27);
  });

  it('lognormal(median, σ) has the requested median (within 3% over 20,000 draws)', () => {
    const r = new Rng('seed', 'ln');
    const xs = Array.from({ length: 20000 }, () => r.lognormal(75, 0.35)).sort((x, y) => x - y);
    expect(xs[10000]! / 75).toBeGreaterThan(0.97);
    expect(xs[10000]! / 75).toBeLessThan(1.03);
  });

  it('triangular(1995, 2012, 2023) stays in range with its mode near 2012', () => {
    const r = new Rng('seed', 'tri');
    const counts = new Map<number, number>();
    for (let i = 0; i < 20000; i++) {
      const y = Math.floor(r.triangular(1995, 2012, 2023));
      expect(y).toBeGreaterThanOrEqual(1995);
      expect(y).toBeLessThanOrEqual(2023);
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
    const mode = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    expect(Math.abs(mode - 2012)).toBeLessThanOrEqual(1);
  });
});
