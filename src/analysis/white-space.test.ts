import { describe, expect, it } from 'vitest';
import type { Dataset, Enterprise, ProductCode } from '../domain/schema';
import { buildDatasetIndex } from './dataset-index';
import { computeEnterpriseMetrics } from './metrics';
import { DEFAULT_PARAMS } from './params';
import {
  createBank,
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
} from './test-fixtures';
import type { Analysis, EnterpriseAnalysis } from './types';
import { bankWhiteSpace, presenceMatrix, whiteSpaceFirms } from './white-space';

/** Products are given in score order; scores do not matter for white space, only the top 3. */
function analysisOf(over: Partial<Dataset>, products: Record<string, ProductCode[]>): Analysis {
  const index = buildDatasetIndex(createDataset(over));
  const byEnterprise = new Map<string, EnterpriseAnalysis>();
  for (const e of index.dataset.enterprises) {
    byEnterprise.set(e.id, {
      ...computeEnterpriseMetrics(index, e),
      role: 'general',
      roleReasons: [],
      secondaryRoles: [],
      recommendedProducts: (products[e.id] ?? []).map((code) => ({
        code,
        score: 0.5,
        reasons: [],
      })),
    });
  }
  return { index, params: DEFAULT_PARAMS, byEnterprise };
}

const at = (id: string, link: string, financingNeed: number, over: Partial<Enterprise> = {}) =>
  createEnterprise({ id, primaryLinkId: link, linkIds: [link], financingNeed, ...over });

const lend = (id: string, bankId: string, enterpriseId: string, creditLine: number) =>
  createRelation({ id, bankId, enterpriseId, creditLine });

const cities = [createCity(), createCity({ id: 'b', gbCode: '320500' })];
const scope = { chainId: 't' };

/**
 * Bank b1 (national) offers SCF_AR and CREDIT_LOAN. Gaps are need − live credit.
 *   t.up   u1 gap 1000 [SCF_AR] (c1 lends 300); u2 gap 500 [IP_PLEDGE] (c2 200, c3 100)
 *   t.mid  m1 gap 700 [SCF_AR] (b1 lends 300); m2 gap 900 [SCF_AR]
 *   t.down d1 gap 600 [CREDIT_LOAN]; d2 gap 900 [CREDIT_LOAN, SCF_AR]; d3 no need
 *   t.ext  x1 gap 750 [SCF_AR]
 */
function rankingAnalysis(): Analysis {
  return analysisOf(
    {
      enterprises: [
        at('u1', 't.up', 1300),
        at('u2', 't.up', 800),
        at('m1', 't.mid', 1000),
        at('m2', 't.mid', 900),
        at('d1', 't.down', 600),
        at('d2', 't.down', 900),
        at('d3', 't.down', 0),
        at('x1', 't.ext', 750),
      ],
      banks: [
        createBank({ id: 'b1', products: ['SCF_AR', 'CREDIT_LOAN'] }),
        createBank({ id: 'c1', type: 'joint_stock_bank' }),
        createBank({ id: 'c2', type: 'city_commercial_bank', level: 'city', cityIds: ['a'] }),
        createBank({ id: 'c3', type: 'city_commercial_bank', level: 'city', cityIds: ['a'] }),
      ],
      creditRelations: [
        lend('r1', 'c1', 'u1', 300),
        lend('r2', 'c2', 'u2', 200),
        lend('r3', 'c3', 'u2', 100),
        lend('r4', 'b1', 'm1', 300),
      ],
    },
    {
      u1: ['SCF_AR'],
      u2: ['IP_PLEDGE'],
      m1: ['SCF_AR'],
      m2: ['SCF_AR'],
      d1: ['CREDIT_LOAN'],
      d2: ['CREDIT_LOAN', 'SCF_AR'],
      x1: ['SCF_AR'],
    },
  );
}

