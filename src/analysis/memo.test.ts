import { describe, expect, it } from 'vitest';
import { memoPer } from './memo';

describe('memoPer()', () => {
  it('computes once per owner and key, and again for another owner or key', () => {
    const memo = memoPer<object, string, { n: number }>();
    let calls = 0;
    const compute = () => ({ n: ++calls });
    const a = {};
    const b = {};
    const first = memo(a, 'x', compute);
    expect(memo(a, 'x', compute)).toBe(first);
    expect(memo(a, 'y', compute)).toEqual({ n: 2 });
    expect(memo(b, 'x', compute)).toEqual({ n: 3 });
    expect(calls).toBe(3);
  });

  it('keeps a computed undefined instead of computing again', () => {
    const memo = memoPer<object, string, undefined>();
    let calls = 0;
    const owner = {};
    memo(owner, 'k', () => void calls++);
    memo(owner, 'k', () => void calls++);
    expect(calls).toBe(1);
  });
});
