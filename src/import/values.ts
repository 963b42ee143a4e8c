/**
 * Cell value parsers (domain.md §7.5): amounts in 万元, integers, percentages, booleans, enums with
 * nearest-match suggestions, chains, links and cities of the reference catalogue, dates and text.
 * Every parser takes the raw cell text and returns a ParseResult; blank cells give `null` unless
 * the field is required (E_REQUIRED). Nothing here knows rows or sheets.
 */
import type {
  Chain,
  City,
  CollateralType,
  FinancingPurpose,
  InstitutionType,
  Link,
  ProductCode,
  SizeClass,
  SrdiTier,
  TaxCreditGrade,
} from '../domain/schema';
import { MAX_NAME_CHARS, MAX_TEXT_CHARS } from '../domain/bounds';
import { PRODUCT_CATALOGUE } from '../domain/products';
import { fail, note, ok, type ParseResult, type ValueNote } from './issues';

// ---------------------------------------------------------------- blanks and numbers

/** Placeholders people type for “nothing” in an optional cell. */
const BLANK_PLACEHOLDERS: ReadonlySet<string> = new Set(['-', '--', '—', '——', '/', 'n/a', 'na']);

/**
 * True for an empty cell, whitespace only, or a “nothing” placeholder (- — / N/A).
 * @example isBlank(' \u3000') // true
 * @example isBlank('0') // false
 */
export function isBlank(raw: string): boolean {
  const s = raw.trim(); // trim() covers U+3000 and NBSP
  if (s === '') return true;
  // Placeholders are at most 3 characters; skip NFKC for everything longer (the hot path).
  return s.length <= 3 && BLANK_PLACEHOLDERS.has(s.normalize('NFKC').toLowerCase());
}

/**
 * A cell value quoted in a message: trimmed and at most 60 characters, so a message never carries
 * a huge cell (the issue's value column shows it, bounded too).
 * @example quoteRaw(' 12x ') // '12x'
 */
export const quoteRaw = (raw: string): string => boundedText(raw.trim(), 60);

const required = (): ParseResult<never> =>
  fail('E_REQUIRED', '必填项为空', 'required value missing');

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** NFKC, unify minus signs, drop grouping commas and every kind of space. */
const numericText = (raw: string) =>
  raw
    .normalize('NFKC')
    .replace(/[\u2212\u2012\u2013\u2014\uFE63]/g, '-')
    .replace(/[,\s\u00A0\u3000]/g, '');

/**
 * Rounds to 2 decimals by shifting the decimal text, so 1.005 → 1.01 (not 1.00 from 100.4999…).
 * @example roundTo2(1.005) // 1.01
 */
export function roundTo2(n: number): number {
  if (Number.isInteger(n)) return n;
  const text = String(n);
  if (text.includes('e')) return Math.round(n * 100) / 100;
  return Number(`${Math.round(Number(`${text}e2`))}e-2`);
}

const notANumber = (raw: string) =>
  fail(
    'E_BAD_NUMBER',
    `“${quoteRaw(raw)}”不是有效数字`,
    `"${quoteRaw(raw)}" is not a valid number`,
  );

const negative = (raw: string) =>
  fail('E_NEGATIVE', `不能为负数（${quoteRaw(raw)}）`, `must not be negative (${quoteRaw(raw)})`);

const outOfRange = (value: number, min: number, max: number) =>
  fail(
    'E_OUT_OF_RANGE',
    `${value} 超出允许范围 ${min}–${max}`,
    `${value} is outside the allowed range ${min}–${max}`,
  );

export interface AmountOptions {
  required?: boolean;
  /** The file-level “my file is in 元” switch: every unsuffixed amount is divided by 10,000. */
  unitYuan?: boolean;
}

/**
 * An amount in 万元 (§7.5): NFKC; `,` `，` spaces `¥` `￥` removed; suffix 亿 (×10,000), 万 (×1) or
 * 元 (÷10,000, with a W_YUAN_CONVERTED warning); an explicit suffix wins over `unitYuan`. Negative →
 * E_NEGATIVE, non-finite or unreadable → E_BAD_NUMBER. Rounded to 2 decimals (§0).
 * @example parseAmount('1.2亿') // { ok: true, value: 12000 }
 * @example parseAmount('52,000,000元').value // 5200 (with a W_YUAN_CONVERTED warning)
 * @example parseAmount('350', { unitYuan: true }) // { ok: true, value: 0.04 }
 */
export function parseAmount(raw: string, opts: AmountOptions = {}): ParseResult<number | null> {
  if (isBlank(raw)) return opts.required ? required() : ok(null);
  const text = numericText(raw).replace(/[¥]/g, '');
  const m = /^(.*?)(亿元?|万元?|元)?$/.exec(text);
  const body = m?.[1] ?? text;
  const unit = m?.[2] ?? '';
  if (!NUMBER_RE.test(body)) return notANumber(raw);
  const n = Number(body);
  if (!Number.isFinite(n)) return notANumber(raw);
  if (n < 0) return negative(raw);
  const warnings: ValueNote[] = [];
  let value: number;
  if (unit.startsWith('亿')) value = n * 10000;
  else if (unit.startsWith('万')) value = n;
  else if (unit === '元') {
    value = n / 10000;
    warnings.push(
      note(
        'W_YUAN_CONVERTED',
        `已由${body}元换算为${roundTo2(value)}万元`,
        `converted from ${body} yuan to ${roundTo2(value)} (10k CNY)`,
      ),
    );
  } else value = opts.unitYuan ? n / 10000 : n;
  if (!Number.isFinite(value)) return notANumber(raw);
  return ok(roundTo2(value) + 0, warnings); // + 0 turns -0 into 0
}

