import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetSchema } from '../domain/schema';
import { analyzeDataset } from './analyze';
import { changedFirms, reanalyzeDataset } from './reanalyze';
import { deriveRound } from './rounds';
import { applyScenario, type Scenario } from './scenarios';
import { createDataset, createEnterprise, createRelation } from './test-fixtures';

// The committed demo: every kind of firm, relation and edge the generator makes.
const demo = DatasetSchema.parse(
  JSON.parse(readFileSync(new URL('../../data/demo.v1.json', import.meta.url), 'utf8')),
);
const baseline = analyzeDataset(demo);

const SCENARIOS: Scenario[] = [
  // the first chain leader of the demo's NEV chain
  {
    kind: 'terms',
    leaderId: demo.enterprises.find((e) => e.isChainLeader && e.chainIds.includes('nev'))!.id,
    days: 60,
  },
  { kind: 'withdraw_city', bankId: 'b-state-a', cityId: 'changzhou' },
  { kind: 'withdraw_type', bankType: 'joint_stock_bank', chainId: 'nev' },
  { kind: 'enter', bankId: 'b-state-a', linkId: 'nev.anode', product: 'SCF_AR', budget: 50_000 },
];

describe('reanalyzeDataset()', () => {
  it.each(SCENARIOS)('gives what a full analysis gives for the demo under $kind', (scenario) => {
    const dataset = applyScenario(baseline, scenario);
    const full = analyzeDataset(dataset);
    const partial = reanalyzeDataset(baseline, dataset);
    expect(partial.byEnterprise).toEqual(full.byEnterprise);
    expect(partial.index.dataset).toBe(dataset);
  });

  it('gives what a full analysis gives for the demo’s round 2', () => {
    const round2 = deriveRound(demo);
    const changed = changedFirms(demo, round2);
    // the 181 granted items serve fewer firms (some were approved by several banks)
    expect(changed?.size).toBeGreaterThan(50);
    expect(changed?.size).toBeLessThan(181);
    expect(reanalyzeDataset(baseline, round2).byEnterprise).toEqual(
      analyzeDataset(round2).byEnterprise,
    );
  });

  it('falls back to a full analysis when a firm’s size changed', () => {
    const before = createDataset({
      enterprises: [createEnterprise({ id: 'e1' })],
      creditRelations: [createRelation()],
    });
    const after = {
      ...before,
      enterprises: [createEnterprise({ id: 'e1', employees: 2000, revenue: 90_000 })],
    };
    expect(changedFirms(before, after)).toBeNull();
    const out = reanalyzeDataset(analyzeDataset(before), after);
    // 2000 employees and 90,000 万元: large, so no longer an SME
    expect(out.byEnterprise.get('e1')?.isSme).toBe(false);
  });
});
