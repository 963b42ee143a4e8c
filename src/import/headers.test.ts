import { describe, expect, it } from 'vitest';
import {
  columnLabel,
  CREDIT_RELATION_COLUMNS,
  ENTERPRISE_COLUMNS,
  guessSheet,
  headerCandidates,
  keyOfHeader,
  matchHeaders,
  normalizeHeaderPart,
  SUPPLY_EDGE_COLUMNS,
} from './headers';

// The header rows of the shipped templates (static/templates/*.csv), copied verbatim.
const TEMPLATE_ENTERPRISES =
  '统一社会信用代码 / USCC,企业名称 / Enterprise name,所属产业链 / Chain,产业链环节 / Chain link,所在城市 / City,经度 / Longitude,纬度 / Latitude,从业人员（人） / Employees,营业收入（万元） / Revenue (10k CNY),企业规模 / Size class,融资需求（万元） / Financing need (10k CNY),已获授信（万元） / Approved credit (10k CNY),贷款余额（万元） / Loans outstanding (10k CNY),合作银行 / Lending banks,是否链主 / Chain leader,专精特新等级 / SRDI tier,高新技术企业 / High-tech enterprise,有效发明专利（件） / Invention patents,研发投入占比（%） / R&D intensity (%),出口占比（%） / Export share (%),应收账款周转天数 / DSO (days),纳税信用等级 / Tax credit grade,融资用途 / Financing purpose,期望期限 / Preferred tenor,可提供担保方式 / Collateral available,主要客户统一社会信用代码 / Key customer USCCs,对链主销售占比（%） / Sales share to chain leaders (%),技术突破 / Technology breakthrough,成立年份 / Year established,失信被执行人 / Dishonest judgment debtor,备注 / Notes,合作银行机构类型 / Lending bank types'.split(
    ',',
  );
const TEMPLATE_RELATIONS =
  '企业统一社会信用代码 / Enterprise USCC,金融机构名称 / Institution name,机构类型 / Institution type,产品类型 / Product,授信额度（万元） / Credit line (10k CNY),贷款余额（万元） / Outstanding (10k CNY),年利率（%） / Interest rate (% p.a.),担保方式 / Collateral,担保机构 / Guarantor,起始日期 / Start date,到期日期 / Maturity date,是否首贷 / First loan'.split(
    ',',
  );
const TEMPLATE_SUPPLY =
  '供应商统一社会信用代码 / Supplier USCC,客户统一社会信用代码 / Buyer USCC,年交易额（万元） / Annual trade value (10k CNY),占供应商销售比（%） / Share of supplier sales (%),付款账期（天） / Payment term (days),应收账款余额（万元） / Receivable outstanding (10k CNY)'.split(
    ',',
  );

describe('normalizeHeaderPart()', () => {
  it.each([
    ['营业收入（万元）', '营业收入'],
    ['Revenue (10k CNY)', 'revenue'],
    ['  Chain_Link-ID ', 'chainlinkid'],
    ['ＵＳＣＣ', 'uscc'],
    ['研发投入占比（%）', '研发投入占比'],
    ['Interest rate (% p.a.)', 'interestrate'],
    ['R&D ratio', 'r&dratio'],
  ])('normalizes %s to %s', (raw, expected) => {
    expect(normalizeHeaderPart(raw)).toBe(expected);
  });
});

describe('headerCandidates()', () => {
  it('tries each "/" part in order', () => {
    expect(headerCandidates('统一社会信用代码 / USCC')).toEqual(['统一社会信用代码', 'uscc']);
  });

  it('drops a leading BOM and empty parts', () => {
    expect(headerCandidates('\uFEFF企业名称 /')).toEqual(['企业名称']);
  });
});

describe('keyOfHeader()', () => {
  it.each([
    ['统一社会信用代码 / USCC', 'uscc'],
    ['统一社会信用代码', 'uscc'],
    ['USCC', 'uscc'],
    ['纳税人识别号', 'uscc'],
    ['Unified Social Credit Code', 'uscc'],
    ['公司名称', 'name'],
    ['Company Name', 'name'],
    ['industrial_chain', 'chain'],
    ['Link ID', 'link'],
    ['行政区划代码', 'city'],
    ['LNG', 'lon'],
    ['y', 'lat'],
    ['职工人数', 'employees'],
    ['主营业务收入（万元）', 'revenue'],
    ['Turnover', 'revenue'],
    ['划型', 'sizeClass'],
    ['资金需求', 'need'],
    ['授信额度', 'approved'],
    ['用信余额', 'outstanding'],
    ['贷款银行', 'banks'],
    ['链主企业', 'isLeader'],
    ['梯度培育', 'srdiTier'],
    ['高企', 'isHighTech'],
    ['发明专利数', 'inventionPatents'],
    ['R&D ratio', 'rdIntensityPct'],
    ['外销占比', 'exportSharePct'],
    ['账期', 'dsoDays'],
    ['纳税等级', 'taxCreditGrade'],
    ['资金用途', 'purposes'],
    ['贷款期限', 'tenor'],
    ['抵质押物', 'collateral'],
    ['下游客户', 'keyCustomers'],
    ['对核心企业销售占比', 'leaderSalesSharePct'],
    ['首台套', 'techBreakthrough'],
    ['注册年份', 'establishedYear'],
    ['被执行人', 'dishonest'],
    ['Remarks', 'notes'],
  ])('enterprises: %s → %s', (header, key) => {
    expect(keyOfHeader(header, 'enterprises')).toBe(key);
  });

  it('resolves the same words per sheet', () => {
    expect(keyOfHeader('贷款余额（万元）', 'enterprises')).toBe('outstanding');
    expect(keyOfHeader('贷款余额（万元）', 'creditRelations')).toBe('outstanding');
    expect(keyOfHeader('统一社会信用代码', 'creditRelations')).toBe('uscc');
    expect(keyOfHeader('统一社会信用代码', 'supplyEdges')).toBeUndefined();
  });

  it('returns undefined for an unknown header', () => {
    expect(keyOfHeader('法定代表人', 'enterprises')).toBeUndefined();
  });
});

