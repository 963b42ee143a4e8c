import { describe, expect, it } from 'vitest';
import type { ParseResult } from './issues';
import { loadDemoReference } from './test-support';
import {
  createChainResolver,
  createCityResolver,
  createLinkResolver,
  hasPercentSign,
  isBlank,
  levenshtein,
  parseAmount,
  parseBoolean,
  parseCollateral,
  parseCollateralList,
  parseDate,
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
  truncateChars,
  parseText,
  parseYear,
  prefectureCode,
  roundTo2,
  splitList,
} from './values';

const value = <T>(r: ParseResult<T>): T | string => (r.ok ? r.value : `!${r.code}`);
const codesOf = <T>(r: ParseResult<T>) => (r.ok ? (r.warnings ?? []).map((w) => w.code) : [r.code]);

const reference = loadDemoReference();
const NOW = '2025-06-30';

describe('isBlank()', () => {
  it.each([
    ['', true],
    ['  \u3000\u00a0', true],
    ['-', true],
    ['—', true],
    ['N/A', true],
    ['/', true],
    ['0', false],
    ['否', false],
    ['--1', false],
  ])('isBlank(%j) is %s', (raw, expected) => {
    expect(isBlank(raw)).toBe(expected);
  });
});

describe('roundTo2()', () => {
  it.each([
    [1.005, 1.01],
    [0.125, 0.13],
    [5200, 5200],
    [0.0052, 0.01],
    [123.4567, 123.46],
  ])('roundTo2(%s) = %s', (n, expected) => {
    expect(roundTo2(n)).toBe(expected);
  });
});

describe('parseAmount()', () => {
  it.each([
    ['350', 350],
    ['1,234.5', 1234.5],
    ['１，２３４', 1234],
    [' ¥ 880 ', 880],
    ['￥880', 880],
    ['1.2亿', 12000],
    ['1.2亿元', 12000],
    ['350万', 350],
    ['350万元', 350],
    ['0', 0],
    ['-0', 0],
    ['5.2E+07', 52000000],
    ['12.345', 12.35],
  ])('reads %j as %s 万元', (raw, expected) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value: expected });
  });

  it('converts 元 to 万元 with W_YUAN_CONVERTED', () => {
    const r = parseAmount('52,000,000元');
    expect(value(r)).toBe(5200);
    expect(codesOf(r)).toEqual(['W_YUAN_CONVERTED']);
  });

  it('divides unsuffixed amounts by 10,000 with unitYuan', () => {
    expect(parseAmount('3500000', { unitYuan: true })).toEqual({ ok: true, value: 350 });
    expect(parseAmount('350', { unitYuan: true })).toEqual({ ok: true, value: 0.04 });
  });

  it('lets an explicit 万 or 亿 win over unitYuan', () => {
    expect(value(parseAmount('350万', { unitYuan: true }))).toBe(350);
    expect(value(parseAmount('1亿', { unitYuan: true }))).toBe(10000);
  });

  it('gives null for a blank optional amount, never 0', () => {
    expect(parseAmount('')).toEqual({ ok: true, value: null });
    expect(parseAmount('  ')).toEqual({ ok: true, value: null });
  });

  it.each([
    ['', { required: true }, 'E_REQUIRED'],
    ['-500', {}, 'E_NEGATIVE'],
    ['−500', {}, 'E_NEGATIVE'],
    ['-1.2亿', {}, 'E_NEGATIVE'],
    ['abc', {}, 'E_BAD_NUMBER'],
    ['12,3a', {}, 'E_BAD_NUMBER'],
    ['Infinity', {}, 'E_BAD_NUMBER'],
    ['1e999', {}, 'E_BAD_NUMBER'],
    ['NaN', {}, 'E_BAD_NUMBER'],
    ['1.2.3', {}, 'E_BAD_NUMBER'],
    ['#N/A', {}, 'E_BAD_NUMBER'],
  ])('rejects %j (%j) with %s', (raw, opts, code) => {
    expect(codesOf(parseAmount(raw, opts))).toEqual([code]);
  });
});

