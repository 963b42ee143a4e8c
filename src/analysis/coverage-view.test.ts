import { describe, expect, it } from 'vitest';
import type { Enterprise } from '../domain/schema';
import { analyzeDataset } from './analyze';
import { rankUncoveredLinks } from './coverage';
import {
  buildCoverageMatrix,
  cellKey,
  explainPriority,
  isSmallCount,
  lenderChoices,
  rankedUncovered,
  scopeEnterprises,
  sortMatrixColumns,
  sortMatrixRows,
  type MatrixColumn,
  type MatrixRow,
} from './coverage-view';
import { DEFAULT_PARAMS } from './params';
import {
  createBank,
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
} from './test-fixtures';
import type { Analysis } from './types';

const at = (id: string, link: string, over: Partial<Enterprise> = {}) =>
  createEnterprise({ id, primaryLinkId: link, linkIds: [link], ...over });

let relationNo = 0;
const lend = (bankId: string, enterpriseId: string) =>
  createRelation({ id: `r${++relationNo}`, bankId, enterpriseId, creditLine: 300 });

/**
 * Chain t, every firm a small SME with need 1,000 万元, every line 300 万元:
 *   t.up   u1 (b1), u2 (c1), u3, u4                     gap 700+700+1000+1000 = 3,400
 *   t.mid  m1 (b1, c1, c2), m2 (b1), m3 (k1)            gap 100+700+700 = 1,500
 *   t.down d1, d2 (city b)                              gap 2,000
 *   t.ext  —; the leader L1 (t.down) borrows from b1 but is not an SME.
 * b1 large state bank; c1, c2 joint-stock banks; k1 city commercial bank of city a;
 * z1 a rural bank with no client; g1 a government guarantor (not a lender).
 */
function fixture(): Analysis {
  relationNo = 0;
  return analyzeDataset(
    createDataset({
      cities: [createCity(), createCity({ id: 'b', gbCode: '320500', nameZh: '乙市' })],
      enterprises: [
        at('u1', 't.up'),
        at('u2', 't.up'),
        at('u3', 't.up'),
        at('u4', 't.up'),
        at('m1', 't.mid'),
        at('m2', 't.mid'),
        at('m3', 't.mid'),
        at('d1', 't.down'),
        at('d2', 't.down', { cityId: 'b' }),
        createLeader(),
      ],
      banks: [
        createBank({ id: 'b1', nameZh: '国有大型商业银行A（示例）' }),
        createBank({ id: 'c1', type: 'joint_stock_bank', nameZh: '股份制银行B（示例）' }),
        createBank({ id: 'c2', type: 'joint_stock_bank', nameZh: '股份制银行A（示例）' }),
        createBank({
          id: 'k1',
          type: 'city_commercial_bank',
          level: 'city',
          cityIds: ['a'],
          nameZh: '甲市城商行（示例）',
        }),
        createBank({
          id: 'z1',
          type: 'rural_commercial_bank',
          level: 'city',
          cityIds: ['b'],
          nameZh: '乙市农商行（示例）',
        }),
        createBank({ id: 'g1', type: 'gov_guarantor', level: 'provincial', nameZh: '担保' }),
      ],
      creditRelations: [
        lend('b1', 'u1'),
        lend('c1', 'u2'),
        lend('b1', 'm1'),
        lend('c1', 'm1'),
        lend('c2', 'm1'),
        lend('b1', 'm2'),
        lend('k1', 'm3'),
        lend('b1', 'L1'),
      ],
    }),
  );
}

const scope = { chainId: 't' };
const cellsOf = (analysis: Analysis, opts: Parameters<typeof buildCoverageMatrix>[2]) => {
  const m = buildCoverageMatrix(analysis, scope, opts);
  return m.rows.map((r) =>
    m.columns.map((c) => {
      const cell = m.cells.get(cellKey(r.linkId, c.key));
      return cell ? `${cell.smesServed}/${cell.smes}` : 'missing';
    }),
  );
};

