/**
 * Pure helpers of the Coverage view (issue 4): the bank × link matrix with its orders and the
 * aggregate columns that keep it readable (top lenders + “others”) and confidential (“my bank”
 * mode: competitors only as counts by type, §9.3), and the explanation of an uncovered link's
 * priority (§5.2). Built on `presenceMatrix` (§5.3) and `coverageBy` (§5.2).
 */
import {
  isLenderType,
  LENDER_TYPES,
  type Bank,
  type Enterprise,
  type InstitutionType,
} from '../domain/schema';
import { coverageBy, type UncoveredLink, type Verdict, type VerdictReason } from './coverage';
import type { Params } from './params';
import { inScope, type Scope } from './scope';
import type { Analysis, EnterpriseAnalysis } from './types';
import { presenceMatrix } from './white-space';

/** §9.3: a cell that covers fewer than this many enterprises shows “<3”, never the number. */
export const MIN_DISCLOSED = 3;

/**
 * Does a count have to be hidden as “<3”? Zero is not hidden: “no presence” is the point of the view.
 * @example [0, 1, 2, 3].map(isSmallCount) // [false, true, true, false]
 */
export const isSmallCount = (n: number): boolean => n > 0 && n < MIN_DISCLOSED;

/** Readable cap on bank columns; the rest fold into one “others” column. */
export const MAX_BANK_COLUMNS = 25;

export const ROW_ORDERS = ['chain', 'gap', 'coverage'] as const;
export type RowOrder = (typeof ROW_ORDERS)[number];
export const COLUMN_ORDERS = ['presence', 'type'] as const;
export type ColumnOrder = (typeof COLUMN_ORDERS)[number];

/** One link of the matrix: its SMEs in scope, who serves them, its gap and its verdict. */
export interface MatrixRow {
  linkId: string;
  /** Position of the link in the chain's order (0-based). */
  chainIndex: number;
  smes: number;
  /** SMEs served by at least one lender. */
  smesServed: number;
  /** smesServed ÷ smes; null without SMEs. */
  share: number | null;
  /** Distinct lenders present in the link. */
  lenders: number;
  /** Σ gap of the link's SMEs, 万元. */
  gap: number;
  verdict: Verdict;
  reason: VerdictReason;
}

/**
 * A column: one bank, the user's own bank (“mine”), the other banks folded together (“others”), or
 * all other lenders of one institution type (“type”, my-bank mode).
 */
export interface MatrixColumn {
  /** Bank id, `others` or `type:<institution type>`. */
  key: string;
  kind: 'bank' | 'mine' | 'others' | 'type';
  /** Set for `bank` and `mine`. */
  bankId: string | null;
  /** Institution type of a bank column or of a type column; null for `others`. */
  type: InstitutionType | null;
  /** Number of lenders folded into the column (1 for a bank). */
  banks: number;
  /** Distinct SMEs in scope the column serves (a firm in two links counts once). */
  smesServed: number;
  /** Links where the column serves at least one SME. */
  links: number;
}

export interface MatrixCell {
  linkId: string;
  key: string;
  /** SMEs of the link served by the column (for an aggregate: by any of its lenders). */
  smesServed: number;
  smes: number;
  share: number | null;
}

export interface CoverageMatrix {
  rows: MatrixRow[];
  columns: MatrixColumn[];
  /** Keyed by `cellKey(linkId, columnKey)`. */
  cells: ReadonlyMap<string, MatrixCell>;
  /** Distinct SMEs of the chain in scope and how many any lender serves. */
  total: { smes: number; smesServed: number; share: number | null; lenders: number };
}

export const cellKey = (linkId: string, columnKey: string): string => `${linkId}\u0000${columnKey}`;

const share = (n: number, d: number): number | null => (d > 0 ? n / d : null);
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The chain's enterprises inside the scope (region), in dataset order.
 * @example scopeEnterprises(analysis, { chainId: 'nev', cityId: 'changzhou' }) // NEV firms in Changzhou
 */
export function scopeEnterprises(analysis: Analysis, scope: Scope): Enterprise[] {
  const { index } = analysis;
  return (index.enterprisesByChain.get(scope.chainId) ?? []).filter((e) =>
    inScope(index, e, scope),
  );
}