export interface IntegerOptions {
  required?: boolean;
  min?: number;
  max?: number;
}

/**
 * A whole number ≥ 0 (employees, patents, days): grouping commas and a trailing unit (人 件 天 日 个 年
 * 家 项) are accepted; decimals are rounded with a W_ROUNDED warning; then the range is checked.
 * @example parseInteger('1,200人') // { ok: true, value: 1200 }
 * @example parseInteger('86.6').value // 87 (with W_ROUNDED)
 */
export function parseInteger(raw: string, opts: IntegerOptions = {}): ParseResult<number | null> {
  if (isBlank(raw)) return opts.required ? required() : ok(null);
  const text = numericText(raw).replace(/[人件天日个年家项]$/, '');
  if (!NUMBER_RE.test(text)) return notANumber(raw);
  const n = Number(text);
  if (!Number.isFinite(n)) return notANumber(raw);
  if (n < 0) return negative(raw);
  const value = Math.round(n) + 0;
  const warnings =
    value === n
      ? []
      : [note('W_ROUNDED', `已四舍五入为${value}`, `rounded to ${value}`, String(value))];
  const min = opts.min ?? 0;
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  if (value < min || value > max) return outOfRange(value, min, max);
  return ok(value, warnings);
}

export interface PercentOptions {
  required?: boolean;
  min?: number;
  max?: number;
}

/**
 * A percentage 0–100: “12%” and “12” both mean 12 (never a 0–1 fraction; the column-wide fraction
 * check lives in validate.ts).
 * @example parsePercent('4.5%') // { ok: true, value: 4.5 }
 * @example parsePercent('120').ok // false (E_OUT_OF_RANGE)
 */
export function parsePercent(raw: string, opts: PercentOptions = {}): ParseResult<number | null> {
  if (isBlank(raw)) return opts.required ? required() : ok(null);
  const text = numericText(raw).replace(/%$/, '');
  if (!NUMBER_RE.test(text)) return notANumber(raw);
  const n = Number(text);
  if (!Number.isFinite(n)) return notANumber(raw);
  if (n < 0) return negative(raw);
  const min = opts.min ?? 0;
  const max = opts.max ?? 100;
  if (n < min || n > max) return outOfRange(n, min, max);
  return ok(n + 0);
}

/**
 * True when the cell text carries an explicit % sign (so it cannot be a fraction).
 * @example hasPercentSign('0.5％') // true
 */
export const hasPercentSign = (raw: string): boolean => /%\s*$/.test(raw.normalize('NFKC'));

// ---------------------------------------------------------------- tokens and suggestions

/**
 * Enum-token normalisation: NFKC, lower-case, no spaces, `_`, `-`, `·`, `.` or quotes.
 * @example normalizeToken('Little_Giant “小巨人”') // 'littlegiant小巨人'
 */
export function normalizeToken(raw: string): string {
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-·・.'"“”‘’「」『』《》\u3000]/g, '');
}

/** The token without anything in brackets: '短期（≤1年）' → '短期'. */
const stripBrackets = (raw: string) => raw.normalize('NFKC').replace(/\([^)]*\)?|\[[^\]]*\]?/g, '');

/** Lookup forms of a name: the whole token (brackets kept as text) and the token without them. */
function tokenForms(raw: string): string[] {
  const whole = normalizeToken(raw.normalize('NFKC').replace(/[()[\]]/g, ''));
  const bare = normalizeToken(stripBrackets(raw));
  return bare !== '' && bare !== whole ? [whole, bare] : [whole];
}

/**
 * Levenshtein distance over code points.
 * @example levenshtein('kitten', 'sitting') // 3
 */
