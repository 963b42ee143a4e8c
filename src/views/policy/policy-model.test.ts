import { describe, expect, it } from 'vitest';
import { buildDatasetIndex } from '../../analysis/dataset-index';
import {
  createBank,
  createCity,
  createDataset,
  createEnterprise,
} from '../../analysis/test-fixtures';
import {
  chosenBankId,
  formatQuota,
  issueDateOf,
  validityProblem,
  lenderOptions,
  parseBoundedInt,
  policyToolsOf,
  regionOptions,
  roleMixEntries,
  scopeCityIds,
  scopeKey,
  scopeName,
  scopeOf,
} from './policy-model';

/**
 * Cities: a 甲市 (江苏 320400), b 乙市 (江苏 320200), c 丙市 (浙江 330100), d 丁市 (浙江, no firm of t).
 * Chain t has firms in a, b, c. Lenders: national b-nat, b-pol (policy bank); local b-loc-a (a),
 * b-loc-d (d). b-guar is a guarantor (not a lender).
 */
function index() {
  return buildDatasetIndex(
    createDataset({
      cities: [
        createCity(),
        createCity({ id: 'b', gbCode: '320200', nameZh: '乙市', nameEn: 'City B' }),
        createCity({
          id: 'c',
          gbCode: '330100',
          nameZh: '丙市',
          nameEn: 'City C',
          provinceZh: '浙江',
          provinceEn: 'Zhejiang',
        }),
        createCity({ id: 'd', gbCode: '330200', provinceZh: '浙江', provinceEn: 'Zhejiang' }),
      ],
      enterprises: [
        createEnterprise({ id: 'e1', cityId: 'a' }),
        createEnterprise({ id: 'e2', cityId: 'b' }),
        createEnterprise({ id: 'e3', cityId: 'c' }),
      ],
      banks: [
        createBank({ id: 'b-nat' }),
        createBank({ id: 'b-pol', type: 'policy_bank' }),
        createBank({ id: 'b-loc-a', type: 'city_commercial_bank', level: 'city', cityIds: ['a'] }),
        createBank({ id: 'b-loc-d', type: 'rural_commercial_bank', level: 'city', cityIds: ['d'] }),
        createBank({ id: 'b-guar', type: 'gov_guarantor', level: 'provincial', cityIds: ['a'] }),
      ],
    }),
  );
}

describe('scopeOf()', () => {
  it.each([
    [{ province: null, city: null }, { chainId: 't' }],
    [
      { province: '江苏', city: null },
      { chainId: 't', provinceZh: '江苏' },
    ],
    [
      { province: '江苏', city: 'a' },
      { chainId: 't', cityId: 'a' },
    ],
  ])('%o → %o', (region, expected) => {
    expect(scopeOf('t', region)).toEqual(expected);
  });
});

describe('scopeKey()', () => {
  it.each([
    [{ chainId: 't' }, 'all'],
    [{ chainId: 't', provinceZh: '江苏' }, 'prov=江苏'],
    [{ chainId: 't', cityId: 'a' }, 'city=a'],
  ])('%o → %s', (scope, expected) => {
    expect(scopeKey(scope)).toBe(expected);
  });
});

describe('scopeName()', () => {
  it.each([
    [{ chainId: 't' }, 'zh', '全国'],
    [{ chainId: 't' }, 'en', 'All of China'],
    [{ chainId: 't', provinceZh: '浙江' }, 'zh', '浙江'],
    [{ chainId: 't', provinceZh: '浙江' }, 'en', 'Zhejiang'],
    [{ chainId: 't', cityId: 'b' }, 'zh', '江苏·乙市'],
    [{ chainId: 't', cityId: 'b' }, 'en', 'City B, Jiangsu'],
  ] as const)('%o in %s → %s', (scope, lang, expected) => {
    expect(scopeName(index(), scope, lang)).toBe(expected);
  });
});

describe('scopeCityIds()', () => {
  it('is empty for all of China, the chain’s cities of a province by GB code, or the city', () => {
    expect(scopeCityIds(index(), { chainId: 't' })).toEqual([]);
    expect(scopeCityIds(index(), { chainId: 't', provinceZh: '江苏' })).toEqual(['b', 'a']);
    expect(scopeCityIds(index(), { chainId: 't', provinceZh: '浙江' })).toEqual(['c']);
    expect(scopeCityIds(index(), { chainId: 't', cityId: 'a' })).toEqual(['a']);
  });
});

describe('regionOptions()', () => {
  it('lists provinces and cities with firms of the chain, by GB/T 2260 code', () => {
    expect(regionOptions(index(), 't')).toEqual([
      {
        provinceZh: '江苏',
        provinceEn: 'Jiangsu',
        cities: [
          { id: 'b', nameZh: '乙市', nameEn: 'City B' },
          { id: 'a', nameZh: '甲市', nameEn: 'City A' },
        ],
      },
      {
        provinceZh: '浙江',
        provinceEn: 'Zhejiang',
        cities: [{ id: 'c', nameZh: '丙市', nameEn: 'City C' }],
      },
    ]);
  });

  it('is empty for a chain without firms', () => {
    expect(regionOptions(index(), 'none')).toEqual([]);
  });
});