describe('buildCoverageMatrix()', () => {
  it('has one row per link in chain order with its SMEs, lenders, gap and §5.2 verdict', () => {
    const m = buildCoverageMatrix(fixture(), scope);
    expect(
      m.rows.map((r) => [r.linkId, r.smes, r.smesServed, r.share, r.lenders, r.gap, r.verdict]),
    ).toEqual([
      // need met (300 + 300) ÷ 4,000 = 0.15 < 0.5
      ['t.up', 4, 2, 0.5, 2, 3400, 'underfunded'],
      // coverage 1, need met 1,500 ÷ 3,000 = 0.5 < 0.8
      ['t.mid', 3, 3, 1, 4, 1500, 'partial'],
      ['t.down', 2, 0, 0, 0, 2000, 'insufficient_data'],
      ['t.ext', 0, 0, null, 0, 0, 'insufficient_data'],
    ]);
    expect(m.rows[1]?.reason).toEqual({
      code: 'PARTIAL_NEED_COVERAGE',
      value: 0.5,
      threshold: 0.8,
    });
    expect(m.rows[3]?.reason).toEqual({ code: 'FEW_SMES', smes: 0, min: 3 });
  });

  it('shows every lender present, most SMEs served first, ties by id', () => {
    const m = buildCoverageMatrix(fixture(), scope);
    // b1 serves u1, m1, m2 (the leader is no SME); c1 u2, m1; c2 m1; k1 m3.
    expect(m.columns.map((c) => [c.key, c.kind, c.smesServed, c.links])).toEqual([
      ['b1', 'bank', 3, 2],
      ['c1', 'bank', 2, 2],
      ['c2', 'bank', 1, 1],
      ['k1', 'bank', 1, 1],
    ]);
    expect(cellsOf(fixture(), {})).toEqual([
      ['1/4', '1/4', '0/4', '0/4'],
      ['2/3', '1/3', '1/3', '1/3'],
      ['0/2', '0/2', '0/2', '0/2'],
      ['0/0', '0/0', '0/0', '0/0'],
    ]);
    expect(m.total).toEqual({ smes: 9, smesServed: 5, share: 5 / 9, lenders: 4 });
  });

  it('folds the lenders after maxBanks into one “others” column of distinct SMEs', () => {
    const m = buildCoverageMatrix(fixture(), scope, { maxBanks: 2 });
    // c2 and k1 fold: in t.mid they serve m1 and m3 → 2 of 3.
    expect(m.columns.map((c) => [c.key, c.kind, c.banks, c.smesServed, c.links])).toEqual([
      ['b1', 'bank', 1, 3, 2],
      ['c1', 'bank', 1, 2, 2],
      ['others', 'others', 2, 2, 1],
    ]);
    expect(cellsOf(fixture(), { maxBanks: 2 }).map((row) => row[2])).toEqual([
      '0/4',
      '2/3',
      '0/2',
      '0/0',
    ]);
    expect(m.cells.get(cellKey('t.ext', 'others'))?.share).toBeNull();
  });

  it('in my-bank mode names only that bank and folds the others by type (§9.3)', () => {
    const m = buildCoverageMatrix(fixture(), scope, { myBankId: 'k1' });
    expect(m.columns.map((c) => [c.key, c.kind, c.bankId, c.banks, c.smesServed, c.links])).toEqual(
      [
        ['k1', 'mine', 'k1', 1, 1, 1],
        // §2.8 order: large state banks before joint-stock banks.
        ['type:large_state_bank', 'type', null, 1, 3, 2],
        ['type:joint_stock_bank', 'type', null, 2, 2, 2],
      ],
    );
    // joint-stock banks: u2 (c1) in t.up; m1 (c1 and c2) in t.mid counts once.
    expect(cellsOf(fixture(), { myBankId: 'k1' })).toEqual([
      ['0/4', '1/4', '1/4'],
      ['1/3', '2/3', '1/3'],
      ['0/2', '0/2', '0/2'],
      ['0/0', '0/0', '0/0'],
    ]);
    const competitors = m.columns.filter((c) => c.kind !== 'mine');
    expect(JSON.stringify(competitors)).not.toMatch(/"(b1|c1|c2)"/);
  });

  it('by type: one column per lender type in §2.8 order, no bank named', () => {
    const m = buildCoverageMatrix(fixture(), scope, { byType: true });
    expect(m.columns.map((c) => [c.key, c.kind, c.banks, c.smesServed])).toEqual([
      ['type:large_state_bank', 'type', 1, 3],
      ['type:joint_stock_bank', 'type', 2, 2],
      ['type:city_commercial_bank', 'type', 1, 1],
    ]);
    expect(m.columns.every((c) => c.bankId === null)).toBe(true);
  });

  it('by type with an expanded type: its banks follow the type, most SMEs first', () => {
    const m = buildCoverageMatrix(fixture(), scope, {
      byType: true,
      expandTypes: ['joint_stock_bank'],
    });
    // c1 serves u2 and m1 (2), c2 serves m1 (1).
    expect(m.columns.map((c) => [c.key, c.smesServed])).toEqual([
      ['type:large_state_bank', 3],
      ['type:joint_stock_bank', 2],
      ['c1', 2],
      ['c2', 1],
      ['type:city_commercial_bank', 1],
    ]);
    expect(sortMatrixColumns(m.columns, 'presence').map((c) => c.key)).toEqual([
      'type:large_state_bank',
      'type:joint_stock_bank',
      'c1',
      'c2',
      'type:city_commercial_bank',
    ]);
  });

  it('ignores expanded types in my-bank mode (no competitor named)', () => {
    const m = buildCoverageMatrix(fixture(), scope, {
      myBankId: 'k1',
      expandTypes: ['joint_stock_bank'],
    });
    expect(m.columns.map((c) => c.key)).toEqual([
      'k1',
      'type:large_state_bank',
      'type:joint_stock_bank',
    ]);
  });

  it('gives my bank a column even where it serves nobody', () => {
    const m = buildCoverageMatrix(fixture(), scope, { myBankId: 'z1' });
    expect(m.columns.map((c) => [c.key, c.smesServed, c.banks])).toEqual([
      ['z1', 0, 1],
      ['type:large_state_bank', 3, 1],
      ['type:joint_stock_bank', 2, 2],
      ['type:city_commercial_bank', 1, 1],
    ]);
  });

  it('counts only the enterprises inside the region scope', () => {
    const m = buildCoverageMatrix(fixture(), { chainId: 't', cityId: 'b' });
    expect(m.rows.map((r) => [r.linkId, r.smes, r.gap])).toEqual([
      ['t.up', 0, 0],
      ['t.mid', 0, 0],
      ['t.down', 1, 1000],
      ['t.ext', 0, 0],
    ]);
    expect(m.columns).toEqual([]);
  });

  it('does not mutate the analysis', () => {
    const analysis = fixture();
    const before = structuredClone({
      dataset: analysis.index.dataset,
      byEnterprise: analysis.byEnterprise,
    });
    buildCoverageMatrix(analysis, scope, { maxBanks: 1, myBankId: 'k1' });
    expect({ dataset: analysis.index.dataset, byEnterprise: analysis.byEnterprise }).toEqual(
      before,
    );
  });
});

