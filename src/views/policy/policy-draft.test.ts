import { describe, expect, it } from 'vitest';
import { buildDatasetIndex } from '../../analysis/dataset-index';
import { DEFAULT_PARAMS } from '../../analysis/params';
import type { PolicyCard, PolicyCardProduct } from '../../analysis/policy-card';
import { createBank, createCity, createDataset } from '../../analysis/test-fixtures';
import type { Analysis } from '../../analysis/types';
import {
  buildGeneratedDraft,
  defaultQuota,
  defaultRateCap,
  generatedTexts,
  generatedTitle,
  policyDraftKey,
  policyDraftKeyOf,
  PolicyDraftSchema,
  validateDraft,
  isoDateIn,
  formatSavedAt,
  validityAfter,
  type DraftContext,
  type DraftValues,
} from './policy-draft';

const noRoles = { fill: 0, stabilize: 0, extend: 0, strengthen: 0, leader: 0, general: 0 };

const product = (over: Partial<PolicyCardProduct>): PolicyCardProduct => ({
  code: 'SCF_AR',
  weight: 0,
  firms: 0,
  gapAddressed: 0,
  topLinks: [],
  roleMix: { ...noRoles },
  policyTools: [],
  ...over,
});

/** Chain t, bank b1 (国有大型商业银行A（示例）), data date 2025-06-30, 1-year LPR 3.00%. */
function ctxOf(card: Partial<PolicyCard> = {}, scope: DraftContext['scope'] = { chainId: 't' }) {
  const index = buildDatasetIndex(
    createDataset({
      cities: [
        createCity(),
        createCity({ id: 'b', gbCode: '320200', nameZh: '乙市', nameEn: 'City B' }),
      ],
      banks: [createBank()],
    }),
  );
  const analysis: Analysis = { index, params: DEFAULT_PARAMS, byEnterprise: new Map() };
  const fullCard: PolicyCard = {
    chainId: 't',
    totals: { smes: 10, firmsWithGap: 6, gap: 2345 },
    products: [
      product({
        code: 'SCF_AR',
        topLinks: [{ linkId: 't.down', weight: 900 }],
        roleMix: { ...noRoles, stabilize: 2, general: 1 },
      }),
      product({
        code: 'MLT_LOAN',
        topLinks: [
          { linkId: 't.up', weight: 500 },
          { linkId: 't.down', weight: 100 },
        ],
        roleMix: { ...noRoles, fill: 1 },
      }),
      product({ code: 'CREDIT_LOAN', roleMix: { ...noRoles, general: 4 } }),
    ],
    weakLinks: [],
    participatingBanks: [],
    ...card,
  };
  return { analysis, card: fullCard, scope, bankId: 'b1' };
}

describe('policyDraftKey()', () => {
  it.each([
    [{ chainId: 'nev' }, 'policy:demo-v1:nev:b-state-a:all'],
    [{ chainId: 'nev', provinceZh: '江苏' }, 'policy:demo-v1:nev:b-state-a:prov=江苏'],
    [{ chainId: 'nev', cityId: 'changzhou' }, 'policy:demo-v1:nev:b-state-a:city=changzhou'],
  ])('%o → %s', (scope, expected) => {
    expect(policyDraftKey('demo-v1', scope, 'b-state-a')).toBe(expected);
  });
});

describe('policyDraftKeyOf()', () => {
  it.each([
    [{ chainId: 't' }, 'policy:ds-1:t:b1:all'],
    [{ chainId: 't', provinceZh: '江苏' }, 'policy:ds-1:t:b1:prov=江苏'],
    [{ chainId: 't', cityId: 'b' }, 'policy:ds-1:t:b1:city=b'],
  ])('finds the key of the generated draft for %o: %s', (scope, expected) => {
    const draft = buildGeneratedDraft(ctxOf({}, scope));
    expect(policyDraftKeyOf('ds-1', draft)).toBe(expected);
    expect(policyDraftKeyOf('ds-1', draft)).toBe(policyDraftKey('ds-1', scope, 'b1'));
  });

  it.each([
    { id: 'p-t-all-b2', chainId: 't', bankIds: ['b1'] },
    { id: 'p-u-all-b1', chainId: 't', bankIds: ['b1'] },
    { id: 'p-t--b1', chainId: 't', bankIds: ['b1'] },
    { id: 'p-t-all-b1', chainId: 't', bankIds: [] },
  ])('gives null for an id it did not make: %o', (draft) => {
    expect(policyDraftKeyOf('ds-1', draft)).toBeNull();
  });
});