/** The SMEs of each link of the chain within the scope. */
function smesByLink(
  analysis: Analysis,
  scope: Scope,
  linkIds: readonly string[],
): Map<string, EnterpriseAnalysis[]> {
  const { index } = analysis;
  return new Map(
    linkIds.map((linkId) => [
      linkId,
      (index.enterprisesByLink.get(linkId) ?? []).flatMap((e) => {
        const a = analysis.byEnterprise.get(e.id);
        return a?.isSme && inScope(index, e, scope) ? [a] : [];
      }),
    ]),
  );
}

/** An aggregate column over a set of lenders: SMEs served by any of them, per link and in all. */
function aggregateColumn(
  smes: ReadonlyMap<string, readonly EnterpriseAnalysis[]>,
  column: Omit<MatrixColumn, 'smesServed' | 'links'>,
  members: ReadonlySet<string>,
): { column: MatrixColumn; cells: MatrixCell[] } {
  const served = (a: EnterpriseAnalysis) => a.lenderIds.some((id) => members.has(id));
  const distinct = new Set<string>();
  const cells: MatrixCell[] = [];
  let links = 0;
  for (const [linkId, list] of smes) {
    const hit = list.filter(served);
    for (const a of hit) distinct.add(a.enterpriseId);
    if (hit.length > 0) links++;
    cells.push({
      linkId,
      key: column.key,
      smesServed: hit.length,
      smes: list.length,
      share: share(hit.length, list.length),
    });
  }
  return { column: { ...column, smesServed: distinct.size, links }, cells };
}

export interface MatrixOptions {
  /** Bank columns before the rest fold into “others” (default 25), when columns are banks. */
  maxBanks?: number;
  /**
   * My-bank mode: the bank gets its own column (present or not) and every other lender is folded
   * into one column per institution type, so no competitor is named (§9.3).
   */
  myBankId?: string | null;
  /**
   * Columns by institution type (one column per §2.8 lender type present) instead of one per bank.
   * Implied by `myBankId`.
   */
  byType?: boolean;
  /**
   * Types whose banks also get a column each, right after the type's column. Only for a
   * perspective that may name banks; ignored with `myBankId`.
   */
  expandTypes?: readonly InstitutionType[];
}

/**
 * The bank × link coverage matrix of a chain in a scope. Rows are the chain's links in chain order.
 * Columns are, by default, the lenders present, most SMEs served first (ties by id): the first
 * `maxBanks` as their own columns, the rest as one “others” column. With `byType`, one column per
 * institution type (with `expandTypes`, followed by that type's banks); with `myBankId`, that bank and
 * the other lenders by type.
 * @example
 * // t.mid: m1 served by b1 and c1, m2 by c1; maxBanks 1
 * buildCoverageMatrix(analysis, { chainId: 't' }, { maxBanks: 1 }).columns.map((c) => c.key)
 * // → ['c1', 'others']  (c1 serves 2 SMEs, b1 one)
 */
