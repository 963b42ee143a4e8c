import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DatasetSchema, type Dataset } from '../domain/schema';
import { analyzeDataset } from './analyze';
import { groupCoverage, rankUncoveredLinks } from './coverage';
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

describe('chainOverview() in one pass', () => {
  /** What each row means, group by group: the chain's members and their links (rankUncoveredLinks). */
  const perChain = (analysis: ReturnType<typeof analyzeDataset>) =>
    analysis.index.dataset.chains.map((chain) => {
      const members = analysis.index.enterprisesByChain.get(chain.id) ?? [];
      const coverage = groupCoverage(analysis, members);
      return {
        chainId: chain.id,
        links: chain.linkIds.length,
        enterprises: members.length,
        need: coverage.need,
        gap: coverage.gap,
        gapShare: coverage.need > 0 ? coverage.gap / coverage.need : null,
        smeCoverage: coverage.enterpriseCoverage,
        uncoveredLinks: rankUncoveredLinks(analysis, members, 'link').length,
      };
    });

  it('chainOverview() gives, chain by chain, the figures of the chain’s own groups (demo)', () => {
    const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
    const analysis = analyzeDataset(demo);
    expect(chainOverview(analysis)).toStrictEqual(perChain(analysis));
    expect(overviewTotals(analysis)).toMatchObject({
      enterprises: demo.enterprises.length,
      need: groupCoverage(analysis, demo.enterprises).need,
    });
  });

  it('chainOverview() counts a firm listed on two chains in both, and twice-listed links once', () => {
    const demo = DatasetSchema.parse(JSON.parse(readFileSync('data/demo.v1.json', 'utf8')));
    // The first firm also on the IC chain, with one of its links listed twice.
    const [first, ...rest] = demo.enterprises;
    const shared = {
      ...first!,
      chainIds: [...first!.chainIds, 'ic'],
      linkIds: [...first!.linkIds, first!.linkIds[0]!],
    };
    const analysis = analyzeDataset({ ...demo, enterprises: [shared, ...rest] });
    expect(chainOverview(analysis)).toStrictEqual(perChain(analysis));
  });
});
