/**
 * Header recognition (domain.md §7.1, §7.2): every column of the three sheets with its Chinese and
 * English header, key and accepted aliases, and the matching of a file's header row against them.
 */
import type { SheetKey } from './issues';

export type EnterpriseKey =
  | 'uscc'
  | 'name'
  | 'chain'
  | 'link'
  | 'city'
  | 'lon'
  | 'lat'
  | 'employees'
  | 'revenue'
  | 'sizeClass'
  | 'need'
  | 'approved'
  | 'outstanding'
  | 'banks'
  | 'isLeader'
  | 'srdiTier'
  | 'isHighTech'
  | 'inventionPatents'
  | 'rdIntensityPct'
  | 'exportSharePct'
  | 'dsoDays'
  | 'taxCreditGrade'
  | 'purposes'
  | 'tenor'
  | 'collateral'
  | 'keyCustomers'
  | 'leaderSalesSharePct'
  | 'techBreakthrough'
  | 'establishedYear'
  | 'dishonest'
  | 'notes'
  | 'bankTypes';

export type CreditRelationKey =
  | 'uscc'
  | 'bank'
  | 'bankType'
  | 'product'
  | 'creditLine'
  | 'outstanding'
  | 'ratePct'
  | 'collateral'
  | 'guarantor'
  | 'startDate'
  | 'maturityDate'
  | 'isFirstLoan';

export type SupplyEdgeKey =
  | 'supplierUscc'
  | 'buyerUscc'
  | 'annualValue'
  | 'supplierSalesSharePct'
  | 'paymentTermDays'
  | 'receivable';

/** The column keys of each sheet. */
export interface SheetKeys {
  enterprises: EnterpriseKey;
  creditRelations: CreditRelationKey;
  supplyEdges: SupplyEdgeKey;
}

export interface ColumnSpec<K extends string> {
  key: K;
  /** The Chinese and English halves of the template header, units included. */
  zh: string;
  en: string;
  /** Required column (§7.2 “Required: yes”). `city` is required unless both lat and lon columns exist. */
  required: boolean;
  aliases: readonly string[];
}

const col = <K extends string>(
  key: K,
  zh: string,
  en: string,
  required: boolean,
  aliases: readonly string[] = [],
): ColumnSpec<K> => ({ key, zh, en, required, aliases });

