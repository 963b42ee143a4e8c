/**
 * The import report vocabulary (domain.md §7.1, §7.7): sheets, issues, value-parser results and the
 * issue-code catalogue. Pure types and constants; every other module of src/import/ speaks these.
 */

/** The three sheets of the template (§7.2); only `enterprises` is required. */
export type SheetKey = 'enterprises' | 'creditRelations' | 'supplyEdges';
export const SHEET_KEYS: readonly SheetKey[] = ['enterprises', 'creditRelations', 'supplyEdges'];

/** `error` rejects the row, `warning` keeps it flagged (⚠), `info` only tells (§7.1). */
export type Severity = 'error' | 'warning' | 'info';

/**
 * One line of the import report.
 * `row` is the 1-based spreadsheet row number counting the header row, so the user finds it in Excel
 * (the first data row is row 2). Row 0 means the whole file or sheet (encoding, missing columns…);
 * row 1 is the header row itself (duplicate or missing column). `column` is the header text exactly
 * as written in the file ('' when the issue is not about one cell).
 */
export interface ImportIssue {
  sheet: SheetKey;
  row: number;
  column: string;
  /** The raw cell text (or the row's key value for row-level issues). */
  value: string;
  code: IssueCode;
  severity: Severity;
  messageZh: string;
  messageEn: string;
  suggestion?: string;
}

/** A warning or info produced while parsing one value (the caller adds sheet, row and column). */
export interface ValueNote {
  code: IssueCode;
  severity: Severity;
  messageZh: string;
  messageEn: string;
  suggestion?: string;
}

/** Why a value could not be parsed. `suggestions` holds the nearest accepted values, best first. */
export interface ValueError {
  ok: false;
  code: IssueCode;
  messageZh: string;
  messageEn: string;
  suggestions?: string[];
}

/** The outcome of every value parser of §7.5: a value (possibly with notes) or an error. */
export type ParseResult<T> = { ok: true; value: T; warnings?: ValueNote[] } | ValueError;

/**
 * A successful parse, with notes only when there are some.
 * @example ok(12) // { ok: true, value: 12 }
 */
export function ok<T>(value: T, warnings: readonly ValueNote[] = []): ParseResult<T> {
  return warnings.length > 0 ? { ok: true, value, warnings: [...warnings] } : { ok: true, value };
}

/**
 * A note on a parsed value; its severity comes from the catalogue.
 * @example note('W_ROUNDED', '已取整为3', 'rounded to 3').severity // 'warning'
 */
export function note(
  code: IssueCode,
  messageZh: string,
  messageEn: string,
  suggestion?: string,
): ValueNote {
  const severity = ISSUE_CATALOGUE[code].severity;
  return suggestion === undefined
    ? { code, severity, messageZh, messageEn }
    : { code, severity, messageZh, messageEn, suggestion };
}

/**
 * A failed parse.
 * @example fail('E_NEGATIVE', '金额不能为负', 'amount must not be negative')
 */
export function fail(
  code: IssueCode,
  messageZh: string,
  messageEn: string,
  suggestions?: readonly string[],
): ValueError {
  return suggestions && suggestions.length > 0
    ? { ok: false, code, messageZh, messageEn, suggestions: [...suggestions] }
    : { ok: false, code, messageZh, messageEn };
}

/**
 * Every code the import can report, with its severity and a short bilingual title (the §7.7
 * catalogue plus the codes this implementation needs). Messages on issues are more specific; the
 * titles are for legends and filters.
 */
