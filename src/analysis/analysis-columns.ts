/**
 * The per-enterprise analysis as typed columns (issue 12): what the analysis worker hands the page,
 * as transferable buffers instead of 100,000 objects copied by structured clone. Row i is
 * `dataset.enterprises[i]`; banks are named by their row in `dataset.banks`; role and size are
 * indices into the schema's own lists; reason codes are indices into `reasonCodes`.
 *
 * Recommended products are not in the columns: the page computes them when first read (the same
 * lazy getter as analyzeDataset), from the enterprise, its metrics and the page's own index.
 */
import {
  CHAIN_ROLES,
  DISPLAY_ROLES,
  SIZE_CLASSES,
  type ChainRole,
  type Dataset,
  type DisplayRole,
  type Enterprise,
  type SizeClass,
} from '../domain/schema';
import type { DatasetIndex } from './dataset-index';
import type { EnterpriseMetrics } from './metrics';
import type { Params } from './params';
import { recommendProducts } from './products';
import type { Analysis, EnterpriseAnalysis, RoleResult } from './types';

/** The numeric metrics, in this order, `NUMBERS.length` per row; null is NaN. */
const NUMBERS = [
  'need',
  'approved',
  'outstanding',
  'gap',
  'gapRatio',
  'needCoverage',
  'utilisation',
] as const;
/** The yes/no metrics, one bit each; bit 7 says the row was analysed at all. */
const FLAGS = [
  'covered',
  'firstLoanCandidate',
  'renewalDue',
  'overCovered',
  'receivableStress',
  'isSme',
] as const;
const ANALYSED = 1 << 7;

export interface AnalysisColumns {
  rows: number;
  numbers: Float64Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  size: Uint8Array<ArrayBuffer>;
  role: Uint8Array<ArrayBuffer>;
  bankCount: Int32Array<ArrayBuffer>;
  /** Row i's lenders are `lenders[lenderStart[i] … lenderStart[i + 1])`, rows of dataset.banks. */
  lenderStart: Int32Array<ArrayBuffer>;
  lenders: Int32Array<ArrayBuffer>;
  reasonStart: Int32Array<ArrayBuffer>;
  reasons: Uint16Array<ArrayBuffer>;
  /** The distinct reason codes that `reasons` indexes. */
  reasonCodes: string[];
  secondaryStart: Int32Array<ArrayBuffer>;
  secondary: Uint8Array<ArrayBuffer>;
}

/** The buffers of `columns`, to transfer instead of copy (postMessage's transfer list). */
export function transferablesOf(columns: AnalysisColumns): ArrayBuffer[] {
  return Object.values(columns).flatMap((v: unknown) =>
    ArrayBuffer.isView(v) ? [v.buffer as ArrayBuffer] : [],
  );
}

/** Fills `start`/`values` as a list per row (CSR). */
function listBuilder(rows: number) {
  const start = new Int32Array(rows + 1);
  const values: number[] = [];
  return {
    start,
    values,
    add(row: number, items: readonly number[]) {
      values.push(...items);
      start[row + 1] = values.length;
    },
    skip(row: number) {
      start[row + 1] = values.length;
    },
  };
}

const indexOrThrow = <T>(list: readonly T[], value: T, what: string): number => {
  const i = list.indexOf(value);
  if (i < 0) throw new Error(`analysis columns: unknown ${what} ${String(value)}`);
  return i;
};

/**
 * Writes an analysis as columns, one row per enterprise of `dataset` (in its order).
 * @example toAnalysisColumns(dataset, analysis.byEnterprise).numbers[3] // the first firm's gap
 */