describe('validityAfter()', () => {
  it.each([
    ['2025-06-30', '2025-07-01', '2026-06-30'],
    ['2025-12-15', '2026-01-01', '2026-12-31'],
    ['2024-01-31', '2024-02-01', '2025-01-31'],
  ])('%s → %s … %s', (asOf, validFrom, validTo) => {
    expect(validityAfter(asOf)).toEqual({ validFrom, validTo });
  });
});

describe('defaultQuota()', () => {
  it.each([
    [234951, 117500], // 117,475.5 → up to the next 100
    [2345, 1200], // 1,172.5 → 1,200
    [200, 100],
    [0, 0],
  ])('half of gap %d, rounded up to 100 → %d', (gap, expected) => {
    expect(defaultQuota(gap)).toBe(expected);
  });
});

describe('defaultRateCap()', () => {
  it('is the 1-year LPR + 1 point', () => {
    expect(defaultRateCap(3)).toBe(4);
    expect(defaultRateCap(3.1)).toBe(4.1);
  });
});

describe('generatedTitle()', () => {
  it('names bank and chain, and the region when narrowed', () => {
    expect(generatedTitle(ctxOf(), 'zh')).toBe('国有大型商业银行A（示例） — 测试链产业链专属方案');
    expect(generatedTitle(ctxOf({}, { chainId: 't', cityId: 'b' }), 'zh')).toBe(
      '国有大型商业银行A（示例） — 测试链产业链专属方案·江苏·乙市',
    );
    expect(generatedTitle(ctxOf({}, { chainId: 't', provinceZh: '江苏' }), 'en')).toBe(
      'Large State-owned Bank A (demo) — Test chain chain package, Jiangsu',
    );
  });
});

describe('generatedTexts()', () => {
  it('writes the card’s figures and its three heaviest products into the introduction', () => {
    const { introduction } = generatedTexts(ctxOf(), 'zh');
    expect(introduction).toContain('有融资缺口的中小企业 6 家，缺口合计 2,345万元');
    expect(introduction).toContain('应收账款融资、中长期贷款、信用贷款');
    expect(introduction).toContain('全国测试链产业链');
  });

  it('reads as English prose: “across China”, product names in lower case', () => {
    const { introduction } = generatedTexts(ctxOf(), 'en');
    expect(introduction).toContain('the SMEs of the Test chain chain across China.');
    expect(introduction).toContain(
      'the products most needed are receivables financing, medium/long-term loan, credit (unsecured) loan.',
    );
    expect(generatedTexts(ctxOf({}, { chainId: 't', cityId: 'b' }), 'en').introduction).toContain(
      'chain in City B, Jiangsu.',
    );
  });

  it('says so when no SME has a gap', () => {
    const { introduction } = generatedTexts(
      ctxOf({ totals: { smes: 3, firmsWithGap: 0, gap: 0 }, products: [] }),
      'en',
    );
    expect(introduction).toContain('No SME in scope has a financing gap');
  });

  it('gives the eligibility of the batch candidates', () => {
    expect(generatedTexts(ctxOf(), 'zh').eligibilityNotes).toContain('非失信被执行人');
  });
});

