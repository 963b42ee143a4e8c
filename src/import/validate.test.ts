import { describe, expect, it } from 'vitest';
import { checkDatasetInvariants } from '../domain/invariants';
import { DatasetSchema } from '../domain/schema';
import {
  CREDIT_RELATION_COLUMNS,
  ENTERPRISE_COLUMNS,
  SUPPLY_EDGE_COLUMNS,
  type CreditRelationKey,
  type EnterpriseKey,
  type SupplyEdgeKey,
} from './headers';
import type { ImportIssue } from './issues';
import { loadDemoReference, makeUscc } from './test-support';
import {
  buildImportedDataset,
  splitEvenly,
  validateWorkbook,
  type ImportOptions,
  type ImportResult,
  type WorkbookRows,
} from './validate';

const NOW = '2025-06-30';
const reference = loadDemoReference();

// ---------------------------------------------------------------- builders

const A = makeUscc('320412', 'MA1MXK2P');
const B = makeUscc('320411', 'MA1N4R7T');
const C = makeUscc('340111', 'MA2NB8HU');
const D = makeUscc('320214', 'MA1WD2LK');

type Cells<K extends string> = Partial<Record<K, string>>;

/** A minimal valid enterprise: a small cathode maker in Changzhou. */
const baseEnterprise = (uscc: string, over: Cells<EnterpriseKey> = {}): Cells<EnterpriseKey> => ({
  uscc,
  name: '常州测试新材料有限公司',
  chain: 'nev',
  link: 'nev.cathode',
  city: '常州',
  employees: '86',
  revenue: '4200',
  need: '900',
  approved: '0',
  ...over,
});

/** A sheet with the template headers of the keys used in `rows` (template order). */
function sheetOf<K extends string>(
  columns: readonly { key: K; zh: string; en: string }[],
  rows: readonly (Cells<K> | null)[],
  extraHeaders: readonly string[] = [],
  extraCells: readonly (readonly string[])[] = [],
): string[][] {
  const used = columns.filter((c) => rows.some((r) => r !== null && r[c.key] !== undefined));
  const header = [...used.map((c) => `${c.zh} / ${c.en}`), ...extraHeaders];
  return [
    header,
    ...rows.map((r, i) =>
      r === null ? [''] : [...used.map((c) => r[c.key] ?? ''), ...(extraCells[i] ?? [])],
    ),
  ];
}

const enterprises = (rows: readonly (Cells<EnterpriseKey> | null)[]) =>
  sheetOf(ENTERPRISE_COLUMNS, rows);
const relations = (rows: readonly Cells<CreditRelationKey>[]) =>
  sheetOf(CREDIT_RELATION_COLUMNS, rows);
const supply = (rows: readonly Cells<SupplyEdgeKey>[]) => sheetOf(SUPPLY_EDGE_COLUMNS, rows);

const run = (sheets: WorkbookRows, options: Partial<ImportOptions> = {}) =>
  validateWorkbook(sheets, reference, { now: NOW, ...options });

/** Issues as `row column-key code` strings, the file-level synthesis note left out. */
const brief = (r: ImportResult, sheet = 'enterprises') =>
  r.issues
    .filter((i) => i.sheet === sheet && i.code !== 'I_CREDIT_SYNTHESISED')
    .map((i) => `${i.row} ${i.code}`);

const issue = (r: ImportResult, code: string): ImportIssue | undefined =>
  r.issues.find((i) => i.code === code);

// ---------------------------------------------------------------- enterprises

