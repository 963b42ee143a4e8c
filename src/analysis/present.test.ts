import { describe, expect, it } from 'vitest';
import type { Batch, BatchItem, BatchStatus, InstitutionType } from '../domain/schema';
import { analyzeDataset } from './analyze';
import {
  approvedEnterprises,
  bankBatchRows,
  chainSummary,
  cityGapRanking,
  enterpriseAliases,
  groupByType,
  isSmallGroup,
  lendersByType,
  linkCoverageRows,
  suppressSmall,
  typeLetters,
} from './present';
import {
  createBank,
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
} from './test-fixtures';
import type { Analysis } from './types';

/**
 * Chain t in three cities:
 *   a: e1 (t.up, need 1000, line 300 from b1 → gap 700), e2 (t.up, need 500, guarantee 100 from g1
 *      → gap 400, no lender), e3 (t.mid, need 400, line 400 from b2 → gap 0), leader L1 (line from b3)
 *   b: e4, e5, e6 (t.mid, need 1000 each, no credit → gap 3000)
 *   c: e7 (t.down, need 200 → gap 200)
 */
function createAnalysis(): Analysis {
  const sme = (id: string, cityId: string, linkId: string, financingNeed: number) =>
    createEnterprise({ id, cityId, financingNeed, primaryLinkId: linkId, linkIds: [linkId] });
  return analyzeDataset(
    createDataset({
      cities: [
        createCity(),
        createCity({ id: 'b', gbCode: '320500' }),
        createCity({ id: 'c', gbCode: '320600' }),
      ],
      banks: [
        createBank({ id: 'b1' }),
        createBank({ id: 'b2', type: 'joint_stock_bank' }),
        createBank({ id: 'b3', type: 'city_commercial_bank', level: 'city', cityIds: ['a'] }),
        createBank({ id: 'g1', type: 'gov_guarantor', level: 'provincial' }),
      ],
      enterprises: [
        sme('e1', 'a', 't.up', 1000),
        sme('e2', 'a', 't.up', 500),
        sme('e3', 'a', 't.mid', 400),
        sme('e4', 'b', 't.mid', 1000),
        sme('e5', 'b', 't.mid', 1000),
        sme('e6', 'b', 't.mid', 1000),
        sme('e7', 'c', 't.down', 200),
        createLeader({ id: 'L1' }),
      ],
      creditRelations: [
        createRelation({ id: 'r1', bankId: 'b1', enterpriseId: 'e1', creditLine: 300 }),
        createRelation({ id: 'r2', bankId: 'g1', enterpriseId: 'e2', creditLine: 100 }),
        createRelation({ id: 'r3', bankId: 'b2', enterpriseId: 'e3', creditLine: 400 }),
        createRelation({ id: 'r4', bankId: 'b3', enterpriseId: 'L1', creditLine: 5000 }),
      ],
    }),
  );
}

const item = (enterpriseId: string, status: BatchStatus): BatchItem => ({
  enterpriseId,
  rank: 1,
  score: 0.5,
  recommendedProducts: ['CREDIT_LOAN'],
  reasonCodes: [],
  gap: 100,
  status,
});

const batch = (id: string, bankId: string, items: BatchItem[]): Batch => ({
  id,
  bankId,
  chainId: 't',
  createdAt: '2025-06-18',
  ruleVersion: 'r1',
  items,
});

describe('suppressSmall()', () => {
  const cases: [number, string, string][] = [
    [0, '0', '<3'],
    [1, '850万元', '<3'],
    [2, '45.0%', '<3'],
    [3, '850万元', '850万元'],
    [40, '1.2亿元', '1.2亿元'],
  ];
  it.each(cases)('a group of %i enterprises shows %s as %s', (count, value, shown) => {
    expect(suppressSmall(count, value)).toBe(shown);
  });

  it('takes another threshold', () => {
    expect(suppressSmall(4, '10', 5)).toBe('<5');
    expect(suppressSmall(5, '10', 5)).toBe('10');
  });

  it('isSmallGroup() is true below three', () => {
    expect([0, 1, 2, 3, 4].map((n) => isSmallGroup(n))).toEqual([true, true, true, false, false]);
  });
});

describe('enterpriseAliases()', () => {
  it('numbers enterprises from 1 in id order, whatever the input order', () => {
    const aliases = enterpriseAliases([{ id: 'e-c' }, { id: 'e-a' }, { id: 'e-b' }]);
    expect([...aliases]).toEqual([
      ['e-a', 1],
      ['e-b', 2],
      ['e-c', 3],
    ]);
  });

  it('gives a repeated enterprise one number', () => {
    expect([...enterpriseAliases([{ id: 'x' }, { id: 'x' }, { id: 'y' }])]).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
  });
});

