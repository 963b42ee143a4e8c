/**
 * Workbook validation (domain.md §7): turns the rows of the three sheets into Enterprises,
 * CreditRelations, SupplyEdges and user Banks, with one ImportIssue for everything that was changed,
 * questioned or rejected. Pure and synchronous: the worker reads the file (read.ts), calls this,
 * and posts the result.
 *
 * Row outcome (§7.1): an `error` rejects the row, a `warning` keeps it flagged, an `info` only tells.
 * Nothing is dropped silently: an empty line is skipped with I_EMPTY_ROW, and a rejected row is
 * listed with every error found in it (all fields are checked, not just up to the first error).
 */
import { PRODUCT_CATALOGUE } from '../domain/products';
import {
  DatasetSchema,
  EnterpriseSchema,
  type Bank,
  type Chain,
  type City,
  type CollateralType,
  type CreditRelation,
  type Dataset,
  type Enterprise,
  type InstitutionType,
  type Link,
  type SupplyEdge,
} from '../domain/schema';
import { AMOUNT_MAX_WAN, AMOUNT_WARN_WAN } from '../domain/bounds';
import { classifyInstitution, isNationalType, TYPICAL_PRODUCTS } from '../domain/institutions';
import { classifyIndustrial } from '../domain/size';
import { validateUscc } from '../domain/uscc';
import {
  checkPoint,
  nearestCity,
  CITY_DISTANCE_WARN_KM,
  parseDegrees,
  type Crs,
} from './coordinates';
import type { CsvEncoding } from './encoding';
import { columnLabel, matchHeaders, type SheetKeys } from './headers';
import {
  ISSUE_CATALOGUE,
  SHEET_KEYS,
  type ImportIssue,
  type IssueCode,
  type ParseResult,
  type SheetKey,
  type ValueNote,
} from './issues';
import {
  createChainResolver,
  createCityResolver,
  createLinkResolver,
  formulaNote,
  hasPercentSign,
  isBlank,
  normalizeToken,
  parseAmount,
  parseBoolean,
  parseCollateral,
  parseCollateralList,
  parseDate,
  INSTITUTION_OPTIONS,
  parseInstitutionType,
  parseInteger,
  parseName,
  parsePercent,
  parseProduct,
  parsePurposes,
  parseSizeClass,
  parseSrdiTier,
  parseTaxCreditGrade,
  parseTechBreakthrough,
  parseTenor,
  boundedText,
  quoteRaw,
  MAX_NAME_CHARS,
  MAX_TEXT_CHARS,
  parseText,
  truncateChars,
  parseYear,
  roundTo2,
  splitList,
} from './values';

// ---------------------------------------------------------------- public types

/** The reference catalogue an import resolves names against (§6 shapes, e.g. from the demo dataset). */
export interface ImportReference {
  chains: readonly Chain[];
  links: readonly Link[];
  cities: readonly City[];
  /** The bank directory; names not found here become user banks. */
  banks?: readonly Bank[];
}

export interface ImportOptions {
  /** The “my file is in 元” switch: every unsuffixed amount is divided by 10,000 (§7.1). */
  unitYuan?: boolean;
  /** The CRS of the file's coordinates (§7.4); default WGS84. */
  crs?: Crs;
  /** Today, 'YYYY-MM-DD': date plausibility and year range. */
  now: string;
  /**
   * The data date, 'YYYY-MM-DD' (default `now`): a credit line that matured before it is expired
   * (status 'matured', W_CREDIT_EXPIRED) and does not count as approved credit.
   */
  asOf?: string;
  /** Enterprise-sheet row numbers whose failed check character the user chose to keep (§7.3). */
  overrideUsccCheckRows?: ReadonlySet<number>;
  /** How each CSV was decoded; GB18030 is reported as I_ENCODING (§7.6). */
  encodings?: Partial<Record<SheetKey, CsvEncoding>>;
  /** File-level issues found while reading (readXlsx, readCsv), put first in the report. */
  readIssues?: readonly ImportIssue[];
  /** Called with 0…1 while rows are validated. */
  onProgress?: (fraction: number) => void;
}

/** Rows of each sheet as read from the file; the first row holds the headers. */
export interface WorkbookRows {
  enterprises: readonly (readonly string[])[];
  creditRelations?: readonly (readonly string[])[];
  supplyEdges?: readonly (readonly string[])[];
}

/**
 * Counts per sheet. `rows` are the non-empty data rows (header and empty lines excluded);
 * `rows = imported + rejected`; `withWarnings` counts imported rows with at least one warning;
 * `emptySkipped` counts the empty lines reported as I_EMPTY_ROW.
 */
export interface SheetSummary {
  rows: number;
  imported: number;
  rejected: number;
  withWarnings: number;
  emptySkipped: number;
}

export interface ImportSummary {
  enterprises: SheetSummary;
  creditRelations: SheetSummary;
  supplyEdges: SheetSummary;
  total: SheetSummary;
}

export interface ImportResult {
  enterprises: Enterprise[];
  creditRelations: CreditRelation[];
  supplyEdges: SupplyEdge[];
  /** User banks created from institution names not in the directory. */
  banks: Bank[];
  issues: ImportIssue[];
  summary: ImportSummary;
}

// ---------------------------------------------------------------- issue bookkeeping

const CREDIT_MISMATCH_TOLERANCE = 0.05;
const OUTSTANDING_TOLERANCE = 1.05;
const REVENUE_YUAN_SUSPECT = 50_000_000; // 万元 = 5,000 亿元
const NEED_TO_REVENUE_WARN = 3;
const APPROVED_TO_REVENUE_WARN = 5;
const PROGRESS_EVERY = 1000;
/** The longest cell value an issue carries to the report (the report shows 120 of them). */
const ISSUE_VALUE_CHARS = 500;
const ISSUE_MESSAGE_CHARS = 1000;

class IssueLog {
  readonly issues: ImportIssue[] = [];
  private readonly rowState = new Map<string, { error: boolean; warning: boolean }>();

  add(issue: Omit<ImportIssue, 'severity'>, severity = ISSUE_CATALOGUE[issue.code].severity): void {
    // The report shows the value a cell held; a cell of megabytes is shown by its beginning only.
    const full: ImportIssue = {
      ...issue,
      column: boundedText(issue.column, MAX_NAME_CHARS),
      value: boundedText(issue.value, ISSUE_VALUE_CHARS),
      // A safety net: messages quote cells through quoteRaw, but nothing may grow without bound.
      messageZh: boundedText(issue.messageZh, ISSUE_MESSAGE_CHARS),
      messageEn: boundedText(issue.messageEn, ISSUE_MESSAGE_CHARS),
      ...(issue.suggestion === undefined
        ? {}
        : { suggestion: boundedText(issue.suggestion, ISSUE_VALUE_CHARS) }),
      severity,
    };
    if (full.suggestion === undefined) delete full.suggestion;
    this.issues.push(full);
    const key = `${issue.sheet}:${issue.row}`;
    const state = this.rowState.get(key) ?? { error: false, warning: false };
    if (severity === 'error') state.error = true;
    if (severity === 'warning') state.warning = true;
    this.rowState.set(key, state);
  }

  hasError(sheet: SheetKey, row: number): boolean {
    return this.rowState.get(`${sheet}:${row}`)?.error === true;
  }

  hasWarning(sheet: SheetKey, row: number): boolean {
    return this.rowState.get(`${sheet}:${row}`)?.warning === true;
  }
}

/** Header row of a sheet, its column lookup and its data rows. */
class Sheet<S extends SheetKey> {
  readonly headers: string[];
  readonly indexOf = new Map<SheetKeys[S], number>();
  readonly extras: number[];
  /** 1-based spreadsheet row numbers of the non-empty data rows. */
  readonly dataRows: { row: number; cells: readonly string[] }[] = [];
  emptySkipped = 0;

