import type { Enterprise } from '../domain/schema';
import {
  coverageFactsOf,
  createCoverageAccumulator,
  UNCOVERED_VERDICTS,
  type CoverageFacts,
  type GroupCoverage,
} from './coverage';
import { memoPer } from './memo';
import { roundWan } from './metrics';
import type { Analysis } from './types';

/** One row of the chains overview (the app's first screen). Amounts in 万元. */
export interface ChainOverviewRow {
  chainId: string;
  links: number;
  enterprises: number;
  need: number;
  gap: number;
  /** Σ gap ÷ Σ need over SMEs; null without need. */
  gapShare: number | null;
  /** Covered SMEs ÷ SMEs (§5.2); null without SMEs. */
  smeCoverage: number | null;
  /** Links with verdict blind spot, uncovered or underfunded (§5.2). */
  uncoveredLinks: number;
}

type Accumulator = ReturnType<typeof createCoverageAccumulator>;

interface OverviewPass {
  /** Per chain: its coverage, how many times firms list it, its link groups' coverage. */
  chains: Map<string, { coverage: GroupCoverage; listed: number; links: GroupCoverage[] }>;
  total: GroupCoverage;
}

const passOf = memoPer<Analysis, 'overview', OverviewPass>();

/**
 * Every figure of the first screen in one pass over the enterprises (issue 12): each firm is added
 * to its chains' groups, to the groups of (its chain, each of its links) and to the total, the
 * groups' accumulators giving exactly what groupCoverage gives for the same members (a chain's
 * members in dataset order, grouped by link as rankUncoveredLinks groups them). Memoised per
 * analysis.
 */
function overviewPass(analysis: Analysis): OverviewPass {
  return passOf(analysis, 'overview', () => {
    const chainAcc = new Map<string, Accumulator>();
    const listed = new Map<string, number>();
    const linkAcc = new Map<string, Map<string, Accumulator>>();
    const total = createCoverageAccumulator(analysis);
    const accOf = <K>(map: Map<K, Accumulator>, key: K) => {
      let acc = map.get(key);
      if (!acc) map.set(key, (acc = createCoverageAccumulator(analysis)));
      return acc;
    };
    const add = (e: Enterprise, facts: CoverageFacts | null, chainId: string) => {
      listed.set(chainId, (listed.get(chainId) ?? 0) + 1);
      accOf(chainAcc, chainId).addFacts(e.id, facts);
      let links = linkAcc.get(chainId);
      if (!links) linkAcc.set(chainId, (links = new Map()));
      for (const linkId of e.linkIds) accOf(links, linkId).addFacts(e.id, facts);
    };
    for (const e of analysis.index.dataset.enterprises) {
      // Read once, added to every group of the firm.
      const facts = coverageFactsOf(analysis, e);
      total.addFacts(e.id, facts);
      for (const chainId of e.chainIds) add(e, facts, chainId);
    }
    const chains: OverviewPass['chains'] = new Map();
    for (const [chainId, acc] of chainAcc) {
      chains.set(chainId, {
        coverage: acc.finish(),
        listed: listed.get(chainId) ?? 0,
        links: [...(linkAcc.get(chainId)?.values() ?? [])].map((a) => a.finish()),
      });
    }
    return { chains, total: total.finish() };
  });
}

/**
 * The figures of the first screen, one row per chain in dataset order (from one pass over the
 * enterprises, memoised per analysis).
 * @example chainOverview(analysis)[0] // { chainId: 'app', links: 14, enterprises: 186, … }
 */
export function chainOverview(analysis: Analysis): ChainOverviewRow[] {
  const { chains } = overviewPass(analysis);
  return analysis.index.dataset.chains.map((chain) => {
    const found = chains.get(chain.id);
    const coverage = found?.coverage ?? createCoverageAccumulator(analysis).finish();
    return {
      chainId: chain.id,
      links: chain.linkIds.length,
      enterprises: found?.listed ?? 0,
      need: coverage.need,
      gap: coverage.gap,
      gapShare: coverage.need > 0 ? coverage.gap / coverage.need : null,
      smeCoverage: coverage.enterpriseCoverage,
      // The links rankUncoveredLinks would list for the chain's members (verdict only).
      uncoveredLinks: (found?.links ?? []).filter((c) => UNCOVERED_VERDICTS.has(c.verdict)).length,
    };
  });
}

/** Totals over all chains; an enterprise on two chains counts once. */
export function overviewTotals(
  analysis: Analysis,
  rows: readonly ChainOverviewRow[] = chainOverview(analysis),
): Omit<ChainOverviewRow, 'chainId'> {
  const { dataset } = analysis.index;
  const coverage = overviewPass(analysis).total;
  return {
    links: dataset.links.length,
    enterprises: dataset.enterprises.length,
    need: roundWan(coverage.need),
    gap: roundWan(coverage.gap),
    gapShare: coverage.need > 0 ? coverage.gap / coverage.need : null,
    smeCoverage: coverage.enterpriseCoverage,
    uncoveredLinks: rows.reduce((s, r) => s + r.uncoveredLinks, 0),
  };
}
