/**
 * What-if scenarios (情景模拟, issue 14): pure functions that take a dataset and a scenario and return
 * a modified copy, analysed like any dataset and compared with the baseline (`compareAnalyses`).
 * Nothing is saved into the data: the scenario lives in the URL, the copy in memory.
 */
import type { z } from 'zod';
import type { CreditRelation, Dataset, Enterprise } from '../domain/schema';
import { buildBatches } from './batch';
import { isLiveRelation } from './dataset-index';
import { roundWan } from './metrics';
import { reanalyzeDataset } from './reanalyze';
import { collateralOfProduct } from './rounds';
import type { Analysis } from './types';
import type {
  EnterScenarioSchema,
  Scenario,
  TermsScenarioSchema,
  WithdrawCityScenarioSchema,
  WithdrawTypeScenarioSchema,
} from './scenario-schema';

export {
  EnterScenarioSchema,
  SCENARIO_KINDS,
  ScenarioSchema,
  TermsScenarioSchema,
  WithdrawCityScenarioSchema,
  WithdrawTypeScenarioSchema,
  type Scenario,
  type ScenarioKind,
} from './scenario-schema';

/** Ids of the relations a scenario adds: traceable to the scenario and the firm. */
export const scenarioRelationId = (bankId: string, enterpriseId: string): string =>
  `scenario:${bankId}|${enterpriseId}`;

/**
 * Why a scenario cannot run on this dataset (an id it names is missing), or null when it can.
 * @example scenarioProblem(dataset, { kind: 'terms', leaderId: 'nobody', days: 30 }) // 'unknown enterprise: nobody'
 */
export function scenarioProblem(dataset: Dataset, scenario: Scenario): string | null {
  const has = (list: readonly { id: string }[], id: string) => list.some((x) => x.id === id);
  switch (scenario.kind) {
    case 'terms': {
      const leader = dataset.enterprises.find((e) => e.id === scenario.leaderId);
      if (!leader) return `unknown enterprise: ${scenario.leaderId}`;
      return leader.isChainLeader ? null : `not a chain leader: ${scenario.leaderId}`;
    }
    case 'withdraw_city':
      if (!has(dataset.banks, scenario.bankId)) return `unknown bank: ${scenario.bankId}`;
      return has(dataset.cities, scenario.cityId) ? null : `unknown city: ${scenario.cityId}`;
    case 'withdraw_type':
      return has(dataset.chains, scenario.chainId) ? null : `unknown chain: ${scenario.chainId}`;
    case 'enter':
      if (!has(dataset.banks, scenario.bankId)) return `unknown bank: ${scenario.bankId}`;
      return has(dataset.links, scenario.linkId) ? null : `unknown link: ${scenario.linkId}`;
  }
}

/**
 * A chain leader stretches its payment terms by N days. Rule: for each supply edge the leader buys
 * on, the supplier's receivable from it grows by annualValue × N ÷ 365 (万元, rounded to 0.01); the
 * supplier's financing need grows by the same amount (working capital to carry the receivable), the
 * edge's payment term by N days, and the supplier's DSO (when known, with revenue > 0) by
 * 365 × extra ÷ revenue. Gaps, receivable stress, roles and verdicts follow when re-analysed.
 * @example
 * // L1 buys 3650 a year from e1 (need 1000, approved 600, revenue 5000, DSO 80)
 * applyTermsScenario(dataset, { kind: 'terms', leaderId: 'L1', days: 30 })
 * // extra receivable = 3650 × 30 ÷ 365 = 300 → e1 need 1300, gap 400 → 700,
 * // DSO 80 + 365 × 300 ÷ 5000 = 101.9 (> 90: receivable stress)
 */
export function applyTermsScenario(
  dataset: Dataset,
  scenario: z.infer<typeof TermsScenarioSchema>,
): Dataset {
  const extraBySupplier = new Map<string, number>();
  const supplyEdges = dataset.supplyEdges.map((edge) => {
    if (edge.buyerId !== scenario.leaderId) return edge;
    const extra = roundWan((edge.annualValue * scenario.days) / 365);
    extraBySupplier.set(
      edge.supplierId,
      roundWan((extraBySupplier.get(edge.supplierId) ?? 0) + extra),
    );
    return {
      ...edge,
      paymentTermDays: (edge.paymentTermDays ?? 0) + scenario.days,
      receivableOutstanding: roundWan((edge.receivableOutstanding ?? 0) + extra),
    };
  });
  const enterprises = dataset.enterprises.map((e): Enterprise => {
    const extra = extraBySupplier.get(e.id);
    if (extra === undefined) return e;
    const out: Enterprise = { ...e, financingNeed: roundWan(e.financingNeed + extra) };
    if (e.dsoDays !== undefined && e.revenue > 0) {
      out.dsoDays = Math.round((e.dsoDays + (365 * extra) / e.revenue) * 10) / 10;
    }
    return out;
  });
  return { ...dataset, enterprises, supplyEdges };
}

/**
 * A bank withdraws from a city, or a bank type from a chain. Rule: each live relation (active or
 * approved-undrawn) of the bank with a firm of the city — or of a bank of the type with a firm of
 * the chain — lapses (status `matured`). A relation belongs to a firm, not to a chain, so a firm on
 * two chains loses the line on both.
 * @example
 * // b2 lends 600 to e2 and e3 in city a, 400 to e4 in city b
 * applyWithdrawScenario(dataset, { kind: 'withdraw_city', bankId: 'b2', cityId: 'a' })
 * // → e2's and e3's lines matured (their gaps grow by 600 each), e4's line unchanged
 */
