import { describe, expect, it } from 'vitest';
import { formatCount, formatRate, formatShare, formatWan } from './format';

describe('formatWan()', () => {
  it.each([
    [850, 'zh', '850万元'],
    [9999, 'zh', '9,999万元'],
    [10000, 'zh', '1亿元'],
    [12000, 'zh', '1.2亿元'],
    [1_234_567, 'zh', '123亿元'],
    [0, 'zh', '0万元'],
    [850, 'en', 'CNY 8.5m'],
    [12000, 'en', 'CNY 120m'],
    [450000, 'en', 'CNY 4.5bn'],
    [5, 'en', 'CNY 0.05m'],
  ] as const)('%d 万元 in %s → %s', (wan, lang, expected) => {
    expect(formatWan(wan, lang)).toBe(expected);
  });

  it('null and NaN show a dash, not zero', () => {
    expect(formatWan(null, 'zh')).toBe('—');
    expect(formatWan(Number.NaN, 'en')).toBe('—');
  });
});

describe('formatShare()', () => {
  it('one decimal; null gap ratio (no need declared) → “—”, not 0%', () => {
    expect(formatShare(0.549, 'zh')).toBe('54.9%');
    expect(formatShare(0.42, 'en')).toBe('42%');
    expect(formatShare(null, 'zh')).toBe('—');
  });
});

describe('formatRate()', () => {
  it('3.45% over a 3.00% LPR reads LPR+45bp; below the LPR shows a minus', () => {
    expect(formatRate(3.45, 3.0)).toBe('3.45% (LPR+45bp)');
    expect(formatRate(2.8, 3.0)).toBe('2.80% (LPR−20bp)');
  });
});

describe('formatCount()', () => {
  it('groups thousands', () => {
    expect(formatCount(1680, 'en')).toBe('1,680');
  });
});
