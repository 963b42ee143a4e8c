/**
 * View model of the Policy & batch view: the scope from the app's region filter, region and lender
 * choices, names, and the policy tools of a card. Pure functions of the dataset index.
 */
import type { DatasetIndex } from '../../analysis/dataset-index';
import type { PolicyCardProduct, PolicyToolKey } from '../../analysis/policy-card';
import type { Scope } from '../../analysis/scope';
import {
  isLenderType,
  LENDER_TYPES,
  type Bank,
  type DisplayRole,
  type InstitutionType,
} from '../../domain/schema';
import type { Lang } from '../../i18n/format';

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The scope of the view: the chain narrowed to the region the app has chosen (a city wins over its
 * province).
 * @example scopeOf('nev', { province: '江苏', city: 'changzhou' }) // → { chainId: 'nev', cityId: 'changzhou' }
 */
export function scopeOf(
  chainId: string,
  region: { province: string | null; city: string | null },
): Scope {
  if (region.city) return { chainId, cityId: region.city };
  if (region.province) return { chainId, provinceZh: region.province };
  return { chainId };
}

/**
 * A stable key for the region part of a scope, used in storage keys and file names.
 * @example scopeKey({ chainId: 'nev', provinceZh: '江苏' }) // → 'prov=江苏'
 */
export function scopeKey(scope: Scope): string {
  if (scope.cityId !== undefined) return `city=${scope.cityId}`;
  if (scope.provinceZh !== undefined) return `prov=${scope.provinceZh}`;
  return 'all';
}

/**
 * The region of a scope in words.
 * @example scopeName(index, { chainId: 'nev', cityId: 'changzhou' }, 'zh') // → '江苏·常州'
 * @example scopeName(index, { chainId: 'nev', cityId: 'changzhou' }, 'en') // → 'Changzhou, Jiangsu'
 */
export function scopeName(index: DatasetIndex, scope: Scope, lang: Lang): string {
  if (scope.cityId !== undefined) {
    const c = index.cityById.get(scope.cityId);
    if (!c) return scope.cityId;
    return lang === 'zh' ? `${c.provinceZh}·${c.nameZh}` : `${c.nameEn}, ${c.provinceEn}`;
  }
  if (scope.provinceZh !== undefined) {
    if (lang === 'zh') return scope.provinceZh;
    const c = index.dataset.cities.find((x) => x.provinceZh === scope.provinceZh);
    return c?.provinceEn ?? scope.provinceZh;
  }
  return lang === 'zh' ? '全国' : 'All of China';
}

/** Cities of the chain's enterprises, in GB/T 2260 order. */
function chainCities(index: DatasetIndex, chainId: string) {
  const ids = new Set((index.enterprisesByChain.get(chainId) ?? []).map((e) => e.cityId));
  return [...ids]
    .flatMap((id) => {
      const c = index.cityById.get(id);
      return c ? [c] : [];
    })
    .sort((a, b) => compareStrings(a.gbCode, b.gbCode) || compareStrings(a.id, b.id));
}

/**
 * The cities a scope covers, for `ChainPolicy.cityIds`: [] for all of China (every cluster of the
 * chain), the chain's cities in the province, or the one city.
 * @example scopeCityIds(index, { chainId: 'nev', provinceZh: '江苏' }) // → ['nanjing', 'wuxi', 'changzhou', …]
 */
export function scopeCityIds(index: DatasetIndex, scope: Scope): string[] {
  if (scope.cityId !== undefined) return [scope.cityId];
  if (scope.provinceZh === undefined) return [];
  return chainCities(index, scope.chainId)
    .filter((c) => c.provinceZh === scope.provinceZh)
    .map((c) => c.id);
}

export interface RegionOption {
  provinceZh: string;
  provinceEn: string;
  cities: { id: string; nameZh: string; nameEn: string }[];
}

