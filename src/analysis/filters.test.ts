import { describe, expect, it } from 'vitest';
import type { Dataset } from '../domain/schema';
import { analyzeDataset } from './analyze';
import {
  buildChainContext,
  EMPTY_FILTERS,
  facetCounts,
  filterEnterprises,
  filtersHiding,
  searchChain,
  type Filters,
} from './filters';
import {
  createBank,
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
} from './test-fixtures';

/**
 * Chain t. City a (Jiangsu): e1, e2, e3 in t.mid; L1 (leader) in t.down.
 * City b (Zhejiang): e4 in t.up, e5 in t.mid.
 * Credit: e1 ← b1 (line 1000 = its need → gap 0), e4 ← b2 (line 100, need 1000 → gap 900).
 * Gaps: e1 0, e2 1000, e3 1000, e4 900, e5 1000, L1 0.
 */
function fixture(): Dataset {
  return createDataset({
    cities: [
      createCity(),
      createCity({
        id: 'b',
        gbCode: '330100',
        nameZh: '乙市',
        nameEn: 'City B',
        provinceZh: '浙江',
        provinceEn: 'Zhejiang',
      }),
    ],
    enterprises: [
      createEnterprise({
        id: 'e1',
        nameZh: '示例·甲市·隔膜企业001（演示）',
        uscc: '91320400DE00000H56',
      }),
      createEnterprise({ id: 'e2', uscc: '91320400DE0000014J' }),
      createEnterprise({ id: 'e3', srdiTier: 'little_giant', uscc: '91320400DE0000022A' }),
      createEnterprise({
        id: 'e4',
        cityId: 'b',
        primaryLinkId: 't.up',
        linkIds: ['t.up'],
        uscc: '91330100DE0000031X',
      }),
      createEnterprise({
        id: 'e5',
        cityId: 'b',
        nameEn: 'Demo Separator Co.',
        uscc: '91330100DE0000042P',
      }),
      createLeader({ uscc: '91320400DE0000050C' }),
    ],
    banks: [
      createBank(),
      createBank({ id: 'b2', type: 'city_commercial_bank', level: 'city', cityIds: ['b'] }),
    ],
    creditRelations: [
      createRelation({ id: 'r1', enterpriseId: 'e1', creditLine: 1000 }),
      createRelation({
        id: 'r4',
        enterpriseId: 'e4',
        bankId: 'b2',
        creditLine: 100,
        outstanding: 50,
      }),
    ],
  });
}

const ids = (es: { id: string }[]) => es.map((e) => e.id).sort();

describe('filterEnterprises()', () => {
  const ctx = buildChainContext(analyzeDataset(fixture()), 't');

  it('no filter keeps the whole chain', () => {
    expect(ids(filterEnterprises(ctx, EMPTY_FILTERS))).toEqual([
      'L1',
      'e1',
      'e2',
      'e3',
      'e4',
      'e5',
    ]);
  });

  it.each([
    [{ province: '浙江' }, ['e4', 'e5']],
    [{ city: 'a' }, ['L1', 'e1', 'e2', 'e3']],
    [{ stage: 'upstream' }, ['e4']],
    [{ link: 't.mid' }, ['e1', 'e2', 'e3', 'e5']],
    [{ role: 'leader' }, ['L1']],
    [{ srdi: 'little_giant' }, ['e3']],
    [{ lender: 'b2' }, ['e4']],
    [{ gapMin: 950 }, ['e2', 'e3', 'e5']],
    [{ city: 'a', link: 't.mid', gapMin: 1 }, ['e2', 'e3']],
  ] as const)('%o keeps %o', (f, expected) => {
    expect(ids(filterEnterprises(ctx, { ...EMPTY_FILTERS, ...f }))).toEqual(expected);
  });

  it('filters by the link × city verdict: t.mid in city a has 3 SMEs, 1 covered → uncovered', () => {
    // coverage 1/3 = 0.33 < 0.40 → uncovered; city b's groups have < 3 SMEs → insufficient data
    expect(ids(filterEnterprises(ctx, { ...EMPTY_FILTERS, verdict: 'uncovered' }))).toEqual([
      'e1',
      'e2',
      'e3',
    ]);
  });
});

