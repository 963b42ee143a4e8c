import { describe, expect, it } from 'vitest';
import type { Dataset, Enterprise } from '../domain/schema';
import { analyzeDataset } from './analyze';
import {
  bankFootprintCoverage,
  coverageBy,
  coverageFactsOf,
  groupCoverage,
  rankUncoveredLinks,
  verdictOf,
  type GroupCoverage,
} from './coverage';
import {
  createBank,
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
  createSupplyEdge,
  createTestChain,
} from './test-fixtures';
import type { Analysis } from './types';

const cities = () => [createCity(), createCity({ id: 'b', gbCode: '320500', provinceZh: '浙江' })];
/** b1 and b2 lend; g1 is a government guarantor, which is not a lender (§2.8). */
const banks = () => [
  createBank({ id: 'b1' }),
  createBank({ id: 'b2', type: 'joint_stock_bank' }),
  createBank({ id: 'g1', type: 'gov_guarantor', level: 'provincial' }),
];

const analysisOf = (over: Partial<Dataset>): Analysis =>
  analyzeDataset(createDataset({ cities: cities(), banks: banks(), ...over }));

/** A small firm (an SME) in one link. */
const sme = (id: string, financingNeed: number, linkId = 't.mid', cityId = 'a') =>
  createEnterprise({ id, financingNeed, primaryLinkId: linkId, linkIds: [linkId], cityId });

/** A live line from `bankId` to `enterpriseId`. */
const line = (id: string, bankId: string, enterpriseId: string, creditLine: number) =>
  createRelation({ id, bankId, enterpriseId, creditLine, outstanding: 0 });

/** A large firm that is not a chain leader: 1000 employees and 40,000 万元 meet the large bounds. */
const largeFirm = (over: Partial<Enterprise> = {}) =>
  createEnterprise({ id: 'B1', employees: 1000, revenue: 40000, sizeClass: 'large', ...over });

/** Coverage of all enterprises of the dataset as one group. */
function coverageOf(over: Partial<Dataset>): GroupCoverage {
  const analysis = analysisOf(over);
  return groupCoverage(analysis, analysis.index.dataset.enterprises);
}

type VerdictInput = Parameters<typeof verdictOf>[0];
const group = (over: Partial<VerdictInput>): VerdictInput => ({
  smes: 10,
  lenderCount: 2,
  enterpriseCoverage: 1,
  needCoverage: 1,
  ...over,
});

describe('verdictOf()', () => {
  const cases: { title: string; g: VerdictInput; verdict: string; code: string }[] = [
    {
      title: 'insufficient_data below 3 SMEs, even with no lender',
      g: group({ smes: 2, lenderCount: 0, enterpriseCoverage: 0, needCoverage: 0 }),
      verdict: 'insufficient_data',
      code: 'FEW_SMES',
    },
    {
      title: 'blind_spot with 3 SMEs and no lender',
      g: group({ smes: 3, lenderCount: 0, enterpriseCoverage: 0, needCoverage: 0 }),
      verdict: 'blind_spot',
      code: 'NO_LENDER',
    },
    {
      title: 'uncovered at coverage 0.39 < 0.40',
      g: group({ enterpriseCoverage: 0.39, needCoverage: 0.1 }),
      verdict: 'uncovered',
      code: 'LOW_COVERAGE',
    },
    {
      title: 'not uncovered at coverage 0.40: underfunded at need coverage 0.49',
      g: group({ enterpriseCoverage: 0.4, needCoverage: 0.49 }),
      verdict: 'underfunded',
      code: 'LOW_NEED_COVERAGE',
    },
    {
      title: 'partial, not underfunded, at need coverage 0.50 (below 0.80)',
      g: group({ enterpriseCoverage: 1, needCoverage: 0.5 }),
      verdict: 'partial',
      code: 'PARTIAL_NEED_COVERAGE',
    },
    {
      title: 'partial at coverage 0.69 < 0.70',
      g: group({ enterpriseCoverage: 0.69, needCoverage: 1 }),
      verdict: 'partial',
      code: 'PARTIAL_COVERAGE',
    },
    {
      title: 'partial at coverage 0.70 with need coverage 0.79 < 0.80',
      g: group({ enterpriseCoverage: 0.7, needCoverage: 0.79 }),
      verdict: 'partial',
      code: 'PARTIAL_NEED_COVERAGE',
    },
    {
      title: 'partial with a single lender at coverage 0.70 and need coverage 0.80',
      g: group({ enterpriseCoverage: 0.7, needCoverage: 0.8, lenderCount: 1 }),
      verdict: 'partial',
      code: 'SINGLE_LENDER',
    },
    {
      title: 'covered with 2 lenders at coverage 0.70 and need coverage 0.80',
      g: group({ enterpriseCoverage: 0.7, needCoverage: 0.8, lenderCount: 2 }),
      verdict: 'covered',
      code: 'WELL_COVERED',
    },
    {
      title: 'covered, not underfunded, when the group declares no need (need coverage null)',
      g: group({ enterpriseCoverage: 1, needCoverage: null }),
      verdict: 'covered',
      code: 'WELL_COVERED',
    },
  ];
  it.each(cases)('verdictOf() gives $title', ({ g, verdict, code }) => {
    const result = verdictOf(g);
    expect(result.verdict).toBe(verdict);
    expect(result.reason.code).toBe(code);
  });

  it('verdictOf() reports the figure and threshold that fired', () => {
    expect(verdictOf(group({ enterpriseCoverage: 0.3 })).reason).toEqual({
      code: 'LOW_COVERAGE',
      value: 0.3,
      threshold: 0.4,
    });
    expect(verdictOf(group({ smes: 1 })).reason).toEqual({ code: 'FEW_SMES', smes: 1, min: 3 });
  });
});