describe('scopeEnterprises()', () => {
  it('keeps the chain’s enterprises of the scoped city or province', () => {
    const analysis = fixture();
    expect(scopeEnterprises(analysis, { chainId: 't', cityId: 'b' }).map((e) => e.id)).toEqual([
      'd2',
    ]);
    expect(scopeEnterprises(analysis, { chainId: 't' })).toHaveLength(10);
    expect(scopeEnterprises(analysis, { chainId: 'zz' })).toEqual([]);
  });
});

const row = (linkId: string, chainIndex: number, gap: number, share: number | null): MatrixRow => ({
  linkId,
  chainIndex,
  smes: 0,
  smesServed: 0,
  share,
  lenders: 0,
  gap,
  verdict: 'partial',
  reason: { code: 'SINGLE_LENDER' },
});

describe('sortMatrixRows()', () => {
  const rows = [
    row('a', 0, 500, 0.5),
    row('b', 1, 900, null),
    row('c', 2, 900, 0.2),
    row('d', 3, 0, 0.5),
  ];

  it.each([
    ['chain', ['a', 'b', 'c', 'd']],
    // 900 (b, c: chain order), 500, 0
    ['gap', ['b', 'c', 'a', 'd']],
    // 0.2, 0.5 (a, d: chain order), then the link without SMEs
    ['coverage', ['c', 'a', 'd', 'b']],
  ] as const)('sortMatrixRows(%s)', (order, expected) => {
    expect(sortMatrixRows(rows, order).map((r) => r.linkId)).toEqual(expected);
  });

  it('returns a new array and leaves the input in place', () => {
    const input = [row('x', 1, 1, 1), row('y', 0, 2, 0)];
    const sorted = sortMatrixRows(input, 'chain');
    expect(sorted.map((r) => r.linkId)).toEqual(['y', 'x']);
    expect(input.map((r) => r.linkId)).toEqual(['x', 'y']);
  });
});