describe('parseInteger()', () => {
  it.each([
    ['86', 86, []],
    ['1,200人', 1200, []],
    ['７', 7, []],
    ['86.6', 87, ['W_ROUNDED']],
    ['86.4', 86, ['W_ROUNDED']],
    ['12件', 12, []],
  ])('reads %j as %s', (raw, expected, codes) => {
    const r = parseInteger(raw);
    expect(value(r)).toBe(expected);
    expect(codesOf(r)).toEqual(codes);
  });

  it.each([
    ['-3', {}, 'E_NEGATIVE'],
    ['', { required: true }, 'E_REQUIRED'],
    ['abc', {}, 'E_BAD_NUMBER'],
    ['721', { max: 720 }, 'E_OUT_OF_RANGE'],
  ])('rejects %j (%j) with %s', (raw, opts, code) => {
    expect(codesOf(parseInteger(raw, opts))).toEqual([code]);
  });
});

describe('parsePercent()', () => {
  it.each([
    ['12%', 12],
    ['12', 12],
    ['4.5 %', 4.5],
    ['０.５％', 0.5],
    ['100', 100],
    ['0', 0],
  ])('reads %j as %s', (raw, expected) => {
    expect(parsePercent(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['120', {}, 'E_OUT_OF_RANGE'],
    ['-1%', {}, 'E_NEGATIVE'],
    ['0.3', { min: 0.5, max: 24 }, 'E_OUT_OF_RANGE'],
    ['五', {}, 'E_BAD_NUMBER'],
  ])('rejects %j (%j) with %s', (raw, opts, code) => {
    expect(codesOf(parsePercent(raw, opts))).toEqual([code]);
  });

  it('hasPercentSign() tells an explicit % apart', () => {
    expect([hasPercentSign('0.5%'), hasPercentSign('0.5％'), hasPercentSign('0.5')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('parseBoolean()', () => {
  it.each(['是', '有', 'Y', 'y', 'Yes', '1', 'TRUE', 'true', '√', '✓'])(
    'reads %j as true',
    (raw) => {
      expect(parseBoolean(raw)).toEqual({ ok: true, value: true });
    },
  );
  it.each(['否', '无', 'N', 'no', '0', 'False', '×', '✗'])('reads %j as false', (raw) => {
    expect(parseBoolean(raw)).toEqual({ ok: true, value: false });
  });
  it('gives null when blank and E_BAD_VALUE with suggestions when unknown', () => {
    expect(parseBoolean('')).toEqual({ ok: true, value: null });
    const r = parseBoolean('也许');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.suggestions).toEqual(['是 / yes', '否 / no']);
  });
});

describe('enum parsers', () => {
  it.each([
    [parseSizeClass, '大型', 'large'],
    [parseSizeClass, '中型企业', 'medium'],
    [parseSizeClass, 'Small', 'small'],
    [parseSizeClass, '微型', 'micro'],
    [parseSrdiTier, '国家级专精特新“小巨人”', 'little_giant'],
    [parseSrdiTier, '小巨人', 'little_giant'],
    [parseSrdiTier, 'little giant', 'little_giant'],
    [parseSrdiTier, '专精特新中小企业（省级）', 'srdi'],
    [parseSrdiTier, '专精特新中小企业', 'srdi'],
    [parseSrdiTier, '创新型中小企业', 'innovative'],
    [parseSrdiTier, '无', 'none'],
    [parseTaxCreditGrade, 'a', 'A'],
    [parseTaxCreditGrade, 'M级', 'M'],
    [parseTenor, '短期（≤1年）', 'short'],
    [parseTenor, '短期', 'short'],
    [parseTenor, '中长期（>1年）', 'medium_long'],
    [parseTenor, 'medium_long', 'medium_long'],
    [parseCollateral, '应收账款质押', 'pledge_receivable'],
    [parseCollateral, '政府性融资担保', 'guarantee_gov'],
    [parseCollateral, '保证', 'guarantee_third_party'],
    [parseCollateral, '存单质押', 'pledge_deposit'],
    [parseTechBreakthrough, '首台（套）', 'first_set'],
    [parseTechBreakthrough, '首台套', 'first_set'],
    [parseTechBreakthrough, 'import_substitution', 'import_substitution'],
    [parseTechBreakthrough, '无', 'none'],
    [parseInstitutionType, '政策性银行', 'policy_bank'],
    [parseInstitutionType, '国有大型商业银行', 'large_state_bank'],
    [parseInstitutionType, '城商行', 'city_commercial_bank'],
    [parseInstitutionType, '农村合作金融机构', 'rural_cooperative'],
    [parseInstitutionType, '政府性融资担保机构', 'gov_guarantor'],
    [parseInstitutionType, '融资担保公司', 'guarantor'],
    [parseInstitutionType, '商业保理', 'factoring'],
    [parseInstitutionType, '其他', 'other'],
    [parseProduct, 'SCF_AR', 'SCF_AR'],
    [parseProduct, 'scf_ar', 'SCF_AR'],
    [parseProduct, '应收账款融资', 'SCF_AR'],
    [parseProduct, '流动资金贷款', 'WC_LOAN'],
    [parseProduct, '随借随还贷款', 'REVOLVING'],
    [parseProduct, 'Working-capital loan', 'WC_LOAN'],
  ] as const)('%#: reads %j', (parse, raw, expected) => {
    expect(parse(raw)).toEqual({ ok: true, value: expected });
  });

  it('suggests the three nearest labels for an unknown value', () => {
    const r = parseSizeClass('小型型');
    expect(r).toMatchObject({ ok: false, code: 'E_BAD_VALUE' });
    if (!r.ok) expect(r.suggestions?.[0]).toBe('小型 / small');
    if (!r.ok) expect(r.suggestions).toHaveLength(3);
  });

  it('suggests the intended product for a typo', () => {
    const r = parseProduct('应收帐款融资');
    expect(r.ok ? [] : r.suggestions?.[0]).toBe('应收账款融资 / SCF_AR');
  });

  it('required enums report E_REQUIRED when blank', () => {
    expect(codesOf(parseSizeClass('', { required: true }))).toEqual(['E_REQUIRED']);
  });
});

describe('list parsers', () => {
  it('splitList() splits on ; ； 、 , and new lines, strict only on ;', () => {
    expect(splitList('流动资金；设备更新、研发投入, 其他\n技改')).toEqual([
      '流动资金',
      '设备更新',
      '研发投入',
      '其他',
      '技改',
    ]);
    expect(splitList('钢材、塑料与铜铝材;电机', true)).toEqual(['钢材、塑料与铜铝材', '电机']);
  });

  it('parsePurposes() maps every item and drops duplicates', () => {
    expect(parsePurposes('流动资金;设备更新;流动资金')).toEqual({
      ok: true,
      value: ['working_capital', 'equipment_renewal'],
    });
    expect(parsePurposes('refinancing、rnd')).toEqual({ ok: true, value: ['refinancing', 'rnd'] });
  });

  it('parseCollateralList() fails on the first unknown item', () => {
    expect(parseCollateralList('信用;设备抵押')).toEqual({
      ok: true,
      value: ['credit', 'mortgage_equipment'],
    });
    expect(codesOf(parseCollateralList('信用;黄金抵押'))).toEqual(['E_BAD_VALUE']);
  });
});

describe('levenshtein()', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['正极材料', '正极材枓', 1],
    ['same', 'same', 0],
  ])('levenshtein(%j, %j) = %s', (a, b, d) => {
    expect(levenshtein(a, b)).toBe(d);
  });
});

describe('createChainResolver()', () => {
  const resolve = createChainResolver(reference.chains);
  it.each([
    ['nev', 'nev'],
    ['NEV', 'nev'],
    ['新能源汽车及动力电池', 'nev'],
    ['新能源汽车', 'nev'],
    ['New-energy vehicles & power batteries', 'nev'],
    ['集成电路', 'ic'],
    ['半导体', 'ic'],
    ['光伏', 'pv'],
    ['Industrial robots', 'robot'],
  ])('resolves %j to %s', (raw, id) => {
    const r = resolve(raw);
    expect(r.ok && r.value?.id).toBe(id);
  });

  it('rejects an unknown chain with E_UNKNOWN_CHAIN and three suggestions', () => {
    const r = resolve('新能源汽');
    expect(r).toMatchObject({ ok: false, code: 'E_UNKNOWN_CHAIN' });
    if (!r.ok) expect(r.suggestions?.[0]).toBe('新能源汽车及动力电池 / nev');
  });
});

describe('createLinkResolver()', () => {
  const resolve = createLinkResolver(reference.links);
  it.each([
    ['nev.cathode', ['nev'], 'nev.cathode'],
    ['cathode', ['nev'], 'nev.cathode'],
    ['正极材料', ['nev'], 'nev.cathode'],
    ['Cathode materials', ['nev'], 'nev.cathode'],
    ['功率半导体', ['nev'], 'nev.powersemi'],
    ['液压件', ['cm'], 'cm.hydraulics'],
    ['电机', ['app'], 'app.motors'],
    ['组件', ['nev', 'pv'], 'pv.module'],
  ] as const)('resolves %j within %j to %s', (raw, chains, id) => {
    const r = resolve(raw, chains);
    expect(r.ok && r.value?.id).toBe(id);
  });

  it('resolves a name within the primary chain first', () => {
    const r = resolve('轴承', ['rail', 'robot']);
    expect(r.ok && r.value?.id).toBe('rail.bearings');
  });

  it('rejects a link of another chain with E_UNKNOWN_LINK naming its chain', () => {
    const r = resolve('pv.module', ['nev']);
    expect(r).toMatchObject({ ok: false, code: 'E_UNKNOWN_LINK' });
    if (!r.ok) expect(r.messageEn).toContain('belongs to chain pv');
  });

  it('suggests the nearest links of the chain', () => {
    const r = resolve('正极材', ['nev']);
    expect(r.ok ? [] : r.suggestions?.[0]).toBe('正极材料 / nev.cathode');
  });
});

describe('prefectureCode()', () => {
  it.each([
    ['320412', '320400'], // 武进区 → 常州
    ['320400', '320400'],
    ['110105', '110000'], // 朝阳区 → 北京
    ['310115', '310000'], // 浦东新区 → 上海
    ['500101', '500000'], // 万州区 → 重庆
    ['120101', '120000'],
    ['429004', '429004'], // 仙桃 (province-administered) stays
    ['469001', '469001'],
  ])('%s → %s', (code, expected) => {
    expect(prefectureCode(code)).toBe(expected);
  });
});

describe('createCityResolver()', () => {
  const resolve = createCityResolver(reference.cities);
  it.each([
    ['常州', 'changzhou', undefined],
    ['常州市', 'changzhou', undefined],
    ['江苏省常州市', 'changzhou', undefined],
    ['江苏常州', 'changzhou', undefined],
    ['Changzhou', 'changzhou', undefined],
    ['changzhou', 'changzhou', undefined],
    ['320400', 'changzhou', undefined],
    ['320412', 'changzhou', '320412'],
    ['110105', 'beijing', '110105'],
    ['北京市', 'beijing', undefined],
    ["Xi'an", 'xian', undefined],
    ['Taizhou', 'taizhou', undefined],
  ])('resolves %j to %s', (raw, id, rolledUpFrom) => {
    const r = resolve(raw);
    expect(r.ok && r.value?.city.id).toBe(id);
    expect(r.ok && r.value?.rolledUpFrom).toBe(rolledUpFrom);
  });

  it.each([
    ['宿州', 'E_UNKNOWN_CITY'],
    ['429004', 'E_UNKNOWN_CITY'],
    ['320000', 'E_UNKNOWN_CITY'],
  ])('rejects %j with %s', (raw, code) => {
    expect(codesOf(resolve(raw))).toEqual([code]);
  });

  it('suggests three cities one edit away for 宿州 (not in the catalogue)', () => {
    const r = resolve('宿州');
    const suggestions = r.ok ? [] : (r.suggestions ?? []);
    expect(suggestions).toHaveLength(3);
    for (const s of suggestions) expect(s).toMatch(/^.州（/);
  });

  it('suggests nothing unrelated for 亚特兰蒂斯 and says there is no near match', () => {
    const r = resolve('亚特兰蒂斯');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.suggestions).toBeUndefined();
    expect(r.messageZh).toBe(
      '无法识别的城市“亚特兰蒂斯”，本应用支持的城市中没有相近的名称（可填6位行政区划代码或经纬度）',
    );
    expect(r.messageEn).toContain('no city this app covers has a similar name');
  });

  it.each([
    ['常洲', '常州（江苏） / Changzhou'],
    ['Bejing', '北京（北京） / Beijing'],
    ['江苏省常洲市', '常州（江苏） / Changzhou'],
  ])('suggests the city a typo is near: %j → %j', (raw, first) => {
    const r = resolve(raw);
    expect(r.ok ? [] : r.suggestions?.[0]).toBe(first);
  });

  it('quotes at most 40 characters of a huge city cell in its message', () => {
    const r = resolve('城'.repeat(100_000));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.messageZh.length).toBeLessThan(120);
  });
});

describe('parseDate()', () => {
  it.each([
    ['2025-03-01', '2025-03-01'],
    ['2025/3/1', '2025-03-01'],
    ['2025.3.1', '2025-03-01'],
    ['2025年3月1日', '2025-03-01'],
    ['2025年03月01', '2025-03-01'],
    ['20250301', '2025-03-01'],
    ['2025/3/1 0:00', '2025-03-01'],
    ['2025-03-01T08:30:00', '2025-03-01'],
    ['45717', '2025-03-01'], // Excel serial: 45717 days after 1899-12-30
    ['45717.75', '2025-03-01'],
    ['32874', '1990-01-01'],
    ['２０２５－０３－０１', '2025-03-01'],
  ])('reads %j as %s', (raw, iso) => {
    expect(parseDate(raw, { now: NOW })).toEqual({ ok: true, value: iso });
  });

  it.each([
    ['2025-02-30', 'E_BAD_DATE'],
    ['2025-13-01', 'E_BAD_DATE'],
    ['March 1', 'E_BAD_DATE'],
    ['1989-12-31', 'E_DATE_RANGE'],
    ['32873', 'E_DATE_RANGE'], // 1989-12-31
    ['2035-07-01', 'E_DATE_RANGE'], // more than 10 years after 2025-06-30
  ])('rejects %j with %s', (raw, code) => {
    expect(codesOf(parseDate(raw, { now: NOW }))).toEqual([code]);
  });

  it('accepts exactly 10 years ahead', () => {
    expect(value(parseDate('2035-06-30', { now: NOW }))).toBe('2035-06-30');
  });

  it('gives null when blank', () => {
    expect(parseDate('', { now: NOW })).toEqual({ ok: true, value: null });
  });
});

describe('parseYear()', () => {
  it.each([
    ['2014', 2014],
    ['2014年', 2014],
    ['2014.0', 2014],
    ['2014-05-01', 2014],
    ['1949', 1949],
    ['2025', 2025],
  ])('reads %j as %s', (raw, year) => {
    expect(parseYear(raw, { now: NOW })).toEqual({ ok: true, value: year });
  });
  it.each([
    ['1948', 'E_OUT_OF_RANGE'],
    ['2026', 'E_OUT_OF_RANGE'],
    ['去年', 'E_BAD_NUMBER'],
  ])('rejects %j with %s', (raw, code) => {
    expect(codesOf(parseYear(raw, { now: NOW }))).toEqual([code]);
  });
});

describe('parseText()', () => {
  it('keeps HTML as a plain string', () => {
    expect(parseText('<img src=x onerror=alert(1)>')).toEqual({
      ok: true,
      value: '<img src=x onerror=alert(1)>',
    });
  });

  it('strips control characters with I_CONTROL_CHARS and keeps new lines', () => {
    const r = parseText('a\u0000b\u0007c\r\nd\u202Ee');
    expect(value(r)).toBe('abc\nde');
    expect(codesOf(r)).toEqual(['I_CONTROL_CHARS']);
  });

  it('caps text at 2,000 characters with W_TEXT_TRUNCATED', () => {
    expect(codesOf(parseText('字'.repeat(2000)))).toEqual([]);
    const r = parseText('字'.repeat(2001));
    expect(value(r)).toBe('字'.repeat(2000));
    expect(codesOf(r)).toEqual(['W_TEXT_TRUNCATED']);
    expect(r.ok && r.warnings?.[0]?.messageZh).toBe(
      '文本2,001字，超过2,000字上限，已截断为前2,000字',
    );
  });

  it('cuts 5 MB of text to the cap in one pass', () => {
    const r = parseText('x'.repeat(5 * 1024 * 1024));
    expect(value(r)).toHaveLength(2000);
    expect(r.ok && r.warnings?.[0]?.messageEn).toContain('text of 5,242,880 characters');
  });

  it('does not split a surrogate pair when truncating', () => {
    const r = parseText('😀'.repeat(3), { max: 2 });
    expect(value(r)).toBe('😀😀');
  });

  it.each(['=HYPERLINK("x")', '+86 138', '-2', '@SUM(A1)'])(
    'flags %j with I_FORMULA_PREFIX and stores it as given',
    (raw) => {
      const r = parseText(raw);
      expect(value(r)).toBe(raw);
      expect(codesOf(r)).toEqual(['I_FORMULA_PREFIX']);
    },
  );

  it('gives null for blank text, E_REQUIRED when required', () => {
    expect(parseText(' \u0000 ')).toEqual({ ok: true, value: null });
    expect(codesOf(parseText('', { required: true }))).toEqual(['E_REQUIRED']);
  });
});

describe('truncateChars()', () => {
  it.each([
    ['abc', 5, 'abc', 3],
    ['abcdef', 3, 'abc', 6],
    ['😀😀😀', 2, '😀😀', 3],
    ['a😀b', 2, 'a😀', 3],
  ] as const)('%j to %d → %j (%d characters)', (text, max, cut, length) => {
    expect(truncateChars(text, max)).toEqual({ value: cut, length });
  });
});

describe('parseName()', () => {
  it.each([
    ['常州锂源新材料有限公司', '常州锂源新材料有限公司', []],
    [' 无锡精密轴承厂 ', '无锡精密轴承厂', []],
    ['Ｃｈａｎｇｚｈｏｕ Widget Co., Ltd.', 'Changzhou Widget Co., Ltd.', []],
    ['示例·常州·隔膜企业（演示）', '示例·常州·隔膜企业(演示)', []],
    ['常州锂源', '常州锂源', ['W_NAME_SUFFIX']],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>', ['W_NAME_SUFFIX']],
  ])('reads %j', (raw, name, codes) => {
    const r = parseName(raw);
    expect(value(r)).toBe(name);
    expect(codesOf(r)).toEqual(codes);
  });

  it.each(['A', '12345', '', '  '])('rejects %j', (raw) => {
    expect(codesOf(parseName(raw))[0]).toMatch(/^E_(BAD_NAME|REQUIRED)$/);
  });

  it('keeps a name of 200 characters and cuts a longer one with W_TEXT_TRUNCATED', () => {
    const name200 = `${'字'.repeat(196)}有限公司`;
    expect(parseName(name200)).toEqual({ ok: true, value: name200 });
    const r = parseName('字'.repeat(6 * 1024 * 1024));
    expect(value(r)).toBe('字'.repeat(200));
    expect(codesOf(r)).toEqual(['W_TEXT_TRUNCATED', 'W_NAME_SUFFIX']);
  });
});
