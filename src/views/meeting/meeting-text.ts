/** Text of the meeting view that is not a fixed UI string: decline reasons and status labels. */
import type { BatchStatus } from '../../domain/schema';
import type { Lang } from '../../i18n/format';
import type { MessageKey } from '../../i18n/messages';

/**
 * The decline reasons offered in the status editor: the dataset's own (§8.2), stored bilingually
 * as the dataset stores them, so an edited reason reads the same as a generated one.
 */
export const DECLINE_REASONS = [
  '抵押物不足 / insufficient collateral',
  '现金流不足 / weak cash flow',
  '关联交易风险 / related-party risk',
] as const;

/**
 * A stored reason in the UI language: “中文 / English” gives the half of that language; any other
 * text (typed by an official) is shown as it is.
 * @example reasonText('现金流不足 / weak cash flow', 'en') // 'weak cash flow'
 * @example reasonText('担保人退出', 'en') // '担保人退出'
 */
export function reasonText(reason: string, lang: Lang): string {
  const m = /^(.+?)\s+\/\s+(.+)$/.exec(reason);
  if (!m) return reason;
  return (lang === 'zh' ? m[1] : m[2]) ?? reason;
}

export const STATUS_KEYS: Record<BatchStatus, MessageKey> = {
  pushed: 'meeting.status.pushed',
  contacted: 'meeting.status.contacted',
  approved: 'meeting.status.approved',
  disbursed: 'meeting.status.disbursed',
  declined: 'meeting.status.declined',
  withdrawn: 'meeting.status.withdrawn',
};

/**
 * Today in the user's time zone as YYYY-MM-DD (a status change defaults to today).
 * @example isoDay(new Date(2025, 6, 1)) // '2025-07-01'
 */
export function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
