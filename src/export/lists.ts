/**
 * The exported lists as tables: the batch recommendation list (and its unassigned candidates), the
 * enterprise list and the financing-needs list. Headers are bilingual, Chinese first, in the wording
 * of the import templates (“融资需求（万元） / Financing need (10k CNY)”), so that a Chinese user reads
 * them as they are used to and a list can go back into the import wizard. Values are Chinese:
 * these files go to Chinese banks and departments. Amounts are numbers in 万元.
 */
import type {
  BatchListRow,
  EnterpriseListRow,
  NeedsListRow,
  UnassignedListRow,
} from '../analysis/lists';
import type { Scope } from '../analysis/scope';
import type { TargetFirm } from '../analysis/white-space';
import type { DatasetIndex } from '../analysis/dataset-index';
import { productOf } from '../domain/products';
import type { DatasetMeta, ProductCode } from '../domain/schema';
import {
  FIT_LABELS,
  pairFactorsText,
  pairFit,
  PRODUCT_REASON_LABELS,
  ROLE_LABELS,
  ROLE_REASON_LABELS,
  SIZE_LABELS,
  SRDI_LABELS,
} from '../i18n/labels';
import {
  PURPOSE_LABELS,
  TENOR_LABELS,
  UNASSIGNED_REASON_LABELS,
  UNASSIGNED_TOOL_LABELS,
} from '../i18n/views/policy';
import type { Cell, ExportColumn, ExportTable } from './csv';
import { exportFooter } from './footer';

/** What every export of a scope needs: names from the index, the dataset's meta for the footer. */
export interface ListExportContext {
  index: DatasetIndex;
  scope: Scope;
}

export const LIST_NAMES = {
  batch: '批次推荐清单',
  unassigned: '未分配企业',
  enterprises: '链上企业清单',
  needs: '融资需求清单',
  targets: '白区目标企业清单',
} as const;

/** The same names for file names in an English UI (issue 11: file names in the UI language). */
export const LIST_NAMES_EN: Record<keyof typeof LIST_NAMES, string> = {
  batch: 'batch-recommendations',
  unassigned: 'unassigned-firms',
  enterprises: 'enterprise-list',
  needs: 'financing-needs-list',
  targets: 'white-space-targets',
};
export type ListKind = keyof typeof LIST_NAMES;

const col = (header: string, kind: ExportColumn['kind'], width: number): ExportColumn => ({
  header,
  kind,
  width,
});

const COLUMNS = {
  no: col('序号 / No.', 'integer', 7),
  name: col('企业名称 / Enterprise name', 'text', 36),
  uscc: col('统一社会信用代码 / USCC', 'text', 22),
  city: col('所在城市 / City', 'text', 10),
  link: col('产业链环节 / Chain link', 'text', 16),
  size: col('企业规模 / Size class', 'text', 10),
  srdi: col('专精特新等级 / SRDI tier', 'text', 18),
  role: col('链上角色 / Role in the chain', 'text', 12),
  bank: col('推荐银行 / Bank', 'text', 28),
  rank: col('排名 / Rank', 'integer', 7),
  score: col('匹配得分 / Score', 'score', 10),
  fit: col('匹配程度 / Fit', 'text', 8),
  factors: col('得分构成 / What the score is made of', 'text', 60),
  products: col('推荐产品 / Recommended products', 'text', 34),
  reasons: col('推荐理由 / Reasons', 'text', 60),
  need: col('融资需求（万元） / Financing need (10k CNY)', 'amount', 16),
  approved: col('已获授信（万元） / Approved credit (10k CNY)', 'amount', 16),
  gap: col('融资缺口（万元） / Financing gap (10k CNY)', 'amount', 16),
  purposes: col('融资用途 / Financing purpose', 'text', 22),
  tenor: col('期望期限 / Preferred tenor', 'text', 14),
  unassignedReason: col('未分配原因 / Why unassigned', 'text', 26),
  tools: col('建议政策工具 / Suggested policy tool', 'text', 30),
  fitProducts: col('本行适配产品 / My products that fit', 'text', 34),
  fitReasons: col('适配理由 / Why they fit', 'text', 60),
  firstLoan: col('首贷对象 / First-loan case', 'text', 10),
  renewal: col('90天内到期续贷 / Renewal due (90 days)', 'text', 12),
} satisfies Record<string, ExportColumn>;