export function levenshtein(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

const MEMO_LIMIT = 5000;
const MAX_SUGGEST_INPUT = 100;

/** One accepted value of an enum: its display label ('中文 / code') and other names that mean it. */
export interface EnumOption<T> {
  value: T;
  label: string;
  names: readonly string[];
}

/**
 * An index of names → values with nearest-match suggestions (§7.5 “three nearest suggestions,
 * Levenshtein on normalised strings”).
 */
export class NameIndex<T> {
  private readonly byToken = new Map<string, T>();
  private readonly entries: { label: string; tokens: string[] }[] = [];

  constructor(options: readonly EnumOption<T>[]) {
    for (const option of options) {
      const tokens: string[] = [];
      // A label 'zh / en' means both halves too.
      for (const name of [...option.label.split(' / '), ...option.names]) {
        for (const token of tokenForms(name)) {
          if (token === '') continue;
          tokens.push(token);
          // First option wins a shared token, so list the more specific options first.
          if (!this.byToken.has(token)) this.byToken.set(token, option.value);
        }
      }
      this.entries.push({ label: option.label, tokens });
    }
  }

  // Cells repeat (是/否, the same chain and city on thousands of rows): remember recent answers.
  private readonly memo = new Map<string, T | undefined>();

  /** The value a name means, or undefined. */
  get(raw: string): T | undefined {
    if (this.memo.has(raw)) return this.memo.get(raw);
    let found: T | undefined;
    for (const token of tokenForms(raw)) {
      found = this.byToken.get(token);
      if (found !== undefined) break;
    }
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(raw, found);
    return found;
  }

  /**
   * The labels of the `n` options nearest to `raw` (best first; ties keep catalogue order). With
   * `similarOnly`, an option is offered only when one of its names is really near: at most half of
   * the longer string differs (常洲 → 常州, Bejing → Beijing), so 亚特兰蒂斯 gets no suggestion
   * rather than three unrelated cities.
   */
  nearest(raw: string, n = 3, opts: { similarOnly?: boolean } = {}): string[] {
    // No accepted name is near a cell this long, and edit distances over it would cost seconds.
    if (raw.length > MAX_SUGGEST_INPUT) return [];
    const input = tokenForms(raw);
    return this.entries
      .map((entry, i) => {
        let best = Infinity;
        let similar = false;
        for (const a of input)
          for (const b of entry.tokens) {
            const d = levenshtein(a, b);
            best = Math.min(best, d);
            if (d <= Math.floor(Math.max(Array.from(a).length, Array.from(b).length) / 2))
              similar = true;
          }
        return { label: entry.label, best, i, similar };
      })
      .filter((x) => !opts.similarOnly || x.similar)
      .sort((x, y) => x.best - y.best || x.i - y.i)
      .slice(0, n)
      .map((x) => x.label);
  }
}

export interface FieldName {
  zh: string;
  en: string;
}

/**
 * A parser for one enum field: blank → null (or E_REQUIRED), unknown → E_BAD_VALUE with the three
 * nearest labels.
 * @example createEnumParser(SIZE_FIELD, SIZE_OPTIONS)('小型企业') // { ok: true, value: 'small' }
 */
export function createEnumParser<T>(
  field: FieldName,
  options: readonly EnumOption<T>[],
): (raw: string, opts?: { required?: boolean }) => ParseResult<T | null> {
  const index = new NameIndex(options);
  return (raw, opts = {}) => {
    if (isBlank(raw)) return opts.required ? required() : ok(null);
    const value = index.get(raw);
    if (value !== undefined) return ok(value);
    const suggestions = index.nearest(raw);
    if (suggestions.length === 0) {
      return fail(
        'E_BAD_VALUE',
        `无法识别的${field.zh}“${quoteRaw(raw)}”`,
        `unrecognised ${field.en} "${quoteRaw(raw)}"`,
      );
    }
    return fail(
      'E_BAD_VALUE',
      `无法识别的${field.zh}“${quoteRaw(raw)}”，是否为：${suggestions.join('、')}？`,
      `unrecognised ${field.en} "${quoteRaw(raw)}"; did you mean: ${suggestions.join(', ')}?`,
      suggestions,
    );
  };
}

/**
 * Splits a list cell. `;` always separates; `、` `,` `|` and new lines too unless `strict` (link and
 * chain names may contain 、).
 * @example splitList('流动资金；设备更新、研发投入') // ['流动资金', '设备更新', '研发投入']
 */
export function splitList(raw: string, strict = false): string[] {
  const separators = strict ? /[;；\n]+/ : /[;；、,，|\n]+/;
  return raw
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/**
 * A parser for a list of enum values: every item must be known (the first error is returned with its
 * suggestions); duplicates are dropped; blank → null.
 * @example createListParser(parsePurpose)('流动资金;设备更新') // { ok: true, value: ['working_capital', 'equipment_renewal'] }
 */
export function createListParser<T>(
  parseItem: (raw: string) => ParseResult<T | null>,
): (raw: string) => ParseResult<T[] | null> {
  return (raw) => {
    if (isBlank(raw)) return ok(null);
    const values: T[] = [];
    for (const item of splitList(raw)) {
      const r = parseItem(item);
      if (!r.ok) return r;
      if (r.value !== null && !values.includes(r.value)) values.push(r.value);
    }
    return ok(values.length > 0 ? values : null);
  };
}

// ---------------------------------------------------------------- booleans and enums of §7.2

const BOOLEAN_OPTIONS: readonly EnumOption<boolean>[] = [
  {
    value: true,
    label: '是 / yes',
    names: ['是', '有', 'y', 'yes', '1', 'true', 't', '√', '✓', '✔', '对'],
  },
  {
    value: false,
    label: '否 / no',
    names: ['否', '无', 'n', 'no', '0', 'false', 'f', '×', '✗', '✘', '不是', '没有'],
  },
];

/**
 * 是/否, 有/无, Y/N, Yes/No, 1/0, true/false, √/× (case-insensitive).
 * @example parseBoolean('√') // { ok: true, value: true }
 */
export const parseBoolean = createEnumParser(
  { zh: '是/否值', en: 'yes/no value' },
  BOOLEAN_OPTIONS,
);

export const SIZE_OPTIONS: readonly EnumOption<SizeClass>[] = [
  { value: 'large', label: '大型 / large', names: ['大型企业', '大', 'l'] },
  { value: 'medium', label: '中型 / medium', names: ['中型企业', '中', 'm'] },
  { value: 'small', label: '小型 / small', names: ['小型企业', '小', 's'] },
  { value: 'micro', label: '微型 / micro', names: ['微型企业', '微', 'xs'] },
];
/** @example parseSizeClass('中型企业') // { ok: true, value: 'medium' } */
export const parseSizeClass = createEnumParser({ zh: '企业规模', en: 'size class' }, SIZE_OPTIONS);

export const SRDI_OPTIONS: readonly EnumOption<SrdiTier>[] = [
  {
    value: 'little_giant',
    label: '国家级专精特新“小巨人” / little_giant',
    names: ['小巨人', '专精特新小巨人', '国家级小巨人', 'little giant', 'littlegiant'],
  },
  {
    value: 'srdi',
    label: '专精特新中小企业（省级） / srdi',
    names: ['专精特新中小企业', '专精特新', '省级专精特新', '专精特新企业'],
  },
  { value: 'innovative', label: '创新型中小企业 / innovative', names: ['创新型'] },
  { value: 'none', label: '无 / none', names: ['否', '没有'] },
];
/** @example parseSrdiTier('小巨人') // { ok: true, value: 'little_giant' } */
export const parseSrdiTier = createEnumParser(
  { zh: '专精特新等级', en: 'SRDI tier' },
  SRDI_OPTIONS,
);

export const TAX_GRADE_OPTIONS: readonly EnumOption<TaxCreditGrade>[] = (
  ['A', 'B', 'M', 'C', 'D'] as const
).map((g) => ({ value: g, label: g, names: [`${g}级`, `${g}类`] }));
/** @example parseTaxCreditGrade('a级') // { ok: true, value: 'A' } */
export const parseTaxCreditGrade = createEnumParser(
  { zh: '纳税信用等级', en: 'tax credit grade' },
  TAX_GRADE_OPTIONS,
);

export const PURPOSE_OPTIONS: readonly EnumOption<FinancingPurpose>[] = [
  {
    value: 'working_capital',
    label: '流动资金 / working_capital',
    names: ['流动资金需求', '周转'],
  },
  { value: 'tech_upgrade', label: '技术改造 / tech_upgrade', names: ['技改'] },
  { value: 'equipment_renewal', label: '设备更新 / equipment_renewal', names: ['设备购置'] },
  { value: 'rnd', label: '研发投入 / rnd', names: ['研发', 'r&d'] },
  {
    value: 'digital_transformation',
    label: '数字化转型 / digital_transformation',
    names: ['数字化', '智能化改造'],
  },
  { value: 'market_expansion', label: '市场开拓 / market_expansion', names: ['市场拓展'] },
  { value: 'refinancing', label: '借新还旧 / refinancing', names: ['续贷', '转贷'] },
  { value: 'other', label: '其他 / other', names: [] },
];
/** @example parsePurposes('流动资金、设备更新') // { ok: true, value: ['working_capital', 'equipment_renewal'] } */
export const parsePurposes = createListParser(
  createEnumParser({ zh: '融资用途', en: 'financing purpose' }, PURPOSE_OPTIONS),
);

export type Tenor = 'short' | 'medium_long';
export const TENOR_OPTIONS: readonly EnumOption<Tenor>[] = [
  { value: 'short', label: '短期（≤1年） / short', names: ['1年以内', '一年以内', '≤1年'] },
  {
    value: 'medium_long',
    label: '中长期（>1年） / medium_long',
    names: ['中期', '长期', '1年以上', '一年以上', '>1年', 'medium long'],
  },
];
/** @example parseTenor('短期（≤1年）') // { ok: true, value: 'short' } */
export const parseTenor = createEnumParser({ zh: '期望期限', en: 'tenor' }, TENOR_OPTIONS);

export const COLLATERAL_OPTIONS: readonly EnumOption<CollateralType>[] = [
  { value: 'credit', label: '信用 / credit', names: ['信用贷款', '纯信用', '无担保'] },
  { value: 'guarantee_gov', label: '政府性融资担保 / guarantee_gov', names: ['政府性担保'] },
  {
    value: 'guarantee_third_party',
    label: '保证 / guarantee_third_party',
    names: ['保证担保', '第三方保证', '担保公司担保'],
  },
  {
    value: 'mortgage_property',
    label: '房产抵押 / mortgage_property',
    names: ['不动产抵押', '土地抵押'],
  },
  { value: 'mortgage_equipment', label: '设备抵押 / mortgage_equipment', names: ['机器设备抵押'] },
  { value: 'pledge_receivable', label: '应收账款质押 / pledge_receivable', names: ['应收质押'] },
  { value: 'pledge_ip', label: '知识产权质押 / pledge_ip', names: ['专利质押', '商标质押'] },
  { value: 'pledge_warehouse_receipt', label: '仓单质押 / pledge_warehouse_receipt', names: [] },
  { value: 'pledge_inventory', label: '存货质押 / pledge_inventory', names: ['动产质押'] },
  { value: 'pledge_deposit', label: '存单质押 / pledge_deposit', names: [] },
  { value: 'insurance', label: '保险 / insurance', names: ['保证保险', '保险增信'] },
  { value: 'other', label: '其他 / other', names: [] },
];
/** @example parseCollateral('应收账款质押') // { ok: true, value: 'pledge_receivable' } */
export const parseCollateral = createEnumParser(
  { zh: '担保方式', en: 'collateral' },
  COLLATERAL_OPTIONS,
);
/** @example parseCollateralList('信用;设备抵押') // { ok: true, value: ['credit', 'mortgage_equipment'] } */
export const parseCollateralList = createListParser(parseCollateral);

export type TechBreakthroughValue =
  'first_set' | 'first_batch' | 'first_version' | 'import_substitution' | 'other' | 'none';
export const TECH_OPTIONS: readonly EnumOption<TechBreakthroughValue>[] = [
  { value: 'first_set', label: '首台（套） / first_set', names: ['首台套', '首台', '首套'] },
  { value: 'first_batch', label: '首批次 / first_batch', names: ['首批'] },
  { value: 'first_version', label: '首版次 / first_version', names: ['首版'] },
  { value: 'import_substitution', label: '进口替代 / import_substitution', names: ['国产替代'] },
  { value: 'other', label: '其他 / other', names: [] },
  { value: 'none', label: '无 / none', names: ['否', '没有'] },
];
/** @example parseTechBreakthrough('首台套') // { ok: true, value: 'first_set' } */
export const parseTechBreakthrough = createEnumParser(
  { zh: '技术突破', en: 'technology breakthrough' },
  TECH_OPTIONS,
);

/** §2.8 and the §7.2.2 list; the more specific names come first (政府性融资担保机构 before 融资担保公司). */
export const INSTITUTION_OPTIONS: readonly EnumOption<InstitutionType>[] = [
  { value: 'policy_bank', label: '政策性银行 / policy_bank', names: ['开发性金融机构'] },
  {
    value: 'large_state_bank',
    label: '国有大型商业银行 / large_state_bank',
    names: ['国有大行', '国有银行', '国有商业银行'],
  },
  {
    value: 'joint_stock_bank',
    label: '股份制商业银行 / joint_stock_bank',
    names: ['全国性股份制商业银行', '股份制银行'],
  },
  {
    value: 'city_commercial_bank',
    label: '城市商业银行 / city_commercial_bank',
    names: ['城商行'],
  },
  {
    value: 'rural_commercial_bank',
    label: '农村商业银行 / rural_commercial_bank',
    names: ['农商行', '农商银行'],
  },
  {
    value: 'rural_cooperative',
    label: '农村合作金融机构 / rural_cooperative',
    names: ['农村信用社', '农信社', '农村合作银行'],
  },
  { value: 'village_bank', label: '村镇银行 / village_bank', names: [] },
  { value: 'private_bank', label: '民营银行 / private_bank', names: [] },
  { value: 'foreign_bank', label: '外资银行 / foreign_bank', names: [] },
  { value: 'insurer', label: '保险公司 / insurer', names: ['保险机构'] },
  {
    value: 'gov_guarantor',
    label: '政府性融资担保机构 / gov_guarantor',
    names: ['政府性融资担保', '政府性担保机构'],
  },
  { value: 'guarantor', label: '融资担保公司 / guarantor', names: ['担保公司'] },
  { value: 'leasing', label: '融资租赁 / leasing', names: ['融资租赁公司', '租赁公司'] },
  { value: 'factoring', label: '商业保理 / factoring', names: ['商业保理公司', '保理公司'] },
  {
    value: 'equity_fund',
    label: '股权投资基金 / equity_fund',
    names: ['政府引导基金', '产业基金'],
  },
  { value: 'other', label: '其他 / other', names: [] },
];
/** @example parseInstitutionType('城商行') // { ok: true, value: 'city_commercial_bank' } */
export const parseInstitutionType = createEnumParser(
  { zh: '机构类型', en: 'institution type' },
  INSTITUTION_OPTIONS,
);

export const PRODUCT_OPTIONS: readonly EnumOption<ProductCode>[] = PRODUCT_CATALOGUE.map((p) => ({
  value: p.code,
  label: `${p.nameZh} / ${p.code}`,
  names: [p.code, p.nameEn],
}));
/** Product codes or catalogue names (§4.5). @example parseProduct('应收账款融资') // { ok: true, value: 'SCF_AR' } */
export const parseProduct = createEnumParser({ zh: '产品类型', en: 'product' }, PRODUCT_OPTIONS);

// ---------------------------------------------------------------- chains, links, cities

/** Short names people use for the eight chains; used only for chain ids the reference has. */
const CHAIN_ALIASES: Readonly<Record<string, readonly string[]>> = {
  nev: ['新能源汽车', '动力电池', '新能源车', 'ev', 'new energy vehicles'],
  ic: ['芯片', '半导体', 'semiconductors', 'chips'],
  pv: ['太阳能光伏', 'solar', 'photovoltaic'],
  cm: ['工程机械装备'],
  tex: ['纺织', '服装', 'textiles', 'apparel'],
  app: ['家电', 'appliances', 'home appliances'],
  rail: ['轨道交通', '轨交', 'rail transit'],
  robot: ['机器人', 'robots', 'robotics'],
};

/**
 * Resolves a chain id, zh/en name or alias to a Chain of the reference catalogue.
 * @example createChainResolver(chains)('新能源汽车').value.id // 'nev'
 */
export function createChainResolver(
  chains: readonly Chain[],
): (raw: string) => ParseResult<Chain | null> {
  const index = new NameIndex(
    chains.map((c) => ({
      value: c,
      label: `${c.nameZh} / ${c.id}`,
      names: [c.id, c.nameZh, c.nameEn, ...(CHAIN_ALIASES[c.id] ?? [])],
    })),
  );
  return (raw) => {
    if (isBlank(raw)) return required();
    const chain = index.get(raw);
    if (chain) return ok(chain);
    const suggestions = index.nearest(raw);
    return fail(
      'E_UNKNOWN_CHAIN',
      `无法识别的产业链“${quoteRaw(raw)}”，是否为：${suggestions.join('、')}？`,
      `unknown chain "${quoteRaw(raw)}"; did you mean: ${suggestions.join(', ')}?`,
      suggestions,
    );
  };
}

/**
 * Resolves a link id ('nev.cathode'), its slug ('cathode') or zh/en name within the given chains,
 * trying them in order (the primary chain first). Unknown → E_UNKNOWN_LINK with the nearest links of
 * those chains.
 * @example createLinkResolver(links)('正极材料', ['nev']).value.id // 'nev.cathode'
 */
export function createLinkResolver(
  links: readonly Link[],
): (raw: string, chainIds: readonly string[]) => ParseResult<Link | null> {
  const byChain = new Map<string, NameIndex<Link>>();
  const grouped = new Map<string, Link[]>();
  for (const link of links) grouped.set(link.chainId, [...(grouped.get(link.chainId) ?? []), link]);
  for (const [chainId, chainLinks] of grouped) {
    byChain.set(
      chainId,
      new NameIndex(
        chainLinks.map((l) => ({
          value: l,
          label: `${l.nameZh} / ${l.id}`,
          names: [l.id, l.id.slice(l.id.indexOf('.') + 1), l.nameZh, l.nameEn],
        })),
      ),
    );
  }
  return (raw, chainIds) => {
    if (isBlank(raw)) return required();
    for (const chainId of chainIds) {
      const link = byChain.get(chainId)?.get(raw);
      if (link) return ok(link);
    }
    const other = links.find((l) => l.id === raw.trim().toLowerCase());
    const suggestions = chainIds.flatMap((id) => byChain.get(id)?.nearest(raw) ?? []).slice(0, 3);
    const where = chainIds.join(', ');
    return fail(
      'E_UNKNOWN_LINK',
      other
        ? `环节“${quoteRaw(raw)}”属于产业链 ${other.chainId}，不在所填产业链（${where}）中`
        : `产业链 ${where} 中无法识别环节“${quoteRaw(raw)}”，是否为：${suggestions.join('、')}？`,
      other
        ? `link "${quoteRaw(raw)}" belongs to chain ${other.chainId}, not to the stated chain(s) ${where}`
        : `unknown link "${quoteRaw(raw)}" in chain ${where}; did you mean: ${suggestions.join(', ')}?`,
      suggestions,
    );
  };
}

export interface ResolvedCity {
  city: City;
  /** The code the file gave when it was rolled up to the prefecture (§7.2.1 #5). */
  rolledUpFrom?: string;
}

/** Municipalities (直辖市): every district code rolls up to xx0000. */
const MUNICIPALITY_PREFIXES: ReadonlySet<string> = new Set(['11', '12', '31', '50']);

/**
 * The prefecture-level code of a GB/T 2260 code (§7.2.1 #5): municipalities → xx0000;
 * province-administered county-level cities (xx90xx) stay; other codes → last two digits 00.
 * @example prefectureCode('320412') // '320400'
 * @example prefectureCode('310115') // '310000'
 * @example prefectureCode('429004') // '429004'
 */
export function prefectureCode(code: string): string {
  if (MUNICIPALITY_PREFIXES.has(code.slice(0, 2))) return `${code.slice(0, 2)}0000`;
  if (code.slice(2, 4) === '90') return code;
  return `${code.slice(0, 4)}00`;
}

/**
 * Resolves a city of the reference catalogue by zh name (with or without 市 and a province prefix),
 * English name, id, or 6-digit GB/T 2260 code (district and county codes roll up, §7.2.1 #5).
 * @example createCityResolver(cities)('320412').value // { city: changzhou, rolledUpFrom: '320412' }
 * @example createCityResolver(cities)('江苏省常州市').value.city.id // 'changzhou'
 */
export function createCityResolver(
  cities: readonly City[],
): (raw: string) => ParseResult<ResolvedCity | null> {
  const index = new NameIndex(
    cities.map((c) => ({
      value: c,
      label: `${c.nameZh}（${c.provinceZh}） / ${c.nameEn}`,
      names: [c.id, c.nameZh, `${c.nameZh}市`, c.nameEn, `${c.provinceZh}${c.nameZh}`],
    })),
  );
  const byCode = new Map(cities.map((c) => [c.gbCode, c] as const));
  const provinces = [...new Set(cities.map((c) => c.provinceZh))].sort(
    (a, b) => b.length - a.length,
  );
  const withoutProvince = (s: string) => {
    for (const p of provinces) {
      const m = new RegExp(`^${p}(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?(.+)$`).exec(
        s,
      );
      if (m?.[1]) return m[1];
    }
    return s;
  };
  return (raw) => {
    if (isBlank(raw)) return ok(null);
    const text = raw.normalize('NFKC').trim();
    if (/^\d{6}$/.test(text)) {
      const exact = byCode.get(text);
      if (exact) return ok({ city: exact });
      const code = prefectureCode(text);
      const city = byCode.get(code);
      if (city) return ok({ city, rolledUpFrom: text });
      return fail(
        'E_UNKNOWN_CITY',
        `行政区划代码 ${text}（地级 ${code}）不在本应用支持的城市中`,
        `GB/T 2260 code ${text} (prefecture ${code}) is not one of the cities this app covers`,
      );
    }
    const bare = withoutProvince(text).replace(/市$/, '');
    const city = index.get(text) ?? index.get(bare);
    if (city) return ok({ city });
    const shown = boundedText(text, 40);
    const suggestions = index.nearest(bare, 3, { similarOnly: true });
    if (suggestions.length === 0) {
      return fail(
        'E_UNKNOWN_CITY',
        `无法识别的城市“${shown}”，本应用支持的城市中没有相近的名称（可填6位行政区划代码或经纬度）`,
        `unknown city "${shown}"; no city this app covers has a similar name (give a 6-digit GB/T 2260 code or coordinates)`,
      );
    }
    return fail(
      'E_UNKNOWN_CITY',
      `无法识别的城市“${shown}”，是否为：${suggestions.join('、')}？`,
      `unknown city "${shown}"; did you mean: ${suggestions.join(', ')}?`,
      suggestions,
    );
  };
}

// ---------------------------------------------------------------- dates and years

export interface DateOptions {
  required?: boolean;
  /** Today, 'YYYY-MM-DD': dates more than 10 years after it are implausible. */
  now: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoOf = (y: number, m: number, d: number) => `${y}-${pad2(m)}-${pad2(d)}`;
const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30); // serial 0 once the 1900 leap-year bug is absorbed
const DAY_MS = 86_400_000;
const EARLIEST_DATE = '1990-01-01';

/** Calendar components if they name a real day. */
function realDay(y: number, m: number, d: number): string | undefined {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
    ? isoOf(y, m, d)
    : undefined;
}

/** Reads a date in any accepted form, without the plausibility window. */
function readDate(text: string): string | undefined {
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(
    text,
  );
  m ??= /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(text);
  m ??= /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return realDay(Number(m[1]), Number(m[2]), Number(m[3]));
  // Excel serial, 1900 date system; serials ≥ 61 (after the phantom 1900-02-29) are exact.
  if (/^\d{1,7}(?:\.\d+)?$/.test(text)) {
    const serial = Math.floor(Number(text));
    if (serial < 61 || serial > 2_958_465) return undefined;
    return new Date(EXCEL_EPOCH_UTC + serial * DAY_MS).toISOString().slice(0, 10);
  }
  return undefined;
}

/** `iso` plus `years` calendar years. */
const addYears = (iso: string, years: number) =>
  `${Number(iso.slice(0, 4)) + years}${iso.slice(4, 10)}`;

/**
 * A date (§7.5): YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, YYYYMMDD or an Excel serial number
 * (1900 system); a time of day is ignored. Rejects impossible days, dates before 1990 and dates more
 * than 10 years after `now`.
 * @example parseDate('2025年3月1日', { now: '2025-06-30' }) // { ok: true, value: '2025-03-01' }
 * @example parseDate('45717', { now: '2025-06-30' }) // { ok: true, value: '2025-03-01' }
 */
export function parseDate(raw: string, opts: DateOptions): ParseResult<string | null> {
  if (isBlank(raw)) return opts.required ? required() : ok(null);
  const text = raw.normalize('NFKC').trim();
  const iso = readDate(text);
  if (iso === undefined) {
    return fail(
      'E_BAD_DATE',
      `无法识别的日期“${quoteRaw(text)}”（应为YYYY-MM-DD）`,
      `unrecognised date "${quoteRaw(text)}" (expected YYYY-MM-DD)`,
    );
  }
  const latest = addYears(opts.now, 10);
  if (iso < EARLIEST_DATE || iso > latest) {
    return fail(
      'E_DATE_RANGE',
      `日期${iso}不合理（应在${EARLIEST_DATE}至${latest}之间）`,
      `implausible date ${iso} (expected ${EARLIEST_DATE} to ${latest})`,
    );
  }
  return ok(iso);
}

/**
 * A year between `min` and the year of `now`: 'YYYY', 'YYYY年' or a full date.
 * @example parseYear('2014年', { now: '2025-06-30' }) // { ok: true, value: 2014 }
 */
export function parseYear(
  raw: string,
  opts: { now: string; min?: number },
): ParseResult<number | null> {
  if (isBlank(raw)) return ok(null);
  const text = raw.normalize('NFKC').trim();
  const m = /^(\d{4})(?:年|\.0+)?$/.exec(text);
  const year = m ? Number(m[1]) : Number(readDate(text)?.slice(0, 4) ?? NaN);
  if (!Number.isInteger(year)) {
    return fail(
      'E_BAD_NUMBER',
      `“${quoteRaw(text)}”不是有效年份`,
      `"${quoteRaw(text)}" is not a valid year`,
    );
  }
  const min = opts.min ?? 1949;
  const max = Number(opts.now.slice(0, 4));
  if (year < min || year > max) return outOfRange(year, min, max);
  return ok(year);
}

// ---------------------------------------------------------------- text

/**
 * Length caps of imported text (../domain/bounds.ts, issue 13): names (enterprises, institutions) 200
 * characters, any other text 2,000. Longer values are cut with W_TEXT_TRUNCATED naming the row and
 * column, so no view ever lays out a multi-megabyte string. (domain.md §7.5 said 500 for all text;
 * visit notes run longer, and a name past 200 characters is no name.)
 */
export { MAX_NAME_CHARS, MAX_TEXT_CHARS };

export interface TextOptions {
  required?: boolean;
  /** Maximum length in characters (code points); longer text is cut with W_TEXT_TRUNCATED. */
  max?: number;
}

// C0/C1 controls except tab and newline, plus bidi overrides that can disguise text.
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const FORMULA_PREFIX_RE = /^[=+\-@]/;

/**
 * The CSV-injection note for text that a spreadsheet would run as a formula.
 * @example formulaNote().code // 'I_FORMULA_PREFIX'
 */
export const formulaNote = (): ValueNote =>
  note(
    'I_FORMULA_PREFIX',
    '以=、+、-或@开头：按原文保存，导出时将转义',
    'starts with =, +, - or @: stored as given, neutralised on export',
  );

/**
 * The first `max` code points of `text` (a surrogate pair is never split) and how many code points
 * the whole text has; cheap for short text, one pass for long text.
 * @example truncateChars('😀😀😀', 2) // { value: '😀😀', length: 3 }
 */
export function truncateChars(text: string, max: number): { value: string; length: number } {
  // A string of n UTF-16 units has at most n code points.
  if (text.length <= max) return { value: text, length: Array.from(text).length };
  let length = 0;
  let cut = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    if (length === max) cut = Math.min(cut, i);
    length++;
    if (pair) i++;
  }
  return { value: length > max ? text.slice(0, cut) : text, length };
}

/**
 * Text for display in a report: at most `max` characters, with an ellipsis when cut.
 * @example boundedText('abcdef', 3) // 'abc…'
 */
export function boundedText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = truncateChars(text, max);
  return cut.length > max ? `${cut.value}…` : text;
}

