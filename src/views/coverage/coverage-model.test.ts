import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../analysis/analyze';
import {
  createBank,
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
} from '../../analysis/test-fixtures';
import type { Analysis } from '../../analysis/types';
import type { Enterprise } from '../../domain/schema';
import { NO_DATA_COLOR, VERDICT_COLORS } from '../../overlays/overlays';
import {
  buildCoverageMapInput,
  buildCoverageModel,
  buildMatrixChart,
  cellExplanation,
  citySummary,
  columnLabel,
  competitorTypesText,
  coverageExportText,
  discreetCount,
  firstEntries,
  mapLinkOf,
  matrixDims,
  presenceLegendEntries,
  regionChoices,
  regionLabel,
  resolveMyBank,
  targetTableStrings,
  whiteSpaceTableStrings,
  scopeOf,
  sortTargets,
  targetFlags,
  verdictLegend,
} from './coverage-model';

const at = (id: string, link: string, over: Partial<Enterprise> = {}) =>
  createEnterprise({ id, primaryLinkId: link, linkIds: [link], ...over });
let n = 0;
const lend = (bankId: string, enterpriseId: string) =>
  createRelation({ id: `r${++n}`, bankId, enterpriseId, creditLine: 300 });

/**
 * Small SMEs with need 1,000 万元, lines of 300 万元. City a is in 江苏, city b in 浙江.
 *   t.up (weak)  u1 a (b1), u2 a, u3 a, u4 b          gap 700 + 3 × 1,000 = 3,700
 *   t.mid        m1 a (b1, c1), m2 a (b1), m3 a (c1), m4 a (c1)   gap 400 + 3 × 700 = 2,500
 *   t.down       d1 b; the leader L1 (city a)          gap 1,000
 * b1 large state bank, c1 joint-stock bank (both national); k1 city bank of city b; g1 guarantor.
 */
function fixture(): Analysis {
  n = 0;
  return analyzeDataset(
    createDataset({
      cities: [
        createCity(),
        createCity({
          id: 'b',
          gbCode: '330100',
          nameZh: '乙市',
          nameEn: 'City B',
          provinceZh: '浙江',
          provinceEn: 'Zhejiang',
        }),
      ],
      enterprises: [
        at('u1', 't.up'),
        at('u2', 't.up'),
        at('u3', 't.up'),
        at('u4', 't.up', { cityId: 'b' }),
        at('m1', 't.mid'),
        at('m2', 't.mid'),
        at('m3', 't.mid'),
        at('m4', 't.mid'),
        at('d1', 't.down', { cityId: 'b' }),
        createLeader(),
      ],
      banks: [
        createBank({ id: 'b1', nameZh: '甲银行', nameEn: 'Bank B1' }),
        createBank({ id: 'c1', type: 'joint_stock_bank', nameZh: '丙银行', nameEn: 'Bank C1' }),
        createBank({
          id: 'k1',
          type: 'city_commercial_bank',
          level: 'city',
          cityIds: ['b'],
          nameZh: '乙市城商行',
          nameEn: 'City B Bank',
        }),
        createBank({ id: 'g1', type: 'gov_guarantor', nameZh: '担保', nameEn: 'Guarantor' }),
      ],
      creditRelations: [
        lend('b1', 'u1'),
        lend('b1', 'm1'),
        lend('c1', 'm1'),
        lend('b1', 'm2'),
        lend('c1', 'm3'),
        lend('c1', 'm4'),
      ],
    }),
  );
}

const ALL = { province: null, city: null };
const model = (bank: string | null = null) => buildCoverageModel(fixture(), 't', ALL, bank);

describe('scopeOf() / resolveMyBank()', () => {
  it('turns the region filters into a scope', () => {
    expect(scopeOf('t', ALL)).toEqual({ chainId: 't' });
    expect(scopeOf('t', { province: '江苏', city: 'a' })).toEqual({
      chainId: 't',
      provinceZh: '江苏',
      cityId: 'a',
    });
  });

  it('accepts lenders only as my bank', () => {
    const analysis = fixture();
    expect(resolveMyBank(analysis, 'k1')?.id).toBe('k1');
    expect(resolveMyBank(analysis, 'g1')).toBeNull();
    expect(resolveMyBank(analysis, 'zz')).toBeNull();
    expect(resolveMyBank(analysis, null)).toBeNull();
  });
});

