/**
 * Words for the Atlas's filters: a facet value as a reader knows it (a role's name, a city's name,
 * a bank's name), shared by the filter drawer, the active-filter chips and the search notice.
 */
import { FACET_KEYS, type FacetKey, type Filters } from '../../analysis/filters';
import type { Analysis } from '../../analysis/types';
import { formatWan, type Lang } from '../../i18n/format';
import {
  GOV_DISCLOSURE,
  institutionLabel,
  type Disclosure,
  ROLE_LABELS,
  SIZE_LABELS,
  SRDI_LABELS,
  STAGE_LABELS,
  VERDICT_LABELS,
  type Bilingual,
} from '../../i18n/labels';

export const FIXED_FACET_LABELS: Partial<Record<FacetKey, Record<string, Bilingual>>> = {
  stage: STAGE_LABELS,
  role: ROLE_LABELS,
  size: SIZE_LABELS,
  srdi: SRDI_LABELS,
  verdict: VERDICT_LABELS,
};

/**
 * A facet value in words; a lender as the perspective may name it (its name or its type).
 * @example facetValueLabel(analysis, 'role', 'fill', 'zh') // '补链'
 */
export function facetValueLabel(
  analysis: Analysis,
  key: FacetKey,
  value: string,
  lang: Lang,
  disclosure: Disclosure = GOV_DISCLOSURE,
): string {
  const fixed = FIXED_FACET_LABELS[key]?.[value];
  if (fixed) return fixed[lang];
  const { index } = analysis;
  if (key === 'city') {
    const c = index.cityById.get(value);
    return c ? (lang === 'zh' ? c.nameZh : `${c.nameEn} (${c.provinceEn})`) : value;
  }
  if (key === 'province') {
    if (lang === 'zh') return value;
    return index.dataset.cities.find((c) => c.provinceZh === value)?.provinceEn ?? value;
  }
  if (key === 'link') {
    const l = index.linkById.get(value);
    return l ? (lang === 'zh' ? l.nameZh : l.nameEn) : value;
  }
  if (key === 'lender') {
    const b = index.bankById.get(value);
    if (!b) return disclosure.perspective === 'gov' ? value : institutionLabel(disclosure, b, lang);
    return institutionLabel(disclosure, b, lang);
  }
  return value;
}

/** The value of one filter in words (`gapMin` as an amount). */
export function filterValueLabel(
  analysis: Analysis,
  filters: Filters,
  key: keyof Filters,
  lang: Lang,
  disclosure: Disclosure = GOV_DISCLOSURE,
): string {
  if (key === 'gapMin') return `≥ ${formatWan(filters.gapMin ?? 0, lang)}`;
  const v = filters[key];
  return v === null ? '' : facetValueLabel(analysis, key, v, lang, disclosure);
}

/** The filters that are set, in the drawer's order (the facets, then the gap threshold). */
export function activeFilterKeys(filters: Filters): (keyof Filters)[] {
  return [...FACET_KEYS, 'gapMin' as const].filter((k) => filters[k] !== null);
}