  constructor(
    readonly key: S,
    rows: readonly (readonly string[])[],
    readonly log: IssueLog,
  ) {
    this.headers = (rows[0] ?? []).map((h) => boundedText(h.trim(), MAX_NAME_CHARS));
    const match = matchHeaders(this.headers, key);
    for (const [index, k] of match.columns) this.indexOf.set(k, index);
    this.extras = match.extras;
    if (rows.length === 0 || this.headers.every((h) => h === '')) {
      log.add({
        sheet: key,
        row: 0,
        column: '',
        value: '',
        code: 'E_EMPTY_SHEET',
        messageZh: '工作表为空，缺少表头行',
        messageEn: 'the sheet is empty: no header row',
      });
      return;
    }
    for (const k of match.missingRequired) {
      const label = columnLabel(key, k);
      log.add({
        sheet: key,
        row: 1,
        column: label,
        value: '',
        code: 'E_MISSING_COLUMN',
        messageZh: `缺少必填列“${label}”，所有数据行将被拒绝`,
        messageEn: `required column "${label}" is missing; every data row will be rejected`,
      });
    }
    for (const d of match.duplicates) {
      log.add({
        sheet: key,
        row: 1,
        column: this.headers[d.index] ?? '',
        value: '',
        code: 'W_DUP_COLUMN',
        messageZh: `第${d.index + 1}列与第${d.firstIndex + 1}列表示同一字段，按第${d.firstIndex + 1}列导入，本列原样保留为附加列`,
        messageEn: `column ${d.index + 1} names the same field as column ${d.firstIndex + 1}; column ${d.firstIndex + 1} is imported, this one kept as an extra`,
      });
    }
    const duplicateIndexes = new Set(match.duplicates.map((d) => d.index));
    for (const index of match.extras) {
      if (duplicateIndexes.has(index)) continue;
      log.add({
        sheet: key,
        row: 1,
        column: this.extraName(index),
        value: '',
        code: 'I_EXTRA_COLUMN',
        messageZh: '未识别的列：原样保留为附加信息，不参与计算',
        messageEn: 'unrecognised column: kept verbatim as extra information, never scored',
      });
    }
    rows.forEach((cells, i) => {
      if (i === 0) return;
      const row = i + 1;
      if (cells.every((c) => c.trim() === '')) {
        this.emptySkipped++;
        log.add({
          sheet: key,
          row,
          column: '',
          value: '',
          code: 'I_EMPTY_ROW',
          messageZh: '空行，已跳过',
          messageEn: 'empty row, skipped',
        });
        return;
      }
      this.dataRows.push({ row, cells });
    });
  }

  /** The header of a column as in the file, or the template header when the file has no such column. */
  header(k: SheetKeys[S]): string {
    const index = this.indexOf.get(k);
    return index === undefined ? columnLabel(this.key, k) : (this.headers[index] ?? '');
  }

  /** The key under which an extra column is kept: its header, or 列N / column N when blank. */
  extraName(index: number): string {
    const h = this.headers[index] ?? '';
    return h === '' ? `列${index + 1} / column ${index + 1}` : h;
  }

  summary(): SheetSummary {
    let rejected = 0;
    let withWarnings = 0;
    for (const { row } of this.dataRows) {
      if (this.log.hasError(this.key, row)) rejected++;
      else if (this.log.hasWarning(this.key, row)) withWarnings++;
    }
    const rows = this.dataRows.length;
    return {
      rows,
      imported: rows - rejected,
      rejected,
      withWarnings,
      emptySkipped: this.emptySkipped,
    };
  }
}

/** One data row being read: raw cells by key, and issue reporting bound to the row. */
class Row<S extends SheetKey> {
  constructor(
    readonly sheet: Sheet<S>,
    readonly row: number,
    readonly cells: readonly string[],
  ) {}

  raw(k: SheetKeys[S]): string {
    const index = this.sheet.indexOf.get(k);
    return index === undefined ? '' : (this.cells[index] ?? '');
  }

  has(k: SheetKeys[S]): boolean {
    return !isBlank(this.raw(k));
  }

  issue(
    k: SheetKeys[S] | null,
    code: IssueCode,
    messageZh: string,
    messageEn: string,
    opts: { value?: string; suggestion?: string; severity?: ImportIssue['severity'] } = {},
  ): void {
    this.sheet.log.add(
      {
        sheet: this.sheet.key,
        row: this.row,
        column: k === null ? '' : this.sheet.header(k),
        value: opts.value ?? (k === null ? '' : this.raw(k)),
        code,
        messageZh,
        messageEn,
        suggestion: opts.suggestion,
      },
      opts.severity,
    );
  }

  notes(k: SheetKeys[S], notes: readonly ValueNote[] | undefined): void {
    for (const n of notes ?? []) {
      this.issue(k, n.code, n.messageZh, n.messageEn, {
        suggestion: n.suggestion,
        severity: n.severity,
      });
    }
  }

  /** The parsed value, recording notes; undefined (and an error issue) when it failed. */
  take<T>(k: SheetKeys[S], result: ParseResult<T>): T | undefined {
    if (!result.ok) {
      this.issue(k, result.code, result.messageZh, result.messageEn, {
        suggestion: result.suggestions?.join(' | '),
      });
      return undefined;
    }
    this.notes(k, result.warnings);
    return result.value;
  }

  get hasError(): boolean {
    return this.sheet.log.hasError(this.sheet.key, this.row);
  }
}

// ---------------------------------------------------------------- amount bounds

const wanText = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

/**
 * Plausibility of an amount (../domain/bounds.ts): over 10万亿元 no amount can belong to one
 * enterprise (E_AMOUNT_IMPLAUSIBLE rejects the row); over 1,000亿元 it is far beyond any SME
 * (W_AMOUNT_HIGH, unless `warn` is false: revenue, where chain leaders reach 1,500亿元 and
 * W_UNIT_YUAN already asks about yuan).
 */
function checkAmountBounds<S extends SheetKey>(
  r: Row<S>,
  k: SheetKeys[S],
  value: number | null | undefined,
  warn = true,
): void {
  if (value == null) return;
  if (value > AMOUNT_MAX_WAN) {
    r.issue(
      k,
      'E_AMOUNT_IMPLAUSIBLE',
      `${wanText(value)}万元超过10万亿元（${wanText(AMOUNT_MAX_WAN)}万元），高于我国任何一家企业的年营业收入，不可能是单家企业的金额；该行不导入，请核对单位（万元）`,
      `${wanText(value)} (10k CNY) is over CNY 10 trillion (${wanText(AMOUNT_MAX_WAN)} × 10k), more than the annual revenue of any company in China, so it cannot belong to one enterprise; the row is not imported. Check the unit (10k CNY)`,
    );
  } else if (warn && value > AMOUNT_WARN_WAN) {
    r.issue(
      k,
      'W_AMOUNT_HIGH',
      `${wanText(value)}万元超过1,000亿元（${wanText(AMOUNT_WARN_WAN)}万元），远超任何中小企业的规模（中小企业营业收入不足4亿元），请核对是否以“元”填报`,
      `${wanText(value)} (10k CNY) is over CNY 100 bn (${wanText(AMOUNT_WARN_WAN)} × 10k), far beyond any SME (an SME's revenue is under CNY 400m); was it entered in yuan?`,
      { suggestion: wanText(roundTo2(value / 10000)) },
    );
  }
}

// ---------------------------------------------------------------- banks

const UNSPECIFIED_BANK_ID = 'ub-unspecified';

/** How the type of a user bank was decided. */
type TypeSource = 'column' | 'name' | 'unknown';

/**
 * The bank directory plus the user banks an import creates. Names match by normalised name (NFKC,
 * case, spaces, punctuation), then without bracketed parts, so “国有大型商业银行A” finds
 * “国有大型商业银行A（示例）”. A user bank's type is the file's 机构类型 when given, else read from
 * its name (classifyInstitution, §2.8), else `other` (then listed as unclassified: coverage does not
 * count it). Its products are the usual catalogue of its type; a national type (large state,
 * joint-stock, policy, private banks) is `national`, any other user bank's footprint is the cities of
 * the enterprises it serves (level 'city'), which keeps the §6 rule “national ⇔ no cities” true.
 */
class BankRegistry {
  private readonly byName = new Map<string, Bank>();
  private readonly user: Bank[] = [];
  private readonly cities = new Map<string, Set<string>>();
  /** Names of user banks whose type is unknown, with the sheet that first named them. */
  readonly unclassified = new Map<string, SheetKey>();

  constructor(
    readonly reference: readonly Bank[],
    private readonly places: readonly string[] = [],
  ) {
    for (const bank of reference) {
      for (const name of [bank.id, bank.nameZh, bank.nameEn]) {
        for (const key of BankRegistry.keys(name))
          if (!this.byName.has(key)) this.byName.set(key, bank);
      }
    }
  }