describe('facetCounts()', () => {
  const ctx = buildChainContext(analyzeDataset(fixture()), 't');

  it('counts each value under the other filters, ignoring the facet’s own choice', () => {
    const counts = facetCounts(ctx, { ...EMPTY_FILTERS, city: 'a' });
    // city facet ignores city=a: a has 4 (e1 e2 e3 L1), b has 2
    expect(counts.city.get('a')).toBe(4);
    expect(counts.city.get('b')).toBe(2);
    // link facet under city=a: t.mid 3, t.down 1, no t.up
    expect(counts.link.get('t.mid')).toBe(3);
    expect(counts.link.get('t.down')).toBe(1);
    expect(counts.link.has('t.up')).toBe(false);
  });

  it('adding a filter narrows the other facets’ counts', () => {
    const before = facetCounts(ctx, EMPTY_FILTERS).link.get('t.mid');
    const after = facetCounts(ctx, { ...EMPTY_FILTERS, gapMin: 950 }).link.get('t.mid');
    expect(before).toBe(4);
    expect(after).toBe(3); // e1 (gap 0) drops out
  });
});

describe('searchChain()', () => {
  const ctx = buildChainContext(analyzeDataset(fixture()), 't');

  it('finds links by name and enterprises by name in either language', () => {
    expect(searchChain(ctx, '中游')).toEqual([{ kind: 'link', id: 't.mid' }]);
    expect(searchChain(ctx, '隔膜')).toEqual([{ kind: 'enterprise', id: 'e1' }]);
    expect(searchChain(ctx, 'separator')).toEqual([{ kind: 'enterprise', id: 'e5' }]);
  });

  it('finds an enterprise by USCC prefix typed in full-width or lower case', () => {
    expect(searchChain(ctx, '９１３２０４００ＤＥ０００００１４')).toEqual([
      { kind: 'enterprise', id: 'e2' },
    ]);
    expect(searchChain(ctx, '91320400de00000h')).toEqual([{ kind: 'enterprise', id: 'e1' }]);
  });

  it('an empty query finds nothing', () => {
    expect(searchChain(ctx, '  ')).toEqual([]);
  });
});

describe('filtersHiding()', () => {
  const ctx = buildChainContext(analyzeDataset(fixture()), 't');

  it.each([
    // e5 is in t.mid but in city b
    ['e5', { city: 'a', link: 't.mid' }, ['city']],
    // e4 (b, 浙江, no SRDI tier, gap 900) fails all four, in facet order, the gap last
    [
      'e4',
      { province: '江苏', city: 'a', srdi: 'little_giant', gapMin: 950 },
      ['province', 'city', 'srdi', 'gapMin'],
    ],
    ['e1', { role: 'leader' }, ['role']],
    // e1 borrows from b1 only
    ['e1', { lender: 'b2' }, ['lender']],
    ['e1', { gapMin: 1 }, ['gapMin']],
    ['e4', { link: 't.mid', stage: 'midstream' }, ['stage', 'link']],
  ] as const)('filtersHiding(%s, %o) is %o', (id, f, expected) => {
    expect(filtersHiding(ctx, { ...EMPTY_FILTERS, ...f }, id)).toEqual(expected);
  });

  it('filtersHiding() is empty for an enterprise the filters show', () => {
    expect(
      filtersHiding(ctx, { ...EMPTY_FILTERS, city: 'a', link: 't.mid', gapMin: 1 }, 'e2'),
    ).toEqual([]);
    expect(filtersHiding(ctx, EMPTY_FILTERS, 'e4')).toEqual([]);
  });

  it('filtersHiding() is empty for an enterprise not of the chain', () => {
    expect(filtersHiding(ctx, { ...EMPTY_FILTERS, city: 'a', gapMin: 5000 }, 'nope')).toEqual([]);
  });

  it.each<Partial<Filters>>([
    { city: 'a' },
    { province: '浙江', gapMin: 950 },
    { link: 't.mid', srdi: 'little_giant' },
    { lender: 'b2', stage: 'upstream' },
  ])(
    'filtersHiding() names a filter exactly for the enterprises filterEnterprises() drops (%o)',
    (f) => {
      const filters = { ...EMPTY_FILTERS, ...f };
      const shown = new Set(filterEnterprises(ctx, filters).map((e) => e.id));
      for (const e of ctx.enterprises) {
        expect({ id: e.id, hidden: filtersHiding(ctx, filters, e.id).length > 0 }).toEqual({
          id: e.id,
          hidden: !shown.has(e.id),
        });
      }
    },
  );
});
