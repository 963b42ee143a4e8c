import type { Enterprise } from '../domain/schema';
import type { DatasetIndex } from './dataset-index';

/** What a view looks at: one chain, optionally narrowed to a city or a province. */
export interface Scope {
  chainId: string;
  cityId?: string;
  provinceZh?: string;
}

/**
 * Is the enterprise part of the scope? It must belong to the chain (any of its `chainIds`) and,
 * when given, sit in the city and in the province (looked up through the enterprise's city).
 * @example
 * // an enterprise of chain nev in changzhou (江苏)
 * inScope(index, enterprise, { chainId: 'nev', provinceZh: '江苏' })
 * // → true
 */
export function inScope(index: DatasetIndex, e: Enterprise, scope: Scope): boolean {
  if (!e.chainIds.includes(scope.chainId)) return false;
  if (scope.cityId !== undefined && e.cityId !== scope.cityId) return false;
  if (scope.provinceZh !== undefined) {
    return index.cityById.get(e.cityId)?.provinceZh === scope.provinceZh;
  }
  return true;
}