describe('groupCoverage()', () => {
  const verdictCases: { verdict: string; over: Partial<Dataset> }[] = [
    {
      // 2 SMEs < 3, although both are fully served by two lenders
      verdict: 'insufficient_data',
      over: {
        enterprises: [sme('m1', 1000), sme('m2', 1000)],
        creditRelations: [line('r1', 'b1', 'm1', 1000), line('r2', 'b2', 'm2', 1000)],
      },
    },
    {
      verdict: 'blind_spot',
      over: { enterprises: [sme('m1', 1000), sme('m2', 1000), sme('m3', 1000)] },
    },
    {
      // 1 of 3 covered: 0.333 < 0.40
      verdict: 'uncovered',
      over: {
        enterprises: [sme('m1', 1000), sme('m2', 1000), sme('m3', 1000)],
        creditRelations: [line('r1', 'b1', 'm1', 1000)],
      },
    },
    {
      // all covered, need met (400 × 3) ÷ 3000 = 0.40 < 0.50
      verdict: 'underfunded',
      over: {
        enterprises: [sme('m1', 1000), sme('m2', 1000), sme('m3', 1000)],
        creditRelations: [
          line('r1', 'b1', 'm1', 400),
          line('r2', 'b2', 'm2', 400),
          line('r3', 'b1', 'm3', 400),
        ],
      },
    },
    {
      // all covered by 2 lenders, need met (700 × 3) ÷ 3000 = 0.70 < 0.80
      verdict: 'partial',
      over: {
        enterprises: [sme('m1', 1000), sme('m2', 1000), sme('m3', 1000)],
        creditRelations: [
          line('r1', 'b1', 'm1', 700),
          line('r2', 'b2', 'm2', 700),
          line('r3', 'b1', 'm3', 700),
        ],
      },
    },
    {
      verdict: 'covered',
      over: {
        enterprises: [sme('m1', 1000), sme('m2', 1000), sme('m3', 1000)],
        creditRelations: [
          line('r1', 'b1', 'm1', 1000),
          line('r2', 'b2', 'm2', 1000),
          line('r3', 'b1', 'm3', 1000),
        ],
      },
    },
  ];
  it.each(verdictCases)(
    'groupCoverage() reaches $verdict with a minimal group',
    ({ verdict, over }) => {
      expect(coverageOf(over).verdict).toBe(verdict);
    },
  );

  it('groupCoverage() sums need, capped need met, gap and lender shares over the SMEs', () => {
    const g = coverageOf({
      enterprises: [sme('m1', 1000), sme('m2', 500), sme('m3', 800)],
      creditRelations: [line('r1', 'b1', 'm1', 600), line('r2', 'b2', 'm2', 200)],
    });
    expect(g).toMatchObject({
      enterprises: 3,
      smes: 3,
      coveredSmes: 2,
      zeroCreditSmes: 1,
      need: 2300, // 1000 + 500 + 800
      needMet: 800, // 600 + 200 + 0
      gap: 1500, // 400 + 300 + 800
      lenderIds: ['b1', 'b2'],
      lenderCount: 2,
      topLenderShare: 0.75, // 600 ÷ (600 + 200)
      hhi: 0.625, // 0.75² + 0.25²
      verdict: 'underfunded', // coverage 2/3 ≥ 0.40, need coverage 800/2300 = 0.348 < 0.50
    });
    expect(g.enterpriseCoverage).toBeCloseTo(2 / 3, 12);
    expect(g.needCoverage).toBeCloseTo(800 / 2300, 12);
  });

  it('groupCoverage() leaves leaders and large firms out of every figure', () => {
    // L1 and B1 are served by b2 and have needs; the three SMEs have no lender.
    const g = coverageOf({
      enterprises: [
        sme('m1', 100),
        sme('m2', 100),
        sme('m3', 100),
        createLeader({ primaryLinkId: 't.mid', linkIds: ['t.mid'], financingNeed: 5000 }),
        largeFirm({ financingNeed: 4000 }),
      ],
      creditRelations: [line('r1', 'b2', 'L1', 2000), line('r2', 'b2', 'B1', 1000)],
    });
    expect(g).toMatchObject({
      enterprises: 5,
      smes: 3,
      coveredSmes: 0,
      need: 300,
      gap: 300,
      lenderIds: [],
      lenderCount: 0,
      topLenderShare: null,
      hhi: null,
      verdict: 'blind_spot',
    });
  });

  it('groupCoverage() does not count guarantor-only relations as lenders: blind_spot', () => {
    // g1 guarantees each need in full: approved counts every institution, lenders only banks
    const g = coverageOf({
      enterprises: [sme('m1', 1000), sme('m2', 1000), sme('m3', 1000)],
      creditRelations: [
        line('r1', 'g1', 'm1', 1000),
        line('r2', 'g1', 'm2', 1000),
        line('r3', 'g1', 'm3', 1000),
      ],
    });
    expect(g).toMatchObject({
      coveredSmes: 0,
      lenderCount: 0,
      needCoverage: 1,
      verdict: 'blind_spot',
    });
  });

  it('groupCoverage() caps need coverage at 1 when SMEs are over-served', () => {
    // needMet = min(3000, 1000) + min(1000, 1000) + min(1500, 1000) = 3000 of 3000 → 1, not 5500/3000
    const g = coverageOf({
      enterprises: [sme('m1', 1000), sme('m2', 1000), sme('m3', 1000)],
      creditRelations: [
        line('r1', 'b1', 'm1', 3000),
        line('r2', 'b2', 'm2', 1000),
        line('r3', 'b1', 'm3', 1500),
      ],
    });
    expect(g.needMet).toBe(3000);
    expect(g.needCoverage).toBe(1);
    expect(g.gap).toBe(0);
    expect(g.verdict).toBe('covered');
  });

  it('groupCoverage() does not let an over-served firm hide an unserved one', () => {
    // m1: approved 2000, need 1000 → counts 1000; m2: approved 0, need 1000 → 0.
    // Capped: 1000 ÷ 2000 = 0.5. Uncapped it would read (2000 + 0) ÷ 2000 = 1.
    const g = coverageOf({
      enterprises: [sme('m1', 1000), sme('m2', 1000)],
      creditRelations: [line('r1', 'b1', 'm1', 2000)],
    });
    expect(g.needMet).toBe(1000);
    expect(g.needCoverage).toBe(0.5);
    expect(g.gap).toBe(1000);
  });

  it('groupCoverage() counts an enterprise listed twice once', () => {
    const analysis = analysisOf({ enterprises: [sme('m1', 1000), sme('m2', 500)] });
    const [m1, m2] = analysis.index.dataset.enterprises as [Enterprise, Enterprise];
    const g = groupCoverage(analysis, [m1, m1, m2]);
    expect(g).toMatchObject({ enterprises: 2, smes: 2, need: 1500 });
  });

  it('groupCoverage() has null ratios for a group with no SMEs', () => {
    const g = coverageOf({ enterprises: [createLeader()] });
    expect(g).toMatchObject({
      enterprises: 1,
      smes: 0,
      enterpriseCoverage: null,
      needCoverage: null,
      verdict: 'insufficient_data',
    });
  });
});