/** §7.2.1, in template order. */
export const ENTERPRISE_COLUMNS: readonly ColumnSpec<EnterpriseKey>[] = [
  col('uscc', '统一社会信用代码', 'USCC', true, [
    '信用代码',
    '社会信用代码',
    '统一代码',
    '纳税人识别号',
    'unified social credit code',
    'credit code',
    'usci',
  ]),
  col('name', '企业名称', 'Enterprise name', true, [
    '名称',
    '公司名称',
    '企业',
    'company',
    'company name',
    'name',
  ]),
  col('chain', '所属产业链', 'Chain', true, ['产业链', 'chain id', 'industrial chain']),
  col('link', '产业链环节', 'Chain link', true, ['环节', '细分环节', 'link id', 'segment']),
  col('city', '所在城市', 'City', true, ['城市', '所在地', '地市', '行政区划代码', 'city code']),
  col('lon', '经度', 'Longitude', false, ['lng', 'longitude', 'x']),
  col('lat', '纬度', 'Latitude', false, ['latitude', 'y']),
  col('employees', '从业人员（人）', 'Employees', true, [
    '从业人数',
    '员工人数',
    '职工人数',
    'headcount',
    'staff',
  ]),
  col('revenue', '营业收入（万元）', 'Revenue (10k CNY)', true, [
    '营收',
    '主营业务收入',
    '销售收入',
    'revenue',
    'sales',
    'turnover',
  ]),
  col('sizeClass', '企业规模', 'Size class', false, ['规模', '企业类型', '划型', 'size']),
  col('need', '融资需求（万元）', 'Financing need (10k CNY)', true, [
    '融资需求',
    '资金需求',
    '需求金额',
    'financing need',
    'need',
  ]),
  col('approved', '已获授信（万元）', 'Approved credit (10k CNY)', true, [
    '授信额度',
    '已获授信',
    '获得授信',
    'credit line',
    'approved',
  ]),
  col('outstanding', '贷款余额（万元）', 'Loans outstanding (10k CNY)', false, [
    '贷款余额',
    '用信余额',
    '融资余额',
    'outstanding',
  ]),
  col('banks', '合作银行', 'Lending banks', false, [
    '合作金融机构',
    '贷款银行',
    '授信银行',
    'banks',
  ]),
  col('isLeader', '是否链主', 'Chain leader', false, ['链主', '链主企业', 'leader']),
  col('srdiTier', '专精特新等级', 'SRDI tier', false, [
    '专精特新',
    '梯度培育',
    'srdi',
    'little giant',
  ]),
  col('isHighTech', '高新技术企业', 'High-tech enterprise', false, ['高企', '高新技术企业认定']),
  col('inventionPatents', '有效发明专利（件）', 'Invention patents', false, [
    '发明专利',
    '发明专利数',
    'patents',
  ]),
  col('rdIntensityPct', '研发投入占比（%）', 'R&D intensity (%)', false, [
    '研发强度',
    '研发费用占比',
    'R&D ratio',
  ]),
  col('exportSharePct', '出口占比（%）', 'Export share (%)', false, [
    '外销占比',
    '出口比例',
    'export share',
  ]),
  col('dsoDays', '应收账款周转天数', 'DSO (days)', false, [
    '应收账款周期',
    '回款周期',
    '账期',
    'DSO',
  ]),
  col('taxCreditGrade', '纳税信用等级', 'Tax credit grade', false, [
    '纳税信用',
    '纳税等级',
    'tax grade',
  ]),
  col('purposes', '融资用途', 'Financing purpose', false, ['资金用途', '用途', 'purpose']),
  col('tenor', '期望期限', 'Preferred tenor', false, ['期限', '贷款期限', 'tenor']),
  col('collateral', '可提供担保方式', 'Collateral available', false, [
    '担保方式',
    '抵质押物',
    'collateral',
  ]),
  col('keyCustomers', '主要客户统一社会信用代码', 'Key customer USCCs', false, [
    '主要客户',
    '下游客户',
    'customers',
  ]),
  col('leaderSalesSharePct', '对链主销售占比（%）', 'Sales share to chain leaders (%)', false, [
    '链主销售占比',
    '对核心企业销售占比',
  ]),
  col('techBreakthrough', '技术突破', 'Technology breakthrough', false, [
    '首台套',
    '进口替代',
    'breakthrough',
  ]),
  col('establishedYear', '成立年份', 'Year established', false, [
    '成立时间',
    '注册年份',
    'founded',
  ]),
  col('dishonest', '失信被执行人', 'Dishonest judgment debtor', false, ['失信', '被执行人']),
  col('notes', '备注', 'Notes', false, ['说明', 'remarks']),
  // Not in domain.md §7.2.1 (issue 13): the §2.8 type of each lending bank, in the order of 合作银行
  // (or one type for all); it wins over the type read from the name. Last, so older files still fit.
  col('bankTypes', '合作银行机构类型', 'Lending bank types', false, [
    '机构类型',
    '金融机构类型',
    '银行类型',
    'institution type',
    'institution types',
    'bank type',
    'bank types',
  ]),
];

/**
 * §7.2.2. The spec lists no aliases for this sheet; the few here are the enterprise-sheet words a
 * user is likely to reuse (统一社会信用代码, 授信额度, 贷款余额) and plain synonyms.
 */
