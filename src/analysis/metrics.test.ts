import { describe, expect, it } from 'vitest';
import { buildDatasetIndex } from './dataset-index';
import { computeEnterpriseMetrics } from './metrics';
import {
  createBank,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
  createSupplyEdge,
} from './test-fixtures';

const metricsOf = (over: Parameters<typeof createDataset>[0], id = 'e1') => {
  const index = buildDatasetIndex(createDataset(over));
  return computeEnterpriseMetrics(index, index.enterpriseById.get(id)!);
};

describe('computeEnterpriseMetrics()', () => {
  it('gap is need minus approved over live relations: 1000 − (300 + 150) = 550', () => {
    const m = metricsOf({
      enterprises: [createEnterprise({ financingNeed: 1000 })],
      banks: [
        createBank(),
        createBank({ id: 'b2', type: 'city_commercial_bank', level: 'city', cityIds: ['a'] }),
      ],
      creditRelations: [
        createRelation({ id: 'r1', creditLine: 300, outstanding: 200 }),
        createRelation({
          id: 'r2',
          bankId: 'b2',
          creditLine: 150,
          outstanding: 0,
          status: 'approved_undrawn',
        }),
        createRelation({ id: 'r3', creditLine: 999, status: 'matured' }),
        createRelation({ id: 'r4', creditLine: 999, status: 'declined' }),
      ],
    });
    expect(m.approved).toBe(450);
    expect(m.outstanding).toBe(200);
    expect(m.gap).toBe(550);
    expect(m.gapRatio).toBeCloseTo(0.55, 10);
    expect(m.needCoverage).toBeCloseTo(0.45, 10);
    expect(m.bankCount).toBe(2);
    expect(m.lenderIds).toEqual(['b1', 'b2']);
    expect(m.utilisation).toBeCloseTo(200 / 450, 10);
  });

  it('zero need gives gapRatio and needCoverage null, never 0', () => {
    const m = metricsOf({ enterprises: [createEnterprise({ financingNeed: 0 })] });
    expect(m.gap).toBe(0);
    expect(m.gapRatio).toBeNull();
    expect(m.needCoverage).toBeNull();
    expect(m.firstLoanCandidate).toBe(false);
  });

  it('over-coverage: approved 1600 > 1.5 × need 1000, gap floors at 0 and needCoverage caps at 1', () => {
    const m = metricsOf({
      enterprises: [createEnterprise({ financingNeed: 1000 })],
      creditRelations: [createRelation({ creditLine: 1600, outstanding: 0 })],
    });
    expect(m.gap).toBe(0);
    expect(m.gapRatio).toBe(0);
    expect(m.needCoverage).toBe(1);
    expect(m.overCovered).toBe(true);
  });

  it('a guarantor-only relation counts towards approved but not as a lender', () => {
    const m = metricsOf({
      enterprises: [createEnterprise({ financingNeed: 500 })],
      banks: [createBank({ id: 'g1', type: 'gov_guarantor', level: 'provincial' })],
      creditRelations: [createRelation({ bankId: 'g1', creditLine: 200, outstanding: 0 })],
    });
    expect(m.approved).toBe(200);
    expect(m.bankCount).toBe(0);
    expect(m.covered).toBe(false);
    expect(m.firstLoanCandidate).toBe(true);
  });

  it('no lenders and need > 0 → first-loan candidate, unless a dishonest debtor', () => {
    expect(metricsOf({ enterprises: [createEnterprise()] }).firstLoanCandidate).toBe(true);
    expect(
      metricsOf({ enterprises: [createEnterprise({ dishonestDebtor: true })] }).firstLoanCandidate,
    ).toBe(false);
  });

  it('renewalDue when a live relation matures within 90 days of asOf 2025-06-30', () => {
    const due = (maturityDate: string, status: 'active' | 'matured' = 'active') =>
      metricsOf({
        enterprises: [createEnterprise()],
        creditRelations: [createRelation({ maturityDate, status })],
      }).renewalDue;
    expect(due('2025-09-28')).toBe(true); // day 90
    expect(due('2025-09-29')).toBe(false); // day 91
    expect(due('2025-06-30')).toBe(true); // day 0
    expect(due('2025-07-15', 'matured')).toBe(false);
  });

  it('receivable stress from DSO > 90, large-buyer receivables > 25% of revenue, or term > 60 days', () => {
    const stress = (e: object, edge: object = {}) =>
      metricsOf({
        enterprises: [createEnterprise(e), createLeader()],
        supplyEdges: [createSupplyEdge(edge)],
      }).receivableStress;
    expect(stress({ dsoDays: 90 })).toBe(false);
    expect(stress({ dsoDays: 91 })).toBe(true);
    // revenue 5000 → 25% is 1250
    expect(stress({}, { receivableOutstanding: 1250, paymentTermDays: 60 })).toBe(false);
    expect(stress({}, { receivableOutstanding: 1251, paymentTermDays: 60 })).toBe(true);
    expect(stress({}, { paymentTermDays: 61 })).toBe(true);
  });

  it('computed size and SME status follow the industrial rule, leaders are never SMEs', () => {
    const small = metricsOf({
      enterprises: [createEnterprise({ employees: 250, revenue: 50000 })],
    });
    expect(small.computedSize).toBe('small');
    expect(small.isSme).toBe(true);
    const leader = metricsOf({ enterprises: [createLeader()] }, 'L1');
    expect(leader.computedSize).toBe('large');
    expect(leader.isSme).toBe(false);
  });

  it('does not mutate the dataset', () => {
    const ds = createDataset({
      enterprises: [createEnterprise()],
      creditRelations: [createRelation()],
    });
    const before = structuredClone(ds);
    const index = buildDatasetIndex(ds);
    computeEnterpriseMetrics(index, index.enterpriseById.get('e1')!);
    expect(ds).toEqual(before);
  });
});
