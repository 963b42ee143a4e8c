import type { ChainRole, DisplayRole, ProductCode } from '../domain/schema';
import type { DatasetIndex } from './dataset-index';
import type { EnterpriseMetrics } from './metrics';
import type { Params } from './params';

/** One product suggested to an enterprise by the §5.5 rules. score 0–1; reasons are M-… codes. */
export interface ProductRecommendation {
  code: ProductCode;
  score: number;
  reasons: string[];
}

/** §5.4 role with its reason codes. `reasons` explain the primary role; `secondaryRoles` matched too. */
export interface RoleResult {
  role: DisplayRole;
  reasons: string[];
  secondaryRoles: ChainRole[];
  /** Every reason code that matched, for every role (R-…). */
  allReasons: string[];
}

/** Everything the app shows about one enterprise: §5.1 metrics, §5.4 role, §5.5 products. */
export interface EnterpriseAnalysis extends EnterpriseMetrics {
  role: DisplayRole;
  roleReasons: string[];
  secondaryRoles: ChainRole[];
  /** Sorted by score descending, then code. Firms with gap = 0 keep only continuity products. */
  recommendedProducts: ProductRecommendation[];
}

/** The analysed dataset: the index plus per-enterprise results. Pure data, safe to memoise. */
export interface Analysis {
  index: DatasetIndex;
  params: Params;
  byEnterprise: ReadonlyMap<string, EnterpriseAnalysis>;
}