export const CREDIT_RELATION_COLUMNS: readonly ColumnSpec<CreditRelationKey>[] = [
  col('uscc', '企业统一社会信用代码', 'Enterprise USCC', true, ['统一社会信用代码', 'USCC']),
  col('bank', '金融机构名称', 'Institution name', true, [
    '金融机构',
    '银行',
    '银行名称',
    '授信银行',
    'bank',
    'lender',
  ]),
  col('bankType', '机构类型', 'Institution type', false, ['金融机构类型', 'bank type']),
  col('product', '产品类型', 'Product', false, ['产品', '融资产品', 'product type']),
  col('creditLine', '授信额度（万元）', 'Credit line (10k CNY)', true, [
    '授信金额',
    'credit limit',
  ]),
  col('outstanding', '贷款余额（万元）', 'Outstanding (10k CNY)', false, [
    '用信余额',
    '融资余额',
    'balance',
  ]),
  col('ratePct', '年利率（%）', 'Interest rate (% p.a.)', false, ['利率', 'rate']),
  col('collateral', '担保方式', 'Collateral', false, ['抵质押方式']),
  col('guarantor', '担保机构', 'Guarantor', false, ['担保公司', '担保人']),
  col('startDate', '起始日期', 'Start date', false, ['起始日', '放款日期', 'start']),
  col('maturityDate', '到期日期', 'Maturity date', false, ['到期日', 'maturity']),
  col('isFirstLoan', '是否首贷', 'First loan', false, ['首贷', 'first loan flag']),
];

/** §7.2.3 (no aliases in the spec; plain synonyms added). */
export const SUPPLY_EDGE_COLUMNS: readonly ColumnSpec<SupplyEdgeKey>[] = [
  col('supplierUscc', '供应商统一社会信用代码', 'Supplier USCC', true, ['供应商', 'supplier']),
  col('buyerUscc', '客户统一社会信用代码', 'Buyer USCC', true, [
    '客户',
    '采购商',
    'buyer',
    'customer',
    'customer USCC',
  ]),
  col('annualValue', '年交易额（万元）', 'Annual trade value (10k CNY)', false, [
    '交易额',
    '年采购额',
    'trade value',
  ]),
  col('supplierSalesSharePct', '占供应商销售比（%）', 'Share of supplier sales (%)', false, [
    '销售占比',
    'share of sales',
  ]),
  col('paymentTermDays', '付款账期（天）', 'Payment term (days)', false, ['账期', 'payment days']),
  col('receivable', '应收账款余额（万元）', 'Receivable outstanding (10k CNY)', false, [
    '应收账款',
    'receivable',
  ]),
];

export const SHEET_COLUMNS: { [S in SheetKey]: readonly ColumnSpec<SheetKeys[S]>[] } = {
  enterprises: ENTERPRISE_COLUMNS,
  creditRelations: CREDIT_RELATION_COLUMNS,
  supplyEdges: SUPPLY_EDGE_COLUMNS,
};

/**
 * §7.1 header normalisation of one part: NFKC (full-width → half-width), lower-case, drop anything
 * inside (…) (after NFKC （） is (), remove spaces, `_` and `-`.
 * @example normalizeHeaderPart('营业收入（万元）') // '营业收入'
 * @example normalizeHeaderPart('Revenue (10k CNY)') // 'revenue'
 */
export function normalizeHeaderPart(part: string): string {
  return part
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)?/g, '')
    .replace(/[\s_\-\u3000]/g, '')
    .trim();
}

/**
 * The lookup strings of a header cell: each '/'-separated part, normalised, in order.
 * @example headerCandidates('统一社会信用代码 / USCC') // ['统一社会信用代码', 'uscc']
 */
export function headerCandidates(header: string): string[] {
  const out: string[] = [];
  for (const candidate of header
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .split('/')) {
    const n = normalizeHeaderPart(candidate);
    if (n !== '' && !out.includes(n)) out.push(n);
  }
  return out;
}

function buildAliasIndex<K extends string>(
  specs: readonly ColumnSpec<K>[],
): ReadonlyMap<string, K> {
  const index = new Map<string, K>();
  for (const spec of specs) {
    for (const name of [spec.key, spec.zh, spec.en, ...spec.aliases]) {
      const n = normalizeHeaderPart(name);
      // First definition wins: the spec lists a column's own headers before other columns' aliases.
      if (n !== '' && !index.has(n)) index.set(n, spec.key);
    }
  }
  return index;
}

const ALIAS_INDEX: { [S in SheetKey]: ReadonlyMap<string, SheetKeys[S]> } = {
  enterprises: buildAliasIndex(ENTERPRISE_COLUMNS),
  creditRelations: buildAliasIndex(CREDIT_RELATION_COLUMNS),
  supplyEdges: buildAliasIndex(SUPPLY_EDGE_COLUMNS),
};