const col = (
  key: string,
  kind: MatrixColumn['kind'],
  type: MatrixColumn['type'],
  smesServed: number,
): MatrixColumn => ({ key, kind, bankId: null, type, banks: 1, smesServed, links: 1 });

describe('sortMatrixColumns()', () => {
  const columns = [
    col('js', 'bank', 'joint_stock_bank', 5),
    col('others', 'others', null, 9),
    col('ls', 'bank', 'large_state_bank', 2),
    col('ccb', 'bank', 'city_commercial_bank', 5),
    col('mine', 'mine', 'village_bank', 0),
  ];

  it('by presence: my bank first, most SMEs served, ties by key, others last', () => {
    expect(sortMatrixColumns(columns, 'presence').map((c) => c.key)).toEqual([
      'mine',
      'ccb',
      'js',
      'ls',
      'others',
    ]);
  });

  it('by type: §2.8 institution-type order, others last', () => {
    expect(sortMatrixColumns(columns, 'type').map((c) => c.key)).toEqual([
      'mine',
      'ls',
      'js',
      'ccb',
      'others',
    ]);
    expect(columns[0]?.key).toBe('js');
  });
});

describe('explainPriority()', () => {
  const coverage = { gap: 1000 } as Parameters<typeof explainPriority>[0]['coverage'];
  it.each([
    [false, false, [], 1000],
    [true, false, [{ code: 'weakLink', factor: 1.5 }], 1500],
    [false, true, [{ code: 'leaderBuysInCity', factor: 1.2 }], 1200],
    [
      true,
      true,
      [
        { code: 'weakLink', factor: 1.5 },
        { code: 'leaderBuysInCity', factor: 1.2 },
      ],
      1800,
    ],
  ])('weak %s, leader buys %s → %j, priority %d', (isWeak, leaderBuysInCity, factors, priority) => {
    const x = explainPriority({ coverage, isWeak, leaderBuysInCity }, DEFAULT_PARAMS);
    expect(x.gap).toBe(1000);
    expect(x.factors).toEqual(factors);
    expect(x.priority).toBeCloseTo(priority, 9);
  });

  it('matches the priority rankUncoveredLinks() ranked by', () => {
    const analysis = fixture();
    const ranked = rankUncoveredLinks(analysis, scopeEnterprises(analysis, scope));
    // t.up is weak and underfunded: 3,400 × 1.5
    expect(ranked.map((u) => u.linkId)).toEqual(['t.up']);
    for (const u of ranked) {
      expect(explainPriority(u, analysis.params).priority).toBeCloseTo(u.priority, 9);
    }
    expect(ranked[0]?.priority).toBeCloseTo(5100, 9);
  });
});

describe('rankedUncovered()', () => {
  it('ranks from 1 within the scope given and works out each priority', () => {
    const analysis = fixture();
    // In city b only d2 (t.down) is in scope: its rank is 1, not its national rank.
    const inB = rankUncoveredLinks(
      analysis,
      scopeEnterprises(analysis, { chainId: 't', cityId: 'b' }),
      'link',
    );
    const rows = rankedUncovered(inB, DEFAULT_PARAMS);
    expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
    const all = rankedUncovered(
      rankUncoveredLinks(analysis, scopeEnterprises(analysis, scope), 'link'),
      DEFAULT_PARAMS,
    );
    expect(all.map((r) => r.rank)).toEqual(all.map((_, i) => i + 1));
    for (const r of all) {
      expect(r.priority).toBeCloseTo(r.factors.reduce((p, f) => p * f.factor, r.gap));
    }
    // sorted by the priority shown, largest first
    expect([...all].sort((a, b) => b.priority - a.priority).map((r) => r.linkId)).toEqual(
      all.map((r) => r.linkId),
    );
  });
});

describe('isSmallCount()', () => {
  it.each([
    [0, false],
    [1, true],
    [2, true],
    [3, false],
    [40, false],
  ])('%d → %s', (n, small) => {
    expect(isSmallCount(n)).toBe(small);
  });
});

describe('lenderChoices()', () => {
  it('lists lenders only, national and local apart, by type then name', () => {
    const { national, local } = lenderChoices(fixture());
    expect(national.map((b) => b.id)).toEqual(['b1', 'c2', 'c1']);
    expect(local.map((b) => b.id)).toEqual(['k1', 'z1']);
  });
});