function names(ctx: ListExportContext) {
  const { index } = ctx;
  return {
    city: (id: string) => index.cityById.get(id)?.nameZh ?? id,
    link: (id: string) => index.linkById.get(id)?.nameZh ?? id,
    bank: (id: string) => index.bankById.get(id)?.nameZh ?? id,
  };
}

const productNames = (codes: readonly ProductCode[]): string =>
  codes.map((c) => productOf(c).nameZh).join('、');

/** A reason code in words (role reasons R-…, product reasons M-…); an unknown code as it is. */
export const reasonText = (code: string): string =>
  ROLE_REASON_LABELS[code]?.zh ?? PRODUCT_REASON_LABELS[code]?.zh ?? code;

/**
 * The region of a scope in Chinese, for footers and file names.
 * @example scopeNameZh(index, { chainId: 'nev', cityId: 'changzhou' }) // → '江苏·常州'
 */
export function scopeNameZh(index: DatasetIndex, scope: Scope): string {
  if (scope.cityId !== undefined) {
    const c = index.cityById.get(scope.cityId);
    return c ? `${c.provinceZh}·${c.nameZh}` : scope.cityId;
  }
  return scope.provinceZh ?? '全国';
}

/**
 * The footer lines of every export: the chain and region, then the §8.4 export footer with the
 * data date (the footer of an import already names it; a synthetic footer gets it appended).
 * @example
 * exportFooterLines(ctx) // → ['产业链 / Chain：新能源汽车及动力电池 — 范围 / Scope：全国',
 * //   '合成演示数据 / Synthetic demo data — demo-v1 — generated 2025-06-30 — 数据日期 / Data as of 2025-06-30']
 */
export function exportFooterLines(ctx: ListExportContext): string[] {
  const meta: DatasetMeta = ctx.index.dataset.meta;
  const chain = ctx.index.chainById.get(ctx.scope.chainId);
  const footer = exportFooter(meta);
  return [
    `产业链 / Chain：${chain?.nameZh ?? ctx.scope.chainId} — 范围 / Scope：${scopeNameZh(ctx.index, ctx.scope)}`,
    footer.includes('数据日期') ? footer : `${footer} — 数据日期 / Data as of ${meta.asOf}`,
  ];
}

/**
 * The file name of an export in the UI language: list, chain, region when narrowed, data date.
 * @example exportFileName('batch', ctx, 'xlsx') // → '批次推荐清单_nev_2025-06-30.xlsx'
 * @example exportFileName('needs', ctxInChangzhou, 'csv') // → '融资需求清单_nev_常州_2025-06-30.csv'
 * @example exportFileName('needs', ctxInChangzhou, 'csv', 'en') // → 'financing-needs-list_nev_Changzhou_2025-06-30.csv'
 */
export function exportFileName(
  kind: ListKind,
  ctx: ListExportContext,
  ext: 'csv' | 'xlsx',
  lang: 'zh' | 'en' = 'zh',
): string {
  const { scope, index } = ctx;
  const zh = lang === 'zh';
  const city = scope.cityId !== undefined ? index.cityById.get(scope.cityId) : undefined;
  const provinceEn =
    scope.provinceZh !== undefined
      ? index.dataset.cities.find((c) => c.provinceZh === scope.provinceZh)?.provinceEn
      : undefined;
  const region =
    scope.cityId !== undefined
      ? ((zh ? city?.nameZh : city?.nameEn) ?? scope.cityId)
      : zh
        ? scope.provinceZh
        : (provinceEn ?? scope.provinceZh);
  const name = zh ? LIST_NAMES[kind] : LIST_NAMES_EN[kind];
  const parts = [name, scope.chainId, region, index.dataset.meta.asOf].filter(
    (p): p is string => p !== undefined,
  );
  // File systems refuse / \ : * ? " < > |; names from imports could hold them.
  return `${parts
    .join('_')
    .replace(/[/\\:*?"<>|]/g, '-')
    .replace(/\s+/g, '-')}.${ext}`;
}

function table(name: string, columns: ExportColumn[], rows: Cell[][], ctx: ListExportContext) {
  return { name, columns, rows, footer: exportFooterLines(ctx) } satisfies ExportTable;
}