describe('validateWorkbook() — enterprises', () => {
  it('imports a minimal row into a hand-checked Enterprise', () => {
    const r = run({ enterprises: enterprises([baseEnterprise(A)]) });
    expect(r.issues).toEqual([]);
    expect(r.enterprises).toEqual([
      {
        id: `u-${A}`,
        uscc: A,
        nameZh: '常州测试新材料有限公司',
        isSynthetic: false,
        cityId: 'changzhou',
        chainIds: ['nev'],
        linkIds: ['nev.cathode'],
        primaryLinkId: 'nev.cathode',
        employees: 86,
        revenue: 4200,
        sizeClass: 'small', // 86 < 300 employees
        isChainLeader: false,
        srdiTier: 'none',
        financingNeed: 900,
      },
    ]);
    expect(r.summary.total).toEqual({
      rows: 1,
      imported: 1,
      rejected: 0,
      withWarnings: 0,
      emptySkipped: 0,
    });
  });

  it('maps every template column of a full row', () => {
    const r = run({
      enterprises: enterprises([
        {
          uscc: A.toLowerCase(),
          name: '常州锂源新材料有限公司',
          chain: 'nev;pv',
          link: '正极材料;pv.module',
          city: '320412',
          lon: '119.9712',
          lat: '31.7101',
          employees: '320',
          revenue: '5.8亿',
          sizeClass: '中型',
          need: '6000',
          approved: '8000',
          outstanding: '5200',
          banks: '国有大型商业银行A（示例）;常州城商行（示例）',
          isLeader: '否',
          srdiTier: '专精特新中小企业（省级）',
          isHighTech: '是',
          inventionPatents: '12',
          rdIntensityPct: '4.5%',
          exportSharePct: '8',
          dsoDays: '95',
          taxCreditGrade: 'A',
          purposes: '流动资金;设备更新',
          tenor: '短期（≤1年）',
          collateral: '应收账款质押;设备抵押',
          keyCustomers: '',
          leaderSalesSharePct: '55',
          techBreakthrough: '首台（套）',
          establishedYear: '2014',
          dishonest: '否',
          notes: '重点企业',
        },
      ]),
    });
    expect(brief(r)).toEqual(['2 I_CITY_ROLLED_UP']);
    expect(r.enterprises[0]).toEqual({
      id: `u-${A}`,
      uscc: A,
      nameZh: '常州锂源新材料有限公司',
      isSynthetic: false,
      cityId: 'changzhou',
      lat: 31.7101,
      lon: 119.9712,
      chainIds: ['nev', 'pv'],
      linkIds: ['nev.cathode', 'pv.module'],
      primaryLinkId: 'nev.cathode',
      employees: 320,
      revenue: 58000,
      sizeClass: 'medium',
      establishedYear: 2014,
      isChainLeader: false,
      srdiTier: 'srdi',
      isHighTech: true,
      inventionPatents: 12,
      rdIntensityPct: 4.5,
      exportSharePct: 8,
      dsoDays: 95,
      taxCreditGrade: 'A',
      techBreakthrough: { kind: 'first_set' },
      dishonestDebtor: false,
      financingNeed: 6000,
      needPurposes: ['working_capital', 'equipment_renewal'],
      preferredTenor: 'short',
      collateralAvailable: ['pledge_receivable', 'mortgage_equipment'],
      notes: '重点企业',
      extras: { leaderSalesSharePct: '55' },
    });
  });

  it('reads headers in any order and language', () => {
    const rows = [
      [
        'Revenue',
        '企业名称',
        'City',
        'USCC',
        'link',
        '产业链',
        'Approved credit',
        'Staff',
        '融资需求',
      ],
      ['4200', '常州测试新材料有限公司', 'Changzhou', A, 'cathode', '新能源汽车', '0', '86', '900'],
    ];
    const r = run({ enterprises: rows });
    expect(r.issues).toEqual([]);
    expect(r.enterprises[0]).toMatchObject({
      cityId: 'changzhou',
      primaryLinkId: 'nev.cathode',
      revenue: 4200,
    });
  });

  it.each([
    ['9132041MA1MXK2P0D', 'E_USCC_LENGTH'],
    [`${A.slice(0, 10)}O${A.slice(11)}`, 'E_USCC_CHARSET'],
    [`${A.slice(0, 17)}${A.endsWith('0') ? '1' : '0'}`, 'E_USCC_CHECK'],
  ])('rejects USCC %s with %s', (uscc, code) => {
    const r = run({ enterprises: enterprises([baseEnterprise(uscc)]) });
    expect(r.issues.map((i) => i.code)).toContain(code);
    expect(r.enterprises).toEqual([]);
    expect(r.summary.enterprises.rejected).toBe(1);
  });

  it('suggests 0 for an O typed in a USCC', () => {
    const r = run({
      enterprises: enterprises([baseEnterprise(`${A.slice(0, 10)}O${A.slice(11)}`)]),
    });
    expect(issue(r, 'E_USCC_CHARSET')?.suggestion).toBe('0');
  });

  it('keeps a USCC with a wrong organisation check (W_USCC_ORG_CHECK) or a non-91 prefix (W_USCC_NOT_ENTERPRISE)', () => {
    // Body 'MA1MXK2P' has org check char A[16]; replace it and recompute the final check.
    const orgBad = (() => {
      const wrong = A.charAt(16) === '1' ? '2' : '1';
      const first17 = `${A.slice(0, 16)}${wrong}`;
      return makeUsccFrom17(first17);
    })();
    const notEnterprise = makeUsccFrom17(`92${A.slice(2, 17)}`);
    const r = run({
      enterprises: enterprises([baseEnterprise(orgBad), baseEnterprise(notEnterprise)]),
    });
    expect(brief(r)).toEqual(['2 W_USCC_ORG_CHECK', '3 W_USCC_NOT_ENTERPRISE']);
    expect(r.summary.enterprises).toMatchObject({ imported: 2, rejected: 0, withWarnings: 2 });
  });

  it('downgrades a failed check character on an overridden row (§7.3) and marks the enterprise', () => {
    const bad = `${A.slice(0, 17)}${A.endsWith('0') ? '1' : '0'}`;
    const r = run(
      { enterprises: enterprises([baseEnterprise(bad)]) },
      { overrideUsccCheckRows: new Set([2]) },
    );
    expect(brief(r)).toEqual(['2 W_USCC_CHECK_OVERRIDE']);
    expect(r.enterprises[0]).toMatchObject({ uscc: bad, usccCheckOverride: true });
  });

  it('does not let the override excuse a wrong length', () => {
    const r = run(
      { enterprises: enterprises([baseEnterprise('91320412')]) },
      { overrideUsccCheckRows: new Set([2]) },
    );
    expect(r.enterprises).toEqual([]);
  });

  it('rejects the second occurrence of a USCC (E_DUP_USCC), after normalisation', () => {
    const fullWidth = A.replace(/[0-9A-Z]/g, (ch) =>
      String.fromCharCode(ch.charCodeAt(0) + 0xfee0),
    );
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A),
        baseEnterprise(B),
        baseEnterprise(fullWidth, { name: '常州重复有限公司' }),
      ]),
    });
    expect(brief(r)).toEqual(['4 E_DUP_USCC']);
    expect(issue(r, 'E_DUP_USCC')?.messageEn).toBe('duplicate USCC: same as row 2');
    expect(r.enterprises.map((e) => e.nameZh)).toEqual([
      '常州测试新材料有限公司',
      '常州测试新材料有限公司',
    ]);
  });

  it.each([
    'uscc',
    'name',
    'chain',
    'link',
    'city',
    'employees',
    'revenue',
    'need',
    'approved',
  ] as const)('rejects a blank required %s with E_REQUIRED', (key) => {
    const r = run({ enterprises: enterprises([baseEnterprise(A, { [key]: '' })]) });
    expect(brief(r)).toEqual(['2 E_REQUIRED']);
    expect(r.summary.enterprises.rejected).toBe(1);
  });

  it('reports a missing required column once at the header row and rejects every row', () => {
    const rows = enterprises([baseEnterprise(A), baseEnterprise(B)]).map((row) => row.slice(0, -1));
    const r = run({ enterprises: rows });
    expect(brief(r)).toEqual(['1 E_MISSING_COLUMN', '2 E_REQUIRED', '3 E_REQUIRED']);
    expect(issue(r, 'E_MISSING_COLUMN')?.column).toBe(
      '已获授信（万元） / Approved credit (10k CNY)',
    );
    expect(r.summary.enterprises).toMatchObject({ rows: 2, imported: 0, rejected: 2 });
  });

  it('reports an empty sheet', () => {
    expect(brief(run({ enterprises: [] }))).toEqual(['0 E_EMPTY_SHEET']);
  });

  it('rejects an unknown chain and an unknown link with suggestions', () => {
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A, { chain: '新能源汽' }),
        baseEnterprise(B, { link: '正极材枓' }),
      ]),
    });
    expect(brief(r)).toEqual(['2 E_UNKNOWN_CHAIN', '3 E_UNKNOWN_LINK']);
    expect(issue(r, 'E_UNKNOWN_CHAIN')?.suggestion?.split(' | ')[0]).toBe(
      '新能源汽车及动力电池 / nev',
    );
    expect(issue(r, 'E_UNKNOWN_LINK')?.suggestion?.split(' | ')[0]).toBe('正极材料 / nev.cathode');
  });

  it('takes the city from the point when no city is given (I_CITY_FROM_COORD)', () => {
    const r = run({
      enterprises: enterprises([baseEnterprise(A, { city: '', lat: '31.7101', lon: '119.9712' })]),
    });
    expect(brief(r)).toEqual(['2 I_CITY_FROM_COORD']);
    expect(r.enterprises[0]).toMatchObject({ cityId: 'changzhou', lat: 31.7101, lon: 119.9712 });
  });

  it('rejects a point with no covered city within 150 km and no city given', () => {
    // Lhasa, 29.65 N 91.1 E.
    const r = run({
      enterprises: enterprises([baseEnterprise(A, { city: '', lat: '29.65', lon: '91.10' })]),
    });
    expect(brief(r)).toEqual(['2 E_UNKNOWN_CITY']);
  });

  it('rejects an unknown city', () => {
    const r = run({ enterprises: enterprises([baseEnterprise(A, { city: '拉萨' })]) });
    expect(brief(r)).toEqual(['2 E_UNKNOWN_CITY']);
  });

  it.each([
    [{ lat: '48.85', lon: '2.35' }, ['2 E_COORD_RANGE'], 0],
    [{ lat: '119.9612', lon: '31.7801' }, ['2 W_COORD_SWAPPED'], 1],
    [{ lat: '30.5833', lon: '114.2667' }, ['2 W_COORD_FAR'], 1],
    [{ lat: 'north', lon: '119.95' }, ['2 E_BAD_COORD'], 0],
    [{ lat: '31.77', lon: '' }, ['2 W_COORD_INCOMPLETE'], 1],
  ])('checks the point %j', (cells, codes, imported) => {
    const r = run({ enterprises: enterprises([baseEnterprise(A, cells)]) });
    expect(brief(r)).toEqual(codes);
    expect(r.enterprises).toHaveLength(imported);
  });

  it('converts GCJ-02 points when the file says so', () => {
    const r = run(
      { enterprises: enterprises([baseEnterprise(A, { lat: '31.7736', lon: '119.954' })]) },
      { crs: 'GCJ02' },
    );
    expect(r.enterprises[0]?.lon).not.toBe(119.954);
    expect(Math.abs((r.enterprises[0]?.lon ?? 0) - 119.954)).toBeLessThan(0.01);
  });

  it('rejects a negative amount with E_NEGATIVE', () => {
    const r = run({ enterprises: enterprises([baseEnterprise(A, { need: '-500' })]) });
    expect(brief(r)).toEqual(['2 E_NEGATIVE']);
  });

  it('warns about revenue over 50,000,000 万元 with W_UNIT_YUAN and suggests the 万元 value', () => {
    const r = run({
      enterprises: enterprises([baseEnterprise(A, { revenue: '520000000', employees: '1200' })]),
    });
    expect(brief(r)).toEqual(['2 W_UNIT_YUAN']);
    expect(issue(r, 'W_UNIT_YUAN')?.suggestion).toBe('52000');
    expect(r.enterprises[0]?.revenue).toBe(520000000);
  });

  it('divides every amount by 10,000 with the “file is in 元” switch', () => {
    const r = run(
      {
        enterprises: enterprises([
          baseEnterprise(A, {
            revenue: '42,000,000',
            need: '9000000',
            approved: '3000000',
            outstanding: '2200000',
          }),
        ]),
      },
      { unitYuan: true },
    );
    expect(r.issues.map((i) => i.code)).toEqual(['I_CREDIT_SYNTHESISED']);
    expect(r.enterprises[0]).toMatchObject({ revenue: 4200, financingNeed: 900 });
    expect(r.creditRelations[0]).toMatchObject({ creditLine: 300, outstanding: 220 });
  });

  it('converts a 元-suffixed amount with W_YUAN_CONVERTED', () => {
    const r = run({ enterprises: enterprises([baseEnterprise(A, { revenue: '42,000,000元' })]) });
    expect(brief(r)).toEqual(['2 W_YUAN_CONVERTED']);
    expect(r.enterprises[0]?.revenue).toBe(4200);
  });

  it('keeps a declared size that differs from the computed one, with W_SIZE_MISMATCH', () => {
    // 250 employees and 5 亿元 revenue is small (§2.6), declared medium.
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A, { employees: '250', revenue: '50000', sizeClass: '中型' }),
      ]),
    });
    expect(brief(r)).toEqual(['2 W_SIZE_MISMATCH']);
    expect(issue(r, 'W_SIZE_MISMATCH')?.suggestion).toBe('small');
    expect(r.enterprises[0]?.sizeClass).toBe('medium');
  });

  it('computes the size when none is declared', () => {
    const r = run({
      enterprises: enterprises([baseEnterprise(A, { employees: '600', revenue: '60000' })]),
    });
    expect(r.enterprises[0]?.sizeClass).toBe('medium');
  });

  it.each([
    [{ need: '12601' }, 'W_NEED_HIGH'], // > 3 × 4200
    [{ approved: '21001' }, 'W_APPROVED_HIGH'], // > 5 × 4200
    [{ approved: '1000', outstanding: '1051' }, 'W_OUTSTANDING_GT_LINE'], // > 1.05 × 1000
    [{ employees: '0' }, 'W_ZERO_EMPLOYEES'],
    [{ name: '常州测试' }, 'W_NAME_SUFFIX'],
  ])('warns for %j with %s and keeps the row', (cells, code) => {
    const r = run({ enterprises: enterprises([baseEnterprise(A, cells)]) });
    expect(brief(r)).toEqual([`2 ${code}`]);
    expect(r.summary.enterprises).toMatchObject({ imported: 1, withWarnings: 1 });
  });

  it.each([
    [{ need: '12600' }],
    [{ approved: '21000' }],
    [{ approved: '1000', outstanding: '1050' }],
  ])('does not warn at the threshold %j', (cells) => {
    expect(brief(run({ enterprises: enterprises([baseEnterprise(A, cells)]) }))).toEqual([]);
  });

  it('asks once, at the header row, whether an all-≤1 percent column holds fractions', () => {
    const rows = [A, B, C].map((u, i) =>
      baseEnterprise(u, { rdIntensityPct: ['0.05', '0.12', '0'][i] }),
    );
    const r = run({ enterprises: enterprises(rows) });
    expect(brief(r)).toEqual(['1 W_PCT_FRACTION']);
    expect(r.summary.enterprises.withWarnings).toBe(0);
  });

  it('does not ask about fractions when a value has a % sign or exceeds 1', () => {
    const pct = (values: string[]) =>
      brief(
        run({
          enterprises: enterprises(
            [A, B, C].map((u, i) => baseEnterprise(u, { rdIntensityPct: values[i] })),
          ),
        }),
      );
    expect(pct(['0.05%', '0.12', '0.5'])).toEqual([]);
    expect(pct(['0.05', '0.12', '4'])).toEqual([]);
  });

  it('keeps unknown columns verbatim as extras (I_EXTRA_COLUMN once) and flags formula text', () => {
    const rows = sheetOf(
      ENTERPRISE_COLUMNS,
      [baseEnterprise(A), baseEnterprise(B)],
      ['法定代表人', ''],
      [
        ['张三', '=1+1'],
        ['', ''],
      ],
    );
    const r = run({ enterprises: rows });
    expect(brief(r)).toEqual(['1 I_EXTRA_COLUMN', '1 I_EXTRA_COLUMN', '2 I_FORMULA_PREFIX']);
    expect(r.enterprises[0]?.extras).toEqual({ 法定代表人: '张三', '列11 / column 11': '=1+1' });
    expect(r.enterprises[1]?.extras).toBeUndefined();
  });

  it('keeps a later duplicate column as an extra with W_DUP_COLUMN', () => {
    const rows = enterprises([baseEnterprise(A)]);
    rows[0]?.push('营收');
    rows[1]?.push('9999');
    const r = run({ enterprises: rows });
    expect(brief(r)).toEqual(['1 W_DUP_COLUMN']);
    expect(r.enterprises[0]).toMatchObject({ revenue: 4200, extras: { 营收: '9999' } });
  });

  it('stores HTML and formula-like text exactly as given', () => {
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A, {
          name: '<img src=x onerror=alert(1)>',
          notes: '=HYPERLINK("http://x")',
        }),
      ]),
    });
    expect(r.enterprises[0]).toMatchObject({
      nameZh: '<img src=x onerror=alert(1)>',
      notes: '=HYPERLINK("http://x")',
    });
    expect(brief(r)).toEqual(['2 W_NAME_SUFFIX', '2 I_FORMULA_PREFIX']);
  });

  it('skips an empty line with I_EMPTY_ROW and counts it apart', () => {
    const rows = enterprises([baseEnterprise(A), null, baseEnterprise(B)]);
    rows.splice(3, 0, [' ', '', '']);
    const r = run({ enterprises: rows });
    expect(brief(r)).toEqual(['3 I_EMPTY_ROW', '4 I_EMPTY_ROW']);
    expect(r.summary.enterprises).toEqual({
      rows: 2,
      imported: 2,
      rejected: 0,
      withWarnings: 0,
      emptySkipped: 2,
    });
  });

  it('lists every error of a rejected row, not just the first', () => {
    const r = run({
      enterprises: enterprises([baseEnterprise(A, { revenue: 'abc', need: '-1', city: '火星' })]),
    });
    expect(brief(r)).toEqual(['2 E_UNKNOWN_CITY', '2 E_BAD_NUMBER', '2 E_NEGATIVE']);
  });

  it('reports GB18030 decoding (I_ENCODING) and passes reader issues through', () => {
    const readIssue: ImportIssue = {
      sheet: 'enterprises',
      row: 0,
      column: '',
      value: 'Sheet2',
      code: 'I_SHEET_IGNORED',
      severity: 'info',
      messageZh: '忽略',
      messageEn: 'ignored',
    };
    const r = run(
      { enterprises: enterprises([baseEnterprise(A)]) },
      { encodings: { enterprises: 'gb18030' }, readIssues: [readIssue] },
    );
    expect(r.issues.map((i) => i.code)).toEqual(['I_SHEET_IGNORED', 'I_ENCODING']);
  });

  it('reports progress up to 1', () => {
    const seen: number[] = [];
    run({ enterprises: enterprises([baseEnterprise(A)]) }, { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
  });

  it('does not mutate its inputs', () => {
    const rows = enterprises([baseEnterprise(A, { keyCustomers: B }), baseEnterprise(B)]);
    const rowsCopy = structuredClone(rows);
    const refCopy = structuredClone(reference);
    run({ enterprises: rows });
    expect(rows).toEqual(rowsCopy);
    expect(reference).toEqual(refCopy);
  });
});

