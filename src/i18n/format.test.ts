import { describe, expect, it } from 'vitest';
import {
  amountScale,
  columnFormatter,
  formatCount,
  formatInScale,
  formatRate,
  formatShare,
  formatWan,
} from './format';

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
    expect(formatShare(0.42, 'en')).toBe('42.0%');
    expect(formatShare(0.565, 'zh')).toBe('56.5%');
    expect(formatShare(0.56, 'zh')).toBe('56.0%');
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

describe('columnFormatter(): one unit and one precision per column (issue 11, §9.4)', () => {
  // A ranked gap column as the Atlas showed it: 2.8亿元 beside 7,953万元 and 850万元.
  const column = [28_000, 44_000, 7_953, 850, 3, 0];

  it('Chinese: the largest figure (4.4亿) puts the whole column in 亿元 with one decimal', () => {
    const f = columnFormatter(column, 'zh');
    expect(f.unit).toBe('亿元');
    expect(column.map(f.format)).toEqual([
      '2.8亿元',
      '4.4亿元',
      '0.8亿元',
      '0.1亿元',
      '<0.1亿元',
      '0.0亿元',
    ]);
    expect(f.bare(7_953)).toBe('0.8');
  });

  it('English: CNY m below 1,000 m, one precision (never “CNY 2bn” beside “CNY 2.3bn”)', () => {
    const f = columnFormatter(column, 'en');
    expect(f.unit).toBe('CNY m');
    // 44,000 万元 = CNY 440m: three digits before the point → no decimals
    expect(column.map(f.format)).toEqual([
      'CNY 280m',
      'CNY 440m',
      'CNY 80m',
      'CNY 9m',
      'CNY <1m',
      'CNY 0m',
    ]);
    const bn = columnFormatter([200_000, 230_000], 'en');
    expect([bn.unit, bn.format(200_000), bn.format(230_000)]).toEqual([
      'CNY bn',
      'CNY 2.0bn',
      'CNY 2.3bn',
    ]);
  });

  it('a column of small amounts stays in 万元, with a decimal only under 10 万元', () => {
    expect(amountScale([850, 7_953], 'zh')).toEqual({ unit: 'wan', digits: 0 });
    expect(columnFormatter([850, 7_953], 'zh').format(7_953)).toBe('7,953万元');
    expect(amountScale([5, 2.5], 'zh')).toEqual({ unit: 'wan', digits: 1 });
    expect(amountScale([850, 7_953], 'en')).toEqual({ unit: 'm', digits: 1 });
  });

  it('ignores null and NaN when choosing, and shows them as “—”', () => {
    const f = columnFormatter([null, Number.NaN, 12_000], 'zh');
    expect([f.format(null), f.format(12_000)]).toEqual(['—', '1.2亿元']);
    expect(formatInScale(-12_000, f.scale, 'zh')).toBe('−1.2亿元');
  });
});