/**
 * Free text (§7.5): control characters stripped (I_CONTROL_CHARS), \r\n → \n, trimmed, capped at
 * `max` (default 2,000) characters with W_TEXT_TRUNCATED, formula-like prefixes flagged
 * (I_FORMULA_PREFIX) but kept. Never interpreted as HTML: it is just a string.
 * @example parseText('<b>hi</b>') // { ok: true, value: '<b>hi</b>' }
 */
export function parseText(raw: string, opts: TextOptions = {}): ParseResult<string | null> {
  const cleaned = raw.replace(/\r\n?/g, '\n');
  const stripped = cleaned.replace(CONTROL_RE, '');
  const text = stripped.trim();
  if (text === '') return opts.required ? required() : ok(null);
  const warnings: ValueNote[] = [];
  if (stripped !== cleaned) {
    warnings.push(
      note('I_CONTROL_CHARS', '已删除不可见控制字符', 'invisible control characters removed'),
    );
  }
  const max = opts.max ?? MAX_TEXT_CHARS;
  const { value, length } = truncateChars(text, max);
  if (length > max) {
    warnings.push(
      note(
        'W_TEXT_TRUNCATED',
        `文本${length.toLocaleString('en-US')}字，超过${max.toLocaleString('en-US')}字上限，已截断为前${max.toLocaleString('en-US')}字`,
        `text of ${length.toLocaleString('en-US')} characters is over the ${max.toLocaleString('en-US')}-character limit; cut to the first ${max.toLocaleString('en-US')}`,
      ),
    );
  }
  if (FORMULA_PREFIX_RE.test(value)) warnings.push(formulaNote());
  return ok(value, warnings);
}

