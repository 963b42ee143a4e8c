/**
 * The comparison of two rounds, or of a baseline and a scenario (issue 14), as export tables: one
 * per kind of row (links, cities, banks, chains), with every figure before, after and its change,
 * the verdicts, and the changed credit relations behind each row. A scenario's tables say so in
 * their first column header and in the footer, so a file can never pass for real data.
 */
import type { ComparisonRow } from '../analysis/compare';
import { VERDICT_LABELS } from '../i18n/labels';
import type { Cell, ExportColumn, ExportTable } from './csv';

export interface ComparisonExportContext {
  /** '轮次对比 第1轮 → 第2轮 / Round 1 → round 2', or '情景模拟 / Scenario: …' */
  label: string;
  isScenario: boolean;
  /** The row's name as the perspective may show it. */
  nameOf: (row: ComparisonRow) => string;
  /** The dataset's footer lines (what the data are, the date). */
  footer: string[];
}

const amount = (header: string): ExportColumn => ({ header, kind: 'amount', width: 14 });
const share = (x: number | null): Cell => (x === null ? null : Math.round(x * 1000) / 10);

/**
 * One sheet of a comparison: rows as given (verdict changes first), amounts in 万元.
 * @example
 * comparisonTable('环节 Links', [t.mid row], ctx).rows[0]
 * // → ['中游', '满足不足', '部分覆盖', '是', 3000, 3000, 0, 1200, 2200, 1000, 1800, 800, -1000, 66.7, 100, 'r9', 1]
 */
export function comparisonTable(
  name: string,
  rows: readonly ComparisonRow[],
  ctx: ComparisonExportContext,
): ExportTable {
  const prefix = ctx.isScenario ? '情景模拟 Scenario · ' : '';
  const columns: ExportColumn[] = [
    { header: `${prefix}名称 / Name`, kind: 'text', width: 24 },
    { header: '判定（前） / Verdict before', kind: 'text', width: 12 },
    { header: '判定（后） / Verdict after', kind: 'text', width: 12 },
    { header: '判定变化 / Verdict changed', kind: 'text', width: 8 },
    amount('融资需求（前，万元） / Need before (10k CNY)'),
    amount('融资需求（后，万元） / Need after (10k CNY)'),
    amount('需求变化（万元） / Δ need (10k CNY)'),
    amount('已获授信（前，万元） / Approved before (10k CNY)'),
    amount('已获授信（后，万元） / Approved after (10k CNY)'),
    amount('授信变化（万元） / Δ approved (10k CNY)'),
    amount('融资缺口（前，万元） / Gap before (10k CNY)'),
    amount('融资缺口（后，万元） / Gap after (10k CNY)'),
    amount('缺口变化（万元） / Δ gap (10k CNY)'),
    { header: '中小企业覆盖率（前，%） / SME coverage before (%)', kind: 'score', width: 10 },
    { header: '中小企业覆盖率（后，%） / SME coverage after (%)', kind: 'score', width: 10 },
    { header: '变化的授信关系 / Changed credit relations', kind: 'text', width: 40 },
    { header: '变化的企业数 / Firms changed', kind: 'integer', width: 10 },
  ];
  const out: Cell[][] = rows.map((r) => [
    ctx.nameOf(r),
    VERDICT_LABELS[r.before.verdict].zh,
    VERDICT_LABELS[r.after.verdict].zh,
    r.verdictChanged ? '是' : '否',
    r.before.need,
    r.after.need,
    r.delta.need,
    r.before.approved,
    r.after.approved,
    r.delta.approved,
    r.before.gap,
    r.after.gap,
    r.delta.gap,
    share(r.before.smeCoverage),
    share(r.after.smeCoverage),
    r.relationIds.join(' '),
    r.enterpriseIds.length,
  ]);
  return {
    name: name.slice(0, 31),
    columns,
    rows: out,
    footer: [ctx.label, ...ctx.footer],
  };
}