  static keys(name: string): string[] {
    const whole = normalizeToken(name.replace(/[（）()]/g, ''));
    const bare = normalizeToken(name.normalize('NFKC').replace(/\([^)]*\)?/g, ''));
    return bare !== '' && bare !== whole ? [whole, bare] : [whole];
  }

  find(name: string): Bank | undefined {
    for (const key of BankRegistry.keys(name)) {
      const bank = this.byName.get(key);
      if (bank) return bank;
    }
    return undefined;
  }

  /**
   * The bank of that name, creating a user bank when unknown (`created` tells the caller to report
   * it). `type` is the file's 机构类型 for this row, if any; `fallback` the guess when the name says
   * nothing (guarantors: 'guarantor').
   */
  resolve(
    name: string,
    cityId: string,
    sheet: SheetKey,
    type?: InstitutionType,
    fallback?: InstitutionType,
  ): { bank: Bank; created: boolean; source: TypeSource } {
    let bank = this.find(name);
    let created = false;
    let source: TypeSource = 'column';
    if (!bank) {
      const byName = type === undefined ? classifyInstitution(name, { places: this.places }) : type;
      source = type !== undefined ? 'column' : byName !== undefined ? 'name' : 'unknown';
      const resolved = byName ?? fallback ?? 'other';
      if (byName === undefined && fallback === undefined) this.unclassified.set(name, sheet);
      bank = {
        id: `ub-${this.user.length + 1}`,
        nameZh: name,
        nameEn: name,
        type: resolved,
        level: isNationalType(resolved) ? 'national' : 'city',
        cityIds: [],
        products: [...TYPICAL_PRODUCTS[resolved]],
        isSynthetic: false,
      };
      this.user.push(bank);
      for (const key of BankRegistry.keys(name)) this.byName.set(key, bank);
      created = true;
    }
    this.serve(bank, cityId);
    return { bank, created, source };
  }

  /** The “unspecified institution” used for approved credit with no bank named. */
  unspecified(cityId: string): Bank {
    let bank = this.user.find((b) => b.id === UNSPECIFIED_BANK_ID);
    if (!bank) {
      bank = {
        id: UNSPECIFIED_BANK_ID,
        nameZh: '未注明金融机构',
        nameEn: 'Unspecified institution',
        type: 'other',
        level: 'city',
        cityIds: [],
        products: [],
        isSynthetic: false,
      };
      this.user.push(bank);
    }
    this.serve(bank, cityId);
    return bank;
  }

  private serve(bank: Bank, cityId: string): void {
    const set = this.cities.get(bank.id) ?? new Set<string>();
    set.add(cityId);
    this.cities.set(bank.id, set);
  }

  userBanks(): Bank[] {
    return this.user.map((b) => ({
      ...b,
      cityIds: b.level === 'national' ? [] : [...(this.cities.get(b.id) ?? [])].sort(),
    }));
  }
}

/** A guess at the type of an unknown guarantor whose name says nothing certain (§2.8 names). */
function guarantorType(name: string): InstitutionType {
  if (name.includes('保险')) return 'insurer';
  if (/政府性|再担保|融资担保基金/.test(name)) return 'gov_guarantor';
  return 'guarantor';
}

// ---------------------------------------------------------------- percent columns

/** §7.5: a percent column whose values are all ≤ 1 was probably filled with fractions. */
class PercentColumns {
  private readonly stats = new Map<
    string,
    { n: number; allLe1: boolean; anyPositive: boolean; anySign: boolean }
  >();

  see(column: string, raw: string, value: number): void {
    const s = this.stats.get(column) ?? { n: 0, allLe1: true, anyPositive: false, anySign: false };
    s.n++;
    if (value > 1) s.allLe1 = false;
    if (value > 0) s.anyPositive = true;
    if (hasPercentSign(raw)) s.anySign = true;
    this.stats.set(column, s);
  }

  /** One W_PCT_FRACTION per suspicious column, at the header row; needs ≥ 3 values to judge. */
  report(sheet: SheetKey, log: IssueLog): void {
    for (const [column, s] of this.stats) {
      if (s.n >= 3 && s.allLe1 && s.anyPositive && !s.anySign) {
        log.add({
          sheet,
          row: 1,
          column,
          value: '',
          code: 'W_PCT_FRACTION',
          messageZh: `该列${s.n}个值全部≤1：百分比应填0–100（如5%填5），是否填成了小数？`,
          messageEn: `all ${s.n} values in this column are ≤ 1: percentages are 0–100 (5% is 5); were fractions entered?`,
          suggestion: '×100',
        });
      }
    }
  }
}

// ---------------------------------------------------------------- the workbook

interface EnterpriseDraft {
  row: number;
  enterprise: Enterprise;
  approved: number;
  outstanding: number;
  /** Lending banks named in the row, with the type the row's 机构类型 column gives, if any. */
  banks: { name: string; type?: InstitutionType }[];
  keyCustomers: { uscc: string; raw: string }[];
}

interface Context {
  log: IssueLog;
  options: ImportOptions;
  reference: ImportReference;
  chainOf: ReadonlyMap<string, string>;
  resolveChain: ReturnType<typeof createChainResolver>;
  resolveLink: ReturnType<typeof createLinkResolver>;
  resolveCity: ReturnType<typeof createCityResolver>;
  banks: BankRegistry;
  /** Imported enterprises by normalised USCC. */
  imported: Map<string, EnterpriseDraft>;
  /** First row of every structurally valid USCC in the enterprise sheet, imported or not. */
  firstRowOf: Map<string, number>;
  progress: () => void;
}

/**
 * Validates a workbook (§7): every row of every sheet is parsed, checked and either imported or
 * rejected with its issues; relations and supply edges must point at imported enterprises.
 * @example
 * validateWorkbook({ enterprises: [
 *   ['统一社会信用代码', '企业名称', '所属产业链', '产业链环节', '所在城市', '从业人员', '营业收入', '融资需求', '已获授信'],
 *   ['91320412MA1MXK2P0D', '常州锂源新材料有限公司', 'nev', '正极材料', '常州', '86', '4200', '900', '0'],
 * ] }, reference, { now: '2025-06-30' }).summary.total
 * // { rows: 1, imported: 1, rejected: 0, withWarnings: 0, emptySkipped: 0 }
 */
export function validateWorkbook(
  sheets: WorkbookRows,
  reference: ImportReference,
  options: ImportOptions,
): ImportResult {
  const log = new IssueLog();
  for (const issue of options.readIssues ?? []) log.add(issue, issue.severity);
  for (const sheet of SHEET_KEYS) {
    if (options.encodings?.[sheet] !== 'gb18030') continue;
    log.add({
      sheet,
      row: 0,
      column: '',
      value: 'gb18030',
      code: 'I_ENCODING',
      messageZh: '文件不是UTF-8，已按GB18030（GBK）解码；如有乱码请另存为“CSV UTF-8”',
      messageEn:
        'the file is not UTF-8 and was decoded as GB18030 (GBK); if text looks garbled, save it as “CSV UTF-8”',
    });
  }

  const totalRows =
    sheets.enterprises.length +
    (sheets.creditRelations?.length ?? 0) +
    (sheets.supplyEdges?.length ?? 0);
  let done = 0;
  const ctx: Context = {
    log,
    options,
    reference,
    chainOf: new Map(reference.links.map((l) => [l.id, l.chainId] as const)),
    resolveChain: createChainResolver(reference.chains),
    resolveLink: createLinkResolver(reference.links),
    resolveCity: createCityResolver(reference.cities),
    banks: new BankRegistry(
      reference.banks ?? [],
      reference.cities.map((c) => c.nameZh),
    ),
    imported: new Map(),
    firstRowOf: new Map(),
    progress: () => {
      done++;
      if (options.onProgress && done % PROGRESS_EVERY === 0)
        options.onProgress(Math.min(1, done / totalRows));
    },
  };

  const entSheet = new Sheet('enterprises', sheets.enterprises, log);
  const drafts = readEnterprises(entSheet, ctx);

  // Lists are joined with concat, never push(...list): spreading 100k items as arguments overflows
  // the smaller call stack of a browser Web Worker (RangeError), though not Node's.
  let relations: CreditRelation[];
  let relSheet: Sheet<'creditRelations'> | undefined;
  if (sheets.creditRelations) {
    relSheet = new Sheet('creditRelations', sheets.creditRelations, log);
    relations = readCreditRelations(relSheet, ctx);
    checkCreditTotals(entSheet, relations, ctx);
  } else {
    relations = synthesiseRelations(entSheet, drafts, ctx);
  }

  let edges: SupplyEdge[] = [];
  const edgeIds = new Set<string>();
  let supSheet: Sheet<'supplyEdges'> | undefined;
  if (sheets.supplyEdges) {
    supSheet = new Sheet('supplyEdges', sheets.supplyEdges, log);
    edges = readSupplyEdges(supSheet, ctx, edgeIds);
  }
  edges = edges.concat(keyCustomerEdges(entSheet, drafts, ctx, edgeIds));
  reportUnclassified(ctx);
  options.onProgress?.(1);

  const empty: SheetSummary = {
    rows: 0,
    imported: 0,
    rejected: 0,
    withWarnings: 0,
    emptySkipped: 0,
  };
  const summary = {
    enterprises: entSheet.summary(),
    creditRelations: relSheet?.summary() ?? empty,
    supplyEdges: supSheet?.summary() ?? empty,
  };
  const total = { ...empty };
  for (const s of Object.values(summary)) {
    total.rows += s.rows;
    total.imported += s.imported;
    total.rejected += s.rejected;
    total.withWarnings += s.withWarnings;
    total.emptySkipped += s.emptySkipped;
  }

  // Report order: sheet, then row (file-level 0, header 1, data rows), then the order found.
  const sheetRank = (k: SheetKey) => SHEET_KEYS.indexOf(k);
  const issues = log.issues
    .map((issue, i) => ({ issue, i }))
    .sort(
      (a, b) =>
        sheetRank(a.issue.sheet) - sheetRank(b.issue.sheet) ||
        a.issue.row - b.issue.row ||
        a.i - b.i,
    )
    .map((x) => x.issue);

  return {
    enterprises: drafts.map((d) => d.enterprise),
    creditRelations: relations,
    supplyEdges: edges,
    banks: ctx.banks.userBanks(),
    issues,
    summary: { ...summary, total },
  };
}

