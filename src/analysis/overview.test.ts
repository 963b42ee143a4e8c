import { describe, expect, it } from 'vitest';
import type { Dataset } from '../domain/schema';
import { analyzeDataset } from './analyze';
import { chainOverview, overviewTotals } from './overview';
import {
  createBank,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
} from './test-fixtures';

/**
 * Chain t, city a. Link t.mid: e1 (need 1000, line 400 from b1), e2 (need 500, no credit),
 * e3 (need 0, line 100 from b1); leader L1 in t.down (need 0, line 9000, not an SME).
 *   need = 1000 + 500 + 0 = 1500; gap = 600 + 500 + 0 = 1100; gap share 1100/1500 = 0.7333
 *   SME coverage: e1 and e3 covered of 3 SMEs = 2/3
 *   t.mid: 3 SMEs, coverage 2/3 ≥ 0.4; need coverage min(400,1000)+0 / 1500 = 0.2667 < 0.5
 *     → underfunded → 1 uncovered link. t.down has only the leader (0 SMEs) → insufficient data.
 */
function fixture(): Dataset {
  return createDataset({
    enterprises: [
      createEnterprise({ id: 'e1', financingNeed: 1000 }),
      createEnterprise({ id: 'e2', financingNeed: 500 }),
      createEnterprise({ id: 'e3', financingNeed: 0 }),
      createLeader(),
    ],
    banks: [createBank()],
    creditRelations: [
      createRelation({ id: 'r1', enterpriseId: 'e1', creditLine: 400 }),
      createRelation({ id: 'r3', enterpriseId: 'e3', creditLine: 100, outstanding: 0 }),
      createRelation({ id: 'rL', enterpriseId: 'L1', creditLine: 9000, outstanding: 0 }),
    ],
  });
}

describe('chainOverview()', () => {
  it('sums need and gap, counts SME coverage and uncovered links per chain', () => {
    const [row] = chainOverview(analyzeDataset(fixture()));
    expect(row).toMatchObject({
      chainId: 't',
      links: 4,
      enterprises: 4,
      need: 1500,
      gap: 1100,
      uncoveredLinks: 1,
    });
    expect(row?.gapShare).toBeCloseTo(1100 / 1500, 10);
    expect(row?.smeCoverage).toBeCloseTo(2 / 3, 10);
  });

  it('a chain without enterprises shows null shares, not zeros', () => {
    const [row] = chainOverview(analyzeDataset(createDataset()));
    expect(row).toMatchObject({
      enterprises: 0,
      need: 0,
      gap: 0,
      gapShare: null,
      smeCoverage: null,
    });
  });
});

describe('overviewTotals()', () => {
  it('totals the dataset once, whatever the chains', () => {
    const totals = overviewTotals(analyzeDataset(fixture()));
    expect(totals).toMatchObject({ enterprises: 4, need: 1500, gap: 1100, uncoveredLinks: 1 });
  });
});
