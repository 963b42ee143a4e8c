/**
 * The editable chain policy (一链一策): a `ChainPolicy` (domain.md §6) plus the card's free text,
 * generated from the §5.5 policy card and saved per dataset, chain, region and bank in IndexedDB.
 */
import { z } from 'zod';
import type { PolicyCard } from '../../analysis/policy-card';
import type { Scope } from '../../analysis/scope';
import type { Analysis } from '../../analysis/types';
import { productOf } from '../../domain/products';
import { CHAIN_ROLES, ChainPolicySchema, type ChainRole } from '../../domain/schema';
import { formatWan, type Lang } from '../../i18n/format';
import { translate, type MessageKey } from '../../i18n/messages';
import { scopeCityIds, scopeKey, scopeName } from './policy-model';

/** What is saved: the domain policy plus the texts of the card. Parsed with zod when loaded. */
export const PolicyDraftSchema = ChainPolicySchema.extend({
  /** Empty: the generated introduction is shown, in the current language. */
  introduction: z.string().max(4000),
  eligibilityNotes: z.string().max(4000),
  /** ISO date-time of the last save; null for a card that was never saved. */
  savedAt: z.iso.datetime().nullable(),
});
export type PolicyDraft = z.infer<typeof PolicyDraftSchema>;

/**
 * The IndexedDB key of a bank's policy for a chain and region of a dataset.
 * @example policyDraftKey('demo-v1', { chainId: 'nev' }, 'b-state-a') // → 'policy:demo-v1:nev:b-state-a:all'
 */
export function policyDraftKey(datasetId: string, scope: Scope, bankId: string): string {
  return `policy:${datasetId}:${scope.chainId}:${bankId}:${scopeKey(scope)}`;
}

/**
 * The IndexedDB key of the policy a draft belongs to, worked back from the draft's id (which names
 * chain, region and bank as `buildGeneratedDraft` made it): how an editor that holds only the draft
 * recognises its own policy among the keys another tab reports. null for an id of another form.
 * @example policyDraftKeyOf('demo-v1', { id: 'p-nev-prov=江苏-b-state-a', chainId: 'nev', bankIds: ['b-state-a'], … })
 * // → 'policy:demo-v1:nev:b-state-a:prov=江苏'
 */
export function policyDraftKeyOf(
  datasetId: string,
  draft: Pick<PolicyDraft, 'id' | 'chainId' | 'bankIds'>,
): string | null {
  const bankId = draft.bankIds[0];
  const prefix = `p-${draft.chainId}-`;
  const suffix = `-${bankId}`;
  if (bankId === undefined || draft.id.length <= prefix.length + suffix.length) return null;
  if (!draft.id.startsWith(prefix) || !draft.id.endsWith(suffix)) return null;
  const region = draft.id.slice(prefix.length, -suffix.length);
  return `policy:${datasetId}:${draft.chainId}:${bankId}:${region}`;
}

/**
 * A policy runs for a year from the first day of the month after the data date.
 * @example validityAfter('2025-06-30') // → { validFrom: '2025-07-01', validTo: '2026-06-30' }
 * @example validityAfter('2025-12-15') // → { validFrom: '2026-01-01', validTo: '2026-12-31' }
 */
export function validityAfter(asOf: string): { validFrom: string; validTo: string } {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m, 1)); // month m (1-based) as a 0-based index = next month
  const to = new Date(Date.UTC(from.getUTCFullYear() + 1, from.getUTCMonth(), 0));
  return { validFrom: isoDay(from), validTo: isoDay(to) };
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * The generated credit quota: half of the scope's SME financing gap, rounded up to 100 万元 — an
 * editorial default for the bank to adjust, not a rule of the sources.
 * @example defaultQuota(234951) // → 117500
 */
export function defaultQuota(gapWan: number): number {
  return Math.ceil((gapWan * 0.5) / 100) * 100;
}

