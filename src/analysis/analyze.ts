import type { Dataset } from '../domain/schema';
import { buildDatasetIndex } from './dataset-index';
import { computeAllMetrics } from './metrics';
import { DEFAULT_PARAMS, type Params } from './params';
import { recommendProducts } from './products';
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
    let products: EnterpriseAnalysis['recommendedProducts'] | undefined;
    byEnterprise.set(e.id, {
      ...m,
      role: role.role,
      roleReasons: role.reasons,
      secondaryRoles: role.secondaryRoles,
      // Computed when first read (a panel, a batch, the white space): a fifth of the analysis
      // time at 100k enterprises, which the first view does not need (issue 12).
      get recommendedProducts() {
        products ??= recommendProducts(index, e, m, params);
        return products;
      },
    });
  }
  return { index, params, byEnterprise };
}
