import { describe, expect, it } from 'vitest';
import type { Dataset } from '../domain/schema';
import { analyzeDataset } from './analyze';
import { compareAnalyses } from './compare';
import {
  applyScenario,
  applyWithdrawScenario,
  runScenario,
  scenarioProblem,
  ScenarioSchema,
  type Scenario,
} from './scenarios';
import {
  createBank,
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
  createSupplyEdge,
} from './test-fixtures';

const line = (id: string, bankId: string, enterpriseId: string, creditLine: number) =>
  createRelation({ id, bankId, enterpriseId, creditLine, outstanding: 0 });

/**
 * City a, link t.mid: e1 (need 1000, 600 from b1, revenue 5000, DSO 80), e2 and e3 (need 1000, 600
 * from b2 each). e1 sells 3650 a year to leader L1 (60 % of its sales, 20 % of L1's purchases of the
 * link, 5 alternatives, 30-day terms, 100 receivable); e2 sells to e3, not a leader.
 * City b, link t.mid: e4 (need 1000, 400 from b2).
 * Link t.up, city a: e6 (need 800) and e7 (need 500); city b: e8 (need 300); none has a line.
 * b3: a city bank of city a only.
 */
function dataset(): Dataset {
  const tUp = (id: string, financingNeed: number, cityId = 'a') =>
    createEnterprise({ id, financingNeed, cityId, primaryLinkId: 't.up', linkIds: ['t.up'] });
  return createDataset({
    cities: [createCity(), createCity({ id: 'b', gbCode: '320500' })],
    banks: [
      createBank({ id: 'b1' }),
      createBank({ id: 'b2', type: 'joint_stock_bank' }),
      createBank({
        id: 'b3',
        type: 'city_commercial_bank',
        level: 'city',
        cityIds: ['a'],
        products: ['FIRST_LOAN', 'WC_LOAN'],
      }),
    ],
    enterprises: [
      createLeader(),
      createEnterprise({ id: 'e1', dsoDays: 80 }),
      createEnterprise({ id: 'e2' }),
      createEnterprise({ id: 'e3' }),
      createEnterprise({ id: 'e4', cityId: 'b' }),
      tUp('e6', 800),
      tUp('e7', 500),
      tUp('e8', 300, 'b'),
    ],
    creditRelations: [
      line('r1', 'b1', 'e1', 600),
      line('r2', 'b2', 'e2', 600),
      line('r3', 'b2', 'e3', 600),
      line('r4', 'b2', 'e4', 400),
    ],
    supplyEdges: [
      createSupplyEdge({
        id: 's1',
        annualValue: 3650,
        shareOfSupplierSales: 0.6,
        shareOfBuyerLinkPurchases: 0.2,
        buyerAlternatives: 5,
        paymentTermDays: 30,
        receivableOutstanding: 100,
      }),
      createSupplyEdge({ id: 's2', supplierId: 'e2', buyerId: 'e3', toLinkId: 't.mid' }),
    ],
  });
}

const linkCity = (cmp: ReturnType<typeof compareAnalyses>, key: string) =>
  cmp.linkCities.find((r) => r.key === key);

describe('ScenarioSchema', () => {
  it('parses each kind and rejects a bad value', () => {
    expect(ScenarioSchema.parse({ kind: 'terms', leaderId: 'L1', days: 30 }).kind).toBe('terms');
    expect(
      ScenarioSchema.safeParse({
        kind: 'withdraw_type',
        bankType: 'joint_stock_bank',
        chainId: 't',
      }).success,
    ).toBe(true);
    expect(ScenarioSchema.safeParse({ kind: 'terms', leaderId: 'L1', days: 0 }).success).toBe(
      false,
    );
    expect(
      ScenarioSchema.safeParse({
        kind: 'enter',
        bankId: 'b3',
        linkId: 't.up',
        product: 'LOTTERY',
        budget: 1,
      }).success,
    ).toBe(false);
  });
});