describe('bankWhiteSpace()', () => {
  it('ranks links by Σ gap × fitShare, ties by link id, without links where the bank lends', () => {
    // t.down: gap 600 + 900 = 1500, both fit (CREDIT_LOAN 2/2, SCF_AR 1/2) → fitShare 1 → 1500
    // t.ext:  gap 750, fitShare 1 → 750
    // t.up:   gap 1000 + 500 = 1500, only u1 fits (SCF_AR 1/2 ≥ 0.3) → 1500 × 0.5 = 750; ties t.ext
    // t.mid:  b1 lends to m1 → presence 1/2 > 0, excluded although m2 has a gap that fits
    const entries = bankWhiteSpace(rankingAnalysis(), 'b1', scope);
    expect(entries.map((e) => [e.linkId, e.score])).toEqual([
      ['t.down', 1500],
      ['t.ext', 750],
      ['t.up', 750],
    ]);
    expect(entries[0]).toEqual({
      linkId: 't.down',
      smes: 3,
      smesWithGap: 2,
      gap: 1500,
      fitShare: 1,
      fitProducts: ['CREDIT_LOAN', 'SCF_AR'],
      score: 1500,
      competitors: { lenders: 0, byType: {} },
    });
  });

  it('shows competitors as counts only, never their ids (§9.3)', () => {
    const up = bankWhiteSpace(rankingAnalysis(), 'b1', scope).find((e) => e.linkId === 't.up');
    // c1 (joint-stock) serves u1; c2 and c3 (city commercial) serve u2.
    expect(up?.competitors).toEqual({
      lenders: 3,
      byType: { joint_stock_bank: 1, city_commercial_bank: 2 },
    });
    expect(JSON.stringify(up)).not.toMatch(/"c[123]"/);
  });

  it('counts only the SMEs in a local bank’s cities and skips links outside them', () => {
    const analysis = analysisOf(
      {
        cities,
        enterprises: [
          at('u1', 't.up', 500, { cityId: 'b' }),
          at('m1', 't.mid', 400, { cityId: 'a' }),
          at('m2', 't.mid', 9000, { cityId: 'b' }),
        ],
        banks: [
          createBank({ id: 'local', type: 'city_commercial_bank', level: 'city', cityIds: ['a'] }),
          createBank({ id: 'national' }),
        ],
      },
      { u1: ['SCF_AR'], m1: ['SCF_AR'], m2: ['SCF_AR'] },
    );
    // local: t.up has no SME in city a; t.mid counts m1 only (gap 400, fitShare 1).
    expect(
      bankWhiteSpace(analysis, 'local', scope).map((e) => [e.linkId, e.smes, e.score]),
    ).toEqual([['t.mid', 1, 400]]);
    // national: t.mid 400 + 9000 = 9400, t.up 500.
    expect(bankWhiteSpace(analysis, 'national', scope).map((e) => [e.linkId, e.score])).toEqual([
      ['t.mid', 9400],
      ['t.up', 500],
    ]);
  });

  const fitCases = [
    { firms: 7, fitting: 2, title: '2/7 = 0.286 < 0.3 is excluded', score: null },
    { firms: 10, fitting: 3, title: '3/10 = 0.3 is included: 1000 × 0.3 = 300', score: 300 },
    { firms: 3, fitting: 1, title: '1/3 is included: 300 × 1/3 = 100', score: 100 },
  ];
  it.each(fitCases)('applies minProductFitShare 0.3: $title', ({ firms, fitting, score }) => {
    const ids = Array.from({ length: firms }, (_, i) => `m${i + 1}`);
    const analysis = analysisOf(
      {
        enterprises: ids.map((id) => at(id, 't.mid', 100)),
        banks: [createBank({ products: ['SCF_AR'] })],
      },
      Object.fromEntries(
        ids.map((id, i): [string, ProductCode[]] => [id, i < fitting ? ['SCF_AR'] : ['IP_PLEDGE']]),
      ),
    );
    expect(bankWhiteSpace(analysis, 'b1', scope).map((e) => e.score)).toEqual(
      score === null ? [] : [score],
    );
  });

  it('looks only at the top-3 products of each firm', () => {
    const analysis = analysisOf(
      { enterprises: [at('m1', 't.mid', 100)], banks: [createBank({ products: ['SCF_AR'] })] },
      { m1: ['FIRST_LOAN', 'IP_PLEDGE', 'MLT_LOAN', 'SCF_AR'] },
    );
    expect(bankWhiteSpace(analysis, 'b1', scope)).toEqual([]);
  });

  it('skips links whose SMEs have no gap and ignores leaders', () => {
    const analysis = analysisOf(
      {
        enterprises: [at('m1', 't.mid', 0), createLeader({ financingNeed: 5000 })],
        banks: [createBank({ products: ['SCF_AR'] })],
      },
      { m1: ['SCF_AR'], L1: ['SCF_AR'] },
    );
    expect(bankWhiteSpace(analysis, 'b1', scope)).toEqual([]);
  });

  it('rejects an unknown bank', () => {
    expect(() => bankWhiteSpace(rankingAnalysis(), 'zz', scope)).toThrow('unknown bank: zz');
  });

  it('does not mutate its input', () => {
    const analysis = rankingAnalysis();
    const before = structuredClone({
      dataset: analysis.index.dataset,
      byEnterprise: analysis.byEnterprise,
    });
    bankWhiteSpace(analysis, 'b1', scope);
    presenceMatrix(analysis, scope);
    expect({ dataset: analysis.index.dataset, byEnterprise: analysis.byEnterprise }).toEqual(
      before,
    );
  });
});