/**
 * The provinces and cities where the chain has enterprises, in GB/T 2260 order: the choices of the
 * region selector.
 * @example regionOptions(index, 'nev')[0] // → { provinceZh: '北京', provinceEn: 'Beijing', cities: [{ id: 'beijing', … }] }
 */
export function regionOptions(index: DatasetIndex, chainId: string): RegionOption[] {
  const out: RegionOption[] = [];
  for (const c of chainCities(index, chainId)) {
    let p = out.find((o) => o.provinceZh === c.provinceZh);
    if (!p) {
      p = { provinceZh: c.provinceZh, provinceEn: c.provinceEn, cities: [] };
      out.push(p);
    }
    p.cities.push({ id: c.id, nameZh: c.nameZh, nameEn: c.nameEn });
  }
  return out;
}

export interface LenderOption {
  id: string;
  nameZh: string;
  nameEn: string;
  type: InstitutionType;
  national: boolean;
}

const TYPE_ORDER = new Map<string, number>(LENDER_TYPES.map((t, i) => [t, i]));

/**
 * The lenders that can issue a policy for the scope: national banks, and local banks operating in
 * a city where the chain has enterprises in scope. National banks first by type (§2.8 order), then
 * local banks; by id within a group.
 * @example lenderOptions(index, { chainId: 'nev', cityId: 'changzhou' }).map((b) => b.id)
 * // → ['b-policy-a', …, 'b-ccb-changzhou', 'b-rcb-changzhou']
 */
export function lenderOptions(index: DatasetIndex, scope: Scope): LenderOption[] {
  const cities = new Set(
    scope.cityId !== undefined
      ? [scope.cityId]
      : chainCities(index, scope.chainId)
          .filter((c) => scope.provinceZh === undefined || c.provinceZh === scope.provinceZh)
          .map((c) => c.id),
  );
  const national = (b: Bank) => b.level === 'national';
  return index.dataset.banks
    .filter((b) => isLenderType(b.type) && (national(b) || b.cityIds.some((id) => cities.has(id))))
    .sort(
      (a, b) =>
        Number(national(b)) - Number(national(a)) ||
        (national(a) ? (TYPE_ORDER.get(a.type) ?? 99) - (TYPE_ORDER.get(b.type) ?? 99) : 0) ||
        compareStrings(a.id, b.id),
    )
    .map((b) => ({
      id: b.id,
      nameZh: b.nameZh,
      nameEn: b.nameEn,
      type: b.type,
      national: national(b),
    }));
}

/**
 * The bank shown when the user has not chosen one (or chose one that cannot serve the scope): the
 * lender serving most SMEs in scope, else the first option.
 * @example chosenBankId('b-x', [{ bankId: 'b2' }], options) // → 'b2' when 'b-x' is not an option
 */
export function chosenBankId(
  chosen: string | null,
  participating: readonly { bankId: string }[],
  options: readonly LenderOption[],
): string | null {
  const ids = new Set(options.map((o) => o.id));
  if (chosen !== null && ids.has(chosen)) return chosen;
  return participating.find((p) => ids.has(p.bankId))?.bankId ?? options[0]?.id ?? null;
}

/**
 * The policy tools relevant to a card: those of its products in product order, without repeats,
 * plus the guarantee-fee caps when the policy sets a guarantee-fee cap.
 * @example policyToolsOf([{ policyTools: ['tech_relending'] }], 1) // → ['tech_relending', 'guarantee_fee_cap']
 */
export function policyToolsOf(
  products: readonly Pick<PolicyCardProduct, 'policyTools'>[],
  guaranteeFeeCapPct: number | null | undefined,
): PolicyToolKey[] {
  const tools = new Set(products.flatMap((p) => p.policyTools));
  if (guaranteeFeeCapPct !== null && guaranteeFeeCapPct !== undefined) {
    tools.add('guarantee_fee_cap');
  }
  return [...tools];
}

const ROLE_ORDER: readonly DisplayRole[] = [
  'fill',
  'stabilize',
  'extend',
  'strengthen',
  'general',
  'leader',
];