describe('chainSummary()', () => {
  it('counts links, enterprises, SMEs and leaders, and sums need and gap over SMEs', () => {
    // need 1000 + 500 + 400 + 3 × 1000 + 200 = 5100; gap 700 + 400 + 0 + 3000 + 200 = 4300
    // covered SMEs: e1 (b1), e3 (b2) → 2 of 7; the guarantee of e2 is not a lender
    // links: t.up 2 SMEs and t.down 1 → insufficient data; t.mid 1 of 4 covered → uncovered
    expect(chainSummary(createAnalysis(), 't')).toEqual({
      links: 4,
      enterprises: 8,
      smes: 7,
      leaders: 1,
      need: 5100,
      gap: 4300,
      gapShare: 4300 / 5100,
      smeCoverage: 2 / 7,
      uncoveredLinks: 1,
    });
  });

  it('rejects an unknown chain', () => {
    expect(() => chainSummary(createAnalysis(), 'nope')).toThrow('unknown chain: nope');
  });
});

describe('cityGapRanking()', () => {
  it('ranks cities by gap and puts cities with fewer than three SMEs last', () => {
    const rows = cityGapRanking(createAnalysis(), 't');
    expect(rows.map((r) => [r.cityId, r.smes, r.gap, r.smeCoverage, r.suppressed])).toEqual([
      ['b', 3, 3000, 0, false],
      // a: e1, e2, e3 (L1 is not an SME); gap 700 + 400 + 0
      ['a', 3, 1100, 2 / 3, false],
      ['c', 1, 200, 0, true],
    ]);
    expect(rows.find((r) => r.cityId === 'a')?.enterprises).toBe(4);
  });
});

describe('lendersByType()', () => {
  it('counts the distinct lenders of the SMEs by type, guarantors and leaders’ lenders left out', () => {
    expect(lendersByType(createAnalysis(), 't')).toEqual([
      { type: 'large_state_bank', count: 1 },
      { type: 'joint_stock_bank', count: 1 },
    ]);
  });
});

describe('linkCoverageRows()', () => {
  it('gives each link its SME coverage in chain order, small links flagged', () => {
    expect(linkCoverageRows(createAnalysis(), 't')).toEqual([
      {
        linkId: 't.up',
        smes: 2,
        coveredSmes: 1,
        enterpriseCoverage: 0.5,
        lenderCount: 1,
        verdict: 'insufficient_data',
        suppressed: true,
      },
      {
        linkId: 't.mid',
        smes: 4,
        coveredSmes: 1,
        enterpriseCoverage: 0.25,
        lenderCount: 1,
        verdict: 'uncovered',
        suppressed: false,
      },
      {
        linkId: 't.down',
        smes: 1,
        coveredSmes: 0,
        enterpriseCoverage: 0,
        lenderCount: 0,
        verdict: 'insufficient_data',
        suppressed: true,
      },
      {
        linkId: 't.ext',
        smes: 0,
        coveredSmes: 0,
        enterpriseCoverage: null,
        lenderCount: 0,
        verdict: 'insufficient_data',
        suppressed: true,
      },
    ]);
  });
});

describe('bankBatchRows()', () => {
  it('sums each bank’s batches, largest batch first, and counts distinct enterprises', () => {
    const rows = bankBatchRows(
      [
        batch('x', 'b1', [item('e1', 'approved'), item('e2', 'pushed')]),
        batch('y', 'b2', [item('e1', 'disbursed'), item('e2', 'declined'), item('e3', 'pushed')]),
        batch('z', 'b1', [item('e1', 'contacted')]),
      ],
      new Set(['e1']),
    );
    expect(
      rows.map((r) => [r.bankId, r.enterprises, r.kpis.pushed, r.kpis.approved, r.kpis.firstLoans]),
    ).toEqual([
      // b1 and b2 both pushed 3 items: tie broken by id. b1 holds e1 twice → 2 enterprises.
      ['b1', 2, 3, 1, 1],
      ['b2', 3, 3, 1, 1],
    ]);
  });
});

describe('approvedEnterprises()', () => {
  it('lists each approved enterprise once with its furthest stage and its banks', () => {
    const batches = [
      batch('x', 'b1', [item('e2', 'approved'), item('e1', 'approved'), item('e4', 'pushed')]),
      batch('y', 'b2', [item('e1', 'disbursed'), item('e3', 'approved'), item('e5', 'declined')]),
      batch('z', 'b3', [item('e3', 'approved')]),
    ];
    expect(approvedEnterprises(batches, new Set(['e2']))).toEqual([
      { enterpriseId: 'e1', stage: 'disbursed', banks: 2, firstLoan: false },
      { enterpriseId: 'e3', stage: 'approved', banks: 2, firstLoan: false },
      { enterpriseId: 'e2', stage: 'approved', banks: 1, firstLoan: true },
    ]);
  });
});

describe('groupByType() / typeLetters()', () => {
  const types: Record<string, InstitutionType> = {
    b1: 'large_state_bank',
    c1: 'joint_stock_bank',
    b2: 'large_state_bank',
    x: 'other',
  };
  it('groups by §2.8 type order, keeping input order inside a group', () => {
    expect(groupByType(['c1', 'b1', 'x', 'b2'], (id) => types[id])).toEqual([
      ['large_state_bank', ['b1', 'b2']],
      ['joint_stock_bank', ['c1']],
      ['other', ['x']],
    ]);
  });
  it('letters banks within their type', () => {
    expect([...typeLetters(['b1', 'c1', 'b2'], (id) => types[id])]).toEqual([
      ['b1', 'A'],
      ['c1', 'A'],
      ['b2', 'B'],
    ]);
  });
});