describe('validateWorkbook() — hostile sizes and amounts (issue 13)', () => {
  it('rejects a need over 10万亿元 in domain terms and keeps the good rows', () => {
    const r = run({
      enterprises: enterprises([baseEnterprise(A, { need: '9e15' }), baseEnterprise(B)]),
    });
    expect(r.enterprises.map((e) => e.uscc)).toEqual([B]);
    const e = issue(r, 'E_AMOUNT_IMPLAUSIBLE');
    expect(e).toMatchObject({
      row: 2,
      column: '融资需求（万元） / Financing need (10k CNY)',
      value: '9e15',
    });
    expect(e?.messageZh).toContain('9,000,000,000,000,000万元超过10万亿元');
    expect(e?.messageEn).toContain('cannot belong to one enterprise');
  });

  it.each([
    ['need', '10000001'],
    ['approved', '20000000'],
    ['outstanding', '10000000.5'],
  ] as const)(
    'warns when %s is over 1,000亿元 (W_AMOUNT_HIGH), and imports the row',
    (key, raw) => {
      const r = run({
        enterprises: enterprises([baseEnterprise(A, { [key]: raw, revenue: '9e6' })]),
      });
      expect(r.enterprises).toHaveLength(1);
      expect(
        r.issues.filter((i) => i.code === 'W_AMOUNT_HIGH').map((i) => [i.row, i.value]),
      ).toEqual([[2, raw]]);
    },
  );

  it('accepts exactly 1,000亿元 without a warning', () => {
    const r = run({
      enterprises: enterprises([baseEnterprise(A, { need: '10000000', revenue: '9e6' })]),
    });
    expect(r.issues.some((i) => i.code === 'W_AMOUNT_HIGH')).toBe(false);
  });

  it("does not warn a chain leader's revenue of 1,500亿元, but rejects 10万亿元 and more", () => {
    const leader = run({
      enterprises: enterprises([baseEnterprise(A, { revenue: '15000000', employees: '60000' })]),
    });
    expect(leader.issues.some((i) => i.severity !== 'info')).toBe(false);
    const absurd = run({
      enterprises: enterprises([baseEnterprise(A, { revenue: '1000000001' })]),
    });
    expect(absurd.issues.map((i) => i.code)).toContain('E_AMOUNT_IMPLAUSIBLE');
    expect(absurd.enterprises).toEqual([]);
  });

  it('bounds credit lines and supply amounts too', () => {
    const r = run({
      enterprises: enterprises([baseEnterprise(A, { approved: '100' })]),
      creditRelations: relations([{ uscc: A, bank: '江苏银行', creditLine: '2e9' }]),
    });
    expect(issue(r, 'E_AMOUNT_IMPLAUSIBLE')).toMatchObject({ sheet: 'creditRelations', row: 2 });
    expect(r.creditRelations).toEqual([]);
  });

  it("caps an unknown column's 5 MB cell at 2,000 characters with a warning naming row and column", () => {
    const huge = 'x'.repeat(5 * 1024 * 1024);
    const rows = sheetOf(ENTERPRISE_COLUMNS, [baseEnterprise(A)], ['附注'], [[huge]]);
    const r = run({ enterprises: rows });
    expect(r.enterprises[0]?.extras?.附注).toHaveLength(2000);
    const w = issue(r, 'W_TEXT_TRUNCATED');
    expect(w).toMatchObject({ row: 2, column: '附注', severity: 'warning' });
    // The issue carries the beginning of the value only.
    expect(w?.value.length).toBeLessThanOrEqual(501);
    expect(w?.value.endsWith('…')).toBe(true);
  });

  it('cuts a 5 MB note to 2,000 characters and a 6 MB name to 200, keeping the row', () => {
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A, {
          notes: 'n'.repeat(5 * 1024 * 1024),
          name: '名'.repeat(6 * 1024 * 1024),
        }),
      ]),
    });
    expect(r.enterprises[0]?.notes).toHaveLength(2000);
    expect(r.enterprises[0]?.nameZh).toHaveLength(200);
    expect(
      r.issues.filter((i) => i.code === 'W_TEXT_TRUNCATED').map((i) => [i.row, i.column]),
    ).toEqual([
      [2, '企业名称 / Enterprise name'],
      [2, '备注 / Notes'],
    ]);
    for (const i of r.issues) expect(i.value.length).toBeLessThanOrEqual(501);
  });

  it('bounds a huge header cell in every issue that names it', () => {
    const rows = sheetOf(ENTERPRISE_COLUMNS, [baseEnterprise(A)], ['列'.repeat(100_000)], [['v']]);
    const r = run({ enterprises: rows });
    for (const i of r.issues) expect(i.column.length).toBeLessThanOrEqual(201);
  });
});