describe('buildCoverageModel()', () => {
  it('ranks the uncovered links and has no white space without a bank', () => {
    const m = model();
    // t.up: coverage 1/4 < 0.4 → uncovered, weak: 3,700 × 1.5 = 5,550;
    // t.mid: need met 1,500 ÷ 4,000 = 0.375 < 0.5 → underfunded, 2,500
    expect(m.uncovered.map((u) => [u.linkId, u.coverage.verdict, u.priority])).toEqual([
      ['t.up', 'uncovered', 5550],
      ['t.mid', 'underfunded', 2500],
    ]);
    expect(m.whiteSpace).toBeNull();
    expect(m.links.map((l) => l.id)).toEqual(['t.up', 't.mid', 't.down', 't.ext']);
  });

  it('gives my bank its white space in its footprint and its own matrix column', () => {
    const m = model('k1');
    // k1 serves city b: u4 (t.up) and d1 (t.down), 1,000 each, first loan fits → tie by link id
    expect(m.whiteSpace?.map((w) => [w.linkId, w.smes, w.gap])).toEqual([
      ['t.down', 1, 1000],
      ['t.up', 1, 1000],
    ]);
    expect(m.matrix.columns.map((c) => c.key)).toEqual([
      'k1',
      'type:large_state_bank',
      'type:joint_stock_bank',
    ]);
  });

  it('rejects an unknown chain', () => {
    expect(() => buildCoverageModel(fixture(), 'zz', ALL, null)).toThrow('unknown chain: zz');
  });
});

describe('mapLinkOf()', () => {
  it('keeps a chosen link of the chain, else shows the top uncovered link', () => {
    const m = model();
    expect(mapLinkOf(m, 't.mid')).toBe('t.mid');
    expect(mapLinkOf(m, null)).toBe('t.up');
    expect(mapLinkOf(m, 'nev.cell')).toBe('t.up');
  });
});

describe('buildMatrixChart()', () => {
  it('orders, labels and formats rows and columns; the department sees every count', () => {
    const chart = buildMatrixChart(model(), {
      lang: 'zh',
      rowOrder: 'gap',
      columnOrder: 'presence',
      selectedLinkId: 't.mid',
    });
    // The largest gap (3,700万元) keeps the column in 万元: the header names the unit, cells are bare.
    expect(chart.rows.map((r) => [r.key, r.totals, r.selected, r.chipColor])).toEqual([
      ['t.up', ['1', '25.0%', '3,700'], false, VERDICT_COLORS.uncovered],
      ['t.mid', ['2', '100.0%', '2,500'], true, VERDICT_COLORS.underfunded],
      ['t.down', ['0', '0.0%', '1,000'], false, NO_DATA_COLOR],
      ['t.ext', ['0', '—', '0'], false, NO_DATA_COLOR],
    ]);
    expect(chart.rows[0]?.title).toBe('上游 · 覆盖不足 Uncovered: 企业覆盖率25.0%，低于40.0%');
    // b1 and c1 both serve 3 SMEs: tie by id; b1 is in two links, c1 in one.
    expect(chart.columns.map((c) => [c.key, c.label, c.totals])).toEqual([
      ['b1', '甲银行', ['3', '2']],
      ['c1', '丙银行', ['3', '1']],
    ]);
    expect(chart.cell('t.up', 'b1').text).toBe('1');
    expect(chart.cell('t.up', 'c1').text).toBe('');
    expect(chart.cell('t.mid', 'c1')).toEqual({ text: '3', sub: '75.0%', fill: '#08519c' });
    expect(chart.rowTotalHeaders).toEqual(['银行数', '覆盖率', '缺口（万元）']);
  });

  it('by type for the department: short headers with the bank count, types expandable', () => {
    const m = buildCoverageModel(fixture(), 't', ALL, null, {
      disclosure: { perspective: 'gov', myBankId: null },
      expandTypes: ['joint_stock_bank'],
    });
    const chart = buildMatrixChart(m, {
      lang: 'zh',
      rowOrder: 'chain',
      columnOrder: 'type',
      selectedLinkId: null,
      expandedTypes: ['joint_stock_bank'],
    });
    expect(
      chart.columns.map((c) => [c.key, c.label, c.sublabel, c.title, c.toggle, c.child]),
    ).toEqual([
      [
        'type:large_state_bank',
        '国有大行',
        '1家',
        '国有大型商业银行（1家合计）',
        'expand',
        undefined,
      ],
      [
        'type:joint_stock_bank',
        '股份制',
        '1家',
        '股份制商业银行（1家合计）',
        'collapse',
        undefined,
      ],
      ['c1', '丙银行', undefined, '丙银行', undefined, true],
    ]);
  });

  it('names no competitor in bank perspective, hides their small counts, not my own', () => {
    const m = buildCoverageModel(fixture(), 't', ALL, null, {
      disclosure: { perspective: 'bank', myBankId: 'k1' },
      expandTypes: ['joint_stock_bank'],
    });
    const chart = buildMatrixChart(m, {
      lang: 'zh',
      rowOrder: 'chain',
      columnOrder: 'type',
      selectedLinkId: null,
      expandedTypes: ['joint_stock_bank'],
    });
    expect(chart.columns.map((c) => [c.label, c.sublabel, c.totals, c.emphasis, c.toggle])).toEqual(
      [
        ['乙市城商行', '本行', ['0', '0'], true, undefined],
        ['国有大行', '1家', ['3', '2'], false, undefined],
        ['股份制', '1家', ['3', '1'], false, undefined],
      ],
    );
    expect(JSON.stringify(chart.columns)).not.toMatch(/甲银行|丙银行/);
    // b1 serves one SME of t.up: “<3” in its type column for a bank's eyes
    expect(chart.cell('t.up', 'type:large_state_bank')).toMatchObject({ text: '<3' });
    expect(chart.cell('t.up', 'type:large_state_bank').sub).toBeUndefined();
  });

  it('a public screen: types only, no bank at all, small counts hidden', () => {
    const m = buildCoverageModel(fixture(), 't', ALL, 'k1', {
      disclosure: { perspective: 'public', myBankId: null },
    });
    expect(m.myBank).toBeNull();
    expect(m.whiteSpace).toBeNull();
    const chart = buildMatrixChart(m, {
      lang: 'en',
      rowOrder: 'chain',
      columnOrder: 'type',
      selectedLinkId: null,
    });
    expect(chart.columns.map((c) => [c.label, c.sublabel])).toEqual([
      ['Large state', '1 bank'],
      ['Joint stock', '1 bank'],
    ]);
    expect(chart.cell('t.up', 'type:large_state_bank').text).toBe('<3');
  });
});

