import { describe, expect, it } from 'vitest';
import type { Dataset, DisplayRole, ProductCode } from '../domain/schema';
import { buildDatasetIndex } from './dataset-index';
import { computeEnterpriseMetrics } from './metrics';
import { DEFAULT_PARAMS } from './params';
import { buildPolicyCard, PRODUCT_POLICY_TOOLS } from './policy-card';
import {
  createBank,
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
} from './test-fixtures';
import type { Analysis, EnterpriseAnalysis, ProductRecommendation } from './types';

const rec = (code: ProductCode, score: number): ProductRecommendation => ({
  code,
  score,
  reasons: [],
});

interface Profile {
  role: DisplayRole;
  products: ProductRecommendation[];
}

function analysisOf(over: Partial<Dataset>, profiles: Record<string, Profile>): Analysis {
  const index = buildDatasetIndex(createDataset(over));
  const byEnterprise = new Map<string, EnterpriseAnalysis>();
  for (const e of index.dataset.enterprises) {
    const p = profiles[e.id];
    byEnterprise.set(e.id, {
      ...computeEnterpriseMetrics(index, e),
      role: p?.role ?? 'general',
      roleReasons: [],
      secondaryRoles: [],
      recommendedProducts: p?.products ?? [],
    });
  }
  return { index, params: DEFAULT_PARAMS, byEnterprise };
}

const at = (id: string, link: string, financingNeed: number, cityId = 'a') =>
  createEnterprise({ id, primaryLinkId: link, linkIds: [link], financingNeed, cityId });

/**
 * SMEs in city a (gap = need − live credit):
 *   f1 t.up (weak) gap 1000 fill       SCF_AR 0.9, MLT_LOAN 0.8, CREDIT_LOAN 0.7, GOV_GUARANTEE 0.7
 *   f2 t.mid       gap  500 strengthen MLT_LOAN 0.8, CREDIT_LOAN 0.6, EQUITY 0.6 (1500 − b1 1000)
 *   f3 t.up (weak) gap 1800 general    CREDIT_LOAN 0.5, IP_PLEDGE 0.5
 *   f4 t.down      gap    0 stabilize  SCF_AR 0.9 (need 300 − b1 100 − b2 200)
 *   f5 t.ext       gap  100 extend     CREDIT_LOAN 0.7, TRADE_FINANCE 0.5 (b3's relation matured)
 *   f6 t.down      gap  200 general    CREDIT_LOAN 0.7
 * Not counted: the leader L1 (borrows from b1) and f7 in city b.
 */
function cardAnalysis(): Analysis {
  return analysisOf(
    {
      cities: [createCity(), createCity({ id: 'b', gbCode: '320500' })],
      enterprises: [
        at('f1', 't.up', 1000),
        at('f2', 't.mid', 1500),
        at('f3', 't.up', 1800),
        at('f4', 't.down', 300),
        at('f5', 't.ext', 100),
        at('f6', 't.down', 200),
        createLeader({ financingNeed: 5000 }),
        at('f7', 't.up', 9000, 'b'),
      ],
      banks: [
        createBank({ id: 'b1' }),
        createBank({ id: 'b2', type: 'city_commercial_bank', level: 'city', cityIds: ['a'] }),
        createBank({ id: 'b3', type: 'joint_stock_bank' }),
      ],
      creditRelations: [
        createRelation({ id: 'r1', bankId: 'b1', enterpriseId: 'f2', creditLine: 1000 }),
        createRelation({ id: 'r2', bankId: 'b1', enterpriseId: 'f4', creditLine: 100 }),
        createRelation({ id: 'r3', bankId: 'b2', enterpriseId: 'f4', creditLine: 200 }),
        createRelation({ id: 'r4', bankId: 'b3', enterpriseId: 'f5', status: 'matured' }),
        createRelation({ id: 'r5', bankId: 'b1', enterpriseId: 'L1', creditLine: 9000 }),
      ],
    },
    {
      f1: {
        role: 'fill',
        products: [
          rec('SCF_AR', 0.9),
          rec('MLT_LOAN', 0.8),
          rec('CREDIT_LOAN', 0.7),
          rec('GOV_GUARANTEE', 0.7),
        ],
      },
      f2: {
        role: 'strengthen',
        products: [rec('MLT_LOAN', 0.8), rec('CREDIT_LOAN', 0.6), rec('EQUITY', 0.6)],
      },
      f3: { role: 'general', products: [rec('CREDIT_LOAN', 0.5), rec('IP_PLEDGE', 0.5)] },
      f4: { role: 'stabilize', products: [rec('SCF_AR', 0.9)] },
      f5: { role: 'extend', products: [rec('CREDIT_LOAN', 0.7), rec('TRADE_FINANCE', 0.5)] },
      f6: { role: 'general', products: [rec('CREDIT_LOAN', 0.7)] },
      f7: { role: 'general', products: [rec('SCF_AR', 0.9)] },
    },
  );
}

const scope = { chainId: 't', cityId: 'a' };
const noRoles = { fill: 0, stabilize: 0, extend: 0, strengthen: 0, leader: 0, general: 0 };

