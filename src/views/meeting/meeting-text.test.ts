import { describe, expect, it } from 'vitest';
import { DECLINE_REASONS, isoDay, reasonText } from './meeting-text';

describe('reasonText()', () => {
  const cases: [string, 'zh' | 'en', string][] = [
    ['现金流不足 / weak cash flow', 'zh', '现金流不足'],
    ['现金流不足 / weak cash flow', 'en', 'weak cash flow'],
    ['担保人退出', 'en', '担保人退出'],
    ['A/B test', 'zh', 'A/B test'],
  ];
  it.each(cases)('%s in %s reads %s', (reason, lang, shown) => {
    expect(reasonText(reason, lang)).toBe(shown);
  });

  it('splits every preset into two halves', () => {
    for (const r of DECLINE_REASONS) expect(reasonText(r, 'zh')).not.toBe(reasonText(r, 'en'));
  });
});

describe('isoDay()', () => {
  it('formats a local date with zero padding', () => {
    expect(isoDay(new Date(2025, 6, 1))).toBe('2025-07-01');
    expect(isoDay(new Date(2025, 11, 31, 23, 59))).toBe('2025-12-31');
  });
});
