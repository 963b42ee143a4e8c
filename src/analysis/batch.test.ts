import { describe, expect, it } from 'vitest';
import {
  BatchSchema,
  type Dataset,
  type DisplayRole,
  type InstitutionType,
  type ProductCode,
} from '../domain/schema';
import { buildBatches, toBatches } from './batch';
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
import type { Analysis, EnterpriseAnalysis, ProductRecommendation } from './types';

const rec = (code: ProductCode, score: number, ...reasons: string[]): ProductRecommendation => ({
  code,
  score,
  reasons,
});

interface Profile {
  role?: DisplayRole;
  roleReasons?: string[];
  products?: ProductRecommendation[];
}

/** Metrics come from the dataset; role and products are set by hand, independent of §5.4/§5.5. */
function analysisOf(over: Partial<Dataset>, profiles: Record<string, Profile> = {}): Analysis {
  const index = buildDatasetIndex(createDataset(over));
  const byEnterprise = new Map<string, EnterpriseAnalysis>();
  for (const e of index.dataset.enterprises) {
    const p = profiles[e.id] ?? {};
    byEnterprise.set(e.id, {
      ...computeEnterpriseMetrics(index, e),
      role: p.role ?? 'general',
      roleReasons: p.roleReasons ?? [],
      secondaryRoles: [],
      recommendedProducts: p.products ?? [rec('CREDIT_LOAN', 0.7, 'M-TAX-OR-SRDI')],
    });
  }
  return { index, params: DEFAULT_PARAMS, byEnterprise };
}

const scope = { chainId: 't' };
const itemsOf = (analysis: Analysis, bankId: string, options = {}) =>
  buildBatches(analysis, scope, options).assignments.find((a) => a.bankId === bankId)?.items ?? [];