// ---------------------------------------------------------------- enterprises

function readEnterprises(sheet: Sheet<'enterprises'>, ctx: Context): EnterpriseDraft[] {
  const drafts: EnterpriseDraft[] = [];
  const percents = new PercentColumns();
  for (const { row, cells } of sheet.dataRows) {
    const draft = readEnterpriseRow(new Row(sheet, row, cells), ctx, percents);
    if (draft) {
      drafts.push(draft);
      ctx.imported.set(draft.enterprise.uscc, draft);
    }
    ctx.progress();
  }
  percents.report('enterprises', ctx.log);
  return drafts;
}

/**
 * USCC checks shared by all sheets. `uscc` is the normalised code unless it has an error;
 * `key` is the normalised code whenever length and charset are right (for duplicate detection).
 */
function checkUscc<S extends SheetKey>(
  r: Row<S>,
  k: SheetKeys[S],
  override = false,
): { uscc?: string; key?: string; overridden: boolean } {
  const raw = r.raw(k);
  if (isBlank(raw)) {
    r.issue(k, 'E_REQUIRED', '统一社会信用代码为空', 'USCC is missing');
    return { overridden: false };
  }
  const { normalized, issues } = validateUscc(raw);
  const errors = issues.filter((i) => i.severity === 'error');
  const overridden = override && errors.length === 1 && errors[0]?.code === 'E_USCC_CHECK';
  for (const i of issues) {
    if (overridden && i.code === 'E_USCC_CHECK') {
      r.issue(
        k,
        'W_USCC_CHECK_OVERRIDE',
        `${i.messageZh}；已按试点代码保留`,
        `${i.messageEn}; kept as a pilot-era code`,
        { suggestion: i.expected },
      );
    } else {
      r.issue(k, i.code, i.messageZh, i.messageEn, { suggestion: i.expected });
    }
  }
  const structural = !issues.some((i) => i.code === 'E_USCC_LENGTH' || i.code === 'E_USCC_CHARSET');
  return {
    uscc: errors.length === 0 || overridden ? normalized : undefined,
    key: structural ? normalized : undefined,
    overridden,
  };
}

