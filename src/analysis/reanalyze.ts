/**
 * Analysis of a dataset that differs from an analysed one in a few firms' credit, need or supply
 * terms (a round, a scenario): only those firms are analysed again, with the same functions as
 * `analyzeDataset` (§5.1 metrics, §5.4 role, §5.5 products); every other firm keeps its result.
 *
 * Why that is exact: a firm's metrics read its own relations and the supply edges it sells on; its
 * role reads its own metrics and the SME counts per link × city; its products read its own metrics
 * and edges. SME status depends on size and leadership, which rounds and scenarios never change, so
 * the counts are the baseline's. A firm whose relations, need, DSO or edges (as supplier or buyer)
 * changed is analysed again; the tests compare the result with a full `analyzeDataset`.
 */
import type { CreditRelation, Dataset, Enterprise, SupplyEdge } from '../domain/schema';
import { analyzeDataset } from './analyze';
import { buildEnterpriseAnalysis } from './analysis-columns';
import { buildDatasetIndex, type DatasetIndex } from './dataset-index';
import { memoPer } from './memo';
import { computeEnterpriseMetrics, type EnterpriseMetrics } from './metrics';
import { assignRole, countSmesByLinkCity } from './roles';
import type { Analysis, EnterpriseAnalysis } from './types';

const sameRelation = (a: CreditRelation, b: CreditRelation): boolean =>
  a === b ||
  (a.bankId === b.bankId &&
    a.enterpriseId === b.enterpriseId &&
    a.creditLine === b.creditLine &&
    a.outstanding === b.outstanding &&
    a.status === b.status &&
    a.maturityDate === b.maturityDate &&
    a.product === b.product);

/**
 * The firms whose analysis may differ between two datasets of the same firms: relations added,
 * removed or changed, enterprise records replaced (a new object), supply edges replaced (both ends).
 * Null when the datasets do not hold the same firms in the same order (then nothing can be reused).
 * @example changedFirms(round1, round2) // Set { 'e-tex-shaoxing-013', … } — the firms a batch served
 */
export function changedFirms(before: Dataset, after: Dataset): Set<string> | null {
  if (before.enterprises.length !== after.enterprises.length) return null;
  const out = new Set<string>();
  for (let i = 0; i < after.enterprises.length; i++) {
    const a = after.enterprises[i] as Enterprise;
    const b = before.enterprises[i] as Enterprise;
    if (a.id !== b.id) return null;
    if (a === b) continue;
    // A replaced record may not change what decides SME status (size, leadership, links, city).
    if (
      a.employees !== b.employees ||
      a.revenue !== b.revenue ||
      a.isChainLeader !== b.isChainLeader ||
      a.cityId !== b.cityId ||
      a.linkIds.join('|') !== b.linkIds.join('|')
    ) {
      return null;
    }
    out.add(a.id);
  }
  const beforeById = new Map(before.creditRelations.map((r) => [r.id, r]));
  const afterIds = new Set<string>();
  for (const r of after.creditRelations) {
    afterIds.add(r.id);
    const old = beforeById.get(r.id);
    if (!old || !sameRelation(old, r)) {
      out.add(r.enterpriseId);
      if (old) out.add(old.enterpriseId);
    }
  }
  for (const r of before.creditRelations) if (!afterIds.has(r.id)) out.add(r.enterpriseId);
  const edgesBefore = new Map(before.supplyEdges.map((e) => [e.id, e]));
  const edgeIds = new Set<string>();
  const touch = (e: SupplyEdge) => {
    out.add(e.supplierId);
    out.add(e.buyerId);
  };
  for (const e of after.supplyEdges) {
    edgeIds.add(e.id);
    const old = edgesBefore.get(e.id);
    if (old !== e) {
      touch(e);
      if (old) touch(old);
    }
  }
  for (const e of before.supplyEdges) if (!edgeIds.has(e.id)) touch(e);
  return out;
}

/** Appends to a key's list (a changed firm has a few relations and edges: copying is cheap). */
function groupInto<T>(out: Map<string, readonly T[]>, item: T, key: string): void {
  out.set(key, [...(out.get(key) ?? []), item]);
}

/**
 * The index of `dataset` built from `base`'s: the tables of what did not change are shared, and a
 * changed firm's relations and edges are looked up again (the others' lists are the same arrays).
 */
function deriveIndex(
  base: DatasetIndex,
  dataset: Dataset,
  changed: ReadonlySet<string>,
): DatasetIndex {
  const old = base.dataset;
  if (
    dataset.enterprises !== old.enterprises ||
    dataset.links !== old.links ||
    dataset.chains !== old.chains ||
    dataset.cities !== old.cities ||
    dataset.banks !== old.banks
  ) {
    return buildDatasetIndex(dataset);
  }
  const relationsByEnterprise = new Map<string, readonly CreditRelation[]>(
    base.relationsByEnterprise,
  );
  for (const id of changed) relationsByEnterprise.delete(id);
  for (const r of dataset.creditRelations) {
    if (changed.has(r.enterpriseId)) groupInto(relationsByEnterprise, r, r.enterpriseId);
  }
  let { edgesBySupplier, edgesByBuyer } = base;
  if (dataset.supplyEdges !== old.supplyEdges) {
    const bySupplier = new Map<string, readonly SupplyEdge[]>(base.edgesBySupplier);
    const byBuyer = new Map<string, readonly SupplyEdge[]>(base.edgesByBuyer);
    for (const id of changed) {
      bySupplier.delete(id);
      byBuyer.delete(id);
    }
    for (const e of dataset.supplyEdges) {
      if (changed.has(e.supplierId)) groupInto(bySupplier, e, e.supplierId);
      if (changed.has(e.buyerId)) groupInto(byBuyer, e, e.buyerId);
    }
    edgesBySupplier = bySupplier;
    edgesByBuyer = byBuyer;
  }
  return { ...base, dataset, relationsByEnterprise, edgesBySupplier, edgesByBuyer };
}

/** SME counts per link × city of an analysis (they never change between rounds or scenarios). */
const smeCounts = memoPer<Analysis, 'smes', Map<string, number>>();

/**
 * The analysis of `dataset`, reusing `base` (the analysis of a dataset of the same firms) for every
 * firm `changedFirms` does not name; falls back to a full `analyzeDataset` when the firms differ.
 * @example reanalyzeDataset(baseline, applyWithdrawScenario(…)).byEnterprise // = analyzeDataset(…).byEnterprise
 */
export function reanalyzeDataset(base: Analysis, dataset: Dataset): Analysis {
  const changed = changedFirms(base.index.dataset, dataset);
  if (!changed) return analyzeDataset(dataset, base.params);
  const params = base.params;
  const index = deriveIndex(base.index, dataset, changed);
  const metrics = new Map<string, EnterpriseMetrics>(base.byEnterprise);
  for (const id of changed) {
    const e = index.enterpriseById.get(id);
    if (e) metrics.set(id, computeEnterpriseMetrics(index, e, params));
  }
  const byEnterprise = new Map<string, EnterpriseAnalysis>(base.byEnterprise);
  if (changed.size > 0) {
    const smesByLinkCity = smeCounts(base, 'smes', () =>
      countSmesByLinkCity(base.index, base.byEnterprise),
    );
    for (const id of changed) {
      const e = index.enterpriseById.get(id);
      const m = metrics.get(id);
      if (!e || !m) continue;
      const role = assignRole({ index, metrics, smesByLinkCity, params }, e);
      byEnterprise.set(id, buildEnterpriseAnalysis(index, e, m, role, params));
    }
  }
  return { index, params, byEnterprise };
}