// ---------------------------------------------------------------- credit

describe('validateWorkbook() — credit relations', () => {
  it('splitEvenly() splits into 2-decimal parts that add up exactly', () => {
    expect(splitEvenly(1000, 3)).toEqual([333.33, 333.33, 333.34]);
    expect(splitEvenly(8000, 2)).toEqual([4000, 4000]);
    expect(splitEvenly(0.01, 2)).toEqual([0, 0.01]);
  });

  it('synthesises one relation per named bank from 已获授信 when there is no relations sheet', () => {
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A, {
          approved: '1000',
          outstanding: '600',
          banks: '国有大型商业银行A（示例）、常州城商行、常州某某小贷公司',
        }),
      ]),
    });
    expect(r.creditRelations).toEqual([
      {
        id: `r-u-${A}-1`,
        bankId: 'b-state-a',
        enterpriseId: `u-${A}`,
        product: 'WC_LOAN',
        creditLine: 333.33,
        outstanding: 200,
        collateral: 'other',
        status: 'active',
      },
      {
        id: `r-u-${A}-2`,
        bankId: 'b-ccb-changzhou',
        enterpriseId: `u-${A}`,
        product: 'WC_LOAN',
        creditLine: 333.33,
        outstanding: 200,
        collateral: 'other',
        status: 'active',
      },
      {
        id: `r-u-${A}-3`,
        bankId: 'ub-1',
        enterpriseId: `u-${A}`,
        product: 'WC_LOAN',
        creditLine: 333.34,
        outstanding: 200,
        collateral: 'other',
        status: 'active',
      },
    ]);
    expect(r.banks).toEqual([
      {
        id: 'ub-1',
        nameZh: '常州某某小贷公司',
        nameEn: '常州某某小贷公司',
        type: 'other',
        level: 'city',
        cityIds: ['changzhou'],
        products: [],
        isSynthetic: false,
      },
    ]);
    // A microcredit company is a known kind (§2.8 other), so it is created without a warning.
    expect(brief(r)).toEqual(['2 I_BANK_CREATED']);
    expect(issue(r, 'I_CREDIT_SYNTHESISED')).toMatchObject({ row: 0, severity: 'info' });
  });

  it('books approved credit with no bank named to the unspecified institution', () => {
    const r = run({ enterprises: enterprises([baseEnterprise(A, { approved: '300' })]) });
    expect(r.creditRelations).toEqual([
      {
        id: `r-u-${A}-1`,
        bankId: 'ub-unspecified',
        enterpriseId: `u-${A}`,
        product: 'WC_LOAN',
        creditLine: 300,
        outstanding: 0,
        collateral: 'other',
        status: 'approved_undrawn',
      },
    ]);
    expect(r.banks.map((b) => [b.id, b.type, b.cityIds])).toEqual([
      ['ub-unspecified', 'other', ['changzhou']],
    ]);
  });

  it('creates no relation for a bank named with zero credit', () => {
    const r = run({
      enterprises: enterprises([baseEnterprise(A, { banks: '常州城商行（示例）' })]),
    });
    expect(r.creditRelations).toEqual([]);
  });

  it('warns about an unknown bank once, on the row that creates it', () => {
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A, { approved: '100', banks: '某某银行' }),
        baseEnterprise(B, { approved: '100', banks: '某某 银行' }),
      ]),
    });
    expect(brief(r)).toEqual(['0 W_BANK_UNCLASSIFIED', '2 W_BANK_UNKNOWN']);
    expect(issue(r, 'W_BANK_UNCLASSIFIED')).toMatchObject({
      value: '某某银行',
      severity: 'warning',
    });
    expect(issue(r, 'W_BANK_UNCLASSIFIED')?.messageZh).toContain('1家金融机构无法判断类型');
    expect(new Set(r.creditRelations.map((c) => c.bankId))).toEqual(new Set(['ub-1']));
  });

  it('types real bank names from the name: lenders, national or local, with their catalogue', () => {
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A, {
          approved: '900',
          banks: '中国工商银行常州分行、江苏银行、江南农村商业银行',
        }),
      ]),
    });
    expect(r.banks.map((b) => [b.nameZh, b.type, b.level, b.cityIds])).toEqual([
      ['中国工商银行常州分行', 'large_state_bank', 'national', []],
      ['江苏银行', 'city_commercial_bank', 'city', ['changzhou']],
      ['江南农村商业银行', 'rural_commercial_bank', 'city', ['changzhou']],
    ]);
    expect(r.banks[0]?.products).toContain('SCF_AR');
    expect(r.banks[2]?.products).toContain('FIRST_LOAN');
    expect(brief(r)).toEqual(['2 I_BANK_CREATED', '2 I_BANK_CREATED', '2 I_BANK_CREATED']);
    expect(r.issues.find((i) => i.code === 'I_BANK_CREATED')?.messageZh).toContain(
      '按名称识别定为国有大型商业银行',
    );
  });

  it("lets the enterprise sheet's 机构类型 column win over the name, one type or one per bank", () => {
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A, { approved: '100', banks: '华东某金融机构', bankTypes: '城商行' }),
        baseEnterprise(B, {
          approved: '100',
          banks: '中国银行;某投资公司',
          bankTypes: '股份制商业银行;融资租赁',
        }),
      ]),
    });
    expect(r.banks.map((b) => [b.nameZh, b.type])).toEqual([
      ['华东某金融机构', 'city_commercial_bank'],
      ['中国银行', 'joint_stock_bank'],
      ['某投资公司', 'leasing'],
    ]);
    expect(r.issues.some((i) => i.code === 'W_BANK_UNCLASSIFIED')).toBe(false);
  });

  it('warns when the 机构类型 list does not pair with the banks, and reads the names', () => {
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A, {
          approved: '100',
          banks: '中国银行;江苏银行;某某银行',
          bankTypes: '城商行;农商行',
        }),
      ]),
    });
    expect(r.banks.map((b) => b.type)).toEqual([
      'large_state_bank',
      'city_commercial_bank',
      'other',
    ]);
    expect(brief(r)).toContain('2 W_BANK_TYPE_COUNT');
  });

  it('warns about a 机构类型 that is no §2.8 type, naming the value, and reads the name', () => {
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A, { approved: '100', banks: '江苏银行', bankTypes: '民营企业' }),
      ]),
    });
    expect(issue(r, 'W_BANK_TYPE_UNKNOWN')).toMatchObject({
      row: 2,
      column: '合作银行机构类型 / Lending bank types',
      value: '民营企业',
      severity: 'warning',
    });
    expect(r.summary.enterprises).toMatchObject({ imported: 1, rejected: 0 });
    expect(r.banks[0]?.type).toBe('city_commercial_bank');
  });

  it('uses the relations sheet instead, with full fields and statuses', () => {
    const r = run({
      // 已获授信 1000 = the live line; the matured 500 does not count (no W_CREDIT_MISMATCH).
      enterprises: enterprises([baseEnterprise(A, { approved: '1000', banks: '无关银行' })]),
      creditRelations: relations([
        {
          uscc: A,
          bank: '国有大型商业银行A（示例）',
          bankType: '国有大型商业银行',
          product: '应收账款融资',
          creditLine: '1000',
          outstanding: '600',
          ratePct: '3.1',
          collateral: '应收账款质押',
          startDate: '2025/3/1',
          maturityDate: '2026年3月1日',
          isFirstLoan: '否',
        },
        {
          uscc: A,
          bank: '常州城商行（示例）',
          creditLine: '500',
          maturityDate: '2025-06-01',
          guarantor: '政府性融资担保机构·江苏（示例）',
        },
      ]),
    });
    // The matured line is reported, with its row, column and value.
    expect(r.issues.map((i) => [i.sheet, i.row, i.column, i.value, i.code])).toEqual([
      ['creditRelations', 3, '到期日期 / Maturity date', '2025-06-01', 'W_CREDIT_EXPIRED'],
    ]);
    expect(r.creditRelations).toEqual([
      {
        id: `r-u-${A}-1`,
        bankId: 'b-state-a',
        enterpriseId: `u-${A}`,
        product: 'SCF_AR',
        creditLine: 1000,
        outstanding: 600,
        collateral: 'pledge_receivable',
        status: 'active',
        ratePct: 3.1,
        startDate: '2025-03-01',
        maturityDate: '2026-03-01',
        isFirstLoan: false,
      },
      {
        id: `r-u-${A}-2`,
        bankId: 'b-ccb-changzhou',
        enterpriseId: `u-${A}`,
        product: 'WC_LOAN',
        creditLine: 500,
        outstanding: 0,
        collateral: 'other',
        status: 'matured',
        maturityDate: '2025-06-01',
        guarantorId: 'g-gov-jiangsu',
      },
    ]);
    expect(r.banks).toEqual([]);
  });

  it('says a line expired before the data date instead of a silent 0 (W_CREDIT_EXPIRED)', () => {
    const r = run(
      {
        enterprises: enterprises([baseEnterprise(A, { approved: '800' })]),
        creditRelations: relations([
          { uscc: A, bank: '常州城商行（示例）', creditLine: '800', maturityDate: '2024-12-31' },
        ]),
      },
      { asOf: '2025-03-31' },
    );
    expect(r.creditRelations[0]?.status).toBe('matured');
    expect(issue(r, 'W_CREDIT_EXPIRED')).toMatchObject({
      sheet: 'creditRelations',
      row: 2,
      column: '到期日期 / Maturity date',
      value: '2024-12-31',
      severity: 'warning',
    });
    expect(issue(r, 'W_CREDIT_EXPIRED')?.messageZh).toContain('早于数据日期2025-03-31');
    const mismatch = issue(r, 'W_CREDIT_MISMATCH');
    expect(mismatch?.messageZh).toContain('另有1条授信共800万元已在数据日期前到期，未计入');
    expect(mismatch?.messageEn).toContain('1 more line(s) of 800 expired before the data date');
  });

  it('judges expiry against the data date, not today', () => {
    const r = run(
      {
        enterprises: enterprises([baseEnterprise(A, { approved: '800' })]),
        creditRelations: relations([
          { uscc: A, bank: '常州城商行（示例）', creditLine: '800', maturityDate: '2025-05-31' },
        ]),
      },
      { asOf: '2025-03-31' }, // today (NOW) is 2025-06-30, after the maturity
    );
    expect(r.creditRelations[0]?.status).toBe('approved_undrawn');
    expect(r.issues).toEqual([]);
  });

  it('warns when the relations differ from 已获授信 by more than 5% (W_CREDIT_MISMATCH)', () => {
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A, { approved: '1000' }),
        baseEnterprise(B, { approved: '1000' }),
        baseEnterprise(C, { approved: '800' }),
      ]),
      creditRelations: relations([
        { uscc: A, bank: '常州城商行（示例）', creditLine: '950' }, // 5.0%: fine
        { uscc: B, bank: '常州城商行（示例）', creditLine: '940' }, // 6%: warn
      ]),
    });
    expect(brief(r)).toEqual(['3 W_CREDIT_MISMATCH', '4 W_CREDIT_MISMATCH']);
    expect(issue(r, 'W_CREDIT_MISMATCH')).toMatchObject({ value: '1000', suggestion: '940' });
    expect(r.summary.enterprises.withWarnings).toBe(2);
  });

  it('rejects relations of unknown or rejected enterprises (E_UNKNOWN_ENTERPRISE)', () => {
    const r = run({
      enterprises: enterprises([baseEnterprise(A), baseEnterprise(B, { city: '火星' })]),
      creditRelations: relations([
        { uscc: C, bank: '常州城商行（示例）', creditLine: '100' },
        { uscc: B, bank: '常州城商行（示例）', creditLine: '100' },
        { uscc: A, bank: '常州城商行（示例）', creditLine: '0' },
      ]),
    });
    expect(brief(r, 'creditRelations')).toEqual([
      '2 E_UNKNOWN_ENTERPRISE',
      '3 E_UNKNOWN_ENTERPRISE',
    ]);
    expect(r.issues.find((i) => i.sheet === 'creditRelations' && i.row === 3)?.messageEn).toContain(
      'row 3 of the enterprise sheet',
    );
    expect(r.summary.creditRelations).toEqual({
      rows: 3,
      imported: 1,
      rejected: 2,
      withWarnings: 0,
      emptySkipped: 0,
    });
  });

  it.each([
    [{ creditLine: '100', outstanding: '106' }, 'W_OUTSTANDING_GT_LINE', 1],
    [{ creditLine: '100', ratePct: '12' }, 'W_RATE_UNUSUAL', 1],
    [{ creditLine: '100', ratePct: '30' }, 'E_OUT_OF_RANGE', 0],
    [{ creditLine: '100', startDate: '2025-03-01', maturityDate: '2025-02-01' }, 'E_DATE_ORDER', 0],
    [{ creditLine: '100', startDate: '1985-01-01' }, 'E_DATE_RANGE', 0],
    [{ creditLine: '' }, 'E_REQUIRED', 0],
    [{ creditLine: '-1' }, 'E_NEGATIVE', 0],
    [{ creditLine: '100', product: '神秘贷' }, 'E_BAD_VALUE', 0],
  ])('checks relation cells %j → %s', (cells, code, imported) => {
    const r = run({
      enterprises: enterprises([baseEnterprise(A, { approved: '100' })]),
      creditRelations: relations([{ uscc: A, bank: '常州城商行（示例）', ...cells }]),
    });
    expect(brief(r, 'creditRelations')).toEqual([`2 ${code}`]);
    expect(r.creditRelations).toHaveLength(imported);
  });

  it('types an unknown bank from the 机构类型 column', () => {
    const r = run({
      enterprises: enterprises([baseEnterprise(A, { approved: '100' })]),
      creditRelations: relations([
        { uscc: A, bank: '常州某农商银行', bankType: '农商行', creditLine: '100' },
      ]),
    });
    expect(r.banks[0]).toMatchObject({
      id: 'ub-1',
      type: 'rural_commercial_bank',
      cityIds: ['changzhou'],
    });
    expect(brief(r, 'creditRelations')).toEqual(['2 I_BANK_CREATED']);
  });

  it("lets the relations sheet's 机构类型 win over the name", () => {
    const r = run({
      enterprises: enterprises([baseEnterprise(A, { approved: '100' })]),
      creditRelations: relations([
        { uscc: A, bank: '江苏银行', bankType: '农村商业银行', creditLine: '100' },
      ]),
    });
    expect(r.banks[0]?.type).toBe('rural_commercial_bank');
  });
});

