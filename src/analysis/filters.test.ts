import { describe, expect, it } from 'vitest';
import type { Dataset } from '../domain/schema';
import { analyzeDataset } from './analyze';
import {
  buildChainContext,
  EMPTY_FILTERS,
  facetCounts,
  filterEnterprises,
  searchChain,
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