describe('cellExplanation()', () => {
  it.each([
    ['t.mid', 'c1', 'Bank C1 · Mid: serves 3 of 4 SMEs (75.0%)'],
    ['t.up', 'b1', 'Bank B1 · Up: serves 1 of 4 SMEs (25.0%)'],
    ['t.up', 'c1', 'Bank C1 · Up: serves none of the link’s 4 SMEs'],
    ['t.ext', 'b1', 'Ext: no SMEs in this scope'],
    ['t.up', 'zz', ''],
  ])('%s × %s (department: every count)', (linkId, key, text) => {
    expect(cellExplanation(model(), linkId, key, 'en')).toBe(text);
  });

  it('explains a type column by its count, not by names, and hides one or two (§9.3)', () => {
    const m = buildCoverageModel(fixture(), 't', ALL, null, {
      disclosure: { perspective: 'bank', myBankId: 'k1' },
    });
    expect(cellExplanation(m, 't.mid', 'type:joint_stock_bank', 'zh')).toBe(
      '股份制商业银行（1家合计） · 中游：服务 3 / 4 家中小企业（75.0%）',
    );
    expect(cellExplanation(m, 't.up', 'type:large_state_bank', 'en')).toBe(
      'Large state-owned bank (1, combined) · Up: serves fewer than 3 of the link’s 4 SMEs (counts below 3 are not shown)',
    );
  });
});

describe('buildCoverageMapInput()', () => {
  it('colours cities and provinces by the link × region verdict and lists the link’s firms', () => {
    const input = buildCoverageMapInput(model(), { lang: 'en', linkId: 't.up' });
    // City A: u1, u2, u3, one served → 1/3 < 0.4 → uncovered; City B: u4 alone → too few.
    expect(
      [...input.cityGroups].map(([k, g]) => [k, g.cls, g.color, g.enterprises, g.gap]),
    ).toEqual([
      ['a', 'uncovered', VERDICT_COLORS.uncovered, 3, 2700],
      ['b', 'insufficient_data', NO_DATA_COLOR, 1, 1000],
    ]);
    expect(input.cityGroups.get('a')?.label).toBe(
      'City A · Uncovered: Firm coverage 33.3%, below 40.0%',
    );
    expect([...input.provinceGroups.keys()]).toEqual(['江苏', '浙江']);
    expect(input.provinceGroups.get('浙江')?.label).toBe(
      'Zhejiang · Insufficient data: Only 1 SMEs (fewer than 3)',
    );
    expect(input.enterprises.map((e) => [e.id, e.cls])).toEqual([
      ['u1', 'uncovered'],
      ['u2', 'uncovered'],
      ['u3', 'uncovered'],
      ['u4', 'insufficient_data'],
    ]);
    expect(input.enterprises[0]?.detail).toBe('Gap CNY 7m · has bank credit');
    expect(input.enterprises[1]?.detail).toBe('Gap CNY 10m · no bank credit yet');
    expect(input.highlightIds).toBeNull();
    expect(input.flowLink).toBeNull();
    expect(input.flowsByLink().size).toBe(0);
    expect(citySummary(input)).toEqual({ cities: 2, uncovered: 1 });
  });

  it('carries the region scope and draws nothing without a link', () => {
    const m = buildCoverageModel(fixture(), 't', { province: '江苏', city: 'a' }, null);
    const input = buildCoverageMapInput(m, { lang: 'zh', linkId: null });
    expect(input.scope).toEqual({ provinceZh: '江苏', cityId: 'a' });
    expect(input.enterprises).toEqual([]);
    expect(input.cityGroups.size).toBe(0);
  });
});

