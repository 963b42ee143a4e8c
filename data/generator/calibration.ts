/**
 * The figures that domain.md §4.9 checks on the generated demo, computed with the app's own analysis.
 * The demo test asserts their ranges; `npm run data:demo` prints them.
 */
import { analyzeDataset } from '../../src/analysis/analyze';
import { coverageBy } from '../../src/analysis/coverage';
import { isLiveRelation } from '../../src/analysis/dataset-index';
import { isLenderType, type Dataset, type DisplayRole } from '../../src/domain/schema';

export interface Calibration {
  enterprises: number;
  leaders: number;
  smes: number;
  /** SMEs with ≥ 1 lender ÷ SMEs */
  smeCoverage: number;
  coverageBySize: { medium: number; small: number; micro: number };
  /** Σ gap ÷ Σ need over SMEs */
  gapShare: number;
  /**
   * Line-weighted share of unsecured (credit) lines among inclusive-sized lender lines (≤ 1,000 万元),
   * the calibre of anchor A9 (普惠型小微贷款: single-borrower credit ≤ 10 m CNY).
   */
  creditShare: number;
  /** line-weighted average rate of SME lender relations minus the 1-year LPR, in bp */
  avgRateSpreadBp: number;
  /** large state banks' share of lender lines ≤ 1,000 万元 */
  largeStateShareSmallLines: number;
  littleGiantShare: number;
  /** role shares over non-leaders */
  roles: Record<Exclude<DisplayRole, 'leader'>, number>;
  linkCityGroups: number;
  blindSpots: number;
  uncoveredShare: number;
}

export function calibrate(ds: Dataset): Calibration {
  const analysis = analyzeDataset(ds);
  const { index } = analysis;
  const all = [...analysis.byEnterprise.values()];
  const smes = all.filter((a) => a.isSme);
  const share = (xs: typeof all, pred: (a: (typeof all)[number]) => boolean) =>
    xs.length === 0 ? 0 : xs.filter(pred).length / xs.length;
  const bySize = (size: string) => smes.filter((a) => a.computedSize === size);

  const need = smes.reduce((s, a) => s + a.need, 0);
  const gap = smes.reduce((s, a) => s + a.gap, 0);

  const smeIds = new Set(smes.map((a) => a.enterpriseId));
  const lenderRelations = ds.creditRelations.filter((r) => {
    const bank = index.bankById.get(r.bankId);
    return isLiveRelation(r) && bank !== undefined && isLenderType(bank.type);
  });
  const smeRelations = lenderRelations.filter((r) => smeIds.has(r.enterpriseId));
  const rated = smeRelations.filter((r) => r.ratePct !== undefined);
  const ratedLines = rated.reduce((s, r) => s + r.creditLine, 0);
  const avgRate = rated.reduce((s, r) => s + (r.ratePct ?? 0) * r.creditLine, 0) / ratedLines;
  const small = lenderRelations.filter((r) => r.creditLine <= 1000);
  const smallTotal = small.reduce((s, r) => s + r.creditLine, 0);
  const smallCredit = small
    .filter((r) => r.collateral === 'credit')
    .reduce((s, r) => s + r.creditLine, 0);
  const smallState = small
    .filter((r) => index.bankById.get(r.bankId)?.type === 'large_state_bank')
    .reduce((s, r) => s + r.creditLine, 0);

  const nonLeaders = all.filter((a) => a.role !== 'leader');
  const groups = [...coverageBy(analysis, ds.enterprises, 'linkCity').values()];
  return {
    enterprises: ds.enterprises.length,
    leaders: ds.enterprises.filter((e) => e.isChainLeader).length,
    smes: smes.length,
    smeCoverage: share(smes, (a) => a.covered),
    coverageBySize: {
      medium: share(bySize('medium'), (a) => a.covered),
      small: share(bySize('small'), (a) => a.covered),
      micro: share(bySize('micro'), (a) => a.covered),
    },
    gapShare: gap / need,
    creditShare: smallCredit / smallTotal,
    avgRateSpreadBp: Math.round((avgRate - ds.meta.lpr.oneYearPct) * 100),
    largeStateShareSmallLines: smallState / smallTotal,
    littleGiantShare: share(
      smes,
      (a) => index.enterpriseById.get(a.enterpriseId)?.srdiTier === 'little_giant',
    ),
    roles: {
      strengthen: share(nonLeaders, (a) => a.role === 'strengthen'),
      stabilize: share(nonLeaders, (a) => a.role === 'stabilize'),
      fill: share(nonLeaders, (a) => a.role === 'fill'),
      extend: share(nonLeaders, (a) => a.role === 'extend'),
      general: share(nonLeaders, (a) => a.role === 'general'),
    },
    linkCityGroups: groups.length,
    blindSpots: groups.filter((g) => g.verdict === 'blind_spot').length,
    uncoveredShare: groups.filter((g) => g.verdict === 'uncovered').length / groups.length,
  };
}
