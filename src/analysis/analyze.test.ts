import { describe, expect, it } from 'vitest';
import type { Dataset } from '../domain/schema';
import { analyzeDataset } from './analyze';
import { DEFAULT_PARAMS, type Params } from './params';
import {
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
  createSupplyEdge,
} from './test-fixtures';

/**
 * asOf 2025-06-30, city a.
 *   L1  chain leader in t.down.
 *   e1  small srdi firm in t.mid (advantage), the only SME there; key supplier of L1 (share 0.5,
 *       1 alternative) with 200 receivable; need 1000, b1 line 400 maturing 2025-08-01 (day 32).
 *   u1  small little giant in weak t.up with a first-set breakthrough; need 500, no relation.
 */
const createScenario = (): Dataset =>
  createDataset({
    enterprises: [
      createLeader(),
      createEnterprise({ srdiTier: 'srdi', collateralAvailable: ['mortgage_property'] }),
      createEnterprise({
        id: 'u1',
        primaryLinkId: 't.up',
        srdiTier: 'little_giant',
        techBreakthrough: { kind: 'first_set' },
        financingNeed: 500,
      }),
    ],
    creditRelations: [
      createRelation({ creditLine: 400, outstanding: 100, maturityDate: '2025-08-01' }),
    ],
    supplyEdges: [createSupplyEdge({ receivableOutstanding: 200 })],
  });

describe('analyzeDataset()', () => {
  it('analyzeDataset() computes the recommended products of an enterprise once, when first read', () => {
    const a = analyzeDataset(createScenario()).byEnterprise.get('e1')!;
    const first = a.recommendedProducts;
    expect(first.length).toBeGreaterThan(0);
    expect(a.recommendedProducts).toBe(first);
    // Read through the prototype (every instance keeps one fast shape): not an own key.
    expect('recommendedProducts' in a).toBe(true);
    expect(Object.keys(a)).not.toContain('recommendedProducts');
  });

  it('analyzeDataset() analyses every enterprise and keeps the index and params', () => {
    const analysis = analyzeDataset(createScenario());
    expect([...analysis.byEnterprise.keys()]).toEqual(['L1', 'e1', 'u1']);
    expect(analysis.params).toBe(DEFAULT_PARAMS);
    expect(analysis.index.enterpriseById.get('u1')?.primaryLinkId).toBe('t.up');
  });

  it('analyzeDataset() labels a leader and recommends it nothing', () => {
    const l1 = analyzeDataset(createScenario()).byEnterprise.get('L1');
    expect(l1).toMatchObject({
      role: 'leader',
      roleReasons: [],
      secondaryRoles: [],
      recommendedProducts: [],
      isSme: false,
    });
  });

  it('analyzeDataset() combines metrics, role and products of a key supplier', () => {
    const e1 = analyzeDataset(createScenario()).byEnterprise.get('e1');
    expect(e1).toMatchObject({
      approved: 400,
      outstanding: 100,
      gap: 600, // 1000 − 400
      gapRatio: 0.6,
      bankCount: 1,
      covered: true,
      renewalDue: true, // day 32 ≤ 90
      isSme: true,
      // key supplier of L1, and alone in t.mid × a (1 ≤ 2); srdi + advantage link → strengthen too
      role: 'stabilize',
      roleReasons: ['R-STAB-KEY-SUPPLIER', 'R-STAB-BREAKPOINT'],
      secondaryRoles: ['strengthen'],
      recommendedProducts: [
        { code: 'SCF_AR', score: 0.9, reasons: ['M-AR-ON-LEADER'] },
        { code: 'RENEWAL_NO_PRINCIPAL', score: 0.8, reasons: ['M-MATURING-90D'] },
        { code: 'CREDIT_LOAN', score: 0.7, reasons: ['M-TAX-OR-SRDI'] },
      ],
    });
  });

  it('analyzeDataset() makes a weak-link little giant with a breakthrough a fill firm', () => {
    const u1 = analyzeDataset(createScenario()).byEnterprise.get('u1');
    expect(u1).toMatchObject({
      gap: 500,
      covered: false,
      firstLoanCandidate: true,
      role: 'fill',
      // the only SME in t.up × a (1 ≤ 3) → scarce as well
      roleReasons: ['R-FILL-BREAKTHROUGH', 'R-FILL-SRDI', 'R-FILL-SCARCE'],
      secondaryRoles: ['strengthen'],
      recommendedProducts: [
        { code: 'FIRST_LOAN', score: 0.9, reasons: ['M-NO-BANK-CREDIT'] },
        { code: 'CREDIT_LOAN', score: 0.7, reasons: ['M-TAX-OR-SRDI'] },
        { code: 'GOV_GUARANTEE', score: 0.7, reasons: ['M-NO-COLLATERAL-SMALL'] },
        { code: 'INSURANCE', score: 0.7, reasons: ['M-FIRST-SET-INSURANCE'] },
        { code: 'EQUITY', score: 0.6, reasons: ['M-SRDI-RND'] },
      ],
    });
  });

  it('analyzeDataset() applies the params it is given', () => {
    // a 30-day window: e1's loan at day 32 is no longer due, so no renewal product
    const params: Params = { ...DEFAULT_PARAMS, renewalWindowDays: 30 };
    const analysis = analyzeDataset(createScenario(), params);
    const e1 = analysis.byEnterprise.get('e1');
    expect(analysis.params).toBe(params);
    expect(e1?.renewalDue).toBe(false);
    expect(e1?.recommendedProducts.map((r) => r.code)).toEqual(['SCF_AR', 'CREDIT_LOAN']);
  });

  it('analyzeDataset() does not mutate the dataset', () => {
    const dataset = createScenario();
    const before = structuredClone(dataset);
    analyzeDataset(dataset);
    expect(dataset).toEqual(before);
  });
});
