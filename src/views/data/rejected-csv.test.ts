import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ImportIssueRow, RejectedSheetRows } from '../../data/import-client';
import {
  buildRejectedRowsCsv,
  MESSAGES_HEADER,
  rejectedRowsFileName,
  rowMessages,
} from './rejected-csv';

const rejected = (): RejectedSheetRows => ({
  sheet: 'enterprises',
  fileName: '企业清单.csv',
  headers: ['USCC', 'Enterprise name', 'Financing need (10k CNY)'],
  rows: [
    { row: 3, cells: ['91320411MA1CDE2F40', '常州"校验"有限公司', '300'] },
    { row: 6, cells: ['91320402MA4KL6MN1M', '=HYPERLINK("x")', '-500'] },
  ],
});

const issues: ImportIssueRow[] = [
  {
    sheet: 'enterprises',
    row: 3,
    column: 'USCC',
    value: '91320411MA1CDE2F40',
    code: 'E_USCC_CHECK',
    severity: 'error',
    messageZh: '校验码应为U',
    messageEn: 'check character should be U',
    suggestion: 'U',
  },
  {
    sheet: 'enterprises',
    row: 6,
    column: 'Financing need (10k CNY)',
    value: '-500',
    code: 'E_NEGATIVE',
    severity: 'error',
    messageZh: '不能为负数',
    messageEn: 'must not be negative',
  },
  {
    sheet: 'enterprises',
    row: 6,
    column: 'Enterprise name',
    value: '',
    code: 'W_NAME_SUFFIX',
    severity: 'warning',
    messageZh: '缺少后缀',
    messageEn: 'no suffix',
  },
];

describe('rowMessages()', () => {
  it('joins every issue of the row in both languages with its column and suggestion', () => {
    expect(rowMessages(issues, 'enterprises', 3)).toBe(
      'USCC：校验码应为U / check character should be U（建议 / suggestion: U）',
    );
    expect(rowMessages(issues, 'enterprises', 6)).toBe(
      'Financing need (10k CNY)：不能为负数 / must not be negative；Enterprise name：缺少后缀 / no suffix',
    );
    expect(rowMessages(issues, 'creditRelations', 6)).toBe('');
  });
});

describe('buildRejectedRowsCsv()', () => {
  it('starts with a BOM and reads back as the original columns plus the messages', () => {
    const text = buildRejectedRowsCsv(rejected(), issues);
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      ['USCC', 'Enterprise name', 'Financing need (10k CNY)', MESSAGES_HEADER],
      [
        '91320411MA1CDE2F40',
        '常州"校验"有限公司',
        '300',
        'USCC：校验码应为U / check character should be U（建议 / suggestion: U）',
      ],
      [
        '91320402MA4KL6MN1M',
        `'=HYPERLINK("x")`,
        "'-500",
        'Financing need (10k CNY)：不能为负数 / must not be negative；Enterprise name：缺少后缀 / no suffix',
      ],
    ]);
  });

  it('pads short rows and names the columns of long ones', () => {
    const r = rejected();
    r.rows = [{ row: 2, cells: ['a', 'b', 'c', 'extra'] }];
    const rows = Papa.parse<string[]>(buildRejectedRowsCsv(r, []).slice(1), {
      skipEmptyLines: true,
    }).data;
    expect(rows[0]).toEqual([
      'USCC',
      'Enterprise name',
      'Financing need (10k CNY)',
      '',
      MESSAGES_HEADER,
    ]);
    expect(rows[1]).toEqual(['a', 'b', 'c', 'extra', '']);
  });

  it('does not mutate its input', () => {
    const r = rejected();
    const before = structuredClone(r);
    buildRejectedRowsCsv(r, issues);
    expect(r).toEqual(before);
  });
});

describe('rejectedRowsFileName()', () => {
  it('uses the source file stem, and the sheet for a workbook', () => {
    expect(rejectedRowsFileName(rejected())).toBe('企业清单-rejected-rows.csv');
    expect(
      rejectedRowsFileName({ ...rejected(), fileName: 'all.xlsx', sheet: 'supplyEdges' }),
    ).toBe('all-supplyEdges-rejected-rows.csv');
  });
});
