import { describe, expect, it } from 'vitest';
import { buildDatasetIndex } from '../analysis/dataset-index';
import type {
  BatchListRow,
  EnterpriseListRow,
  NeedsListRow,
  UnassignedListRow,
} from '../analysis/lists';
import { createBank, createCity, createDataset } from '../analysis/test-fixtures';
import { toCsv } from './csv';
import {
  batchListTable,
  enterpriseListTable,
  exportFileName,
  exportFooterLines,
  needsListTable,
  reasonText,
  scopeNameZh,
  targetListTable,
  unassignedTable,
  type ListExportContext,
} from './lists';

function ctxOf(scope: ListExportContext['scope'] = { chainId: 't' }, isSynthetic = true) {
  const dataset = createDataset({
    cities: [createCity(), createCity({ id: 'b', gbCode: '320500', nameZh: '乙市' })],
    banks: [createBank(), createBank({ id: 'b2', nameZh: '乙市农商行（示例）' })],
  });
  dataset.meta = { ...dataset.meta, datasetId: 'demo-v1', asOf: '2025-06-30', isSynthetic };
  return { index: buildDatasetIndex(dataset), scope };
}

const identity = {
  enterpriseId: 'e1',
  nameZh: '示例·甲市·中游企业001（演示）',
  nameEn: 'Demo A Mid #001',
  uscc: '91320400DE00000H56',
  cityId: 'a',
  linkId: 't.mid',
};

describe('exportFooterLines()', () => {
  it('names the chain and region, then the §8.4 footer with the data date', () => {
    expect(exportFooterLines(ctxOf())).toEqual([
      '产业链 / Chain：测试链 — 范围 / Scope：全国',
      '合成演示数据 / Synthetic demo data — demo-v1 — generated 2025-06-30 — 数据日期 / Data as of 2025-06-30',
    ]);
  });

  it('does not repeat the date an import footer already names', () => {
    expect(exportFooterLines(ctxOf({ chainId: 't' }, false))[1]).toBe(
      '用户导入数据 / User-imported data — demo-v1 — 数据日期 / as of 2025-06-30',
    );
  });
});

describe('scopeNameZh()', () => {
  it.each([
    [{ chainId: 't' }, '全国'],
    [{ chainId: 't', provinceZh: '江苏' }, '江苏'],
    [{ chainId: 't', cityId: 'b' }, '江苏·乙市'],
  ])('%o → %s', (scope, expected) => {
    expect(scopeNameZh(ctxOf().index, scope)).toBe(expected);
  });
});

describe('exportFileName()', () => {
  it.each([
    ['batch', { chainId: 't' }, 'xlsx', '批次推荐清单_t_2025-06-30.xlsx'],
    [
      'enterprises',
      { chainId: 't', provinceZh: '江苏' },
      'csv',
      '链上企业清单_t_江苏_2025-06-30.csv',
    ],
    ['needs', { chainId: 't', cityId: 'b' }, 'csv', '融资需求清单_t_乙市_2025-06-30.csv'],
    ['batch', { chainId: 't', provinceZh: 'a/b:c' }, 'csv', '批次推荐清单_t_a-b-c_2025-06-30.csv'],
  ] as const)('%s in %o as %s → %s', (kind, scope, ext, expected) => {
    expect(exportFileName(kind, ctxOf(scope), ext)).toBe(expected);
  });

  it.each([
    ['batch', { chainId: 't' }, 'batch-recommendations_t_2025-06-30.xlsx'],
    [
      'enterprises',
      { chainId: 't', provinceZh: '江苏' },
      'enterprise-list_t_Jiangsu_2025-06-30.xlsx',
    ],
    ['targets', { chainId: 't', cityId: 'a' }, 'white-space-targets_t_City-A_2025-06-30.xlsx'],
  ] as const)('in English: %s in %o → %s', (kind, scope, expected) => {
    expect(exportFileName(kind, ctxOf(scope), 'xlsx', 'en')).toBe(expected);
  });
});

describe('targetListTable()', () => {
  it('writes my white-space firms with my products, the reasons in words and the flags', () => {
    const t = targetListTable(
      [
        {
          ...identity,
          need: 1200,
          gap: 900,
          products: ['SCF_AR', 'CREDIT_LOAN'],
          reasons: ['M-AR-ON-LEADER', 'M-TAX-OR-SRDI'],
          firstLoan: true,
          renewal: false,
        },
      ],
      ctxOf(),
      '甲市城商行（示例）',
    );
    expect(t.name).toBe('白区目标企业清单');
    expect(t.columns.map((c) => c.header)).toEqual([
      '序号 / No.',
      '企业名称 / Enterprise name',
      '统一社会信用代码 / USCC',
      '所在城市 / City',
      '产业链环节 / Chain link',
      '融资需求（万元） / Financing need (10k CNY)',
      '融资缺口（万元） / Financing gap (10k CNY)',
      '本行适配产品 / My products that fit',
      '适配理由 / Why they fit',
      '首贷对象 / First-loan case',
      '90天内到期续贷 / Renewal due (90 days)',
    ]);
    const row = t.rows[0] ?? [];
    expect(row.slice(0, 7)).toEqual([1, identity.nameZh, identity.uscc, '甲市', '中游', 1200, 900]);
    expect(row[7]).toMatch(/^应收账款融资.*、信用贷款/);
    expect(String(row[8])).not.toMatch(/M-/);
    expect(row.slice(9)).toEqual(['是', '否']);
    expect(t.footer[0]).toBe('银行 / Bank：甲市城商行（示例）');
  });
});