describe('presenceMatrix()', () => {
  /**
   * t.up u1 (b1), u2 (none); m1 sits in t.mid and t.down (b1, c1); t.down d1 (c1); t.ext empty.
   * The leader borrows from b2 but is not an SME; e9 in city b is out of scope.
   */
  function matrixAnalysis(): Analysis {
    return analysisOf(
      {
        cities,
        enterprises: [
          at('u1', 't.up', 500),
          at('u2', 't.up', 500),
          at('m1', 't.mid', 500, { linkIds: ['t.mid', 't.down'] }),
          at('d1', 't.down', 500),
          at('e9', 't.ext', 500, { cityId: 'b' }),
          createLeader(),
        ],
        banks: [
          createBank({ id: 'b1' }),
          createBank({ id: 'b2' }),
          createBank({ id: 'c1', type: 'joint_stock_bank' }),
        ],
        creditRelations: [
          lend('r1', 'b1', 'u1', 100),
          lend('r2', 'b1', 'm1', 100),
          lend('r3', 'c1', 'm1', 100),
          lend('r4', 'c1', 'd1', 100),
          lend('r5', 'b2', 'L1', 100),
          lend('r6', 'b2', 'e9', 100),
        ],
      },
      {},
    );
  }

  it('fills every link × lender cell with SMEs served, SMEs and share', () => {
    const m = presenceMatrix(matrixAnalysis(), { chainId: 't', cityId: 'a' });
    expect(m.linkIds).toEqual(['t.up', 't.mid', 't.down', 't.ext']);
    // b1 serves u1, m1 and c1 serves m1, d1: 2 each, tie by id.
    expect(m.bankIds).toEqual(['b1', 'c1']);
    expect(m.cells.map((c) => [c.linkId, c.bankId, c.smesServed, c.smes, c.share])).toEqual([
      ['t.up', 'b1', 1, 2, 0.5],
      ['t.up', 'c1', 0, 2, 0],
      ['t.mid', 'b1', 1, 1, 1],
      ['t.mid', 'c1', 1, 1, 1],
      ['t.down', 'b1', 1, 2, 0.5],
      ['t.down', 'c1', 2, 2, 1],
      ['t.ext', 'b1', 0, 0, null],
      ['t.ext', 'c1', 0, 0, null],
    ]);
  });

  it('totals rows per link and columns per lender, a multi-link firm once per column', () => {
    const m = presenceMatrix(matrixAnalysis(), { chainId: 't', cityId: 'a' });
    expect(m.rows).toEqual([
      { linkId: 't.up', smes: 2, smesServed: 1, share: 0.5, lenders: 1 },
      { linkId: 't.mid', smes: 1, smesServed: 1, share: 1, lenders: 2 },
      { linkId: 't.down', smes: 2, smesServed: 2, share: 1, lenders: 2 },
      { linkId: 't.ext', smes: 0, smesServed: 0, share: null, lenders: 0 },
    ]);
    expect(m.columns).toEqual([
      { bankId: 'b1', smesServed: 2, links: 3 },
      { bankId: 'c1', smesServed: 2, links: 2 },
    ]);
    // u1, u2, m1, d1 → 3 of 4 served
    expect(m.total).toEqual({ smes: 4, smesServed: 3, share: 0.75, lenders: 2 });
  });

  it('includes lenders of other cities when the scope has no city', () => {
    const m = presenceMatrix(matrixAnalysis(), scope);
    // e9 (t.ext, city b) adds b2 with one SME served.
    expect(m.bankIds).toEqual(['b1', 'c1', 'b2']);
    expect(m.total).toEqual({ smes: 5, smesServed: 4, share: 0.8, lenders: 3 });
  });
});

describe('whiteSpaceFirms()', () => {
  it('lists the firms of the white-space links that a bank product fits, largest gap first', () => {
    // t.down: d2 gap 900 [CREDIT_LOAN, SCF_AR], d1 gap 600 [CREDIT_LOAN]; d3 has no gap.
    // t.ext: x1 gap 750 [SCF_AR]. t.up: u1 gap 1000 [SCF_AR]; u2 [IP_PLEDGE] does not fit.
    // t.mid is not white space (b1 lends to m1): m2 is not listed.
    const firms = whiteSpaceFirms(rankingAnalysis(), 'b1', scope);
    expect(firms.map((f) => [f.enterpriseId, f.linkId, f.gap, f.products])).toEqual([
      ['u1', 't.up', 1000, ['SCF_AR']],
      ['d2', 't.down', 900, ['CREDIT_LOAN', 'SCF_AR']],
      ['x1', 't.ext', 750, ['SCF_AR']],
      ['d1', 't.down', 600, ['CREDIT_LOAN']],
    ]);
    // u1 borrows from c1: not a first-loan case; x1 has no lender: it is.
    expect(firms.find((f) => f.enterpriseId === 'u1')?.firstLoan).toBe(false);
    expect(firms.find((f) => f.enterpriseId === 'x1')?.firstLoan).toBe(true);
  });

  it('keeps a local bank to its cities', () => {
    const analysis = analysisOf(
      {
        cities,
        enterprises: [
          at('m1', 't.mid', 400, { cityId: 'a' }),
          at('m2', 't.mid', 9000, { cityId: 'b' }),
        ],
        banks: [
          createBank({ id: 'local', type: 'city_commercial_bank', level: 'city', cityIds: ['a'] }),
        ],
      },
      { m1: ['SCF_AR'], m2: ['SCF_AR'] },
    );
    expect(whiteSpaceFirms(analysis, 'local', scope).map((f) => f.enterpriseId)).toEqual(['m1']);
  });
});