export function applyWithdrawScenario(
  dataset: Dataset,
  scenario: z.infer<typeof WithdrawCityScenarioSchema> | z.infer<typeof WithdrawTypeScenarioSchema>,
): Dataset {
  const firmById = new Map(dataset.enterprises.map((e) => [e.id, e]));
  const bankById = new Map(dataset.banks.map((b) => [b.id, b]));
  const lapses = (r: CreditRelation): boolean => {
    if (!isLiveRelation(r)) return false;
    const firm = firmById.get(r.enterpriseId);
    if (!firm) return false;
    if (scenario.kind === 'withdraw_city') {
      return r.bankId === scenario.bankId && firm.cityId === scenario.cityId;
    }
    return (
      bankById.get(r.bankId)?.type === scenario.bankType && firm.chainIds.includes(scenario.chainId)
    );
  };
  return {
    ...dataset,
    creditRelations: dataset.creditRelations.map((r) =>
      lapses(r) ? { ...r, status: 'matured' } : r,
    ),
  };
}

/**
 * A bank enters a link with one product and a budget. Rule: the §5.6 batch builder is run for the
 * link's chain with this bank alone, offering only this product (so the pair scores, eligibility
 * and footprint are the builder's own); its firms on the link, best score first, each get an
 * approved, undrawn line of min(gap, budget left) until the budget is spent.
 * @example
 * // t.up: SMEs e1 (gap 800, score 0.9) and e2 (gap 500, score 0.8); budget 1000
 * applyEnterScenario(analysis, { kind: 'enter', bankId: 'b3', linkId: 't.up', product: 'FIRST_LOAN', budget: 1000 })
 * // → e1 gets 800, e2 gets 200 (1000 − 800); relations 'scenario:b3|e1', 'scenario:b3|e2'
 */
export function applyEnterScenario(
  baseline: Analysis,
  scenario: z.infer<typeof EnterScenarioSchema>,
): Dataset {
  const dataset = baseline.index.dataset;
  const bank = baseline.index.bankById.get(scenario.bankId);
  const link = baseline.index.linkById.get(scenario.linkId);
  if (!bank) throw new Error(`unknown bank: ${scenario.bankId}`);
  if (!link) throw new Error(`unknown link: ${scenario.linkId}`);
  const entrant = { ...bank, products: [scenario.product] };
  // The builder reads its banks from the index's dataset: hand it a view with the entrant alone,
  // keeping the baseline's per-firm analysis (the scenario does not change any firm's metrics).
  const solo: Analysis = {
    ...baseline,
    index: {
      ...baseline.index,
      dataset: { ...dataset, banks: [entrant] },
      bankById: new Map([[entrant.id, entrant]]),
    },
  };
  const result = buildBatches(
    solo,
    { chainId: link.chainId },
    { maxPerBank: Number.MAX_SAFE_INTEGER, maxBanksPerEnterprise: 1 },
  );
  const items = (result.assignments[0]?.items ?? []).filter((item) =>
    baseline.index.enterpriseById.get(item.enterpriseId)?.linkIds.includes(link.id),
  );
  let left = scenario.budget;
  const added: CreditRelation[] = [];
  for (const item of items) {
    if (left <= 0) break;
    const amount = roundWan(Math.min(item.gap, left));
    left = roundWan(left - amount);
    added.push({
      id: scenarioRelationId(bank.id, item.enterpriseId),
      bankId: bank.id,
      enterpriseId: item.enterpriseId,
      product: scenario.product,
      creditLine: amount,
      outstanding: 0,
      collateral: collateralOfProduct(scenario.product),
      tenorMonths: 12,
      status: 'approved_undrawn',
    });
  }
  return { ...dataset, creditRelations: [...dataset.creditRelations, ...added] };
}

/**
 * The dataset as the scenario would make it; the baseline is not mutated.
 * @throws when the scenario names an id the dataset lacks (`scenarioProblem`).
 * @example applyScenario(baseline, { kind: 'withdraw_city', bankId: 'b2', cityId: 'a' }) // a new Dataset
 */
export function applyScenario(baseline: Analysis, scenario: Scenario): Dataset {
  const dataset = baseline.index.dataset;
  const problem = scenarioProblem(dataset, scenario);
  if (problem) throw new Error(problem);
  switch (scenario.kind) {
    case 'terms':
      return applyTermsScenario(dataset, scenario);
    case 'withdraw_city':
    case 'withdraw_type':
      return applyWithdrawScenario(dataset, scenario);
    case 'enter':
      return applyEnterScenario(baseline, scenario);
  }
}

/**
 * The scenario's dataset analysed with the baseline's parameters: what every view shows while a
 * scenario is on. Only the firms the scenario touches are analysed again (`reanalyzeDataset`, exact
 * because scenarios change no firm's size or links). The baseline is not mutated.
 * @example runScenario(baseline, scenario).byEnterprise.get('e1')?.gap // 700 (terms example above)
 */
export function runScenario(baseline: Analysis, scenario: Scenario): Analysis {
  return reanalyzeDataset(baseline, applyScenario(baseline, scenario));
}
