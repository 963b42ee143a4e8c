import { describe, expect, it } from 'vitest';
import type { ImportIssueRow } from '../../data/import-client';
import {
  filterIssues,
  overridableRows,
  pageOf,
  rowLabel,
  severityCounts,
  summaryLine,
} from './report-model';

const issue = (over: Partial<ImportIssueRow>): ImportIssueRow => ({
  sheet: 'enterprises',
  row: 2,
  column: 'USCC',
  value: '',
  code: 'E_USCC_CHECK',
  severity: 'error',
  messageZh: '错',
  messageEn: 'wrong',
  ...over,
});

describe('summaryLine()', () => {
  const s = { rows: 1234, imported: 1201, rejected: 33, withWarnings: 57, emptySkipped: 0 };

  it('reads like §7.1 in Chinese, with thousands separators', () => {
    expect(summaryLine(s, 'zh')).toBe('1,234 行：1,201 行导入，33 行拒绝，57 行有警告');
  });

  it('reads like §7.1 in English', () => {
    expect(summaryLine(s, 'en')).toBe('1,234 rows: 1,201 imported, 33 rejected, 57 with warnings');
  });
});

describe('severityCounts() and filterIssues()', () => {
  const issues = [
    issue({ severity: 'error' }),
    issue({ severity: 'warning', code: 'W_NAME_SUFFIX' }),
    issue({ severity: 'warning', code: 'W_UNIT_YUAN' }),
    issue({ severity: 'info', code: 'I_EMPTY_ROW' }),
  ];

  it('counts each severity and all', () => {
    expect(severityCounts(issues)).toEqual({ all: 4, error: 1, warning: 2, info: 1 });
  });

  it('keeps the issues of one severity, in order, or all of them', () => {
    expect(filterIssues(issues, 'warning').map((i) => i.code)).toEqual([
      'W_NAME_SUFFIX',
      'W_UNIT_YUAN',
    ]);
    expect(filterIssues(issues, 'all')).toBe(issues);
  });
});

describe('pageOf()', () => {
  it.each([
    [0, { items: [1, 2], page: 0, pages: 3, from: 1, to: 2 }],
    [2, { items: [5], page: 2, pages: 3, from: 5, to: 5 }],
    [9, { items: [5], page: 2, pages: 3, from: 5, to: 5 }],
    [-1, { items: [1, 2], page: 0, pages: 3, from: 1, to: 2 }],
  ])('page %i of five items by two', (page, expected) => {
    expect(pageOf([1, 2, 3, 4, 5], page, 2)).toEqual(expected);
  });

  it('gives one empty page for no items', () => {
    expect(pageOf([], 0, 50)).toEqual({ items: [], page: 0, pages: 1, from: 0, to: 0 });
  });
});

describe('rowLabel()', () => {
  it.each([
    [0, 'zh', '整个文件'],
    [1, 'en', 'header'],
    [12, 'zh', '12'],
    [12345, 'en', '12,345'],
  ] as const)('row %i in %s → %s', (row, lang, label) => {
    expect(rowLabel(row, lang)).toBe(label);
  });
});

describe('overridableRows()', () => {
  it('offers the rows whose only error is the check character', () => {
    const issues = [
      issue({ row: 3 }),
      issue({ row: 4 }),
      issue({ row: 4, code: 'E_NEGATIVE', column: 'need' }),
      issue({ row: 5, severity: 'warning', code: 'W_NAME_SUFFIX' }),
      issue({ row: 6, sheet: 'creditRelations' }),
    ];
    expect([...overridableRows(issues)]).toEqual([3]);
  });
});