export function buildCoverageMatrix(
  analysis: Analysis,
  scope: Scope,
  opts: MatrixOptions = {},
): CoverageMatrix {
  const { index } = analysis;
  const maxBanks = opts.maxBanks ?? MAX_BANK_COLUMNS;
  const pm = presenceMatrix(analysis, scope);
  const linkCoverage = coverageBy(analysis, scopeEnterprises(analysis, scope), 'link');
  const smes = smesByLink(analysis, scope, pm.linkIds);

  const rows: MatrixRow[] = pm.rows.map((r, chainIndex) => {
    const g = linkCoverage.get(r.linkId);
    return {
      linkId: r.linkId,
      chainIndex,
      smes: r.smes,
      smesServed: r.smesServed,
      share: r.share,
      lenders: r.lenders,
      gap: g?.gap ?? 0,
      // A link without enterprises in scope has no group: too few firms to judge.
      verdict: g?.verdict ?? 'insufficient_data',
      reason: g?.reason ?? { code: 'FEW_SMES', smes: 0, min: analysis.params.verdict.minSmes },
    };
  });

  const typeOf = (bankId: string): InstitutionType | null =>
    index.bankById.get(bankId)?.type ?? null;
  const columns: MatrixColumn[] = [];
  const cells = new Map<string, MatrixCell>();
  const addCells = (list: readonly MatrixCell[]) => {
    for (const c of list) cells.set(cellKey(c.linkId, c.key), c);
  };
  const byBank = new Map(pm.columns.map((c) => [c.bankId, c]));
  const bankColumn = (bankId: string): MatrixColumn => {
    const c = byBank.get(bankId);
    return {
      key: bankId,
      kind: 'bank',
      bankId,
      type: typeOf(bankId),
      banks: 1,
      smesServed: c?.smesServed ?? 0,
      links: c?.links ?? 0,
    };
  };
  const bankCells = (ids: ReadonlySet<string>) =>
    pm.cells
      .filter((c) => ids.has(c.bankId))
      .map((c) => ({
        linkId: c.linkId,
        key: c.bankId,
        smesServed: c.smesServed,
        smes: c.smes,
        share: c.share,
      }));

  const myBank = opts.myBankId ? index.bankById.get(opts.myBankId) : undefined;
  if (myBank || opts.byType) {
    if (myBank) {
      const mine = aggregateColumn(
        smes,
        { key: myBank.id, kind: 'mine', bankId: myBank.id, type: myBank.type, banks: 1 },
        new Set([myBank.id]),
      );
      columns.push(mine.column);
      addCells(mine.cells);
    }
    const expand = new Set(myBank ? [] : (opts.expandTypes ?? []));
    const byType = new Map<InstitutionType, Set<string>>();
    for (const id of pm.bankIds) {
      const type = typeOf(id);
      if (id === myBank?.id || type === null) continue;
      const set = byType.get(type) ?? new Set<string>();
      set.add(id);
      byType.set(type, set);
    }
    for (const type of LENDER_TYPES) {
      const members = byType.get(type);
      if (!members) continue;
      const agg = aggregateColumn(
        smes,
        { key: `type:${type}`, kind: 'type', bankId: null, type, banks: members.size },
        members,
      );
      columns.push(agg.column);
      addCells(agg.cells);
      if (expand.has(type)) {
        // pm.bankIds is most SMEs served first: the type's banks keep that order.
        for (const id of pm.bankIds) if (members.has(id)) columns.push(bankColumn(id));
        addCells(bankCells(members));
      }
    }
  } else {
    const shown = pm.bankIds.slice(0, maxBanks);
    for (const bankId of shown) columns.push(bankColumn(bankId));
    addCells(bankCells(new Set(shown)));
    const rest = pm.bankIds.slice(maxBanks);
    if (rest.length > 0) {
      const agg = aggregateColumn(
        smes,
        { key: 'others', kind: 'others', bankId: null, type: null, banks: rest.length },
        new Set(rest),
      );
      columns.push(agg.column);
      addCells(agg.cells);
    }
  }
  return { rows, columns, cells, total: pm.total };
}

/**
 * Rows in the chosen order, as a new array: `chain` = the chain's order; `gap` = largest gap first;
 * `coverage` = lowest share of SMEs served first (links without SMEs last). Ties keep chain order.
 * @example sortMatrixRows([{ linkId: 'a', gap: 5, … }, { linkId: 'b', gap: 9, … }], 'gap') // b, a
 */
export function sortMatrixRows(rows: readonly MatrixRow[], order: RowOrder): MatrixRow[] {
  const byChain = (a: MatrixRow, b: MatrixRow) => a.chainIndex - b.chainIndex;
  const out = [...rows];
  switch (order) {
    case 'chain':
      return out.sort(byChain);
    case 'gap':
      return out.sort((a, b) => b.gap - a.gap || byChain(a, b));
    case 'coverage':
      return out.sort((a, b) => {
        if (a.share === null || b.share === null) {
          return (a.share === null ? 1 : 0) - (b.share === null ? 1 : 0) || byChain(a, b);
        }
        return a.share - b.share || byChain(a, b);
      });
  }
}

const TYPE_RANK = new Map<InstitutionType, number>(LENDER_TYPES.map((t, i) => [t, i]));
const KIND_RANK: Record<MatrixColumn['kind'], number> = { mine: 0, bank: 1, type: 1, others: 2 };

/**
 * Columns in the chosen order, as a new array. “Mine” always comes first and “others” last;
 * `presence` = most SMEs served first; `type` = §2.8 institution-type order, then presence.
 * Ties by key. When type columns are present, the banks of a type (an expanded type) stay right
 * after their type's column, most SMEs served first.
 * @example sortMatrixColumns([joint-stock bank serving 5, large state bank serving 2], 'type')
 * // → the large state bank first (§2.8 lists large state banks before joint-stock banks)
 */