function readEnterpriseRow(
  r: Row<'enterprises'>,
  ctx: Context,
  percents: PercentColumns,
): EnterpriseDraft | undefined {
  const { options } = ctx;
  const now = options.now;

  // 1 USCC and duplicates
  const usccResult = checkUscc(r, 'uscc', options.overrideUsccCheckRows?.has(r.row) === true);
  if (usccResult.key !== undefined) {
    const first = ctx.firstRowOf.get(usccResult.key);
    if (first === undefined) ctx.firstRowOf.set(usccResult.key, r.row);
    else {
      r.issue(
        'uscc',
        'E_DUP_USCC',
        `统一社会信用代码重复，与第${first}行相同`,
        `duplicate USCC: same as row ${first}`,
        { suggestion: `合并到第${first}行 / merge into row ${first}` },
      );
    }
  }

  // 2 name
  const name = r.take('name', parseName(r.raw('name')));

  // 3–4 chains and links
  const chainIds: string[] = [];
  if (!r.has('chain')) r.issue('chain', 'E_REQUIRED', '所属产业链为空', 'chain is missing');
  let chainsOk = r.has('chain');
  for (const item of splitList(r.raw('chain'), true)) {
    const chain = r.take('chain', ctx.resolveChain(item));
    if (!chain) chainsOk = false;
    else if (!chainIds.includes(chain.id)) chainIds.push(chain.id);
  }
  if (chainsOk && chainIds.length === 0) {
    r.issue('chain', 'E_REQUIRED', '所属产业链为空', 'chain is missing');
    chainsOk = false;
  }
  const linkIds: string[] = [];
  if (!r.has('link')) r.issue('link', 'E_REQUIRED', '产业链环节为空', 'chain link is missing');
  if (chainsOk) {
    for (const item of splitList(r.raw('link'), true)) {
      const link = r.take('link', ctx.resolveLink(item, chainIds));
      if (link && !linkIds.includes(link.id)) linkIds.push(link.id);
    }
    if (r.has('link') && splitList(r.raw('link'), true).length === 0) {
      r.issue('link', 'E_REQUIRED', '产业链环节为空', 'chain link is missing');
    }
  }

  // 5–7 city and point
  const cityResult = r.has('city') ? r.take('city', ctx.resolveCity(r.raw('city'))) : null;
  if (cityResult?.rolledUpFrom) {
    r.issue(
      'city',
      'I_CITY_ROLLED_UP',
      `区县代码${cityResult.rolledUpFrom}已归并到${cityResult.city.nameZh}（${cityResult.city.gbCode}）`,
      `district/county code ${cityResult.rolledUpFrom} rolled up to ${cityResult.city.nameEn} (${cityResult.city.gbCode})`,
    );
  }
  let city: City | undefined = cityResult?.city;
  let point: { lat: number; lon: number } | null = null;
  const latBad = !parseDegrees(r.raw('lat')).ok;
  const lonBad = !parseDegrees(r.raw('lon')).ok;
  if (latBad) r.take('lat', parseDegrees(r.raw('lat')));
  if (lonBad) r.take('lon', parseDegrees(r.raw('lon')));
  if (!latBad && !lonBad) {
    const pointValue = `${r.raw('lat').trim()}, ${r.raw('lon').trim()}`;
    const checked = checkPoint({ lat: r.raw('lat'), lon: r.raw('lon'), city, crs: options.crs });
    if (!checked.ok) {
      r.issue('lat', checked.code, checked.messageZh, checked.messageEn, { value: pointValue });
    } else {
      point = checked.value.point;
      for (const n of checked.value.notes) {
        r.issue('lat', n.code, n.messageZh, n.messageEn, {
          value: pointValue,
          suggestion: n.suggestion,
          severity: n.severity,
        });
      }
    }
  }
  if (!r.has('city') && cityResult === null) {
    if (point) {
      const near = nearestCity(ctx.reference.cities, point.lat, point.lon);
      if (near && near.km <= CITY_DISTANCE_WARN_KM) {
        city = near.city;
        r.issue(
          'city',
          'I_CITY_FROM_COORD',
          `未填城市，按坐标取最近的${near.city.nameZh}（约${Math.round(near.km)}公里）`,
          `no city given; took the nearest city ${near.city.nameEn} (about ${Math.round(near.km)} km)`,
        );
      } else {
        r.issue(
          'city',
          'E_UNKNOWN_CITY',
          '未填城市，且坐标150公里内没有本应用支持的城市',
          'no city given, and no city this app covers lies within 150 km of the point',
        );
      }
    } else if (!latBad && !lonBad) {
      r.issue(
        'city',
        'E_REQUIRED',
        '所在城市为空（未填坐标时必填）',
        'city is missing (required when no point is given)',
      );
    }
  }

  // 8–13 size and money
  const employees = r.take('employees', parseInteger(r.raw('employees'), { required: true }));
  if (employees === 0) {
    r.issue(
      'employees',
      'W_ZERO_EMPLOYEES',
      '从业人员为0：经营中的企业应至少1人',
      'zero employees: an operating firm has at least 1',
    );
  }
  const money = { required: true, unitYuan: options.unitYuan };
  const revenue = r.take('revenue', parseAmount(r.raw('revenue'), money));
  checkAmountBounds(r, 'revenue', revenue, false);
  if (revenue != null && revenue > REVENUE_YUAN_SUSPECT) {
    const wan = roundTo2(revenue / 10000);
    r.issue(
      'revenue',
      'W_UNIT_YUAN',
      `营业收入${revenue}万元（超过5000亿元），可能以“元”填报；若是，应为${wan}万元`,
      `revenue ${revenue} (10k CNY) exceeds 500 bn CNY and was probably entered in yuan; that would be ${wan} (10k CNY)`,
      { suggestion: `${wan}` },
    );
  }
  const declaredSize = r.take('sizeClass', parseSizeClass(r.raw('sizeClass')));
  const need = r.take('need', parseAmount(r.raw('need'), money));
  const approved = r.take('approved', parseAmount(r.raw('approved'), money));
  const outstanding = r.take(
    'outstanding',
    parseAmount(r.raw('outstanding'), { unitYuan: options.unitYuan }),
  );
  checkAmountBounds(r, 'need', need);
  checkAmountBounds(r, 'approved', approved);
  checkAmountBounds(r, 'outstanding', outstanding);
  if (revenue != null && need != null && need > NEED_TO_REVENUE_WARN * revenue) {
    r.issue(
      'need',
      'W_NEED_HIGH',
      `融资需求${need}万元超过营业收入${revenue}万元的3倍`,
      `financing need ${need} exceeds 3 × revenue ${revenue}`,
    );
  }
  if (revenue != null && approved != null && approved > APPROVED_TO_REVENUE_WARN * revenue) {
    r.issue(
      'approved',
      'W_APPROVED_HIGH',
      `已获授信${approved}万元超过营业收入${revenue}万元的5倍`,
      `approved credit ${approved} exceeds 5 × revenue ${revenue}`,
    );
  }
  if (
    approved != null &&
    outstanding != null &&
    outstanding > approved * OUTSTANDING_TOLERANCE + 1e-6
  ) {
    r.issue(
      'outstanding',
      'W_OUTSTANDING_GT_LINE',
      `贷款余额${outstanding}万元超过已获授信${approved}万元的105%`,
      `loans outstanding ${outstanding} exceed 105% of approved credit ${approved}`,
    );
  }

  // 14 banks (names only here; relations are built later), with their optional types
  const banks = readBankList(r);

  // 15–31 profile
  const isLeader = r.take('isLeader', parseBoolean(r.raw('isLeader')));
  const srdiTier = r.take('srdiTier', parseSrdiTier(r.raw('srdiTier')));
  const isHighTech = r.take('isHighTech', parseBoolean(r.raw('isHighTech')));
  const inventionPatents = r.take('inventionPatents', parseInteger(r.raw('inventionPatents')));
  const pct = (k: 'rdIntensityPct' | 'exportSharePct' | 'leaderSalesSharePct') => {
    const v = r.take(k, parsePercent(r.raw(k)));
    if (v != null) percents.see(r.sheet.header(k), r.raw(k), v);
    return v;
  };
  const rdIntensityPct = pct('rdIntensityPct');
  const exportSharePct = pct('exportSharePct');
  const leaderSalesSharePct = pct('leaderSalesSharePct');
  const dsoDays = r.take('dsoDays', parseInteger(r.raw('dsoDays'), { max: 720 }));
  const taxCreditGrade = r.take('taxCreditGrade', parseTaxCreditGrade(r.raw('taxCreditGrade')));
  const purposes = r.take('purposes', parsePurposes(r.raw('purposes')));
  const tenor = r.take('tenor', parseTenor(r.raw('tenor')));
  const collateral = r.take('collateral', parseCollateralList(r.raw('collateral')));
  const tech = r.take('techBreakthrough', parseTechBreakthrough(r.raw('techBreakthrough')));
  const establishedYear = r.take('establishedYear', parseYear(r.raw('establishedYear'), { now }));
  const dishonest = r.take('dishonest', parseBoolean(r.raw('dishonest')));
  const notes = r.take('notes', parseText(r.raw('notes')));

  // 26 key customers: checked now, turned into edges once every enterprise is known
  const keyCustomers: EnterpriseDraft['keyCustomers'] = [];
  for (const item of r.has('keyCustomers') ? splitList(r.raw('keyCustomers')) : []) {
    const v = validateUscc(item);
    const error = v.issues.find((i) => i.severity === 'error');
    if (error) {
      r.issue(
        'keyCustomers',
        'W_KEY_CUSTOMER',
        `主要客户代码“${quoteRaw(item)}”无效（${error.messageZh}），已忽略`,
        `key customer code "${quoteRaw(item)}" is invalid (${error.messageEn}); ignored`,
        { value: item },
      );
    } else if (!keyCustomers.some((c) => c.uscc === v.normalized)) {
      keyCustomers.push({ uscc: v.normalized, raw: item });
    }
  }

  const extras: Record<string, string> = {};
  for (const index of r.sheet.extras) {
    const raw = r.cells[index] ?? '';
    if (raw.trim() === '') continue;
    let key = r.sheet.extraName(index);
    for (let n = 2; key in extras; n++) key = `${r.sheet.extraName(index)} (${n})`;
    // Extra columns are kept verbatim, but capped like any other text.
    const cut = truncateChars(raw, MAX_TEXT_CHARS);
    const value = cut.value;
    if (cut.length > MAX_TEXT_CHARS) {
      r.sheet.log.add({
        sheet: 'enterprises',
        row: r.row,
        column: r.sheet.extraName(index),
        value: raw,
        code: 'W_TEXT_TRUNCATED',
        messageZh: `文本${cut.length.toLocaleString('en-US')}字，超过${MAX_TEXT_CHARS.toLocaleString('en-US')}字上限，已截断为前${MAX_TEXT_CHARS.toLocaleString('en-US')}字`,
        messageEn: `text of ${cut.length.toLocaleString('en-US')} characters is over the ${MAX_TEXT_CHARS.toLocaleString('en-US')}-character limit; cut to the first ${MAX_TEXT_CHARS.toLocaleString('en-US')}`,
      });
    }
    extras[key] = value;
    if (/^[=+\-@]/.test(value.trim())) {
      const f = formulaNote();
      r.sheet.log.add({
        sheet: 'enterprises',
        row: r.row,
        column: r.sheet.extraName(index),
        value,
        code: f.code,
        messageZh: f.messageZh,
        messageEn: f.messageEn,
      });
    }
  }
  if (leaderSalesSharePct != null) extras.leaderSalesSharePct = String(leaderSalesSharePct);

  if (
    r.hasError ||
    usccResult.uscc === undefined ||
    name == null ||
    !city ||
    linkIds.length === 0 ||
    employees == null ||
    revenue == null ||
    need == null ||
    approved == null
  ) {
    return undefined;
  }

  const computedSize = classifyIndustrial(employees, revenue);
  if (declaredSize != null && declaredSize !== computedSize) {
    r.issue(
      'sizeClass',
      'W_SIZE_MISMATCH',
      `填报规模为“${declaredSize}”，按工业标准（${employees}人、营业收入${revenue}万元）应为“${computedSize}”；保留填报值`,
      `declared size "${declaredSize}" differs from "${computedSize}" computed by the industrial rule (${employees} employees, revenue ${revenue}); the declared value is kept`,
      { suggestion: computedSize },
    );
  }

  const primaryLinkId = linkIds[0] ?? '';
  const enterprise: Enterprise = {
    id: `u-${usccResult.uscc}`,
    uscc: usccResult.uscc,
    nameZh: name,
    isSynthetic: false,
    cityId: city.id,
    chainIds,
    linkIds,
    primaryLinkId,
    employees,
    revenue,
    sizeClass: declaredSize ?? computedSize,
    isChainLeader: isLeader ?? false,
    srdiTier: srdiTier ?? 'none',
    financingNeed: need,
  };
  if (point) {
    enterprise.lat = point.lat;
    enterprise.lon = point.lon;
  }
  if (establishedYear != null) enterprise.establishedYear = establishedYear;
  if (isHighTech != null) enterprise.isHighTech = isHighTech;
  if (inventionPatents != null) enterprise.inventionPatents = inventionPatents;
  if (rdIntensityPct != null) enterprise.rdIntensityPct = rdIntensityPct;
  if (exportSharePct != null) enterprise.exportSharePct = exportSharePct;
  if (dsoDays != null) enterprise.dsoDays = dsoDays;
  if (taxCreditGrade != null) enterprise.taxCreditGrade = taxCreditGrade;
  if (tech != null && tech !== 'none') enterprise.techBreakthrough = { kind: tech };
  if (dishonest != null) enterprise.dishonestDebtor = dishonest;
  if (purposes != null) enterprise.needPurposes = purposes;
  if (tenor != null) enterprise.preferredTenor = tenor;
  if (collateral != null) enterprise.collateralAvailable = collateral;
  if (notes != null) enterprise.notes = notes;
  if (usccResult.overridden) enterprise.usccCheckOverride = true;
  if (Object.keys(extras).length > 0) enterprise.extras = extras;

  // A safety net: the schema is the contract, so a value this module let through wrongly still
  // rejects the row with a message instead of breaking the dataset.
  const parsed = EnterpriseSchema.safeParse(enterprise);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    r.issue(
      null,
      'E_BAD_VALUE',
      `数据不符合格式：${detail}`,
      `data does not match the schema: ${detail}`,
      {
        value: r.raw('uscc'),
      },
    );
    return undefined;
  }
  return {
    row: r.row,
    enterprise: parsed.data,
    approved,
    outstanding: outstanding ?? 0,
    banks,
    keyCustomers,
  };
}

// ---------------------------------------------------------------- credit relations