// ---------------------------------------------------------------- supply

describe('validateWorkbook() — supply edges and key customers', () => {
  // A, B: nev suppliers in Changzhou; C: a large nev vehicle maker in Hefei; D: a pv firm in Wuxi.
  const firms = (keyCustomers = `${C};${D};91000000MA0000000X`) =>
    enterprises([
      baseEnterprise(A, { keyCustomers }),
      baseEnterprise(B),
      baseEnterprise(C, { link: '整车制造', city: '合肥', employees: '5200', revenue: '880000' }),
      baseEnterprise(D, { chain: 'pv', link: 'pv.wafer', city: '无锡' }),
    ]);

  it('turns key customers in the file into supply edges and explains the others', () => {
    const r = run({ enterprises: firms() });
    expect(r.supplyEdges).toEqual([
      {
        id: `s-u-${A}-u-${C}`,
        supplierId: `u-${A}`,
        buyerId: `u-${C}`,
        chainId: 'nev',
        fromLinkId: 'nev.cathode',
        toLinkId: 'nev.assembly',
        annualValue: 0,
        shareOfSupplierSales: 0,
        shareOfBuyerLinkPurchases: 0,
        buyerAlternatives: 3,
      },
    ]);
    expect(brief(r)).toEqual(['2 W_KEY_CUSTOMER', '2 W_KEY_CUSTOMER']);
    // The malformed code, then D (pv only, no shared chain).
    expect(r.issues.filter((i) => i.code === 'W_KEY_CUSTOMER').map((i) => i.value)).toEqual([
      '91000000MA0000000X',
      D,
    ]);
  });

  it('notes a key customer that is not in the file (I_KEY_CUSTOMER_ABSENT)', () => {
    const r = run({ enterprises: enterprises([baseEnterprise(A, { keyCustomers: B })]) });
    expect(brief(r)).toEqual(['2 I_KEY_CUSTOMER_ABSENT']);
    expect(r.supplyEdges).toEqual([]);
  });

  it('reads the supply sheet, deriving the sales share from value ÷ revenue when not given', () => {
    const r = run({
      enterprises: firms(),
      supplyEdges: supply([
        {
          supplierUscc: A,
          buyerUscc: C,
          annualValue: '1050',
          paymentTermDays: '60',
          receivable: '200',
        },
        { supplierUscc: B, buyerUscc: C, annualValue: '500', supplierSalesSharePct: '35' },
      ]),
    });
    expect(brief(r, 'supplyEdges')).toEqual([]);
    expect(r.supplyEdges).toEqual([
      {
        id: `s-u-${A}-u-${C}`,
        supplierId: `u-${A}`,
        buyerId: `u-${C}`,
        chainId: 'nev',
        fromLinkId: 'nev.cathode',
        toLinkId: 'nev.assembly',
        annualValue: 1050,
        shareOfSupplierSales: 0.25,
        shareOfBuyerLinkPurchases: 0,
        buyerAlternatives: 3,
        paymentTermDays: 60,
        receivableOutstanding: 200,
      },
      {
        id: `s-u-${B}-u-${C}`,
        supplierId: `u-${B}`,
        buyerId: `u-${C}`,
        chainId: 'nev',
        fromLinkId: 'nev.cathode',
        toLinkId: 'nev.assembly',
        annualValue: 500,
        shareOfSupplierSales: 0.35,
        shareOfBuyerLinkPurchases: 0,
        buyerAlternatives: 3,
      },
    ]);
  });

  it.each([
    [{ supplierUscc: A, buyerUscc: C, paymentTermDays: '61' }, ['2 W_PAYTERM_60'], 1],
    [{ supplierUscc: C, buyerUscc: A, paymentTermDays: '90' }, [], 1], // buyer A is small
    [{ supplierUscc: A, buyerUscc: A }, ['2 E_SELF_SUPPLY'], 0],
    [{ supplierUscc: A, buyerUscc: D }, ['2 E_NO_COMMON_CHAIN'], 0],
    [{ supplierUscc: A, buyerUscc: makeUscc('320412', 'MA9XY8WT') }, ['2 E_UNKNOWN_ENTERPRISE'], 0],
    [{ supplierUscc: A, buyerUscc: '' }, ['2 E_REQUIRED'], 0],
    [{ supplierUscc: A, buyerUscc: C, paymentTermDays: '400' }, ['2 E_OUT_OF_RANGE'], 0],
  ])('checks supply row %j', (cells, codes, imported) => {
    const r = run({ enterprises: firms(''), supplyEdges: supply([cells]) });
    expect(brief(r, 'supplyEdges')).toEqual(codes);
    expect(
      r.supplyEdges.filter(
        (e) =>
          e.annualValue >= 0 &&
          e.id.startsWith(`s-u-${cells.supplierUscc}-`) &&
          e.buyerId === `u-${cells.buyerUscc}`,
      ),
    ).toHaveLength(imported);
  });

  it('rejects a repeated supplier–buyer pair (E_DUP_EDGE) and warns when shares exceed 100% (W_SHARE_SUM)', () => {
    const r = run({
      enterprises: firms(),
      supplyEdges: supply([
        { supplierUscc: A, buyerUscc: C, supplierSalesSharePct: '60' },
        { supplierUscc: A, buyerUscc: C, supplierSalesSharePct: '10' },
        { supplierUscc: A, buyerUscc: B, supplierSalesSharePct: '50' },
      ]),
    });
    expect(brief(r, 'supplyEdges')).toEqual(['3 E_DUP_EDGE', '4 W_SHARE_SUM']);
    expect(r.supplyEdges).toHaveLength(2);
  });

  it('does not add a key-customer edge that the supply sheet already has', () => {
    const r = run({
      enterprises: firms(),
      supplyEdges: supply([{ supplierUscc: A, buyerUscc: C, annualValue: '10' }]),
    });
    expect(r.supplyEdges.map((e) => e.annualValue)).toEqual([10]);
  });
});

