/**
 * Deterministic random streams for the demo generator (domain.md §8.1): the public-domain cyrb128
 * string hash seeds an sfc32 generator, one stream per entity key, first 12 outputs discarded.
 * Runs in Node at generation time only; the browser never generates data.
 */

/** cyrb128: 128-bit hash of a string as four unsigned 32-bit words. */
export function cyrb128(str: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < str.length; i++) {
    const k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32: returns a function giving uniform floats in [0, 1). */
export function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a |= 0;
    b |= 0;
    c |= 0;
    d |= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** A random stream with the distribution helpers the generator needs. */
export class Rng {
  readonly #next: () => number;

  constructor(seed: string, key: string) {
    const [a, b, c, d] = cyrb128(`${seed}|${key}`);
    this.#next = sfc32(a, b, c, d);
    for (let i = 0; i < 12; i++) this.#next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.#next();
  }

  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.#next();
  }

  /** Integer in [lo, hi], both included. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.#next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.#next() < p;
  }

  logUniform(lo: number, hi: number): number {
    return Math.exp(this.uniform(Math.log(lo), Math.log(hi)));
  }

  /** Standard normal by Box–Muller (one value per call; the pair's second value is dropped). */
  normal(): number {
    const u = 1 - this.#next(); // (0, 1]: log(0) is never taken
    const v = this.#next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Triangular on [lo, hi] with the given mode. */
  triangular(lo: number, mode: number, hi: number): number {
    const u = this.#next();
    const f = (mode - lo) / (hi - lo);
    return u < f
      ? lo + Math.sqrt(u * (hi - lo) * (mode - lo))
      : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode));
  }

  /** Weighted pick over an ordered table; weights need not sum to 1. */
  pick<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let u = this.#next() * total;
    for (const [value, w] of table) {
      if (u < w) return value;
      u -= w;
    }
    const last = table[table.length - 1];
    if (!last) throw new Error('pick() needs a non-empty table');
    return last[0];
  }

  /** Uniform pick from a non-empty list. */
  choice<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.#next() * items.length)];
    if (item === undefined) throw new Error('choice() needs a non-empty list');
    return item;
  }
}