describe('labels', () => {
  it('regionLabel() names the scope in both languages', () => {
    const scoped = buildCoverageModel(fixture(), 't', { province: '江苏', city: 'a' }, null);
    expect(regionLabel(scoped, 'zh')).toBe('江苏 › 甲市');
    expect(regionLabel(scoped, 'en')).toBe('Jiangsu › City A');
    expect(regionLabel(model(), 'zh')).toBe('全国');
    expect(regionLabel(model(), 'en')).toBe('All of China');
  });

  it('columnLabel() of an “others” column counts the banks', () => {
    const m = model();
    const others = { ...m.matrix.columns[0]!, key: 'others', kind: 'others' as const, banks: 20 };
    expect(columnLabel(m, others, 'zh')).toBe('其他20家银行（合计）');
    expect(columnLabel(m, others, 'en')).toBe('Other banks (20, combined)');
  });

  it('competitorTypesText() counts by type in §2.8 order, never names', () => {
    expect(competitorTypesText({ rural_commercial_bank: 1, large_state_bank: 6 }, 'zh')).toBe(
      '（国有大型商业银行 6、农村商业银行 1）',
    );
    expect(competitorTypesText({ joint_stock_bank: 2 }, 'en')).toBe('(Joint-stock bank 2)');
    expect(competitorTypesText({}, 'en')).toBe('');
  });

  it('discreetCount() hides one or two (§9.3)', () => {
    expect([0, 1, 2, 3, 1234].map((x) => discreetCount(x, 'en'))).toEqual([
      '0',
      '<3',
      '<3',
      '3',
      '1,234',
    ]);
  });

  it('verdictLegend() is bilingual and presenceLegendEntries() ends with “<3”', () => {
    expect(verdictLegend('zh')[0]).toEqual({
      label: '数据不足 Insufficient data',
      color: NO_DATA_COLOR,
    });
    expect(verdictLegend('en').map((e) => e.label)).toContain('Blind spot 服务空白');
    expect(presenceLegendEntries('en').map((e) => e.label)).toEqual([
      '< 10%',
      '10%–25%',
      '25%–50%',
      '50%–75%',
      '≥ 75%',
      '<3 firms (not shown)',
    ]);
  });

  it('coverageExportText() says what, where, for whom, in which order and when', () => {
    const t = coverageExportText(model('k1'), {
      lang: 'en',
      rowOrder: 'gap',
      columnOrder: 'type',
      mapLinkId: 't.up',
    });
    expect(t.title).toBe('Test chain · bank coverage and white space');
    expect(t.subtitle).toBe('Scope: All of China · data as of 2025-06-30 · amounts in CNY');
    expect(t.filters).toEqual([
      'Chain: Test chain',
      'Region: All of China',
      'My bank: City B Bank',
      'Links: Largest gap',
      'Banks: By institution type',
      'Link on the map: Up',
    ]);
    expect(t.legend).toHaveLength(12);
  });

  it('the PNG’s texts and tables in bank perspective name no other bank', () => {
    const m = buildCoverageModel(fixture(), 't', ALL, null, {
      disclosure: { perspective: 'bank', myBankId: 'k1' },
    });
    for (const lang of ['zh', 'en'] as const) {
      const chart = buildMatrixChart(m, {
        lang,
        rowOrder: 'chain',
        columnOrder: 'type',
        selectedLinkId: null,
      });
      const text = JSON.stringify([
        coverageExportText(m, { lang, rowOrder: 'chain', columnOrder: 'type', mapLinkId: null }),
        chart.columns,
        whiteSpaceTableStrings(m, m.whiteSpace ?? [], lang),
        targetTableStrings(m, m.targets ?? [], lang),
      ]);
      expect(text).toContain(lang === 'zh' ? '乙市城商行' : 'City B Bank');
      for (const other of ['甲银行', '丙银行', 'Bank B1', 'Bank C1'])
        expect(text).not.toContain(other);
    }
  });
});