const statusOf = (
  outstanding: number,
  maturityDate: string | undefined,
  now: string,
): CreditRelation['status'] => {
  if (maturityDate !== undefined && maturityDate < now) return 'matured';
  return outstanding > 0 ? 'active' : 'approved_undrawn';
};

/**
 * Splits `total` into `n` 2-decimal parts that add up exactly (the last part takes the remainder).
 * @example splitEvenly(1000, 3) // [333.33, 333.33, 333.34]
 */
export function splitEvenly(total: number, n: number): number[] {
  const part = Math.floor((total * 100) / n) / 100;
  const parts = Array.from({ length: n }, () => part);
  parts[n - 1] = roundTo2(total - part * (n - 1));
  return parts;
}

/**
 * Without a 授信关系 sheet, the enterprise sheet's “已获授信” and “合作银行” columns are the only
 * record of credit, but the app's metrics (coverage, gap, lender counts) read CreditRelations. So one
 * working-capital relation (WC_LOAN, collateral 'other', i.e. unknown) is synthesised per named
 * institution, splitting the approved amount and the outstanding balance evenly: the file does not
 * say how credit is shared, and an even split keeps the enterprise total exact without inventing a
 * distribution. With approved credit but no institution named, a single relation goes to the
 * “未注明金融机构 / Unspecified institution” user bank (type 'other'), so the enterprise counts as having
 * credit but not as covered by any lender type (§2.8 counts lenders only). No relation is made when
 * both approved and outstanding are 0: naming a bank does not make it a lender.
 */
function synthesiseRelations(
  sheet: Sheet<'enterprises'>,
  drafts: readonly EnterpriseDraft[],
  ctx: Context,
): CreditRelation[] {
  const out: CreditRelation[] = [];
  let count = 0;
  for (const d of drafts) {
    const e = d.enterprise;
    if (d.approved <= 0 && d.outstanding <= 0) continue;
    const r = new Row(sheet, d.row, []);
    const banks: Bank[] = [];
    for (const named of d.banks) {
      const resolved = ctx.banks.resolve(named.name, e.cityId, 'enterprises', named.type);
      if (resolved.created) reportNewBank(r, 'banks', named.name, resolved);
      if (!banks.includes(resolved.bank)) banks.push(resolved.bank);
    }
    if (banks.length === 0) banks.push(ctx.banks.unspecified(e.cityId));
    const lines = splitEvenly(d.approved, banks.length);
    const drawn = splitEvenly(d.outstanding, banks.length);
    banks.forEach((bank, i) => {
      const outstanding = drawn[i] ?? 0;
      out.push({
        id: `r-${e.id}-${i + 1}`,
        bankId: bank.id,
        enterpriseId: e.id,
        product: 'WC_LOAN',
        creditLine: lines[i] ?? 0,
        outstanding,
        collateral: 'other',
        status: statusOf(outstanding, undefined, ctx.options.now),
      });
    });
    count++;
  }
  if (count > 0) {
    ctx.log.add({
      sheet: 'enterprises',
      row: 0,
      column: sheet.header('approved'),
      value: '',
      code: 'I_CREDIT_SYNTHESISED',
      messageZh: `未提供授信关系表：已按“已获授信”和“合作银行”为${count}家企业生成授信关系（多家银行时平均分配；未注明银行时记入“未注明金融机构”）`,
      messageEn: `no credit-relations sheet: relations were built for ${count} enterprise(s) from approved credit and lending banks (split evenly across banks; “Unspecified institution” when none is named)`,
    });
  }
  return out;
}

/** The §2.8 label of a type, '城市商业银行 / city_commercial_bank'. */
const typeLabel = (type: InstitutionType) =>
  INSTITUTION_OPTIONS.find((o) => o.value === type)?.label ?? type;

/**
 * Reports a user bank an import created: info when its type is known (from the 机构类型 column or
 * its name), a warning when it is not (it is then `other`, which coverage does not count).
 */
function reportNewBank<S extends SheetKey>(
  r: Row<S>,
  k: SheetKeys[S],
  name: string,
  resolved: { bank: Bank; source: TypeSource },
): void {
  const label = typeLabel(resolved.bank.type);
  if (resolved.source === 'unknown') {
    r.issue(
      k,
      'W_BANK_UNKNOWN',
      `金融机构“${name}”不在名录中，且无法从名称判断机构类型：按“其他”新建，不计入银行覆盖；可在“机构类型”列注明`,
      `institution "${name}" is not in the directory and its type cannot be told from its name: created as "other", not counted as a lender; give its type in the institution-type column`,
      { value: name },
    );
    return;
  }
  const how = resolved.source === 'column' ? '按“机构类型”列' : '按名称识别';
  const howEn = resolved.source === 'column' ? 'from the institution-type column' : 'from its name';
  r.issue(
    k,
    'I_BANK_CREATED',
    `金融机构“${name}”不在名录中，已新建，${how}定为${label}`,
    `institution "${name}" is not in the directory; created as ${label} (${howEn})`,
    { value: name },
  );
}

/** One W_BANK_UNCLASSIFIED per import, listing the institutions whose type stayed unknown. */
function reportUnclassified(ctx: Context): void {
  const names = [...ctx.banks.unclassified.keys()];
  if (names.length === 0) return;
  const shown = names.slice(0, UNCLASSIFIED_LISTED);
  const more = names.length - shown.length;
  const [first] = ctx.banks.unclassified.values();
  ctx.log.add({
    sheet: first ?? 'enterprises',
    row: 0,
    column: '',
    value: shown.join('；'),
    code: 'W_BANK_UNCLASSIFIED',
    messageZh: `${names.length}家金融机构无法判断类型，按“其他”处理，不计入银行覆盖率：${shown.join('、')}${more > 0 ? `等（另有${more}家）` : ''}。请在“机构类型”列注明`,
    messageEn: `${names.length} institution(s) of unknown type were counted as "other", not as lenders: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}. Give their types in the institution-type column`,
  });
}

const UNCLASSIFIED_LISTED = 20;

/**
 * The 合作银行 list of a row, with the 机构类型 of each bank when that optional column is filled:
 * one type for every bank, or one per bank in the same order. A type that is not a §2.8 type, or a
 * count that fits neither, is a warning and the names decide.
 */
function readBankList(r: Row<'enterprises'>): { name: string; type?: InstitutionType }[] {
  const out: { name: string; type?: InstitutionType }[] = [];
  const names: string[] = [];
  for (const item of splitList(r.raw('banks'))) {
    const text = parseText(item.normalize('NFKC'), { max: MAX_NAME_CHARS });
    if (text.ok && text.value !== null) {
      r.notes('banks', text.warnings);
      names.push(text.value);
    }
  }
  const types: InstitutionType[] = [];
  let unknownType = false;
  for (const item of splitList(r.raw('bankTypes'))) {
    const t = parseInstitutionType(item);
    if (t.ok) {
      if (t.value !== null) types.push(t.value);
      continue;
    }
    // A warning, not an error: a column named 机构类型 may describe the enterprise itself.
    unknownType = true;
    r.issue(
      'bankTypes',
      'W_BANK_TYPE_UNKNOWN',
      `${t.messageZh}；机构类型按名称判断`,
      `${t.messageEn}; types are read from the names`,
      { value: item, suggestion: t.suggestions?.join(' | ') },
    );
  }
  const fits = !unknownType && (types.length === 1 || types.length === names.length);
  if (types.length > 0 && !fits && !unknownType) {
    r.issue(
      'bankTypes',
      'W_BANK_TYPE_COUNT',
      `填了${types.length}个机构类型、${names.length}家合作银行，无法一一对应：机构类型按名称判断`,
      `${types.length} institution types for ${names.length} lending banks cannot be paired: types are read from the names`,
    );
  }
  names.forEach((name, i) => {
    if (out.some((b) => b.name === name)) return;
    const type = !fits ? undefined : types.length === 1 ? types[0] : types[i];
    out.push(type === undefined ? { name } : { name, type });
  });
  return out;
}

/** Looks up the imported enterprise of a USCC cell, reporting E_UNKNOWN_ENTERPRISE when there is none. */
function enterpriseFor<S extends SheetKey>(
  r: Row<S>,
  k: SheetKeys[S],
  uscc: string,
  ctx: Context,
): EnterpriseDraft | undefined {
  const draft = ctx.imported.get(uscc);
  if (draft) return draft;
  const row = ctx.firstRowOf.get(uscc);
  r.issue(
    k,
    'E_UNKNOWN_ENTERPRISE',
    row === undefined ? '该企业不在企业清单中' : `该企业在企业清单第${row}行，但该行被拒绝`,
    row === undefined
      ? 'this enterprise is not in the enterprise sheet'
      : `this enterprise is on row ${row} of the enterprise sheet, but that row was rejected`,
  );
  return undefined;
}