const ORG_SUFFIX_RE =
  /(有限公司|有限责任公司|股份有限公司|公司|厂|合伙企业|企业|集团|研究院|研究所|中心|合作社|商行|工作室|事务所|co\.?,?\s*ltd\.?|ltd\.?|limited|inc\.?|corp\.?|corporation|llc|gmbh|company|group|factory)$/i;
const TWO_LETTERS_RE = /[\p{Script=Han}A-Za-z][^]*[\p{Script=Han}A-Za-z]/u;

/**
 * An enterprise name (§7.2.1 #2): NFKC, trimmed, at least 2 characters with at least two CJK or Latin
 * letters (E_BAD_NAME otherwise); longer than 200 characters → cut with W_TEXT_TRUNCATED (the cap of
 * every name, issue 13); W_NAME_SUFFIX when it ends without an organisational suffix (a trailing
 * bracketed note such as （演示） is ignored for that check). HTML is just text.
 * @example parseName('常州锂源新材料有限公司') // { ok: true, value: '常州锂源新材料有限公司' }
 * @example parseName('<img src=x onerror=alert(1)>').value // '<img src=x onerror=alert(1)>' (W_NAME_SUFFIX)
 */
export function parseName(raw: string): ParseResult<string | null> {
  // Spaces are collapsed before the cap, so a name padded with spaces is measured as shown.
  const base = parseText(raw.normalize('NFKC').replace(/\s+/g, ' '), {
    required: true,
    max: MAX_NAME_CHARS,
  });
  if (!base.ok || base.value === null) return base;
  const name = base.value;
  const length = Array.from(name).length;
  if (length < 2 || !TWO_LETTERS_RE.test(name)) {
    return fail(
      'E_BAD_NAME',
      `企业名称应至少2字且至少含2个汉字或字母（实为${length}字）`,
      `enterprise name must have at least 2 characters with at least 2 CJK or Latin letters (got ${length})`,
    );
  }
  const warnings = [...(base.warnings ?? [])];
  const withoutNote = name.replace(/\s*\([^)]*\)$/, '');
  // The longest suffix is under 20 characters; testing only the tail keeps long names cheap.
  if (!ORG_SUFFIX_RE.test(withoutNote.slice(-20))) {
    warnings.push(
      note(
        'W_NAME_SUFFIX',
        '企业名称未以组织形式结尾（有限公司、股份有限公司、厂、合伙企业等）',
        'name does not end with an organisational suffix (有限公司, 股份有限公司, 厂, 合伙企业…)',
      ),
    );
  }
  return ok(name, warnings);
}