describe('matchHeaders()', () => {
  it.each([
    ['enterprises', TEMPLATE_ENTERPRISES, ENTERPRISE_COLUMNS],
    ['creditRelations', TEMPLATE_RELATIONS, CREDIT_RELATION_COLUMNS],
    ['supplyEdges', TEMPLATE_SUPPLY, SUPPLY_EDGE_COLUMNS],
  ] as const)('recognises every column of the %s template', (sheet, headers, specs) => {
    const m = matchHeaders(headers, sheet);
    expect([...m.columns.values()]).toEqual(specs.map((s) => s.key));
    expect(m).toMatchObject({ extras: [], missingRequired: [], duplicates: [] });
  });

  it('builds the template headers from the column specs', () => {
    expect(ENTERPRISE_COLUMNS.map((c) => `${c.zh} / ${c.en}`)).toEqual(TEMPLATE_ENTERPRISES);
    expect(CREDIT_RELATION_COLUMNS.map((c) => `${c.zh} / ${c.en}`)).toEqual(TEMPLATE_RELATIONS);
    expect(SUPPLY_EDGE_COLUMNS.map((c) => `${c.zh} / ${c.en}`)).toEqual(TEMPLATE_SUPPLY);
  });

  it('accepts Chinese-only headers in any order', () => {
    const m = matchHeaders(
      [
        '营业收入（万元）',
        '企业名称',
        '所在城市',
        '统一社会信用代码',
        '产业链环节',
        '所属产业链',
        '已获授信（万元）',
        '从业人员（人）',
        '融资需求（万元）',
      ],
      'enterprises',
    );
    expect(m.missingRequired).toEqual([]);
    expect(m.columns.get(0)).toBe('revenue');
    expect(m.columns.get(3)).toBe('uscc');
  });

  it('accepts English-only headers', () => {
    const m = matchHeaders(
      [
        'USCC',
        'Enterprise name',
        'Chain',
        'Chain link',
        'City',
        'Employees',
        'Revenue (10k CNY)',
        'Financing need (10k CNY)',
        'Approved credit (10k CNY)',
      ],
      'enterprises',
    );
    expect(m.missingRequired).toEqual([]);
    expect(m.extras).toEqual([]);
  });

  it('keeps unknown columns as extras, by index', () => {
    const m = matchHeaders(['USCC', '法定代表人', '', 'name'], 'enterprises');
    expect(m.extras).toEqual([1, 2]);
    expect(m.columns).toEqual(
      new Map([
        [0, 'uscc'],
        [3, 'name'],
      ]),
    );
  });

  it('lists required columns that are missing', () => {
    const m = matchHeaders(['USCC', 'name'], 'enterprises');
    expect(m.missingRequired).toEqual([
      'chain',
      'link',
      'city',
      'employees',
      'revenue',
      'need',
      'approved',
    ]);
  });

  it('does not require city when both lat and lon columns exist', () => {
    const m = matchHeaders(
      ['USCC', 'name', 'chain', 'link', 'lat', 'lng', 'employees', 'revenue', 'need', 'approved'],
      'enterprises',
    );
    expect(m.missingRequired).toEqual([]);
    expect(matchHeaders(['USCC', 'lat'], 'enterprises').missingRequired).toContain('city');
  });

  it('reports a repeated column and keeps the later one as an extra', () => {
    const m = matchHeaders(['USCC', '统一社会信用代码', '营收', '营业收入'], 'enterprises');
    expect(m.duplicates).toEqual([
      { key: 'uscc', index: 1, firstIndex: 0 },
      { key: 'revenue', index: 3, firstIndex: 2 },
    ]);
    expect(m.extras).toEqual([1, 3]);
  });

  it('does not mutate its input', () => {
    const headers = ['USCC', '企业名称'];
    const copy = [...headers];
    matchHeaders(headers, 'enterprises');
    expect(headers).toEqual(copy);
  });
});

describe('guessSheet()', () => {
  it.each([
    [TEMPLATE_ENTERPRISES, 'enterprises'],
    [TEMPLATE_RELATIONS, 'creditRelations'],
    [TEMPLATE_SUPPLY, 'supplyEdges'],
    [['foo', 'bar'], null],
  ] as const)('guesses the sheet of a header row (%#)', (headers, sheet) => {
    expect(guessSheet(headers)).toBe(sheet);
  });
});

describe('columnLabel()', () => {
  it('gives the template header of a column', () => {
    expect(columnLabel('enterprises', 'revenue')).toBe('营业收入（万元） / Revenue (10k CNY)');
    expect(columnLabel('supplyEdges', 'buyerUscc')).toBe('客户统一社会信用代码 / Buyer USCC');
  });
});