function readCreditRelations(sheet: Sheet<'creditRelations'>, ctx: Context): CreditRelation[] {
  const out: CreditRelation[] = [];
  const perEnterprise = new Map<string, number>();
  const now = ctx.options.now;
  const asOf = ctx.options.asOf ?? now;
  for (const { row, cells } of sheet.dataRows) {
    ctx.progress();
    const r = new Row(sheet, row, cells);
    const uscc = checkUscc(r, 'uscc').uscc;
    const draft = uscc !== undefined ? enterpriseFor(r, 'uscc', uscc, ctx) : undefined;
    const bankName = r.take(
      'bank',
      parseText(r.raw('bank').normalize('NFKC'), { required: true, max: MAX_NAME_CHARS }),
    );
    const bankType = r.take('bankType', parseInstitutionType(r.raw('bankType')));
    const product = r.take('product', parseProduct(r.raw('product')));
    const money = { unitYuan: ctx.options.unitYuan };
    const creditLine = r.take(
      'creditLine',
      parseAmount(r.raw('creditLine'), { ...money, required: true }),
    );
    const outstanding = r.take('outstanding', parseAmount(r.raw('outstanding'), money));
    checkAmountBounds(r, 'creditLine', creditLine);
    checkAmountBounds(r, 'outstanding', outstanding);
    if (
      creditLine != null &&
      outstanding != null &&
      outstanding > creditLine * OUTSTANDING_TOLERANCE + 1e-6
    ) {
      r.issue(
        'outstanding',
        'W_OUTSTANDING_GT_LINE',
        `贷款余额${outstanding}万元超过授信额度${creditLine}万元的105%`,
        `outstanding ${outstanding} exceeds 105% of the credit line ${creditLine}`,
      );
    }
    const ratePct = r.take('ratePct', parsePercent(r.raw('ratePct'), { min: 0.5, max: 24 }));
    if (ratePct != null && (ratePct < 2 || ratePct > 8)) {
      r.issue(
        'ratePct',
        'W_RATE_UNUSUAL',
        `年利率${ratePct}%不在银行贷款常见的2%–8%之间`,
        `interest rate ${ratePct}% is outside the usual 2–8% for bank loans`,
      );
    }
    const collateral: CollateralType | null | undefined = r.take(
      'collateral',
      parseCollateral(r.raw('collateral')),
    );
    const guarantorName = r.take(
      'guarantor',
      parseText(r.raw('guarantor').normalize('NFKC'), { max: MAX_NAME_CHARS }),
    );
    const startDate = r.take('startDate', parseDate(r.raw('startDate'), { now }));
    const maturityDate = r.take('maturityDate', parseDate(r.raw('maturityDate'), { now }));
    if (startDate != null && maturityDate != null && maturityDate < startDate) {
      r.issue(
        'maturityDate',
        'E_DATE_ORDER',
        `到期日${maturityDate}早于起始日${startDate}`,
        `maturity ${maturityDate} is before start ${startDate}`,
      );
    }
    const isFirstLoan = r.take('isFirstLoan', parseBoolean(r.raw('isFirstLoan')));
    if (r.hasError || !draft || bankName == null || creditLine == null) continue;

    const e = draft.enterprise;
    const resolved = ctx.banks.resolve(
      bankName,
      e.cityId,
      'creditRelations',
      bankType ?? undefined,
    );
    if (resolved.created) reportNewBank(r, 'bank', bankName, resolved);
    const bank = resolved.bank;
    const k = (perEnterprise.get(e.id) ?? 0) + 1;
    perEnterprise.set(e.id, k);
    const drawn = outstanding ?? 0;
    const relation: CreditRelation = {
      id: `r-${e.id}-${k}`,
      bankId: bank.id,
      enterpriseId: e.id,
      product: product ?? 'WC_LOAN',
      creditLine,
      outstanding: drawn,
      collateral: collateral ?? 'other',
      status: statusOf(drawn, maturityDate ?? undefined, asOf),
    };
    if (relation.status === 'matured') {
      r.issue(
        'maturityDate',
        'W_CREDIT_EXPIRED',
        `授信额度${wanText(creditLine)}万元已于${maturityDate}到期，早于数据日期${asOf}：按已到期处理，不计入已获授信和银行覆盖`,
        `the credit line of ${wanText(creditLine)} (10k CNY) matured on ${maturityDate}, before the data date ${asOf}: it is counted as expired, not as approved credit or bank coverage`,
      );
    }
    if (ratePct != null) relation.ratePct = ratePct;
    if (startDate != null) relation.startDate = startDate;
    if (maturityDate != null) relation.maturityDate = maturityDate;
    if (isFirstLoan != null) relation.isFirstLoan = isFirstLoan;
    if (guarantorName != null) {
      const g = ctx.banks.resolve(
        guarantorName,
        e.cityId,
        'creditRelations',
        undefined,
        guarantorType(guarantorName),
      );
      if (g.created) reportNewBank(r, 'guarantor', guarantorName, g);
      relation.guarantorId = g.bank.id;
    }
    out.push(relation);
  }
  return out;
}

/** §7.2.1 #12: with a relations sheet, its totals override 已获授信; warn when they differ by > 5%. */
function checkCreditTotals(
  sheet: Sheet<'enterprises'>,
  relations: readonly CreditRelation[],
  ctx: Context,
): void {
  const totals = new Map<string, number>();
  const expired = new Map<string, { lines: number; total: number }>();
  for (const rel of relations) {
    if (rel.status === 'matured') {
      const e = expired.get(rel.enterpriseId) ?? { lines: 0, total: 0 };
      expired.set(rel.enterpriseId, { lines: e.lines + 1, total: e.total + rel.creditLine });
    }
    if (rel.status === 'matured' || rel.status === 'declined') continue;
    totals.set(rel.enterpriseId, (totals.get(rel.enterpriseId) ?? 0) + rel.creditLine);
  }
  for (const d of ctx.imported.values()) {
    const declared = d.approved;
    const sum = roundTo2(totals.get(d.enterprise.id) ?? 0);
    if (Math.abs(sum - declared) <= CREDIT_MISMATCH_TOLERANCE * Math.max(sum, declared)) continue;
    const gone = expired.get(d.enterprise.id);
    const goneZh = gone
      ? `（另有${gone.lines}条授信共${wanText(roundTo2(gone.total))}万元已在数据日期前到期，未计入）`
      : '';
    const goneEn = gone
      ? ` (${gone.lines} more line(s) of ${wanText(roundTo2(gone.total))} expired before the data date and are not counted)`
      : '';
    const r = new Row(sheet, d.row, []);
    r.issue(
      'approved',
      'W_CREDIT_MISMATCH',
      `授信关系表中有效授信合计${wanText(sum)}万元${goneZh}，与“已获授信”${wanText(declared)}万元相差超过5%，以授信关系表为准`,
      `live credit lines in the relations sheet total ${wanText(sum)}${goneEn}, which differs from the declared approved credit ${wanText(declared)} by more than 5%; the relations are used`,
      { value: String(declared), suggestion: String(sum) },
    );
  }
}

// ---------------------------------------------------------------- supply edges

/** Where an edge between two enterprises sits: their first shared chain and each side's link in it. */
function placeEdge(
  supplier: Enterprise,
  buyer: Enterprise,
  chainOf: ReadonlyMap<string, string>,
): { chainId: string; fromLinkId: string; toLinkId: string } | undefined {
  const chainId = supplier.chainIds.find((c) => buyer.chainIds.includes(c));
  if (chainId === undefined) return undefined;
  const fromLinkId = supplier.linkIds.find((l) => chainOf.get(l) === chainId);
  const toLinkId = buyer.linkIds.find((l) => chainOf.get(l) === chainId);
  if (fromLinkId === undefined || toLinkId === undefined) return undefined;
  return { chainId, fromLinkId, toLinkId };
}

/**
 * Columns the template does not have get neutral values: shareOfBuyerLinkPurchases 0 and
 * buyerAlternatives 3, so that no import raises a key-supplier or dependence flag (§5.4) the file
 * did not state. shareOfSupplierSales comes from the share column, else from value ÷ supplier revenue.
 */
const DEFAULT_BUYER_ALTERNATIVES = 3;

const edgeId = (supplierId: string, buyerId: string) => `s-${supplierId}-${buyerId}`;