describe('scenarioProblem()', () => {
  it('names the id the dataset lacks', () => {
    expect(scenarioProblem(dataset(), { kind: 'terms', leaderId: 'nobody', days: 30 })).toBe(
      'unknown enterprise: nobody',
    );
    expect(scenarioProblem(dataset(), { kind: 'terms', leaderId: 'e1', days: 30 })).toBe(
      'not a chain leader: e1',
    );
    expect(scenarioProblem(dataset(), { kind: 'withdraw_city', bankId: 'b2', cityId: 'zz' })).toBe(
      'unknown city: zz',
    );
    expect(() =>
      applyScenario(analyzeDataset(dataset()), {
        kind: 'withdraw_city',
        bankId: 'bx',
        cityId: 'a',
      }),
    ).toThrow('unknown bank: bx');
  });
});

describe('terms scenario', () => {
  const scenario: Scenario = { kind: 'terms', leaderId: 'L1', days: 90 };

  it('adds annualValue × N ÷ 365 to the supplier’s receivable, need and DSO', () => {
    const out = applyScenario(analyzeDataset(dataset()), scenario);
    // extra = 3650 × 90 ÷ 365 = 900
    const e1 = out.enterprises.find((e) => e.id === 'e1');
    expect(e1?.financingNeed).toBe(1900);
    // DSO 80 + 365 × 900 ÷ 5000 = 80 + 65.7 = 145.7
    expect(e1?.dsoDays).toBe(145.7);
    const s1 = out.supplyEdges.find((s) => s.id === 's1');
    expect(s1).toMatchObject({ paymentTermDays: 120, receivableOutstanding: 1000 });
    // e2 sells to e3, not to L1: unchanged
    expect(out.enterprises.find((e) => e.id === 'e2')?.financingNeed).toBe(1000);
    expect(out.supplyEdges.find((s) => s.id === 's2')).toEqual(dataset().supplyEdges[1]);
  });

  it('recomputes the gap, the role and the verdict', () => {
    const baseline = analyzeDataset(dataset());
    const after = runScenario(baseline, scenario);
    // e1: gap 1000 − 600 = 400 → 1900 − 600 = 1300
    expect(baseline.byEnterprise.get('e1')?.gap).toBe(400);
    expect(after.byEnterprise.get('e1')?.gap).toBe(1300);
    // 60 % of sales to a leader, 20 % ≥ 15 % of its purchases; DSO 145.7 > 90 → stressed: 稳链
    expect(baseline.byEnterprise.get('e1')?.role).toBe('general');
    expect(after.byEnterprise.get('e1')?.role).toBe('stabilize');
    expect(after.byEnterprise.get('e1')?.receivableStress).toBe(true);
    // t.mid|a: need coverage 1800 ÷ 3000 = 0.60 (partial) → 1800 ÷ 3900 = 0.46 < 0.50 (underfunded)
    const row = linkCity(compareAnalyses(baseline, after), 't.mid|a');
    expect(row?.before.verdict).toBe('partial');
    expect(row?.after.verdict).toBe('underfunded');
    expect(row?.delta.gap).toBe(900);
    expect(row?.enterpriseIds).toEqual(['e1']);
  });
});

