import { describe, expect, it } from 'vitest';
import {
  canName,
  hidesSmallCounts,
  institutionLabel,
  pairFactorsText,
  pairFit,
  productFit,
} from './labels';

describe('productFit() / pairFit(): scores in words', () => {
  it.each([
    [0.9, 'strong'],
    [0.8, 'strong'],
    [0.7, 'medium'],
    [0.6, 'medium'],
    [0.5, 'weak'],
  ] as const)('product score %d → %s', (score, level) => {
    expect(productFit(score)).toBe(level);
  });

  it.each([
    [0.822, 'strong'],
    [0.75, 'strong'],
    [0.7, 'medium'],
    [0.59, 'weak'],
  ] as const)('batch score %d → %s', (score, level) => {
    expect(pairFit(score)).toBe(level);
  });

  it('names the terms of a batch score, largest first', () => {
    expect(
      pairFactorsText({ fit: 0.28, gap: 0.1768, role: 0.2, size: 0.1, novelty: 0.06 }, 'zh'),
    ).toBe('产品适配 0.28 + 链上角色 0.20 + 缺口大小 0.18 + 规模匹配 0.10 + 首贷/老客户 0.06');
    expect(pairFactorsText({ fit: 0.1, gap: 0.2, role: 0, size: 0, novelty: 0 }, 'en')).toMatch(
      /^size of the gap 0\.20 \+ product fit 0\.10/,
    );
  });
});

describe('disclosure (domain.md §9.3)', () => {
  const b2 = {
    id: 'b2',
    nameZh: '乙市城商行',
    nameEn: 'City B Bank',
    type: 'city_commercial_bank' as const,
  };
  it('the department names every institution and every count', () => {
    const d = { perspective: 'gov' as const, myBankId: null };
    expect(canName(d, 'b2')).toBe(true);
    expect(institutionLabel(d, b2, 'zh')).toBe('乙市城商行');
    expect(hidesSmallCounts(d)).toBe(false);
  });
  it('a bank names itself only; others by type', () => {
    const d = { perspective: 'bank' as const, myBankId: 'b1' };
    expect(canName(d, 'b1')).toBe(true);
    expect(canName(d, 'b2')).toBe(false);
    expect(institutionLabel(d, b2, 'zh')).toBe('城市商业银行');
    expect(institutionLabel(d, b2, 'en')).toBe('City commercial bank');
    expect(hidesSmallCounts(d)).toBe(true);
  });
  it('a public screen names nobody, not even a chosen bank', () => {
    const d = { perspective: 'public' as const, myBankId: 'b2' };
    expect(canName(d, 'b2')).toBe(false);
    expect(institutionLabel(d, undefined, 'zh')).toBe('其他');
  });
});