describe('buildBatches()', () => {
  it('scores a pair with the §5.6 formula, worked by hand', () => {
    const analysis = analysisOf(
      {
        enterprises: [
          createEnterprise({ id: 'e1', financingNeed: 1000 }),
          createEnterprise({ id: 'e2', financingNeed: 1200 }),
        ],
        banks: [
          createBank({ id: 'b1' }),
          createBank({
            id: 'b2',
            type: 'city_commercial_bank',
            level: 'city',
            cityIds: ['a'],
            products: ['WC_LOAN'],
          }),
        ],
        creditRelations: [createRelation({ bankId: 'b2', enterpriseId: 'e1', creditLine: 400 })],
      },
      {
        e1: {
          role: 'fill',
          roleReasons: ['R-FILL-BREAKTHROUGH'],
          products: [
            rec('SCF_AR', 0.9, 'M-AR-ON-LEADER'),
            rec('IP_PLEDGE', 0.8, 'M-PATENTS'),
            rec('CREDIT_LOAN', 0.7, 'M-TAX-OR-SRDI'),
            rec('GOV_GUARANTEE', 0.7, 'M-NO-COLLATERAL-SMALL'),
          ],
        },
        e2: { products: [rec('FIRST_LOAN', 0.9, 'M-NO-BANK-CREDIT')] },
      },
    );
    // e1: gap 1000 − 400 = 600; maxGap = e2's 1200.
    //   fit: b1 offers SCF_AR, CREDIT_LOAN of the top 3 → (0.9 + 0.7) / 2 = 0.8 → 0.35 × 0.8 = 0.28
    //   gap: 0.25 × √(600 / 1200) = 0.1767767; role fill: 0.20 × 1.0 = 0.2
    //   size: large state bank, 0.10 × 1.0 = 0.1
    //   novelty: e1 borrows from b2, not b1 → 0.10 × 0.6 = 0.06
    //   0.28 + 0.1767767 + 0.2 + 0.1 + 0.06 = 0.8167767 → 0.8168
    // e2: 0.35 × 0.9 + 0.25 × 1 + 0.20 × 0.5 + 0.10 × 1 + 0.10 × 1.0 (no lender) = 0.865
    expect(itemsOf(analysis, 'b1')).toEqual([
      {
        enterpriseId: 'e2',
        bankId: 'b1',
        rank: 1,
        score: 0.865,
        factors: { fit: 0.315, gap: 0.25, role: 0.1, size: 0.1, novelty: 0.1 },
        recommendedProducts: ['FIRST_LOAN'],
        reasonCodes: ['M-NO-BANK-CREDIT'],
        gap: 1200,
      },
      {
        enterpriseId: 'e1',
        bankId: 'b1',
        rank: 2,
        score: 0.8168,
        factors: { fit: 0.28, gap: 0.1768, role: 0.2, size: 0.1, novelty: 0.06 },
        recommendedProducts: ['SCF_AR', 'CREDIT_LOAN'],
        reasonCodes: ['R-FILL-BREAKTHROUGH', 'M-AR-ON-LEADER', 'M-TAX-OR-SRDI'],
        gap: 600,
      },
    ]);
  });

  // One candidate, so √(gap / maxGap) = 1. Firm: general role, CREDIT_LOAN 0.7.
  // Fixed part: 0.35 × 0.7 + 0.25 × 1 + 0.20 × 0.5 = 0.245 + 0.25 + 0.1 = 0.595.
  const small = { employees: 100, revenue: 5000 };
  const medium = { employees: 400, revenue: 5000 };
  const micro = { employees: 10, revenue: 200 };
  const cases: {
    title: string;
    type: InstitutionType;
    size: { employees: number; revenue: number };
    lendsAlready?: boolean;
    score: number;
  }[] = [
    {
      title: 'a large state bank, small firm: 0.595 + 0.1 + 0.1',
      type: 'large_state_bank',
      size: small,
      score: 0.795,
    },
    {
      title: 'a policy bank, medium firm: sizeFit 1.0',
      type: 'policy_bank',
      size: medium,
      score: 0.795,
    },
    {
      title: 'a policy bank, small firm: sizeFit 0.3 → 0.595 + 0.03 + 0.1',
      type: 'policy_bank',
      size: small,
      score: 0.725,
    },
    {
      title: 'a rural bank, medium firm: sizeFit 0.6 → 0.595 + 0.06 + 0.1',
      type: 'rural_commercial_bank',
      size: medium,
      score: 0.755,
    },
    {
      title: 'a village bank, micro firm: sizeFit 1.0',
      type: 'village_bank',
      size: micro,
      score: 0.795,
    },
    {
      title: 'the firm’s own lender: novelty 0.8 → 0.595 + 0.1 + 0.08',
      type: 'large_state_bank',
      size: small,
      lendsAlready: true,
      score: 0.775,
    },
  ];
  it.each(cases)(
    'weighs size fit and novelty: $title = $score',
    ({ type, size, lendsAlready, score }) => {
      const analysis = analysisOf({
        enterprises: [createEnterprise({ ...size, financingNeed: 1000 })],
        banks: [createBank({ type, products: ['CREDIT_LOAN'] })],
        creditRelations: lendsAlready ? [createRelation({ creditLine: 300 })] : [],
      });
      expect(itemsOf(analysis, 'b1').map((i) => i.score)).toEqual([score]);
    },
  );

  it('breaks a tie between equal scores by enterprise id', () => {
    const analysis = analysisOf({
      enterprises: [createEnterprise({ id: 'e2' }), createEnterprise({ id: 'e1' })],
    });
    expect(itemsOf(analysis, 'b1').map((i) => [i.enterpriseId, i.rank])).toEqual([
      ['e1', 1],
      ['e2', 2],
    ]);
    expect(itemsOf(analysis, 'b1', { maxPerBank: 1 }).map((i) => i.enterpriseId)).toEqual(['e1']);
  });

  it('caps each bank at maxPerBank, keeping the best scores', () => {
    // Gaps 400, 900, 1600 → gap terms 0.25 × √(g / 1600) = 0.125, 0.1875, 0.25: e3 > e2 > e1.
    const analysis = analysisOf({
      enterprises: [
        createEnterprise({ id: 'e1', financingNeed: 400 }),
        createEnterprise({ id: 'e2', financingNeed: 900 }),
        createEnterprise({ id: 'e3', financingNeed: 1600 }),
      ],
    });
    expect(itemsOf(analysis, 'b1').map((i) => i.enterpriseId)).toEqual(['e3', 'e2', 'e1']);
    expect(itemsOf(analysis, 'b1', { maxPerBank: 2 }).map((i) => i.enterpriseId)).toEqual([
      'e3',
      'e2',
    ]);
  });

  it('caps each enterprise at maxBanksPerEnterprise, best banks first', () => {
    // e1 already borrows from b4 (novelty 0.8 vs 0.6): b4 ranks first; b1, b2, b3 tie, go by id.
    const analysis = analysisOf({
      enterprises: [createEnterprise({ financingNeed: 1000 })],
      banks: ['b1', 'b2', 'b3', 'b4'].map((id) => createBank({ id })),
      creditRelations: [createRelation({ bankId: 'b4', creditLine: 300 })],
    });
    const banksOf = (options = {}) =>
      buildBatches(analysis, scope, options).assignments.map((a) => a.bankId);
    expect(banksOf()).toEqual(['b1', 'b2', 'b4']);
    expect(banksOf({ maxBanksPerEnterprise: 1 })).toEqual(['b4']);
  });

  it('makes a local bank eligible only in its own cities, a national bank everywhere', () => {
    const analysis = analysisOf({
      cities: [createCity(), createCity({ id: 'b', gbCode: '320500' })],
      enterprises: [
        createEnterprise({ id: 'ea', cityId: 'a' }),
        createEnterprise({ id: 'eb', cityId: 'b' }),
      ],
      banks: [
        createBank({ id: 'local', type: 'city_commercial_bank', level: 'city', cityIds: ['a'] }),
        createBank({ id: 'national' }),
      ],
    });
    expect(itemsOf(analysis, 'local').map((i) => i.enterpriseId)).toEqual(['ea']);
    expect(itemsOf(analysis, 'national').map((i) => i.enterpriseId)).toEqual(['ea', 'eb']);
  });

  it('gives no pair with a bank offering none of the top-3 products, or with a non-lender', () => {
    const analysis = analysisOf(
      {
        enterprises: [createEnterprise()],
        banks: [
          createBank({ id: 'b1', products: ['WC_LOAN'] }),
          createBank({
            id: 'g1',
            type: 'gov_guarantor',
            level: 'provincial',
            products: ['GOV_GUARANTEE'],
          }),
        ],
      },
      {
        e1: {
          products: [
            rec('GOV_GUARANTEE', 0.7),
            rec('CREDIT_LOAN', 0.7),
            rec('SCF_AR', 0.6),
            rec('WC_LOAN', 0.5),
          ],
        },
      },
    );
    const result = buildBatches(analysis, scope);
    expect(result.assignments).toEqual([]);
    expect(result.unassigned.map((u) => [u.enterpriseId, u.reason])).toEqual([
      ['e1', 'no_matching_bank'],
    ]);
  });

  it('skips dishonest debtors, no-gap firms, leaders, large firms and out-of-scope firms', () => {
    const analysis = analysisOf(
      {
        cities: [createCity(), createCity({ id: 'b', gbCode: '320500' })],
        enterprises: [
          createEnterprise({ id: 'ok' }),
          createEnterprise({ id: 'debtor', dishonestDebtor: true }),
          createEnterprise({ id: 'nogap', financingNeed: 300 }),
          createLeader({ id: 'leader', financingNeed: 5000 }),
          createEnterprise({ id: 'large', employees: 2000, revenue: 90000 }),
          createEnterprise({ id: 'elsewhere', cityId: 'b' }),
          createEnterprise({ id: 'otherchain', chainIds: ['x'] }),
        ],
        creditRelations: [createRelation({ enterpriseId: 'nogap', creditLine: 300 })],
      },
      { leader: { role: 'leader' } },
    );
    const result = buildBatches(analysis, { chainId: 't', cityId: 'a' });
    expect(result.assignments.flatMap((a) => a.items.map((i) => i.enterpriseId))).toEqual(['ok']);
    expect(result.unassigned).toEqual([]);
  });

  it('lists leftover firms when banks are full, largest gap first, with suggested tools', () => {
    const analysis = analysisOf(
      {
        enterprises: [
          createEnterprise({ id: 'e1', financingNeed: 3000 }),
          createEnterprise({ id: 'e2', financingNeed: 1000 }),
          createEnterprise({ id: 'e3', financingNeed: 2000, employees: 400 }),
          createEnterprise({ id: 'e4', financingNeed: 500 }),
        ],
      },
      {
        e2: { products: [rec('MLT_LOAN', 0.8, 'M-CAPEX')] },
        e3: { products: [rec('CREDIT_LOAN', 0.7)] },
      },
    );
    // e1 (gap 3000) 0.795 > e3 0.7491 > e2 (fit 0.8) 0.7243 > e4 0.6471: e1 takes the only place.
    const result = buildBatches(analysis, scope, { maxPerBank: 1 });
    expect(result.assignments.flatMap((a) => a.items.map((i) => i.enterpriseId))).toEqual(['e1']);
    expect(result.unassigned).toEqual([
      {
        enterpriseId: 'e3',
        gap: 2000,
        role: 'general',
        computedSize: 'medium',
        reason: 'banks_full',
        suggestedTools: ['POLICY_RELENDING'],
      },
      {
        enterpriseId: 'e2',
        gap: 1000,
        role: 'general',
        computedSize: 'small',
        reason: 'banks_full',
        suggestedTools: ['GOV_GUARANTEE', 'POLICY_RELENDING'],
      },
      {
        enterpriseId: 'e4',
        gap: 500,
        role: 'general',
        computedSize: 'small',
        reason: 'banks_full',
        suggestedTools: ['GOV_GUARANTEE'],
      },
    ]);
  });

  it('considers only the top-3 products for fit (params.products.topPerFirm)', () => {
    const analysis = analysisOf(
      {
        enterprises: [createEnterprise()],
        banks: [createBank({ products: ['SCF_AR', 'WC_LOAN'] })],
      },
      {
        e1: {
          products: [
            rec('FIRST_LOAN', 0.9),
            rec('SCF_AR', 0.9),
            rec('MLT_LOAN', 0.8),
            rec('WC_LOAN', 0.2),
          ],
        },
      },
    );
    // fit = SCF_AR alone = 0.9 (WC_LOAN is 4th): 0.315 + 0.25 + 0.1 + 0.1 + 0.1 = 0.865
    expect(itemsOf(analysis, 'b1').map((i) => [i.score, i.recommendedProducts])).toEqual([
      [0.865, ['SCF_AR']],
    ]);
  });

  it('is deterministic and does not mutate its input', () => {
    const analysis = analysisOf({
      enterprises: [
        createEnterprise({ id: 'e2', financingNeed: 800 }),
        createEnterprise({ id: 'e1', financingNeed: 800 }),
        createEnterprise({ id: 'e3', financingNeed: 1500 }),
      ],
      banks: [createBank({ id: 'b2' }), createBank({ id: 'b1' })],
    });
    const before = structuredClone({
      dataset: analysis.index.dataset,
      byEnterprise: analysis.byEnterprise,
    });
    const first = buildBatches(analysis, scope, { maxPerBank: 2 });
    expect(buildBatches(analysis, scope, { maxPerBank: 2 })).toEqual(first);
    expect({ dataset: analysis.index.dataset, byEnterprise: analysis.byEnterprise }).toEqual(
      before,
    );
    expect(analysis.index.dataset.banks.map((b) => b.id)).toEqual(['b2', 'b1']);
  });
});