// ---------------------------------------------------------------- catalogue and dataset

/** Builds a USCC from 17 characters by appending the right check character. */
function makeUsccFrom17(first17: string): string {
  const charset = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += charset.indexOf(first17.charAt(i)) * (weights[i] ?? 0);
  return first17 + charset.charAt((31 - (sum % 31)) % 31);
}

describe('the §7.7 error catalogue', () => {
  it('is produced in full by one workbook', () => {
    const bad = `${A.slice(0, 17)}${A.endsWith('0') ? '1' : '0'}`;
    const orgBad = makeUsccFrom17(`${A.slice(0, 16)}${A.charAt(16) === '1' ? '2' : '1'}`);
    const r = run(
      {
        enterprises: enterprises([
          baseEnterprise(A, { approved: '1000' }),
          baseEnterprise('91320412'),
          baseEnterprise(`${B.slice(0, 10)}I${B.slice(11)}`),
          baseEnterprise(bad),
          baseEnterprise(orgBad),
          baseEnterprise(makeUsccFrom17(`93${C.slice(2, 17)}`)),
          baseEnterprise(A),
          baseEnterprise(B, { name: '' }),
          baseEnterprise(C, { chain: '航天' }),
          baseEnterprise(D, { link: '量子电池' }),
          baseEnterprise(makeUscc('320404', 'MA3FG5HJ'), { lat: '10', lon: '10' }),
          baseEnterprise(makeUscc('320402', 'MA4KL6MN'), { lat: '119.96', lon: '31.78' }),
          baseEnterprise(makeUscc('320413', 'MA5PQ7RT'), { lat: '30.58', lon: '114.27' }),
          baseEnterprise(makeUscc('320412', 'MA6UW8XY'), { need: '-1' }),
          baseEnterprise(makeUscc('320411', 'MA7AB9CD'), {
            revenue: '60000000',
            employees: '1200',
          }),
          baseEnterprise(makeUscc('350902', 'MA8EF1GH'), { sizeClass: '大型' }),
          baseEnterprise(makeUscc('340111', 'MA9JK2LM'), {
            employees: '5200',
            revenue: '880000',
            link: '整车制造',
          }),
        ]),
        creditRelations: relations([
          { uscc: A, bank: '常州城商行（示例）', creditLine: '100', outstanding: '200' },
        ]),
        supplyEdges: supply([
          { supplierUscc: A, buyerUscc: makeUscc('340111', 'MA9JK2LM'), paymentTermDays: '90' },
        ]),
      },
      { encodings: { enterprises: 'gb18030' } },
    );
    const produced: ReadonlySet<string> = new Set(r.issues.map((i) => i.code));
    const catalogue = [
      'E_USCC_LENGTH',
      'E_USCC_CHARSET',
      'E_USCC_CHECK',
      'W_USCC_ORG_CHECK',
      'W_USCC_NOT_ENTERPRISE',
      'E_DUP_USCC',
      'E_REQUIRED',
      'E_UNKNOWN_CHAIN',
      'E_UNKNOWN_LINK',
      'E_COORD_RANGE',
      'W_COORD_SWAPPED',
      'W_COORD_FAR',
      'E_NEGATIVE',
      'W_UNIT_YUAN',
      'W_SIZE_MISMATCH',
      'W_OUTSTANDING_GT_LINE',
      'W_PAYTERM_60',
      'W_CREDIT_MISMATCH',
      'I_ENCODING',
    ];
    expect(catalogue.filter((code) => !produced.has(code))).toEqual([]);
    for (const i of r.issues) {
      expect(i.messageZh.length).toBeGreaterThan(0);
      expect(i.messageEn.length).toBeGreaterThan(0);
    }
  });
});

describe('buildImportedDataset()', () => {
  it('builds a user_import Dataset that passes the schema and the invariants', () => {
    const r = run({
      enterprises: enterprises([
        baseEnterprise(A, {
          approved: '1000',
          banks: '某某银行;国有大型商业银行A（示例）',
          keyCustomers: C,
        }),
        baseEnterprise(C, {
          link: '整车制造',
          city: '合肥',
          employees: '5200',
          revenue: '880000',
          approved: '5000',
        }),
      ]),
    });
    const ds = buildImportedDataset(r, reference, {
      datasetId: 'import-test',
      titleZh: '导入测试',
      titleEn: 'Import test',
      asOf: NOW,
    });
    expect(DatasetSchema.safeParse(ds).success).toBe(true);
    expect(ds.meta).toMatchObject({
      kind: 'user_import',
      isSynthetic: false,
      asOf: NOW,
      amountUnit: 'wan_cny',
    });
    expect(ds.enterprises).toHaveLength(2);
    expect(ds.banks).toHaveLength((reference.banks?.length ?? 0) + 2); // 某某银行 + unspecified
    expect(ds.products).toHaveLength(17);
    expect(checkDatasetInvariants(ds).filter((v) => v.severity === 'error')).toEqual([]);
  });
});