export const ISSUE_CATALOGUE = {
  // §7.7
  E_USCC_LENGTH: {
    severity: 'error',
    zh: '统一社会信用代码应为18位',
    en: 'USCC must have 18 characters',
  },
  E_USCC_CHARSET: {
    severity: 'error',
    zh: '含非法字符（不使用I、O、Z、S、V）',
    en: 'Invalid character (I, O, Z, S, V are not used)',
  },
  E_USCC_REGION: {
    severity: 'error',
    zh: '第3–8位应为行政区划码（6位数字）',
    en: 'Positions 3–8 must be a 6-digit region code',
  },
  E_USCC_CHECK: { severity: 'error', zh: '校验码错误', en: 'Check character wrong' },
  W_USCC_CHECK_OVERRIDE: {
    severity: 'warning',
    zh: '校验码错误，已按试点代码保留',
    en: 'Check character wrong, kept as a pilot-era code',
  },
  W_USCC_ORG_CHECK: {
    severity: 'warning',
    zh: '主体标识码校验位不符',
    en: 'Organisation-code check mismatch',
  },
  W_USCC_NOT_ENTERPRISE: {
    severity: 'warning',
    zh: '非企业主体（个体工商户/合作社/其他）',
    en: 'Not an enterprise entity',
  },
  E_DUP_USCC: { severity: 'error', zh: '统一社会信用代码重复', en: 'Duplicate USCC' },
  E_REQUIRED: { severity: 'error', zh: '必填项为空', en: 'Required value missing' },
  E_UNKNOWN_CHAIN: { severity: 'error', zh: '无法识别的产业链', en: 'Unknown chain' },
  E_UNKNOWN_LINK: { severity: 'error', zh: '无法识别的环节', en: 'Unknown link' },
  E_COORD_RANGE: { severity: 'error', zh: '坐标超出中国范围', en: 'Coordinates outside China' },
  W_COORD_SWAPPED: {
    severity: 'warning',
    zh: '经纬度可能颠倒',
    en: 'Latitude/longitude probably swapped',
  },
  W_COORD_FAR: {
    severity: 'warning',
    zh: '坐标距所填城市超过150公里',
    en: 'Point is > 150 km from the stated city',
  },
  E_NEGATIVE: { severity: 'error', zh: '数值不能为负', en: 'Value must not be negative' },
  W_UNIT_YUAN: {
    severity: 'warning',
    zh: '数值过大，可能以“元”填报',
    en: 'Value very large — entered in yuan?',
  },
  W_SIZE_MISMATCH: {
    severity: 'warning',
    zh: '填报规模与按标准计算的规模不一致',
    en: 'Declared size differs from computed size',
  },
  W_OUTSTANDING_GT_LINE: {
    severity: 'warning',
    zh: '贷款余额大于授信额度',
    en: 'Outstanding exceeds credit line',
  },
  W_PAYTERM_60: {
    severity: 'warning',
    zh: '大型企业付款账期超过60日',
    en: 'Large-buyer payment term > 60 days',
  },
  W_CREDIT_MISMATCH: {
    severity: 'warning',
    zh: '授信合计与“已获授信”不一致',
    en: 'Relations total differs from declared credit',
  },
  I_ENCODING: { severity: 'info', zh: '已按GB18030解码', en: 'Decoded as GB18030' },
  // File and header level
  E_MISSING_COLUMN: { severity: 'error', zh: '缺少必填列', en: 'Required column missing' },
  W_DUP_COLUMN: {
    severity: 'warning',
    zh: '列重复，后一列按未识别列保留',
    en: 'Duplicate column, later one kept as an extra',
  },
  I_EXTRA_COLUMN: {
    severity: 'info',
    zh: '未识别的列，原样保留、不参与计算',
    en: 'Unknown column, kept verbatim, not scored',
  },
  E_EMPTY_SHEET: { severity: 'error', zh: '工作表为空', en: 'Sheet is empty' },
  I_EMPTY_ROW: { severity: 'info', zh: '空行已跳过', en: 'Empty row skipped' },
  I_SHEET_IGNORED: {
    severity: 'info',
    zh: '工作表未识别，已忽略',
    en: 'Sheet not recognised, ignored',
  },
  I_SHEET_ASSUMED: {
    severity: 'info',
    zh: '唯一的工作表按企业清单读取',
    en: 'The only sheet was read as the enterprise list',
  },
  // Values
  E_BAD_NUMBER: { severity: 'error', zh: '不是有效数字', en: 'Not a valid number' },
  E_OUT_OF_RANGE: { severity: 'error', zh: '数值超出允许范围', en: 'Value out of range' },
  E_BAD_VALUE: { severity: 'error', zh: '无法识别的取值', en: 'Unrecognised value' },
  E_BAD_DATE: { severity: 'error', zh: '日期格式无法识别', en: 'Unrecognised date' },
  E_DATE_RANGE: { severity: 'error', zh: '日期不合理', en: 'Implausible date' },
  E_DATE_ORDER: { severity: 'error', zh: '到期日早于起始日', en: 'Maturity before start' },
  E_BAD_NAME: { severity: 'error', zh: '企业名称不合规', en: 'Invalid enterprise name' },
  E_UNKNOWN_CITY: { severity: 'error', zh: '无法识别的城市', en: 'Unknown city' },
  E_BAD_COORD: { severity: 'error', zh: '坐标无法识别', en: 'Unrecognised coordinate' },
  W_YUAN_CONVERTED: {
    severity: 'warning',
    zh: '已由“元”换算为万元',
    en: 'Converted from yuan to 10k CNY',
  },
  W_ROUNDED: { severity: 'warning', zh: '小数已四舍五入取整', en: 'Decimal rounded to an integer' },
  W_TEXT_TRUNCATED: {
    severity: 'warning',
    zh: '文本超长已截断（名称200字、其他文本2,000字）',
    en: 'Text too long, truncated (names 200 characters, other text 2,000)',
  },
  W_NAME_SUFFIX: {
    severity: 'warning',
    zh: '企业名称缺少组织形式后缀',
    en: 'Name lacks an organisational suffix',
  },
  I_FORMULA_PREFIX: {
    severity: 'info',
    zh: '以=、+、-、@开头，导出时将转义',
    en: 'Starts with =, +, - or @; neutralised on export',
  },
  I_CONTROL_CHARS: { severity: 'info', zh: '已删除控制字符', en: 'Control characters removed' },
  W_PCT_FRACTION: {
    severity: 'warning',
    zh: '该列全部≤1，是否填成了小数？',
    en: 'All values ≤ 1 — entered as fractions?',
  },
  W_RATE_UNUSUAL: {
    severity: 'warning',
    zh: '年利率不在2%–8%之间',
    en: 'Interest rate outside 2–8%',
  },
  W_NEED_HIGH: {
    severity: 'warning',
    zh: '融资需求超过营业收入的3倍',
    en: 'Financing need > 3 × revenue',
  },
  W_APPROVED_HIGH: {
    severity: 'warning',
    zh: '已获授信超过营业收入的5倍',
    en: 'Approved credit > 5 × revenue',
  },
  W_AMOUNT_HIGH: {
    severity: 'warning',
    zh: '金额超过1,000亿元（单家企业），远超中小企业规模，请核对单位',
    en: 'Amount over CNY 100 bn for one enterprise, far beyond any SME; check the unit',
  },
  E_AMOUNT_IMPLAUSIBLE: {
    severity: 'error',
    zh: '金额超过10万亿元，不可能属于单家企业',
    en: 'Amount over CNY 10 trillion, impossible for one enterprise',
  },
  W_ZERO_EMPLOYEES: {
    severity: 'warning',
    zh: '从业人员为0',
    en: 'Zero employees',
  },
  // Coordinates and places
  W_COORD_SOUTH: {
    severity: 'warning',
    zh: '纬度低于18.1°（南海岛礁），请核对',
    en: 'Latitude below 18.1° (South China Sea islands), check it',
  },
  I_COORD_PRECISION: {
    severity: 'info',
    zh: '坐标小数位不足2位，为近似位置',
    en: 'Fewer than 2 decimals: approximate location',
  },
  W_COORD_INCOMPLETE: {
    severity: 'warning',
    zh: '经纬度只填了一项，已忽略',
    en: 'Only one of latitude/longitude given, ignored',
  },
  I_CITY_FROM_COORD: {
    severity: 'info',
    zh: '未填城市，按坐标取最近城市',
    en: 'No city given; nearest city taken from the point',
  },
  I_CITY_ROLLED_UP: {
    severity: 'info',
    zh: '区县代码已归并到地级市',
    en: 'District/county code rolled up to its prefecture',
  },
  // Banks and relations
  W_BANK_UNKNOWN: {
    severity: 'warning',
    zh: '金融机构不在名录中且无法判断类型，按“其他”新建',
    en: 'Institution not in the directory and of unknown type, created as “other”',
  },
  I_BANK_CREATED: {
    severity: 'info',
    zh: '金融机构不在名录中，已按名称或机构类型列新建',
    en: 'Institution not in the directory, created with its type',
  },
  W_BANK_UNCLASSIFIED: {
    severity: 'warning',
    zh: '金融机构类型无法判断，按“其他”处理，不计入银行覆盖',
    en: 'Institution type unknown: counted as “other”, not as a lender',
  },
  W_BANK_TYPE_COUNT: {
    severity: 'warning',
    zh: '机构类型个数与合作银行个数不一致，按名称判断',
    en: 'Institution types do not pair with lending banks; read from names',
  },
  W_BANK_TYPE_UNKNOWN: {
    severity: 'warning',
    zh: '无法识别的机构类型，按名称判断',
    en: 'Unrecognised institution type; read from the name',
  },
  W_CREDIT_EXPIRED: {
    severity: 'warning',
    zh: '授信已在数据日期前到期，不计入已获授信',
    en: 'Credit line expired before the data date; not counted as approved credit',
  },
  I_CREDIT_SYNTHESISED: {
    severity: 'info',
    zh: '无授信关系表，已按“已获授信”生成授信关系',
    en: 'No credit-relations sheet: relations built from approved credit',
  },
  E_UNKNOWN_ENTERPRISE: {
    severity: 'error',
    zh: '企业不在企业清单中（或该行被拒绝）',
    en: 'Enterprise not in the enterprise sheet (or its row was rejected)',
  },
  // Supply edges and key customers
  E_SELF_SUPPLY: {
    severity: 'error',
    zh: '供应商与客户相同',
    en: 'Supplier and buyer are the same',
  },
  E_NO_COMMON_CHAIN: {
    severity: 'error',
    zh: '供应商与客户不属于同一产业链',
    en: 'Supplier and buyer share no chain',
  },
  E_DUP_EDGE: { severity: 'error', zh: '供应关系重复', en: 'Duplicate supply edge' },
  W_SHARE_SUM: {
    severity: 'warning',
    zh: '该供应商各客户销售占比合计超过100%',
    en: "Supplier's sales shares sum to more than 100%",
  },
  W_KEY_CUSTOMER: {
    severity: 'warning',
    zh: '主要客户代码无效或无法建立供应关系，已忽略',
    en: 'Key customer code invalid or unusable, ignored',
  },
  I_KEY_CUSTOMER_ABSENT: {
    severity: 'info',
    zh: '主要客户不在本文件中，未建立供应关系',
    en: 'Key customer not in this file, no supply edge',
  },
} as const satisfies Record<string, { severity: Severity; zh: string; en: string }>;

export type IssueCode = keyof typeof ISSUE_CATALOGUE;