/** The rate cap offered by default: 1-year LPR + 100 bp (the demo's SME average is LPR + 53 bp). */
export const defaultRateCap = (lprOneYearPct: number): number =>
  Math.round((lprOneYearPct + 1) * 100) / 100;

export interface DraftContext {
  analysis: Analysis;
  card: PolicyCard;
  scope: Scope;
  bankId: string;
}

function names(ctx: DraftContext, lang: Lang) {
  const { index } = ctx.analysis;
  const chain = index.chainById.get(ctx.scope.chainId);
  const bank = index.bankById.get(ctx.bankId);
  return {
    chain: chain ? (lang === 'zh' ? chain.nameZh : chain.nameEn) : ctx.scope.chainId,
    bank: bank ? (lang === 'zh' ? bank.nameZh : bank.nameEn) : ctx.bankId,
    scope: scopeName(index, ctx.scope, lang),
  };
}

/** The card's title in one language: bank — chain package, and the region when narrowed. */
export function generatedTitle(ctx: DraftContext, lang: Lang): string {
  const n = names(ctx, lang);
  const narrowed = ctx.scope.cityId !== undefined || ctx.scope.provinceZh !== undefined;
  const scope = narrowed ? (lang === 'zh' ? `·${n.scope}` : `, ${n.scope}`) : '';
  return translate(lang, 'policy.gen.title', { bank: n.bank, chain: n.chain, scope });
}

/**
 * The generated free texts in one language: an introduction built from the card's figures and the
 * eligibility of the §5.6 candidates.
 */
export function generatedTexts(
  ctx: DraftContext,
  lang: Lang,
): { introduction: string; eligibilityNotes: string } {
  const n = names(ctx, lang);
  const { totals, products } = ctx.card;
  const narrowed = ctx.scope.cityId !== undefined || ctx.scope.provinceZh !== undefined;
  // zh: 面向{全国 | 江苏·常州}…; en: “… chain across China” or “… chain in Changzhou, Jiangsu”.
  const scope = lang === 'zh' ? n.scope : narrowed ? `in ${n.scope}` : 'across China';
  const sep = translate(lang, 'policy.gen.listSep');
  const productNames = products
    .slice(0, 3)
    .map((p) => (lang === 'zh' ? productOf(p.code).nameZh : inProse(productOf(p.code).nameEn)))
    .join(sep);
  const vars = { ...n, scope };
  const introduction =
    totals.firmsWithGap > 0
      ? translate(lang, 'policy.gen.intro', {
          ...vars,
          firms: totals.firmsWithGap,
          gap: formatWan(totals.gap, lang),
          products: productNames,
        })
      : translate(lang, 'policy.gen.introEmpty', vars);
  return { introduction, eligibilityNotes: translate(lang, 'policy.gen.eligibility') };
}

/** A label inside an English sentence: “Credit loan” → “credit loan”, “IP-pledge …” unchanged. */
const inProse = (label: string): string =>
  /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;

/**
 * The chain policy generated from the card for a bank: the card's products, the links where they
 * concentrate (in chain order), the chain roles among their firms, a quota of half the gap, a rate
 * cap of LPR + 100 bp, the 1% guarantee-fee cap, a year from the month after the data date. The
 * free texts are left empty so that the generated ones follow the UI language.
 */