function readSupplyEdges(
  sheet: Sheet<'supplyEdges'>,
  ctx: Context,
  edgeIds: Set<string>,
): SupplyEdge[] {
  const out: SupplyEdge[] = [];
  const shareSum = new Map<string, number>();
  const percents = new PercentColumns();
  const firstRowOfEdge = new Map<string, number>();
  for (const { row, cells } of sheet.dataRows) {
    ctx.progress();
    const r = new Row(sheet, row, cells);
    const s = checkUscc(r, 'supplierUscc').uscc;
    const b = checkUscc(r, 'buyerUscc').uscc;
    const supplier = s !== undefined ? enterpriseFor(r, 'supplierUscc', s, ctx) : undefined;
    const buyer = b !== undefined ? enterpriseFor(r, 'buyerUscc', b, ctx) : undefined;
    let place: ReturnType<typeof placeEdge>;
    if (s !== undefined && s === b) {
      r.issue(
        'buyerUscc',
        'E_SELF_SUPPLY',
        '供应商与客户为同一企业',
        'supplier and buyer are the same enterprise',
      );
    } else if (supplier && buyer) {
      place = placeEdge(supplier.enterprise, buyer.enterprise, ctx.chainOf);
      if (!place) {
        r.issue(
          'buyerUscc',
          'E_NO_COMMON_CHAIN',
          `供应商（${supplier.enterprise.chainIds.join('、')}）与客户（${buyer.enterprise.chainIds.join('、')}）不属于同一产业链`,
          `supplier (${supplier.enterprise.chainIds.join(', ')}) and buyer (${buyer.enterprise.chainIds.join(', ')}) share no chain`,
        );
      } else {
        const id = edgeId(supplier.enterprise.id, buyer.enterprise.id);
        const first = firstRowOfEdge.get(id);
        if (first !== undefined) {
          r.issue(
            'buyerUscc',
            'E_DUP_EDGE',
            `与第${first}行的供应关系重复`,
            `duplicates the supply edge on row ${first}`,
          );
        } else firstRowOfEdge.set(id, row);
      }
    }
    const money = { unitYuan: ctx.options.unitYuan };
    const annualValue = r.take('annualValue', parseAmount(r.raw('annualValue'), money));
    const sharePct = r.take('supplierSalesSharePct', parsePercent(r.raw('supplierSalesSharePct')));
    if (sharePct != null)
      percents.see(sheet.header('supplierSalesSharePct'), r.raw('supplierSalesSharePct'), sharePct);
    const paymentTermDays = r.take(
      'paymentTermDays',
      parseInteger(r.raw('paymentTermDays'), { max: 365 }),
    );
    const receivable = r.take('receivable', parseAmount(r.raw('receivable'), money));
    checkAmountBounds(r, 'annualValue', annualValue);
    checkAmountBounds(r, 'receivable', receivable);
    if (
      paymentTermDays != null &&
      paymentTermDays > 60 &&
      buyer?.enterprise.sizeClass === 'large'
    ) {
      r.issue(
        'paymentTermDays',
        'W_PAYTERM_60',
        `客户为大型企业，付款账期${paymentTermDays}天超过60天（《保障中小企业款项支付条例》）`,
        `the buyer is a large enterprise and the payment term of ${paymentTermDays} days exceeds 60 (SME payment regulation)`,
      );
    }
    if (r.hasError || !supplier || !buyer || !place) continue;

    const sup = supplier.enterprise;
    const share =
      sharePct != null
        ? sharePct / 100
        : sup.revenue > 0 && annualValue != null
          ? Math.min(1, annualValue / sup.revenue)
          : 0;
    const sum = (shareSum.get(sup.id) ?? 0) + share;
    shareSum.set(sup.id, sum);
    if (sum > 1 + 1e-9 && sum - share <= 1 + 1e-9) {
      r.issue(
        'supplierSalesSharePct',
        'W_SHARE_SUM',
        `该供应商对各客户的销售占比合计已达${roundTo2(sum * 100)}%（超过100%）`,
        `this supplier's sales shares across buyers add up to ${roundTo2(sum * 100)}% (over 100%)`,
      );
    }
    const edge: SupplyEdge = {
      id: edgeId(sup.id, buyer.enterprise.id),
      supplierId: sup.id,
      buyerId: buyer.enterprise.id,
      ...place,
      annualValue: annualValue ?? 0,
      shareOfSupplierSales: Math.round(share * 10000) / 10000,
      shareOfBuyerLinkPurchases: 0,
      buyerAlternatives: DEFAULT_BUYER_ALTERNATIVES,
    };
    if (paymentTermDays != null) edge.paymentTermDays = paymentTermDays;
    if (receivable != null) edge.receivableOutstanding = receivable;
    edgeIds.add(edge.id);
    out.push(edge);
  }
  percents.report('supplyEdges', ctx.log);
  return out;
}

/** §7.2.1 #26: key customers present in the file become supply edges (unless the supply sheet has them). */
function keyCustomerEdges(
  sheet: Sheet<'enterprises'>,
  drafts: readonly EnterpriseDraft[],
  ctx: Context,
  edgeIds: Set<string>,
): SupplyEdge[] {
  const out: SupplyEdge[] = [];
  for (const d of drafts) {
    const r = new Row(sheet, d.row, []);
    for (const c of d.keyCustomers) {
      const buyer = ctx.imported.get(c.uscc);
      if (c.uscc === d.enterprise.uscc) {
        r.issue(
          'keyCustomers',
          'W_KEY_CUSTOMER',
          '主要客户是企业自身，已忽略',
          'the key customer is the enterprise itself; ignored',
          { value: c.raw },
        );
        continue;
      }
      if (!buyer) {
        const row = ctx.firstRowOf.get(c.uscc);
        r.issue(
          'keyCustomers',
          'I_KEY_CUSTOMER_ABSENT',
          row === undefined
            ? `主要客户${c.uscc}不在本文件中，未建立供应关系`
            : `主要客户${c.uscc}（第${row}行）被拒绝，未建立供应关系`,
          row === undefined
            ? `key customer ${c.uscc} is not in this file; no supply edge`
            : `key customer ${c.uscc} (row ${row}) was rejected; no supply edge`,
          { value: c.raw },
        );
        continue;
      }
      const id = edgeId(d.enterprise.id, buyer.enterprise.id);
      if (edgeIds.has(id)) continue;
      const place = placeEdge(d.enterprise, buyer.enterprise, ctx.chainOf);
      if (!place) {
        r.issue(
          'keyCustomers',
          'W_KEY_CUSTOMER',
          `主要客户${c.uscc}与本企业不属于同一产业链，未建立供应关系`,
          `key customer ${c.uscc} shares no chain with this enterprise; no supply edge`,
          { value: c.raw },
        );
        continue;
      }
      edgeIds.add(id);
      out.push({
        id,
        supplierId: d.enterprise.id,
        buyerId: buyer.enterprise.id,
        ...place,
        annualValue: 0,
        shareOfSupplierSales: 0,
        shareOfBuyerLinkPurchases: 0,
        buyerAlternatives: DEFAULT_BUYER_ALTERNATIVES,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------- dataset

export interface ImportedDatasetMeta {
  datasetId: string;
  titleZh: string;
  titleEn: string;
  /** Data date 'YYYY-MM-DD'. */
  asOf: string;
  /** Reference LPR for pricing fields; default the 2025-05-20 fixing (1Y 3.0%, 5Y 3.5%). */
  lpr?: { oneYearPct: number; fiveYearPct: number; effectiveFrom: string };
}

const DEFAULT_LPR = { oneYearPct: 3.0, fiveYearPct: 3.5, effectiveFrom: '2025-05-20' };

/**
 * The imported result as a `Dataset` (kind 'user_import', not synthetic): chains, links and cities
 * from the reference, every reference bank plus the user banks, the product catalogue, no policies,
 * batches, meetings or offers. Parsed with DatasetSchema, so it throws if anything is out of shape.
 * @example buildImportedDataset(result, reference, { datasetId: 'import-1', titleZh: '导入', titleEn: 'Import', asOf: '2025-06-30' }).meta.kind // 'user_import'
 */
export function buildImportedDataset(
  result: ImportResult,
  reference: ImportReference,
  meta: ImportedDatasetMeta,
): Dataset {
  return DatasetSchema.parse({
    meta: {
      schemaVersion: '1.0',
      datasetId: meta.datasetId,
      kind: 'user_import',
      isSynthetic: false,
      titleZh: meta.titleZh,
      titleEn: meta.titleEn,
      disclaimerZh:
        '本数据由用户导入，仅在本地浏览器中处理，不上传；分析结果为辅助参考，不构成授信或政策决定。',
      disclaimerEn:
        'Imported by the user and processed locally in this browser, never uploaded. Results are analytical aids, not credit or policy decisions.',
      asOf: meta.asOf,
      currency: 'CNY',
      amountUnit: 'wan_cny',
      crs: 'EPSG:4326',
      lpr: meta.lpr ?? DEFAULT_LPR,
      sources: [],
    },
    cities: [...reference.cities],
    chains: [...reference.chains],
    links: [...reference.links],
    enterprises: result.enterprises,
    banks: [...(reference.banks ?? []), ...result.banks],
    creditRelations: result.creditRelations,
    supplyEdges: result.supplyEdges,
    products: [...PRODUCT_CATALOGUE],
    policies: [],
    batches: [],
    meetings: [],
    offers: [],
  });
}