/** 批次推荐清单: one row per bank × enterprise, banks in order, items by rank. */
export function batchListTable(rows: readonly BatchListRow[], ctx: ListExportContext): ExportTable {
  const n = names(ctx);
  const c = COLUMNS;
  return table(
    LIST_NAMES.batch,
    [
      c.bank,
      c.rank,
      c.name,
      c.uscc,
      c.city,
      c.link,
      c.role,
      c.fit,
      c.score,
      c.factors,
      c.products,
      c.reasons,
      c.gap,
    ],
    rows.map((r) => [
      n.bank(r.bankId),
      r.rank,
      r.nameZh,
      r.uscc,
      n.city(r.cityId),
      n.link(r.linkId),
      ROLE_LABELS[r.role].zh,
      FIT_LABELS[pairFit(r.score)].zh,
      r.score,
      pairFactorsText(r.factors, 'zh'),
      productNames(r.recommendedProducts),
      r.reasonCodes.map(reasonText).join('；'),
      r.gap,
    ]),
    ctx,
  );
}

/** 未分配企业: the candidates no bank took, with the suggested tools. */
export function unassignedTable(
  rows: readonly UnassignedListRow[],
  ctx: ListExportContext,
): ExportTable {
  const n = names(ctx);
  const c = COLUMNS;
  return table(
    LIST_NAMES.unassigned,
    [c.no, c.name, c.uscc, c.city, c.link, c.size, c.role, c.gap, c.unassignedReason, c.tools],
    rows.map((r, i) => [
      i + 1,
      r.nameZh,
      r.uscc,
      n.city(r.cityId),
      n.link(r.linkId),
      SIZE_LABELS[r.size].zh,
      ROLE_LABELS[r.role].zh,
      r.gap,
      UNASSIGNED_REASON_LABELS[r.reason].zh,
      r.suggestedTools.map((t) => UNASSIGNED_TOOL_LABELS[t].zh).join('、'),
    ]),
    ctx,
  );
}

/** 链上企业清单: name, USCC, city, link, size, SRDI tier, role. */
export function enterpriseListTable(
  rows: readonly EnterpriseListRow[],
  ctx: ListExportContext,
): ExportTable {
  const n = names(ctx);
  const c = COLUMNS;
  return table(
    LIST_NAMES.enterprises,
    [c.no, c.name, c.uscc, c.city, c.link, c.size, c.srdi, c.role],
    rows.map((r, i) => [
      i + 1,
      r.nameZh,
      r.uscc,
      n.city(r.cityId),
      n.link(r.linkId),
      SIZE_LABELS[r.size].zh,
      r.srdiTier === 'none' ? '' : SRDI_LABELS[r.srdiTier].zh,
      ROLE_LABELS[r.role].zh,
    ]),
    ctx,
  );
}

/** 融资需求清单: need, approved, gap, purposes, preferred tenor, recommended products. */
export function needsListTable(rows: readonly NeedsListRow[], ctx: ListExportContext): ExportTable {
  const n = names(ctx);
  const c = COLUMNS;
  return table(
    LIST_NAMES.needs,
    [
      c.no,
      c.name,
      c.uscc,
      c.city,
      c.link,
      c.need,
      c.approved,
      c.gap,
      c.purposes,
      c.tenor,
      c.products,
    ],
    rows.map((r, i) => [
      i + 1,
      r.nameZh,
      r.uscc,
      n.city(r.cityId),
      n.link(r.linkId),
      r.need,
      r.approved,
      r.gap,
      r.purposes.map((p) => PURPOSE_LABELS[p].zh).join('、'),
      r.preferredTenor ? TENOR_LABELS[r.preferredTenor].zh : '',
      productNames(r.recommendedProducts),
    ]),
    ctx,
  );
}

/**
 * 白区目标企业清单: my bank's white-space firms, largest gap first, with the products of my bank
 * that fit them and why, and the first-loan and renewal flags.
 */
export function targetListTable(
  rows: readonly TargetFirm[],
  ctx: ListExportContext,
  bankNameZh: string,
): ExportTable {
  const n = names(ctx);
  const c = COLUMNS;
  const t = table(
    LIST_NAMES.targets,
    [
      c.no,
      c.name,
      c.uscc,
      c.city,
      c.link,
      c.need,
      c.gap,
      c.fitProducts,
      c.fitReasons,
      c.firstLoan,
      c.renewal,
    ],
    rows.map((r, i) => [
      i + 1,
      r.nameZh,
      r.uscc,
      n.city(r.cityId),
      n.link(r.linkId),
      r.need,
      r.gap,
      productNames(r.products),
      r.reasons.map(reasonText).join('；'),
      r.firstLoan ? '是' : '否',
      r.renewal ? '是' : '否',
    ]),
    ctx,
  );
  return { ...t, footer: [`银行 / Bank：${bankNameZh}`, ...t.footer] };
}