describe('withdraw scenarios', () => {
  it('lapses the bank’s live relations in the city only', () => {
    const baseline = analyzeDataset(dataset());
    const out = applyScenario(baseline, { kind: 'withdraw_city', bankId: 'b2', cityId: 'a' });
    const status = (id: string) => out.creditRelations.find((r) => r.id === id)?.status;
    // r2, r3: b2 in city a → matured; r4: b2 in city b and r1: b1 → unchanged
    expect([status('r1'), status('r2'), status('r3'), status('r4')]).toEqual([
      'active',
      'matured',
      'matured',
      'active',
    ]);
    // t.mid|a: 1 of 3 covered = 0.33 < 0.40 → uncovered; gap 1200 → 400 + 1000 + 1000 = 2400
    const row = linkCity(
      compareAnalyses(
        baseline,
        runScenario(baseline, {
          kind: 'withdraw_city',
          bankId: 'b2',
          cityId: 'a',
        }),
      ),
      't.mid|a',
    );
    expect(row?.before.verdict).toBe('partial');
    expect(row?.after.verdict).toBe('uncovered');
    expect(row?.after.gap).toBe(2400);
    expect(row?.relationIds).toEqual(['r2', 'r3']);
  });

  it('lapses every relation of a bank type with the chain’s firms, wherever they are', () => {
    const ds = dataset();
    const withOtherChain: Dataset = {
      ...ds,
      enterprises: [
        ...ds.enterprises,
        createEnterprise({ id: 'u1', chainIds: ['u'], linkIds: ['u.x'], primaryLinkId: 'u.x' }),
      ],
      creditRelations: [...ds.creditRelations, line('r9', 'b2', 'u1', 100)],
    };
    const out = applyWithdrawScenario(withOtherChain, {
      kind: 'withdraw_type',
      bankType: 'joint_stock_bank',
      chainId: 't',
    });
    // b2 is the joint-stock bank: r2, r3, r4 (chain t) lapse; r9 (chain u) and r1 (b1) stay
    expect(out.creditRelations.map((r) => [r.id, r.status])).toEqual([
      ['r1', 'active'],
      ['r2', 'matured'],
      ['r3', 'matured'],
      ['r4', 'matured'],
      ['r9', 'active'],
    ]);
  });
});

describe('enter scenario', () => {
  const scenario: Scenario = {
    kind: 'enter',
    bankId: 'b3',
    linkId: 't.up',
    product: 'FIRST_LOAN',
    budget: 1000,
  };

  it('gives the batch builder’s top firms of the link lines up to the budget', () => {
    const out = applyScenario(analyzeDataset(dataset()), scenario);
    const added = out.creditRelations.filter((r) => r.id.startsWith('scenario:'));
    // e6 (gap 800) scores above e7 (gap 500): same role, size and novelty, larger gap.
    // Budget 1000: e6 800, e7 the 200 left; e8 sits in city b, outside b3's footprint.
    expect(added.map((r) => [r.id, r.enterpriseId, r.creditLine, r.product, r.status])).toEqual([
      ['scenario:b3|e6', 'e6', 800, 'FIRST_LOAN', 'approved_undrawn'],
      ['scenario:b3|e7', 'e7', 200, 'FIRST_LOAN', 'approved_undrawn'],
    ]);
  });

  it('turns the blind spot into a served link', () => {
    const baseline = analyzeDataset(dataset());
    const row = compareAnalyses(baseline, runScenario(baseline, scenario)).links.find(
      (r) => r.key === 't.up',
    );
    // before: 3 SMEs, no lender → blind spot, gap 800 + 500 + 300 = 1600
    // after: 2 of 3 covered (0.67 < 0.70), need met 1000 ÷ 1600 = 0.625 → partial; gap 0 + 300 + 300
    expect(row?.before).toMatchObject({ verdict: 'blind_spot', gap: 1600 });
    expect(row?.after).toMatchObject({ verdict: 'partial', gap: 600, approved: 1000 });
    expect(row?.relationIds).toEqual(['scenario:b3|e6', 'scenario:b3|e7']);
  });

  it('stops at the budget', () => {
    const out = applyScenario(analyzeDataset(dataset()), { ...scenario, budget: 500 });
    // e6 takes all 500; nothing is left for e7
    expect(
      out.creditRelations.filter((r) => r.id.startsWith('scenario:')).map((r) => r.creditLine),
    ).toEqual([500]);
  });
});

describe('scenarios never touch the baseline', () => {
  const all: Scenario[] = [
    { kind: 'terms', leaderId: 'L1', days: 90 },
    { kind: 'withdraw_city', bankId: 'b2', cityId: 'a' },
    { kind: 'withdraw_type', bankType: 'joint_stock_bank', chainId: 't' },
    { kind: 'enter', bankId: 'b3', linkId: 't.up', product: 'FIRST_LOAN', budget: 1000 },
  ];
  it.each(all)('runScenario($kind) leaves the dataset as it was', (scenario) => {
    const baseline = analyzeDataset(dataset());
    const copy = structuredClone(baseline.index.dataset);
    runScenario(baseline, scenario);
    expect(baseline.index.dataset).toEqual(copy);
  });
});