describe('reasonText()', () => {
  it.each([
    ['R-FILL-SRDI', '短板环节的专精特新企业'],
    ['M-NO-BANK-CREDIT', '尚无银行授信且有融资需求'],
    ['X-UNKNOWN', 'X-UNKNOWN'],
  ])('%s → %s', (code, expected) => {
    expect(reasonText(code)).toBe(expected);
  });
});

describe('batchListTable()', () => {
  const rows: BatchListRow[] = [
    {
      ...identity,
      bankId: 'b2',
      rank: 1,
      score: 0.8125,
      factors: { fit: 0.315, gap: 0.1975, role: 0.2, size: 0.1, novelty: 0.1 },
      role: 'fill',
      recommendedProducts: ['FIRST_LOAN', 'CREDIT_LOAN'],
      reasonCodes: ['R-FILL-SRDI', 'M-NO-BANK-CREDIT'],
      gap: 850,
    },
  ];

  it('has Chinese-first headers and one row per item, amounts as numbers', () => {
    const t = batchListTable(rows, ctxOf());
    expect(t.name).toBe('批次推荐清单');
    expect(t.columns.map((c) => c.header.split(' / ')[0])).toEqual([
      '推荐银行',
      '排名',
      '企业名称',
      '统一社会信用代码',
      '所在城市',
      '产业链环节',
      '链上角色',
      '匹配程度',
      '匹配得分',
      '得分构成',
      '推荐产品',
      '推荐理由',
      '融资缺口（万元）',
    ]);
    expect(t.rows).toEqual([
      [
        '乙市农商行（示例）',
        1,
        '示例·甲市·中游企业001（演示）',
        '91320400DE00000H56',
        '甲市',
        '中游',
        '补链',
        // 0.8125 ≥ 0.75: a strong fit, with the terms that made it
        '强',
        0.8125,
        '产品适配 0.32 + 链上角色 0.20 + 缺口大小 0.20 + 规模匹配 0.10 + 首贷/老客户 0.10',
        '首贷、信用贷款',
        '短板环节的专精特新企业；尚无银行授信且有融资需求',
        850,
      ],
    ]);
    expect(t.footer).toHaveLength(2);
  });

  it('gives every row as many cells as there are columns', () => {
    const t = batchListTable(rows, ctxOf());
    for (const r of t.rows) expect(r).toHaveLength(t.columns.length);
  });
});

describe('unassignedTable()', () => {
  it('translates the reason and the suggested tools', () => {
    const rows: UnassignedListRow[] = [
      {
        ...identity,
        role: 'general',
        size: 'micro',
        gap: 300,
        reason: 'no_matching_bank',
        suggestedTools: ['GOV_GUARANTEE', 'POLICY_RELENDING'],
      },
    ];
    expect(unassignedTable(rows, ctxOf()).rows[0]).toEqual([
      1,
      '示例·甲市·中游企业001（演示）',
      '91320400DE00000H56',
      '甲市',
      '中游',
      '微型',
      '一般配套',
      300,
      '本地没有提供其所需产品的银行',
      '政府性融资担保、政策性银行或再贷款渠道',
    ]);
  });
});

describe('enterpriseListTable()', () => {
  it('numbers the rows and writes size, SRDI tier and role in Chinese', () => {
    const rows: EnterpriseListRow[] = [
      { ...identity, size: 'small', srdiTier: 'little_giant', role: 'strengthen' },
      { ...identity, enterpriseId: 'e2', size: 'medium', srdiTier: 'none', role: 'general' },
    ];
    const t = enterpriseListTable(rows, ctxOf());
    expect(t.columns.map((c) => c.header.split(' / ')[0])).toEqual([
      '序号',
      '企业名称',
      '统一社会信用代码',
      '所在城市',
      '产业链环节',
      '企业规模',
      '专精特新等级',
      '链上角色',
    ]);
    expect(t.rows.map((r) => [r[0], r[5], r[6], r[7]])).toEqual([
      [1, '小型', '专精特新“小巨人”', '强链'],
      [2, '中型', '', '一般配套'],
    ]);
  });
});

describe('needsListTable()', () => {
  it('writes amounts, purposes, tenor and products', () => {
    const rows: NeedsListRow[] = [
      {
        ...identity,
        need: 1000,
        approved: 300,
        gap: 700,
        purposes: ['working_capital', 'equipment_renewal'],
        preferredTenor: 'medium_long',
        recommendedProducts: ['MLT_LOAN'],
      },
      {
        ...identity,
        enterpriseId: 'e2',
        need: 50.5,
        approved: 0,
        gap: 50.5,
        purposes: [],
        preferredTenor: null,
        recommendedProducts: [],
      },
    ];
    const t = needsListTable(rows, ctxOf());
    expect(t.rows.map((r) => r.slice(5))).toEqual([
      [1000, 300, 700, '流动资金、设备更新', '中长期（>1年）', '中长期贷款'],
      [50.5, 0, 50.5, '', '', ''],
    ]);
    expect(t.columns.filter((c) => c.kind === 'amount').map((c) => c.header)).toEqual([
      '融资需求（万元） / Financing need (10k CNY)',
      '已获授信（万元） / Approved credit (10k CNY)',
      '融资缺口（万元） / Financing gap (10k CNY)',
    ]);
  });

  it('neutralises a formula in an enterprise name when written as CSV', () => {
    const rows: NeedsListRow[] = [
      {
        ...identity,
        nameZh: '=HYPERLINK("http://x")',
        need: 1,
        approved: 0,
        gap: 1,
        purposes: [],
        preferredTenor: null,
        recommendedProducts: [],
      },
    ];
    const csv = toCsv(needsListTable(rows, ctxOf()));
    expect(csv.split('\r\n')[1]).toContain('"\'=HYPERLINK(""http://x"")"');
  });
});