describe('buildGeneratedDraft()', () => {
  it('builds a valid ChainPolicy from the card, worked by hand', () => {
    const draft = buildGeneratedDraft(ctxOf({}, { chainId: 't', provinceZh: '江苏' }));
    expect(draft).toEqual({
      id: 'p-t-prov=江苏-b1',
      chainId: 't',
      cityIds: [],
      bankIds: ['b1'],
      titleZh: '国有大型商业银行A（示例） — 测试链产业链专属方案·江苏',
      titleEn: 'Large State-owned Bank A (demo) — Test chain chain package, Jiangsu',
      products: ['SCF_AR', 'MLT_LOAN', 'CREDIT_LOAN'],
      // roles of the products' firms, in precedence order; general is not a target
      targetRoles: ['fill', 'stabilize'],
      // top links in chain order (t.up, t.mid, t.down, t.ext)
      targetLinkIds: ['t.up', 't.down'],
      eligibility: [{ ruleId: 'not_dishonest_debtor' }, { ruleId: 'gap_positive' }],
      creditQuota: 1200,
      rateCapPct: 4,
      guaranteeFeeCapPct: 1,
      validFrom: '2025-07-01',
      validTo: '2026-06-30',
      introduction: '',
      eligibilityNotes: '',
      savedAt: null,
    });
    expect(PolicyDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('sets no quota when there is no gap', () => {
    const draft = buildGeneratedDraft(ctxOf({ totals: { smes: 1, firmsWithGap: 0, gap: 0 } }));
    expect(draft.creditQuota).toBeUndefined();
  });
});

describe('PolicyDraftSchema', () => {
  it('rejects a record without the text fields (an older or foreign record)', () => {
    const { introduction: _i, ...rest } = buildGeneratedDraft(ctxOf());
    expect(PolicyDraftSchema.safeParse(rest).success).toBe(false);
    expect(_i).toBe('');
  });
});

const values = (over: Partial<DraftValues> = {}): DraftValues => ({
  titleZh: '标题',
  titleEn: 'Title',
  creditQuota: 1000,
  rateCapPct: 4,
  guaranteeFeeCapPct: 1,
  validFrom: '2025-07-01',
  validTo: '2026-06-30',
  ...over,
});

describe('validateDraft()', () => {
  it('accepts valid values, and empty optional numbers', () => {
    expect(validateDraft(values())).toEqual([]);
    expect(
      validateDraft(values({ creditQuota: null, rateCapPct: null, guaranteeFeeCapPct: null })),
    ).toEqual([]);
  });

  it.each([
    [{ titleEn: '  ' }, 'title', 'policy.err.title'],
    [{ creditQuota: -1 }, 'quota', 'policy.err.quota'],
    [{ creditQuota: 10.005 }, 'quota', 'policy.err.quota'],
    [{ creditQuota: Number.NaN }, 'quota', 'policy.err.quota'],
    [{ rateCapPct: 0 }, 'rateCap', 'policy.err.rate'],
    [{ rateCapPct: 20.5 }, 'rateCap', 'policy.err.rate'],
    [{ guaranteeFeeCapPct: -0.1 }, 'feeCap', 'policy.err.fee'],
    [{ guaranteeFeeCapPct: 11 }, 'feeCap', 'policy.err.fee'],
    [{ validFrom: '' }, 'dates', 'policy.err.dates'],
    [{ validTo: '2026-02-30' }, 'dates', 'policy.err.dates'],
    [{ validTo: '2025-06-30' }, 'dates', 'policy.err.dateOrder'],
  ] as const)('%o is an error on %s', (over, field, key) => {
    expect(validateDraft(values(over))).toEqual([{ field, severity: 'error', key }]);
  });

  it('warns, without blocking, above the 1.5% guarantee-fee cap', () => {
    expect(validateDraft(values({ guaranteeFeeCapPct: 2 }))).toEqual([
      { field: 'feeCap', severity: 'warning', key: 'policy.warn.fee' },
    ]);
    expect(validateDraft(values({ guaranteeFeeCapPct: 1.5 }))).toEqual([]);
  });

  it('accepts quota 12.34 (two decimals)', () => {
    expect(validateDraft(values({ creditQuota: 12.34 }))).toEqual([]);
  });
});

describe('isoDateIn()', () => {
  it('gives the Asia/Shanghai date (UTC + 8)', () => {
    expect(isoDateIn(new Date('2025-06-30T15:59:00Z'))).toBe('2025-06-30');
    expect(isoDateIn(new Date('2025-06-30T16:00:00Z'))).toBe('2025-07-01');
  });
});

describe('formatSavedAt()', () => {
  it('gives date and minutes in Asia/Shanghai', () => {
    expect(formatSavedAt('2025-06-30T06:05:09.000Z')).toBe('2025-06-30 14:05');
    expect(formatSavedAt('2025-06-30T16:00:00.000Z')).toBe('2025-07-01 00:00');
  });
});