describe('coverageBy()', () => {
  const dataset = (): Partial<Dataset> => ({
    enterprises: [
      createEnterprise({ id: 'm1', linkIds: ['t.mid', 't.down'] }),
      sme('m2', 1000, 't.mid', 'b'),
      sme('u1', 1000, 't.up', 'b'),
    ],
  });
  const cases = [
    { by: 'chain' as const, keys: { t: 3 } },
    { by: 'city' as const, keys: { a: 1, b: 2 } },
    { by: 'province' as const, keys: { 江苏: 1, 浙江: 2 } },
    { by: 'link' as const, keys: { 't.mid': 2, 't.down': 1, 't.up': 1 } },
    { by: 'linkCity' as const, keys: { 't.mid|a': 1, 't.down|a': 1, 't.mid|b': 1, 't.up|b': 1 } },
  ];
  it.each(cases)(
    'coverageBy($by) keys groups and counts a firm in each of its links',
    ({ by, keys }) => {
      const analysis = analysisOf(dataset());
      const groups = coverageBy(analysis, analysis.index.dataset.enterprises, by);
      expect(Object.fromEntries([...groups].map(([key, g]) => [key, g.smes]))).toEqual(keys);
    },
  );
});

describe('coverageFactsOf()', () => {
  it('coverageFactsOf() reads an SME’s facts once per analysis: live lender lines only', () => {
    const analysis = analysisOf({
      enterprises: [sme('s1', 1000, 't.mid', 'a')],
      creditRelations: [line('r1', 'b1', 's1', 300), line('r2', 'g1', 's1', 200)],
    });
    const e = analysis.index.enterpriseById.get('s1')!;
    const facts = coverageFactsOf(analysis, e);
    expect(facts?.lines).toEqual([['b1', 300]]);
    expect(facts?.need).toBe(1000);
    // Read once: the same object again for this analysis, a new read for another one.
    expect(coverageFactsOf(analysis, e)).toBe(facts);
    const other = analysisOf({ enterprises: [sme('s1', 1000, 't.mid', 'a')] });
    const again = coverageFactsOf(other, other.index.enterpriseById.get('s1')!);
    expect(again).not.toBe(facts);
    expect(again?.lines).toEqual([]);
  });
});

