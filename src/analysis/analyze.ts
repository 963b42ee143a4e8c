import type { Dataset } from '../domain/schema';
import { buildEnterpriseAnalysis } from './analysis-columns';
import { buildDatasetIndex } from './dataset-index';
import { computeAllMetrics } from './metrics';
import { DEFAULT_PARAMS, type Params } from './params';
import { assignRole, countSmesByLinkCity } from './roles';
import type { Analysis, EnterpriseAnalysis } from './types';

/**
 * Runs the enterprise-level analysis of domain.md §5.1, §5.4 and §5.5 over a parsed dataset.
 * Group figures (coverage, white space, batches, policy card) are computed from the result on demand.
 */
export function analyzeDataset(dataset: Dataset, params: Params = DEFAULT_PARAMS): Analysis {
  const index = buildDatasetIndex(dataset);
  const metrics = computeAllMetrics(index, params);
  const smesByLinkCity = countSmesByLinkCity(index, metrics);
  const byEnterprise = new Map<string, EnterpriseAnalysis>();
  for (const e of dataset.enterprises) {
    const m = metrics.get(e.id);
    if (!m) continue;
    const role = assignRole({ index, metrics, smesByLinkCity, params }, e);
    // Products are computed when first read (a panel, a batch, the white space): a fifth of the
    // analysis time at 100k enterprises, which the first view does not need (issue 12).
    byEnterprise.set(e.id, buildEnterpriseAnalysis(index, e, m, role, params));
  }
  return { index, params, byEnterprise };
}
