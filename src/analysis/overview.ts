import { groupCoverage, rankUncoveredLinks } from './coverage';
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

/**
 * The figures of the first screen, one row per chain in dataset order.
 * @example chainOverview(analysis)[0] // { chainId: 'app', links: 14, enterprises: 186, … }
 */
export function chainOverview(analysis: Analysis): ChainOverviewRow[] {
  const { index } = analysis;
  return index.dataset.chains.map((chain) => {
    const members = index.enterprisesByChain.get(chain.id) ?? [];
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
}

/** Totals over all chains; an enterprise on two chains counts once. */
export function overviewTotals(
  analysis: Analysis,
  rows: readonly ChainOverviewRow[] = chainOverview(analysis),
): Omit<ChainOverviewRow, 'chainId'> {
  const { dataset } = analysis.index;
  const coverage = groupCoverage(analysis, dataset.enterprises);
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