describe('bankFootprintCoverage()', () => {
  it('bankFootprintCoverage() counts only the SMEs in a local bank’s cities', () => {
    const analysis = analysisOf({
      banks: [
        ...banks(),
        createBank({ id: 'c1', type: 'city_commercial_bank', level: 'city', cityIds: ['b'] }),
      ],
      enterprises: [sme('m1', 100), sme('m2', 200, 't.mid', 'b'), sme('m3', 400, 't.up', 'b')],
    });
    const all = analysis.index.dataset.enterprises;
    expect(bankFootprintCoverage(analysis, 'c1', all)).toMatchObject({ smes: 2, need: 600 });
    expect(bankFootprintCoverage(analysis, 'b1', all)).toMatchObject({ smes: 3, need: 700 });
    expect(bankFootprintCoverage(analysis, 'zz', all)).toBeNull();
  });
});

describe('rankUncoveredLinks()', () => {
  /** Three SMEs with no lender (a blind spot) in `linkId` × `cityId`, ids `<prefix>1..3`. */
  const blindGroup = (
    prefix: string,
    linkId: string,
    needs: [number, number, number],
    cityId = 'a',
  ) => needs.map((need, i) => sme(`${prefix}${i + 1}`, need, linkId, cityId));

  const rank = (over: Partial<Dataset>, by: 'link' | 'linkCity' = 'link') => {
    const analysis = analysisOf(over);
    return rankUncoveredLinks(analysis, analysis.index.dataset.enterprises, by);
  };
  const summary = (list: ReturnType<typeof rank>) =>
    list.map((u) => [u.linkId, u.isWeak, u.leaderBuysInCity, u.priority]);

  it('rankUncoveredLinks() multiplies a weak link’s gap by 1.5 and ranks it first', () => {
    // t.up (weak): gap 600 × 1.5 = 900; t.down: gap 800 × 1 = 800
    const list = rank({
      enterprises: [
        ...blindGroup('u', 't.up', [200, 200, 200]),
        ...blindGroup('d', 't.down', [300, 300, 200]),
      ],
    });
    expect(summary(list)).toEqual([
      ['t.up', true, false, 900],
      ['t.down', false, false, 800],
    ]);
    expect(list[0]?.coverage.gap).toBe(600);
    expect(list[0] && 'cityId' in list[0]).toBe(false);
  });

  it('rankUncoveredLinks() multiplies by 1.2 when a leader in the same city buys from the link', () => {
    // t.mid: gap 900 × 1.2 = 1080 (m1 sells to L1, both in city a); t.down: gap 1000
    const list = rank({
      enterprises: [
        ...blindGroup('m', 't.mid', [300, 300, 300]),
        ...blindGroup('d', 't.down', [400, 300, 300]),
        createLeader(),
      ],
      supplyEdges: [createSupplyEdge({ supplierId: 'm1' })],
    });
    expect(summary(list)).toEqual([
      ['t.mid', false, true, expect.closeTo(1080, 9)],
      ['t.down', false, false, 1000],
    ]);
  });

  it('rankUncoveredLinks() combines both multipliers: gap × 1.8', () => {
    // t.up: gap 600 × 1.5 × 1.2 = 1080
    const list = rank({
      enterprises: [...blindGroup('u', 't.up', [200, 200, 200]), createLeader()],
      supplyEdges: [createSupplyEdge({ supplierId: 'u1', fromLinkId: 't.up' })],
    });
    expect(summary(list)).toEqual([['t.up', true, true, expect.closeTo(1080, 9)]]);
  });

  const noBonusCases = [
    {
      title: 'the leader sits in another city',
      others: [createLeader({ cityId: 'b' })],
      edge: createSupplyEdge({ supplierId: 'm1' }),
    },
    {
      title: 'the buyer is large but not a chain leader',
      others: [largeFirm({ primaryLinkId: 't.down', linkIds: ['t.down'] })],
      edge: createSupplyEdge({ supplierId: 'm1', buyerId: 'B1' }),
    },
    {
      // m1 is listed in t.mid and t.up but sells to L1 out of t.up only
      title: 'the supplier sells to the leader out of another of its links',
      others: [createLeader()],
      edge: createSupplyEdge({ supplierId: 'm1', fromLinkId: 't.up' }),
      m1Links: ['t.mid', 't.up'],
    },
  ];
  it.each(noBonusCases)(
    'rankUncoveredLinks() gives no 1.2 when $title',
    ({ others, edge, m1Links }) => {
      const [m1, ...rest] = blindGroup('m', 't.mid', [300, 300, 300]);
      const list = rank({
        enterprises: [{ ...m1!, linkIds: m1Links ?? m1!.linkIds }, ...rest, ...others],
        supplyEdges: [edge],
      });
      // t.mid: gap 900 × 1 (not weak) × 1 = 900
      expect(list.find((u) => u.linkId === 't.mid')).toMatchObject({
        leaderBuysInCity: false,
        priority: 900,
      });
    },
  );

  it('rankUncoveredLinks() lists only blind spots, uncovered and underfunded groups', () => {
    const list = rank(
      {
        enterprises: [
          // t.up|a blind spot: gap 300 × 1.5 = 450
          ...blindGroup('u', 't.up', [100, 100, 100]),
          // t.mid|a uncovered: 1 of 3 covered (m1 in full), gap 100 + 100 = 200
          ...blindGroup('m', 't.mid', [1000, 100, 100]),
          // t.ext|a underfunded: 400 of 1000 each, gap 600 × 3 = 1800
          ...blindGroup('x', 't.ext', [1000, 1000, 1000]),
          // t.down|a covered, t.down|b partial (700 of 1000), t.mid|b insufficient data
          ...blindGroup('d', 't.down', [1000, 1000, 1000]),
          ...blindGroup('e', 't.down', [1000, 1000, 1000], 'b'),
          sme('n1', 1000, 't.mid', 'b'),
          sme('n2', 1000, 't.mid', 'b'),
        ],
        creditRelations: [
          line('r1', 'b1', 'm1', 1000),
          line('r2', 'b1', 'x1', 400),
          line('r3', 'b2', 'x2', 400),
          line('r4', 'b1', 'x3', 400),
          line('r5', 'b1', 'd1', 1000),
          line('r6', 'b2', 'd2', 1000),
          line('r7', 'b1', 'd3', 1000),
          line('r8', 'b1', 'e1', 700),
          line('r9', 'b2', 'e2', 700),
          line('r10', 'b1', 'e3', 700),
        ],
      },
      'linkCity',
    );
    expect(list.map((u) => [u.linkId, u.cityId, u.coverage.verdict, u.priority])).toEqual([
      ['t.ext', 'a', 'underfunded', 1800],
      ['t.up', 'a', 'blind_spot', 450],
      ['t.mid', 'a', 'uncovered', 200],
    ]);
  });

  it('rankUncoveredLinks() breaks priority ties by link id, then city id', () => {
    // every group: gap 300, not weak, no leader → priority 300
    const list = rank(
      {
        enterprises: [
          ...blindGroup('p', 't.mid', [100, 100, 100], 'a'),
          ...blindGroup('q', 't.down', [100, 100, 100], 'b'),
          ...blindGroup('r', 't.down', [100, 100, 100], 'a'),
        ],
      },
      'linkCity',
    );
    expect(list.map((u) => [u.linkId, u.cityId, u.priority])).toEqual([
      ['t.down', 'a', 300],
      ['t.down', 'b', 300],
      ['t.mid', 'a', 300],
    ]);
  });

  it('rankUncoveredLinks() is not affected by feedback edges between links', () => {
    const over = (withFeedback: boolean): Partial<Dataset> => {
      const chain = createTestChain();
      return {
        chains: [
          withFeedback
            ? chain
            : { ...chain, edges: chain.edges.filter((e) => e.kind !== 'feedback') },
        ],
        enterprises: [
          ...blindGroup('u', 't.up', [200, 200, 200]),
          ...blindGroup('x', 't.ext', [500, 500, 500]),
          createLeader({ primaryLinkId: 't.up', linkIds: ['t.up'] }),
        ],
        // x1 (extension) sells to L1 (in t.up) along the feedback direction
        supplyEdges: [
          createSupplyEdge({ supplierId: 'x1', fromLinkId: 't.ext', toLinkId: 't.up' }),
        ],
      };
    };
    const withFeedback = rank(over(true));
    expect(withFeedback).toEqual(rank(over(false)));
    // t.ext: 1500 × 1.2 = 1800; t.up: 600 × 1.5 = 900
    expect(summary(withFeedback)).toEqual([
      ['t.ext', false, true, 1800],
      ['t.up', true, false, 900],
    ]);
  });

  it('rankUncoveredLinks() does not mutate the dataset or the analysis', () => {
    const analysis = analysisOf({
      enterprises: [...blindGroup('u', 't.up', [200, 200, 200]), createLeader()],
      supplyEdges: [createSupplyEdge({ supplierId: 'u1', fromLinkId: 't.up' })],
    });
    const before = structuredClone({
      dataset: analysis.index.dataset,
      byEnterprise: analysis.byEnterprise,
    });
    rankUncoveredLinks(analysis, analysis.index.dataset.enterprises, 'linkCity');
    expect({ dataset: analysis.index.dataset, byEnterprise: analysis.byEnterprise }).toEqual(
      before,
    );
  });
});