describe('lenderOptions()', () => {
  it('offers national lenders by type, then local lenders where the chain has firms', () => {
    expect(lenderOptions(index(), { chainId: 't' }).map((b) => b.id)).toEqual([
      'b-pol',
      'b-nat',
      'b-loc-a',
    ]);
  });

  it('drops local banks outside the scope', () => {
    expect(lenderOptions(index(), { chainId: 't', cityId: 'b' }).map((b) => b.id)).toEqual([
      'b-pol',
      'b-nat',
    ]);
  });

  it('marks national banks', () => {
    const [pol, , loc] = lenderOptions(index(), { chainId: 't' });
    expect(pol?.national).toBe(true);
    expect(loc?.national).toBe(false);
  });
});

describe('chosenBankId()', () => {
  const options = lenderOptions(index(), { chainId: 't' });

  it('keeps the chosen bank when it is an option', () => {
    expect(chosenBankId('b-loc-a', [{ bankId: 'b-nat' }], options)).toBe('b-loc-a');
  });

  it('falls back to the participating bank serving most SMEs that is an option', () => {
    expect(chosenBankId('b-loc-d', [{ bankId: 'b-guar' }, { bankId: 'b-nat' }], options)).toBe(
      'b-nat',
    );
  });

  it('falls back to the first option, or null without options', () => {
    expect(chosenBankId(null, [], options)).toBe('b-pol');
    expect(chosenBankId(null, [], [])).toBeNull();
  });
});

describe('policyToolsOf()', () => {
  it('takes the products’ tools in order, without repeats', () => {
    expect(
      policyToolsOf(
        [
          { policyTools: ['payment_60_days', 'scf_rules'] },
          { policyTools: ['scf_rules', 'tech_relending'] },
        ],
        null,
      ),
    ).toEqual(['payment_60_days', 'scf_rules', 'tech_relending']);
  });

  it('adds the guarantee-fee caps when the policy sets a fee cap', () => {
    expect(policyToolsOf([{ policyTools: ['tech_relending'] }], 1)).toEqual([
      'tech_relending',
      'guarantee_fee_cap',
    ]);
    expect(policyToolsOf([{ policyTools: ['guarantee_fee_cap'] }], 0)).toEqual([
      'guarantee_fee_cap',
    ]);
  });
});

describe('roleMixEntries()', () => {
  it('keeps roles with firms, in precedence order', () => {
    expect(
      roleMixEntries({ fill: 0, stabilize: 2, extend: 0, strengthen: 1, leader: 0, general: 3 }),
    ).toEqual([
      ['stabilize', 2],
      ['strengthen', 1],
      ['general', 3],
    ]);
  });
});

describe('parseBoundedInt()', () => {
  it.each([
    ['12', 12],
    [' 5 ', 5],
    ['1', 1],
    ['100', 100],
    ['0', null],
    ['101', null],
    ['2.5', null],
    ['-3', null],
    ['', null],
    ['abc', null],
    ['1e2', null],
  ])('%j → %s', (text, expected) => {
    expect(parseBoundedInt(text, 1, 100)).toBe(expected);
  });
});

describe('formatQuota()', () => {
  it.each([
    [117500, 'zh', '117,500万元（11.75亿元）'],
    [850, 'zh', '850万元'],
    [1234.56, 'zh', '1,234.56万元'],
    [10000, 'zh', '10,000万元（1亿元）'],
    [117500, 'en', 'CNY 1,175m'],
    [1234.56, 'en', 'CNY 12.3456m'],
    [0, 'en', 'CNY 0m'],
  ] as const)('%d in %s → %s', (wan, lang, expected) => {
    expect(formatQuota(wan, lang)).toBe(expected);
  });
});

describe('issueDateOf() / validityProblem(): a card’s dates from one source, not the clock', () => {
  const meeting = (id: string, cityId: string, date: string) => ({
    id,
    titleZh: id,
    chainIds: ['t'],
    cityId,
    date,
    bankIds: [],
    batchIds: [],
  });
  const indexWith = (meetings: ReturnType<typeof meeting>[]) => {
    const d = createDataset({
      cities: [createCity(), createCity({ id: 'b', gbCode: '320500', provinceZh: '浙江' })],
    });
    d.meta = { ...d.meta, asOf: '2025-06-30' };
    return buildDatasetIndex({ ...d, meetings });
  };

  it('takes the latest meeting of the chain in the region held by the data date', () => {
    const index = indexWith([
      meeting('m1', 'a', '2025-05-10'),
      meeting('m2', 'a', '2025-06-18'),
      meeting('m3', 'a', '2025-09-01'),
      meeting('m4', 'b', '2025-06-25'),
    ]);
    expect(issueDateOf(index, { chainId: 't', cityId: 'a' })).toEqual({
      date: '2025-06-18',
      source: 'meeting',
      meetingId: 'm2',
    });
    expect(issueDateOf(index, { chainId: 't' })).toMatchObject({ date: '2025-06-25' });
    expect(issueDateOf(index, { chainId: 't', provinceZh: '江苏' })).toMatchObject({
      meetingId: 'm2',
    });
  });

  it('falls back to the data date without a meeting', () => {
    expect(issueDateOf(indexWith([]), { chainId: 't' })).toEqual({
      date: '2025-06-30',
      source: 'data',
    });
  });

  it.each([
    ['2026-12-04', 'expired'],
    ['2025-06-30', null],
    ['2025-06-18', null],
    ['2024-05-01', 'early'],
  ] as const)('issued %s for 2025-07-01 – 2026-06-30 → %s', (issued, problem) => {
    expect(validityProblem(issued, '2025-07-01', '2026-06-30')).toBe(problem);
  });
});