export function sortMatrixColumns(
  columns: readonly MatrixColumn[],
  order: ColumnOrder,
): MatrixColumn[] {
  const typeRank = (c: MatrixColumn) =>
    c.type === null ? LENDER_TYPES.length : (TYPE_RANK.get(c.type) ?? LENDER_TYPES.length);
  const compare = (a: MatrixColumn, b: MatrixColumn) =>
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    (order === 'type' ? typeRank(a) - typeRank(b) : 0) ||
    b.smesServed - a.smesServed ||
    compareStrings(a.key, b.key);
  const typeColumns = columns.filter((c) => c.kind === 'type');
  if (typeColumns.length === 0) return [...columns].sort(compare);
  const underType = (c: MatrixColumn) =>
    c.kind === 'bank' && typeColumns.some((t) => t.type === c.type);
  const out: MatrixColumn[] = [];
  for (const c of columns.filter((x) => !underType(x)).sort(compare)) {
    out.push(c);
    if (c.kind === 'type') {
      out.push(
        ...columns
          .filter((x) => underType(x) && x.type === c.type)
          .sort((a, b) => b.smesServed - a.smesServed || compareStrings(a.key, b.key)),
      );
    }
  }
  return out;
}

/** One factor of an uncovered link's priority (§5.2). */
export interface PriorityFactor {
  code: 'weakLink' | 'leaderBuysInCity';
  factor: number;
}

/**
 * Why an uncovered link ranks where it does: priority = gap × the factors that apply.
 * @example explainPriority({ coverage: { gap: 1000 }, isWeak: true, leaderBuysInCity: false, … }, DEFAULT_PARAMS)
 * // → { gap: 1000, factors: [{ code: 'weakLink', factor: 1.5 }], priority: 1500 }
 */
export function explainPriority(
  u: Pick<UncoveredLink, 'coverage' | 'isWeak' | 'leaderBuysInCity'>,
  params: Params,
): { gap: number; factors: PriorityFactor[]; priority: number } {
  const factors: PriorityFactor[] = [];
  if (u.isWeak) factors.push({ code: 'weakLink', factor: params.priority.weakLink });
  if (u.leaderBuysInCity) {
    factors.push({ code: 'leaderBuysInCity', factor: params.priority.leaderBuysInCity });
  }
  const gap = u.coverage.gap;
  return { gap, factors, priority: factors.reduce((p, f) => p * f.factor, gap) };
}

/** An uncovered link as a ranked list shows it: its rank in the scope and its priority worked out. */
export interface RankedUncovered {
  /** 1-based, within the list given (ranks restart in every scope). */
  rank: number;
  linkId: string;
  uncovered: UncoveredLink;
  gap: number;
  factors: PriorityFactor[];
  priority: number;
}

/**
 * The uncovered links of a scope with their ranks and the priority they are sorted by (§5.2).
 * @example rankedUncovered([u(tInCity, gap 1000, weak)], params)
 * // → [{ rank: 1, linkId: 't', gap: 1000, factors: [{ code: 'weakLink', factor: 1.5 }], priority: 1500 }]
 */
export function rankedUncovered(
  uncovered: readonly UncoveredLink[],
  params: Params,
): RankedUncovered[] {
  return uncovered.map((u, i) => ({
    rank: i + 1,
    linkId: u.linkId,
    uncovered: u,
    ...explainPriority(u, params),
  }));
}

/**
 * The lenders a strategist can pick as “my bank”: national banks and local banks, each sorted by
 * institution type (§2.8 order), then Chinese name. Guarantors, insurers and other non-lenders are
 * left out: white space is about credit.
 * @example lenderChoices(analysis) // { national: [large state bank A, …], local: [常州城商行, …] }
 */
export function lenderChoices(analysis: Analysis): { national: Bank[]; local: Bank[] } {
  const lenders = analysis.index.dataset.banks
    .filter((b) => isLenderType(b.type))
    .sort(
      (a, b) =>
        (TYPE_RANK.get(a.type) ?? 0) - (TYPE_RANK.get(b.type) ?? 0) ||
        a.nameZh.localeCompare(b.nameZh, 'zh-CN') ||
        compareStrings(a.id, b.id),
    );
  return {
    national: lenders.filter((b) => b.level === 'national'),
    local: lenders.filter((b) => b.level !== 'national'),
  };
}