export function buildGeneratedDraft(ctx: DraftContext): PolicyDraft {
  const { index } = ctx.analysis;
  const { card, scope, bankId } = ctx;
  const meta = index.dataset.meta;
  const chain = index.chainById.get(scope.chainId);
  const topLinks = new Set(card.products.flatMap((p) => p.topLinks.map((l) => l.linkId)));
  const roles = new Set<ChainRole>(
    CHAIN_ROLES.filter((r) => card.products.some((p) => p.roleMix[r] > 0)),
  );
  return {
    id: `p-${scope.chainId}-${scopeKey(scope)}-${bankId}`,
    chainId: scope.chainId,
    cityIds: scopeCityIds(index, scope),
    bankIds: [bankId],
    titleZh: generatedTitle(ctx, 'zh'),
    titleEn: generatedTitle(ctx, 'en'),
    products: card.products.map((p) => p.code),
    targetRoles: CHAIN_ROLES.filter((r) => roles.has(r)),
    targetLinkIds: (chain?.linkIds ?? []).filter((id) => topLinks.has(id)),
    eligibility: [{ ruleId: 'not_dishonest_debtor' }, { ruleId: 'gap_positive' }],
    ...(card.totals.gap > 0 && { creditQuota: defaultQuota(card.totals.gap) }),
    rateCapPct: defaultRateCap(meta.lpr.oneYearPct),
    guaranteeFeeCapPct: 1,
    ...validityAfter(meta.asOf),
    introduction: '',
    eligibilityNotes: '',
    savedAt: null,
  };
}

export type DraftField = 'title' | 'quota' | 'rateCap' | 'feeCap' | 'dates';

export interface DraftIssue {
  field: DraftField;
  severity: 'error' | 'warning';
  key: MessageKey;
}

/** The editable values as the form holds them: empty numbers are null. */
export interface DraftValues {
  titleZh: string;
  titleEn: string;
  creditQuota: number | null;
  rateCapPct: number | null;
  guaranteeFeeCapPct: number | null;
  validFrom: string;
  validTo: string;
}

const hasAtMost2Decimals = (x: number): boolean => Math.abs(x * 100 - Math.round(x * 100)) < 1e-6;
const isDay = (s: string): boolean => z.iso.date().safeParse(s).success;

/**
 * What is wrong with the editable values. Errors block saving; a warning (a guarantee-fee cap above
 * the 1.5% of government-backed guarantees, A15) does not.
 * @example validateDraft({ …, rateCapPct: 0 }) // → [{ field: 'rateCap', severity: 'error', key: 'policy.err.rate' }]
 */
export function validateDraft(v: DraftValues): DraftIssue[] {
  const issues: DraftIssue[] = [];
  const error = (field: DraftField, key: MessageKey) =>
    issues.push({ field, severity: 'error', key });
  if (v.titleZh.trim() === '' || v.titleEn.trim() === '') error('title', 'policy.err.title');
  const q = v.creditQuota;
  if (q !== null && (!Number.isFinite(q) || q < 0 || q > 1e9 || !hasAtMost2Decimals(q))) {
    error('quota', 'policy.err.quota');
  }
  const r = v.rateCapPct;
  if (r !== null && (!Number.isFinite(r) || r <= 0 || r > 20)) error('rateCap', 'policy.err.rate');
  const f = v.guaranteeFeeCapPct;
  if (f !== null && (!Number.isFinite(f) || f < 0 || f > 10)) {
    error('feeCap', 'policy.err.fee');
  } else if (f !== null && f > 1.5) {
    issues.push({ field: 'feeCap', severity: 'warning', key: 'policy.warn.fee' });
  }
  if (!isDay(v.validFrom) || !isDay(v.validTo)) error('dates', 'policy.err.dates');
  else if (v.validTo < v.validFrom) error('dates', 'policy.err.dateOrder');
  return issues;
}

/**
 * The calendar date of an instant in Asia/Shanghai (§0: business dates), as YYYY-MM-DD.
 * @example isoDateIn(new Date('2025-06-30T17:00:00Z')) // → '2025-07-01'
 */
export function isoDateIn(instant: Date, timeZone = 'Asia/Shanghai'): string {
  return instant.toLocaleDateString('sv-SE', { timeZone });
}

/**
 * A save time for the status line: date and minutes in Asia/Shanghai.
 * @example formatSavedAt('2025-06-30T06:05:09.000Z') // → '2025-06-30 14:05'
 */
export function formatSavedAt(iso: string, timeZone = 'Asia/Shanghai'): string {
  const d = new Date(iso);
  return `${isoDateIn(d, timeZone)} ${d.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hour12: false })}`;
}