export function toAnalysisColumns(
  dataset: Dataset,
  byEnterprise: ReadonlyMap<string, EnterpriseAnalysis>,
): AnalysisColumns {
  const rows = dataset.enterprises.length;
  const bankRow = new Map(dataset.banks.map((b, i) => [b.id, i]));
  const numbers = new Float64Array(rows * NUMBERS.length);
  const flags = new Uint8Array(rows);
  const size = new Uint8Array(rows);
  const role = new Uint8Array(rows);
  const bankCount = new Int32Array(rows);
  const lenders = listBuilder(rows);
  const reasons = listBuilder(rows);
  const secondary = listBuilder(rows);
  const reasonCodes: string[] = [];
  const reasonIndex = new Map<string, number>();
  dataset.enterprises.forEach((e, row) => {
    const a = byEnterprise.get(e.id);
    if (!a) {
      lenders.skip(row);
      reasons.skip(row);
      secondary.skip(row);
      return;
    }
    NUMBERS.forEach((key, k) => {
      numbers[row * NUMBERS.length + k] = a[key] ?? Number.NaN;
    });
    let bits = ANALYSED;
    FLAGS.forEach((key, k) => {
      if (a[key]) bits |= 1 << k;
    });
    flags[row] = bits;
    size[row] = indexOrThrow(SIZE_CLASSES, a.computedSize, 'size');
    role[row] = indexOrThrow(DISPLAY_ROLES, a.role, 'role');
    bankCount[row] = a.bankCount;
    lenders.add(
      row,
      a.lenderIds.map((id) => {
        const b = bankRow.get(id);
        if (b === undefined) throw new Error(`analysis columns: unknown lender ${id}`);
        return b;
      }),
    );
    reasons.add(
      row,
      a.roleReasons.map((code) => {
        let i = reasonIndex.get(code);
        if (i === undefined) {
          i = reasonCodes.length;
          reasonIndex.set(code, i);
          reasonCodes.push(code);
        }
        return i;
      }),
    );
    secondary.add(
      row,
      a.secondaryRoles.map((r) => indexOrThrow(CHAIN_ROLES, r, 'role')),
    );
  });
  return {
    rows,
    numbers,
    flags,
    size,
    role,
    bankCount,
    lenderStart: lenders.start,
    lenders: Int32Array.from(lenders.values),
    reasonStart: reasons.start,
    reasons: Uint16Array.from(reasons.values),
    reasonCodes,
    secondaryStart: secondary.start,
    secondary: Uint8Array.from(secondary.values),
  };
}

/**
 * One enterprise's analysis (EnterpriseAnalysis): metrics and role as fields written in one
 * order, so every instance has the same fast shape, and the recommended products computed when
 * first read. (An object literal with a getter, or a spread of the metrics, is kept by V8 in
 * dictionary mode: every reader — coverage, filters, the overview — was 4× slower at 100k.)
 * `recommendedProducts` lives on the prototype: not an own key, so it is not spread or cloned.
 */
class AnalysedEnterprise implements EnterpriseAnalysis {
  readonly enterpriseId: string;
  readonly need: number;
  readonly approved: number;
  readonly outstanding: number;
  readonly gap: number;
  readonly gapRatio: number | null;
  readonly needCoverage: number | null;
  readonly lenderIds: string[];
  readonly bankCount: number;
  readonly covered: boolean;
  readonly utilisation: number | null;
  readonly firstLoanCandidate: boolean;
  readonly renewalDue: boolean;
  readonly overCovered: boolean;
  readonly receivableStress: boolean;
  readonly computedSize: SizeClass;
  readonly isSme: boolean;
  readonly role: DisplayRole;
  readonly roleReasons: string[];
  readonly secondaryRoles: ChainRole[];
  #products: EnterpriseAnalysis['recommendedProducts'] | undefined;
  readonly #source: { index: DatasetIndex; e: Enterprise; m: EnterpriseMetrics; params: Params };

  constructor(
    index: DatasetIndex,
    e: Enterprise,
    m: EnterpriseMetrics,
    role: Pick<RoleResult, 'role' | 'reasons' | 'secondaryRoles'>,
    params: Params,
  ) {
    this.enterpriseId = m.enterpriseId;
    this.need = m.need;
    this.approved = m.approved;
    this.outstanding = m.outstanding;
    this.gap = m.gap;
    this.gapRatio = m.gapRatio;
    this.needCoverage = m.needCoverage;
    this.lenderIds = m.lenderIds;
    this.bankCount = m.bankCount;
    this.covered = m.covered;
    this.utilisation = m.utilisation;
    this.firstLoanCandidate = m.firstLoanCandidate;
    this.renewalDue = m.renewalDue;
    this.overCovered = m.overCovered;
    this.receivableStress = m.receivableStress;
    this.computedSize = m.computedSize;
    this.isSme = m.isSme;
    this.role = role.role;
    this.roleReasons = role.reasons;
    this.secondaryRoles = role.secondaryRoles;
    this.#source = { index, e, m, params };
  }

