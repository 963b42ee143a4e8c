/**
 * What the hover tooltip says, as plain data. The adapter turns it into DOM nodes with
 * `textContent` only: names come from user files and are never HTML.
 */
import { formatCount, formatWan } from '../i18n/format';
import type { MapEnterprise, MapGroup } from './features';

export interface TooltipContent {
  title: string;
  /** Shown under the title in a smaller type, e.g. the city of an enterprise. */
  subtitle: string | null;
  rows: { label: string; value: string }[];
}

type Lang = 'zh' | 'en';

const WORDS = {
  zh: { enterprises: '企业数', gap: '融资缺口', class: '分类' },
  en: { enterprises: 'Enterprises', gap: 'Financing gap', class: 'Class' },
} as const;

/**
 * Tooltip of a city bubble or a province: its name, the number of enterprises drawn, their gap and
 * what the colour means (the group label), when the group exists.
 * @example groupTooltip('苏州', { enterprises: 12, gap: 850, label: '部分覆盖', … }, 'zh')
 * // → { title: '苏州', subtitle: null, rows: [{ label: '企业数', value: '12' }, { label: '融资缺口', value: '850万元' }, { label: '分类', value: '部分覆盖' }] }
 */
export function groupTooltip(
  title: string,
  group: MapGroup | undefined,
  lang: Lang,
): TooltipContent {
  const w = WORDS[lang];
  if (!group) return { title, subtitle: null, rows: [] };
  const rows: TooltipContent['rows'] = [
    { label: w.enterprises, value: formatCount(group.enterprises, lang) },
    { label: w.gap, value: formatWan(group.gap, lang) },
  ];
  if (group.label.trim() !== '' && group.label !== title) {
    rows.push({ label: w.class, value: group.label });
  }
  return { title, subtitle: null, rows };
}

/**
 * Tooltip of an enterprise: its label (name, or “企业 #17” when names are hidden), its city, and
 * the figure line the app supplied.
 * @example enterpriseTooltip({ label: '示例企业', detail: '缺口 850万元', … }, '苏州')
 * // → { title: '示例企业', subtitle: '苏州', rows: [{ label: '', value: '缺口 850万元' }] }
 */
export function enterpriseTooltip(e: MapEnterprise, cityName: string | null): TooltipContent {
  return {
    title: e.label,
    subtitle: cityName,
    rows: e.detail ? [{ label: '', value: e.detail }] : [],
  };
}
