import { INDUSTRIAL_SIZE_THRESHOLDS } from '../domain/size';

/**
 * Every threshold and weight the analysis uses (domain.md §5), in one object so that a deployment can
 * review and tune them (§10 items 6 and 9). Amounts are 万元, shares 0–1, percentages 0–100.
 */
export const DEFAULT_PARAMS = {
  /** §2.6 / §5.7 industrial size rule: a class needs BOTH lower bounds (employees, revenue 万元). */
  size: INDUSTRIAL_SIZE_THRESHOLDS,
  /** §5.1 */
  renewalWindowDays: 90,
  /** Medium firms may renew working-capital loans without repaying principal only up to this date [E15]. */
  mediumRenewalCutoff: '2027-09-30',
  overCoverageFactor: 1.5,
  receivableStress: {
    dsoDays: 90,
    largeBuyerReceivablesShareOfRevenue: 0.25,
    largeBuyerTermDays: 60,
  },
  /** §5.2 verdict thresholds, first match wins. */
  verdict: {
    minSmes: 3,
    uncoveredCoverageBelow: 0.4,
    underfundedNeedCoverageBelow: 0.5,
    partialCoverageBelow: 0.7,
    partialNeedCoverageBelow: 0.8,
    dominantLenderShare: 0.8,
  },
  /** §5.2 uncovered-links priority multipliers. */
  priority: { weakLink: 1.5, leaderBuysInCity: 1.2 },
  /** §5.4 role rules. */
  roles: {
    fillMinPatents: 5,
    fillScarceMaxSmes: 3,
    keySupplierMinShare: 0.3,
    keySupplierMaxAlternatives: 2,
    dependentMinLeaderSalesShare: 0.5,
    dependentMaterialMinShare: 0.15,
    dependentDsoDaysAbove: 90,
    dependentGapRatioAbove: 0.5,
    breakpointMaxSmes: 2,
    strengthenMinRdPct: 5,
    strengthenMinGrowthPct: 15,
  },
  /** §5.5 product rules. */
  products: {
    arMinDsoDays: 60,
    ipPledgeStrongPatents: 5,
    exportMinSharePct: 20,
    ordersMinGrowthPct: 10,
    equityMinRdPct: 5,
    inventoryMinDioDays: 90,
    topPerFirm: 3,
  },
  /** §5.3 */
  whiteSpace: { minProductFitShare: 0.3 },
  /** §5.5 chain policy card */
  policyCard: { products: 5, linksPerProduct: 3 },
  /** §5.6 batch builder */
  batch: {
    maxPerBank: 20,
    maxBanksPerEnterprise: 3,
    weights: { fit: 0.35, gap: 0.25, role: 0.2, size: 0.1, novelty: 0.1 },
    roleWeight: {
      fill: 1.0,
      stabilize: 0.9,
      strengthen: 0.8,
      extend: 0.7,
      general: 0.5,
      leader: 0,
    },
    novelty: { noLender: 1.0, existingLender: 0.8, other: 0.6 },
  },
};

/** The parameter set; a deployment may pass its own, e.g. `{ ...DEFAULT_PARAMS, batch: { … } }`. */
export type Params = typeof DEFAULT_PARAMS;