describe('regionChoices()', () => {
  it('lists the provinces and cities where the chain has firms', () => {
    const analysis = fixture();
    expect(regionChoices(analysis, 't', null, 'en')).toEqual({
      provinces: [
        { zh: '江苏', label: 'Jiangsu' },
        { zh: '浙江', label: 'Zhejiang' },
      ],
      cities: [
        { id: 'a', label: 'City A', provinceZh: '江苏' },
        { id: 'b', label: 'City B', provinceZh: '浙江' },
      ],
    });
    expect(regionChoices(analysis, 't', '浙江', 'zh').cities).toEqual([
      { id: 'b', label: '乙市', provinceZh: '浙江' },
    ]);
    expect(regionChoices(analysis, 'zz', null, 'zh')).toEqual({ provinces: [], cities: [] });
  });
});

describe('matrixDims() / firstEntries()', () => {
  it('shares the width left by labels and totals among the columns, 44 to 80 px each', () => {
    // zh: 900 − (6 + 150 + 46 + 56 + 74 + 8 + 6 = 346) = 554 → 9 columns of 61 px
    expect(matrixDims(9, 'zh', 900).cellWidth).toBe(61);
    // en labels are 40 px wider: 514 / 9 → 57
    expect(matrixDims(9, 'en', 900)).toMatchObject({ cellWidth: 57, labelWidth: 190 });
    expect(matrixDims(2, 'zh', 900).cellWidth).toBe(80);
    expect(matrixDims(40, 'zh', 900).cellWidth).toBe(44);
  });

  it('keeps the first n unless all are asked for', () => {
    expect(firstEntries([1, 2, 3], 2, false)).toEqual({ shown: [1, 2], hidden: 1 });
    expect(firstEntries([1, 2, 3], 2, true)).toEqual({ shown: [1, 2, 3], hidden: 0 });
    expect(firstEntries([], 2, false)).toEqual({ shown: [], hidden: 0 });
  });
});

describe('buildCoverageMapInput() on a public screen', () => {
  it('labels firms “企业 #n”, never by name (§9.3)', () => {
    const m = buildCoverageModel(fixture(), 't', ALL, null, {
      disclosure: { perspective: 'public', myBankId: null },
    });
    const input = buildCoverageMapInput(m, { lang: 'zh', linkId: 't.up' });
    expect(input.enterprises.length).toBeGreaterThan(0);
    for (const e of input.enterprises) expect(e.label).toMatch(/^企业 #\d+$/);
  });
});

describe('sortTargets() / targetFlags()', () => {
  const row = (id: string, need: number, gap: number, linkId: string) => ({
    enterpriseId: id,
    nameZh: id,
    nameEn: id,
    uscc: '',
    cityId: 'a',
    linkId,
    need,
    gap,
    products: [],
    reasons: [],
    firstLoan: id === 'x',
    renewal: id === 'y',
  });
  const rows = [
    row('x', 500, 100, 't.up'),
    row('y', 900, 300, 't.mid'),
    row('z', 700, 300, 't.down'),
  ];

  it('sorts by gap (largest first, ties by id), by need, by link name, either way', () => {
    const m = model();
    const ids = (key: Parameters<typeof sortTargets>[2], asc: boolean) =>
      sortTargets(m, rows, key, asc, 'en').map((r) => r.enterpriseId);
    expect(ids('gap', false)).toEqual(['y', 'z', 'x']);
    expect(ids('gap', true)).toEqual(['x', 'y', 'z']);
    expect(ids('need', false)).toEqual(['y', 'z', 'x']);
    // Down, Mid, Up in English A→Z, and back
    expect(ids('link', true)).toEqual(['z', 'y', 'x']);
    expect(ids('link', false)).toEqual(['x', 'y', 'z']);
    expect(rows.map((r) => r.enterpriseId)).toEqual(['x', 'y', 'z']);
  });

  it('names the flags in words', () => {
    expect(targetFlags(rows[0]!, 'zh')).toBe('首贷');
    expect(targetFlags(rows[1]!, 'en')).toBe('Renewal due');
    expect(targetFlags(rows[2]!, 'zh')).toBe('');
  });
});