/**
 * A role mix as [role, count] pairs, roles with firms only, in the §5.4 precedence order.
 * @example roleMixEntries({ fill: 0, stabilize: 2, extend: 0, strengthen: 1, leader: 0, general: 3 })
 * // → [['stabilize', 2], ['strengthen', 1], ['general', 3]]
 */
export function roleMixEntries(mix: Record<DisplayRole, number>): [DisplayRole, number][] {
  return ROLE_ORDER.filter((r) => mix[r] > 0).map((r) => [r, mix[r]]);
}

/**
 * A whole number typed into a bounded input, or null when it is not one or out of bounds.
 * @example parseBoundedInt('12', 1, 100) // → 12
 * @example parseBoundedInt('2.5', 1, 5) // → null
 */
export function parseBoundedInt(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/** Bounds of the batch builder's parameters: one meeting's worth per bank; a firm keeps a choice. */
export const BATCH_BOUNDS = {
  maxPerBank: { min: 1, max: 100 },
  maxBanksPerEnterprise: { min: 1, max: 5 },
} as const;

/**
 * A quota exactly as set, for a document that commits to it (formatWan rounds to one decimal of
 * 亿元): zh in 万元 with 亿元 alongside from 10,000 万元 up; en in CNY millions.
 * @example formatQuota(117500, 'zh') // → '117,500万元（11.75亿元）'
 * @example formatQuota(117500, 'en') // → 'CNY 1,175m'
 */
export function formatQuota(wan: number, lang: Lang): string {
  const group = (x: number) =>
    x.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 6 });
  if (lang === 'en') return `CNY ${group(wan / 100)}m`;
  return wan >= 10_000 ? `${group(wan)}万元（${group(wan / 10_000)}亿元）` : `${group(wan)}万元`;
}

/** Where a policy card's issue date comes from: the docking meeting, else the dataset's data date. */
export interface IssueDate {
  date: string;
  source: 'meeting' | 'data';
  /** The meeting's id when the source is a meeting. */
  meetingId?: string;
}

/**
 * The issue date of a card, from one source and never from today's clock (issue 11): the latest
 * docking meeting of the chain in the scope's region held on or before the data date, else the data
 * date itself.
 * @example issueDateOf(index, { chainId: 'nev' }) // → { date: '2025-06-18', source: 'meeting', meetingId: 'm-nev-ningde' }
 * @example issueDateOf(index, { chainId: 'x' }) // → { date: '2025-06-30', source: 'data' }
 */
export function issueDateOf(index: DatasetIndex, scope: Scope): IssueDate {
  const { meta, meetings } = index.dataset;
  const inRegion = (cityId: string) => {
    if (scope.cityId !== undefined) return cityId === scope.cityId;
    if (scope.provinceZh !== undefined)
      return index.cityById.get(cityId)?.provinceZh === scope.provinceZh;
    return true;
  };
  const held = meetings
    .filter((m) => m.chainIds.includes(scope.chainId) && inRegion(m.cityId) && m.date <= meta.asOf)
    .sort((a, b) => compareStrings(b.date, a.date) || compareStrings(a.id, b.id));
  const m = held[0];
  return m
    ? { date: m.date, source: 'meeting', meetingId: m.id }
    : { date: meta.asOf, source: 'data' };
}

/**
 * Is a card issued outside its validity (after it ends, or more than a year before it starts)?
 * @example validityProblem('2026-12-04', '2025-07-01', '2026-06-30') // → 'expired'
 * @example validityProblem('2025-06-30', '2025-07-01', '2026-06-30') // → null
 */
export function validityProblem(
  issued: string,
  validFrom: string,
  validTo: string,
): 'expired' | 'early' | null {
  if (validTo && issued > validTo) return 'expired';
  if (validFrom) {
    const from = new Date(`${validFrom}T00:00:00Z`);
    from.setUTCFullYear(from.getUTCFullYear() - 1);
    if (issued < from.toISOString().slice(0, 10)) return 'early';
  }
  return null;
}