describe('toBatches()', () => {
  it('makes one pushed Batch per bank, sorted by bank id, that the schema accepts', () => {
    const analysis = analysisOf({
      enterprises: [createEnterprise({ id: 'e1' })],
      banks: [createBank({ id: 'b2' }), createBank({ id: 'b1' })],
    });
    const batches = toBatches(buildBatches(analysis, scope), {
      chainId: 't',
      meetingId: 'm1',
      createdAt: '2025-07-01',
      ruleVersion: 'r1',
      idPrefix: 'm1',
    });
    expect(batches.map((b) => [b.id, b.bankId, b.meetingId, 'cityId' in b])).toEqual([
      ['m1-b1', 'b1', 'm1', false],
      ['m1-b2', 'b2', 'm1', false],
    ]);
    expect(batches[0]?.items).toEqual([
      {
        enterpriseId: 'e1',
        rank: 1,
        // 0.35 × 0.7 + 0.25 + 0.1 + 0.1 + 0.1
        score: 0.795,
        recommendedProducts: ['CREDIT_LOAN'],
        reasonCodes: ['M-TAX-OR-SRDI'],
        gap: 1000,
        status: 'pushed',
      },
    ]);
    for (const batch of batches) expect(BatchSchema.parse(batch)).toEqual(batch);
  });
});