/**
 * The column key a header names in `sheet`, or undefined.
 * @example keyOfHeader('营业收入（万元） / Revenue (10k CNY)', 'enterprises') // 'revenue'
 */
export function keyOfHeader<S extends SheetKey>(
  header: string,
  sheet: S,
): SheetKeys[S] | undefined {
  const index: ReadonlyMap<string, SheetKeys[S]> = ALIAS_INDEX[sheet];
  for (const candidate of headerCandidates(header)) {
    const key = index.get(candidate);
    if (key !== undefined) return key;
  }
  return undefined;
}

export interface HeaderMatch<K extends string> {
  /** Column index → key, for recognised columns (the first one when a key repeats). */
  columns: Map<number, K>;
  /** Indexes of columns kept verbatim: unknown headers and later duplicates. */
  extras: number[];
  /** Required keys with no column. `city` is only listed when lat or lon is missing too. */
  missingRequired: K[];
  /** Later columns naming a key already taken, with the index of the column that won. */
  duplicates: { key: K; index: number; firstIndex: number }[];
}

/**
 * Matches a header row against the sheet's columns: any order; Chinese-only, English-only or
 * bilingual headers; the listed aliases.
 * @example matchHeaders(['USCC', '企业名称', 'Note'], 'enterprises').extras // [2]
 */
export function matchHeaders<S extends SheetKey>(
  headers: readonly string[],
  sheet: S,
): HeaderMatch<SheetKeys[S]> {
  const columns = new Map<number, SheetKeys[S]>();
  const firstIndexOf = new Map<SheetKeys[S], number>();
  const extras: number[] = [];
  const duplicates: HeaderMatch<SheetKeys[S]>['duplicates'] = [];
  headers.forEach((header, index) => {
    const key = keyOfHeader(header, sheet);
    if (key === undefined) {
      extras.push(index);
      return;
    }
    const firstIndex = firstIndexOf.get(key);
    if (firstIndex !== undefined) {
      duplicates.push({ key, index, firstIndex });
      extras.push(index);
      return;
    }
    firstIndexOf.set(key, index);
    columns.set(index, key);
  });
  const present: ReadonlySet<string> = new Set(columns.values());
  const hasPoint = present.has('lat') && present.has('lon');
  const specs: readonly ColumnSpec<SheetKeys[S]>[] = SHEET_COLUMNS[sheet];
  const missingRequired = specs
    .filter((spec) => spec.required && !present.has(spec.key))
    .filter((spec) => !(sheet === 'enterprises' && spec.key === 'city' && hasPoint))
    .map((spec) => spec.key);
  return { columns, extras, missingRequired, duplicates };
}

/**
 * Which sheet a header row most likely belongs to (for CSV files, one per sheet), judged by how many
 * of each sheet's required columns it names; null when it names none.
 * @example guessSheet(['供应商统一社会信用代码', '客户统一社会信用代码']) // 'supplyEdges'
 */
export function guessSheet(headers: readonly string[]): SheetKey | null {
  let best: SheetKey | null = null;
  let bestScore = 0;
  for (const sheet of ['enterprises', 'creditRelations', 'supplyEdges'] as const) {
    const specs: readonly ColumnSpec<string>[] = SHEET_COLUMNS[sheet];
    const required = specs.filter((s) => s.required);
    const found: ReadonlySet<string> = new Set(matchHeaders(headers, sheet).columns.values());
    const hits = required.filter((s) => found.has(s.key)).length;
    const score = hits / required.length;
    if (score > bestScore) {
      best = sheet;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The template header of a column, for issues about a column the file does not have.
 * @example columnLabel('enterprises', 'revenue') // '营业收入（万元） / Revenue (10k CNY)'
 */
export function columnLabel<S extends SheetKey>(sheet: S, key: SheetKeys[S]): string {
  const specs: readonly ColumnSpec<SheetKeys[S]>[] = SHEET_COLUMNS[sheet];
  const spec = specs.find((s) => s.key === key);
  return spec ? `${spec.zh} / ${spec.en}` : key;
}