  get recommendedProducts(): EnterpriseAnalysis['recommendedProducts'] {
    if (!this.#products) {
      const { index, e, m, params } = this.#source;
      this.#products = recommendProducts(index, e, m, params);
    }
    return this.#products;
  }
}

/**
 * One enterprise's analysis: its metrics and role, and its recommended products computed when
 * first read (a fifth of the analysis at 100k, not needed by the first view).
 */
export function buildEnterpriseAnalysis(
  index: DatasetIndex,
  e: Enterprise,
  m: EnterpriseMetrics,
  role: Pick<RoleResult, 'role' | 'reasons' | 'secondaryRoles'>,
  params: Params,
): EnterpriseAnalysis {
  return new AnalysedEnterprise(index, e, m, role, params);
}

const numberOrNull = (x: number | undefined): number | null =>
  x === undefined || Number.isNaN(x) ? null : x;

/**
 * The Analysis the columns describe, over the page's own index of the same dataset: equal to what
 * analyzeDataset(index.dataset, params) gives.
 * @example fromAnalysisColumns(buildDatasetIndex(d), params, toAnalysisColumns(d, a.byEnterprise))
 */
export function fromAnalysisColumns(
  index: DatasetIndex,
  params: Params,
  columns: AnalysisColumns,
): Analysis {
  const { enterprises, banks } = index.dataset;
  if (columns.rows !== enterprises.length) {
    throw new Error(`analysis columns: ${columns.rows} rows for ${enterprises.length} enterprises`);
  }
  const width = NUMBERS.length;
  const byEnterprise = new Map<string, EnterpriseAnalysis>();
  const list = (start: Int32Array, values: ArrayLike<number>, row: number): number[] => {
    const out: number[] = [];
    for (let i = start[row] ?? 0; i < (start[row + 1] ?? 0); i++) out.push(values[i] ?? 0);
    return out;
  };
  enterprises.forEach((e, row) => {
    const bits = columns.flags[row] ?? 0;
    if (!(bits & ANALYSED)) return;
    const n = (k: number) => columns.numbers[row * width + k] ?? Number.NaN;
    const flag = (k: number) => (bits & (1 << k)) !== 0;
    const m: EnterpriseMetrics = {
      enterpriseId: e.id,
      need: n(0),
      approved: n(1),
      outstanding: n(2),
      gap: n(3),
      gapRatio: numberOrNull(n(4)),
      needCoverage: numberOrNull(n(5)),
      lenderIds: list(columns.lenderStart, columns.lenders, row).map((b) => banks[b]?.id ?? ''),
      bankCount: columns.bankCount[row] ?? 0,
      covered: flag(0),
      utilisation: numberOrNull(n(6)),
      firstLoanCandidate: flag(1),
      renewalDue: flag(2),
      overCovered: flag(3),
      receivableStress: flag(4),
      computedSize: SIZE_CLASSES[columns.size[row] ?? 0] as SizeClass,
      isSme: flag(5),
    };
    byEnterprise.set(
      e.id,
      buildEnterpriseAnalysis(
        index,
        e,
        m,
        {
          role: DISPLAY_ROLES[columns.role[row] ?? 0] as DisplayRole,
          reasons: list(columns.reasonStart, columns.reasons, row).map(
            (i) => columns.reasonCodes[i] ?? '',
          ),
          secondaryRoles: list(columns.secondaryStart, columns.secondary, row).map(
            (i) => CHAIN_ROLES[i] as ChainRole,
          ),
        },
        params,
      ),
    );
  });
  return { index, params, byEnterprise };
}