describe('buildPolicyCard()', () => {
  it('weighs products by Σ gap × score over the top-3 products of SMEs with a gap', () => {
    // CREDIT_LOAN   f1 1000×0.7 + f2 500×0.6 + f3 1800×0.5 + f5 100×0.7 + f6 200×0.7
    //             = 700 + 300 + 900 + 70 + 140 = 2110
    // MLT_LOAN      f1 1000×0.8 + f2 500×0.8 = 800 + 400 = 1200
    // IP_PLEDGE     f3 1800×0.5 = 900  } tie, by code
    // SCF_AR        f1 1000×0.9 = 900  } (f4 has no gap)
    // EQUITY        f2 500×0.6 = 300
    // TRADE_FINANCE f5 100×0.5 = 50 → sixth, cut
    // GOV_GUARANTEE is f1's fourth product, not counted
    const card = buildPolicyCard(cardAnalysis(), scope);
    expect(card.products.map((p) => [p.code, p.weight, p.firms, p.gapAddressed])).toEqual([
      ['CREDIT_LOAN', 2110, 5, 3600],
      ['MLT_LOAN', 1200, 2, 1500],
      ['IP_PLEDGE', 900, 1, 1800],
      ['SCF_AR', 900, 1, 1000],
      ['EQUITY', 300, 1, 500],
    ]);
  });

  it('lists the three heaviest links of a product, its role mix and its policy tools', () => {
    const [credit, mlt] = buildPolicyCard(cardAnalysis(), scope).products;
    // CREDIT_LOAN by primary link: t.up 700 + 900 = 1600, t.mid 300, t.down 140, t.ext 70 (cut)
    expect(credit).toEqual({
      code: 'CREDIT_LOAN',
      weight: 2110,
      firms: 5,
      gapAddressed: 3600,
      topLinks: [
        { linkId: 't.up', weight: 1600 },
        { linkId: 't.mid', weight: 300 },
        { linkId: 't.down', weight: 140 },
      ],
      roleMix: { ...noRoles, fill: 1, strengthen: 1, general: 2, extend: 1 },
      policyTools: ['small_business_relending', 'risk_compensation'],
    });
    expect(mlt?.topLinks).toEqual([
      { linkId: 't.up', weight: 800 },
      { linkId: 't.mid', weight: 400 },
    ]);
    expect(mlt?.roleMix).toEqual({ ...noRoles, fill: 1, strengthen: 1 });
    expect(mlt?.policyTools).toEqual(['tech_relending']);
  });

  it('summarises each weak link: SMEs, gap and the products recommended there', () => {
    // t.up: f1 and f3 (f7 is in city b). CREDIT_LOAN 2 firms (700 + 900); then one firm each:
    // IP_PLEDGE 900 and SCF_AR 900 (tie, by code), MLT_LOAN 800.
    expect(buildPolicyCard(cardAnalysis(), scope).weakLinks).toEqual([
      {
        linkId: 't.up',
        smes: 2,
        smesWithGap: 2,
        gap: 2800,
        products: [
          { code: 'CREDIT_LOAN', firms: 2, weight: 1600 },
          { code: 'IP_PLEDGE', firms: 1, weight: 900 },
          { code: 'SCF_AR', firms: 1, weight: 900 },
          { code: 'MLT_LOAN', firms: 1, weight: 800 },
        ],
      },
    ]);
  });

  it('counts the SMEs each lender serves and the totals of the scope', () => {
    const card = buildPolicyCard(cardAnalysis(), scope);
    // b1 serves f2 and f4 (the leader does not count), b2 serves f4, b3's relation has matured.
    expect(card.participatingBanks).toEqual([
      { bankId: 'b1', smesServed: 2 },
      { bankId: 'b2', smesServed: 1 },
    ]);
    // 6 SMEs in city a; 5 with a gap: 1000 + 500 + 1800 + 100 + 200 = 3600
    expect(card.totals).toEqual({ smes: 6, firmsWithGap: 5, gap: 3600 });
  });

  it('widens to every city when the scope has no city', () => {
    const card = buildPolicyCard(cardAnalysis(), { chainId: 't' });
    // f7 adds gap 9000 × SCF_AR 0.9 = 8100 → SCF_AR 900 + 8100 = 9000 leads.
    expect(card.products[0]).toMatchObject({ code: 'SCF_AR', weight: 9000, firms: 2 });
    expect(card.totals).toEqual({ smes: 7, firmsWithGap: 6, gap: 12600 });
  });

  it('gives an empty card for a scope without SMEs', () => {
    const card = buildPolicyCard(cardAnalysis(), { chainId: 't', cityId: 'nowhere' });
    expect(card).toEqual({
      chainId: 't',
      totals: { smes: 0, firmsWithGap: 0, gap: 0 },
      products: [],
      weakLinks: [{ linkId: 't.up', smes: 0, smesWithGap: 0, gap: 0, products: [] }],
      participatingBanks: [],
    });
  });

  it('rejects an unknown chain', () => {
    expect(() => buildPolicyCard(cardAnalysis(), { chainId: 'zz' })).toThrow('unknown chain: zz');
  });

  it('does not mutate its input', () => {
    const analysis = cardAnalysis();
    const before = structuredClone({
      dataset: analysis.index.dataset,
      byEnterprise: analysis.byEnterprise,
    });
    buildPolicyCard(analysis, scope);
    expect({ dataset: analysis.index.dataset, byEnterprise: analysis.byEnterprise }).toEqual(
      before,
    );
  });
});

describe('PRODUCT_POLICY_TOOLS', () => {
  it('points the §5.5 products to their tools', () => {
    expect(PRODUCT_POLICY_TOOLS.GOV_GUARANTEE).toEqual(['guarantee_fee_cap']);
    expect(PRODUCT_POLICY_TOOLS.MLT_LOAN).toEqual(['tech_relending']);
    expect(PRODUCT_POLICY_TOOLS.SCF_AR?.[0]).toBe('payment_60_days');
    expect(PRODUCT_POLICY_TOOLS.RENEWAL_NO_PRINCIPAL).toEqual(['renewal_rules']);
  });
});
