import { describe, expect, it } from 'vitest';
import { checkFilePlan, defaultDatasetName, fileKindOf, type PlannedFile } from './file-plan';

const csv = (name: string, sheet: PlannedFile['sheet']): PlannedFile => ({
  name,
  kind: 'csv',
  sheet,
});
const xlsx = (name: string): PlannedFile => ({ name, kind: 'xlsx', sheet: null });

describe('fileKindOf()', () => {
  it.each([
    ['企业清单.csv', 'csv'],
    ['LIST.CSV', 'csv'],
    ['book.xlsx', 'xlsx'],
    ['old.xls', null],
    ['notes.txt', null],
    ['no-extension', null],
  ] as const)('%s → %s', (name, kind) => {
    expect(fileKindOf(name)).toBe(kind);
  });
});

describe('checkFilePlan()', () => {
  it('accepts nothing chosen yet without complaint', () => {
    expect(checkFilePlan([])).toEqual([]);
  });

  it('accepts one CSV per sheet with the enterprise list among them', () => {
    const files = [
      csv('e.csv', 'enterprises'),
      csv('c.csv', 'creditRelations'),
      csv('s.csv', 'supplyEdges'),
    ];
    expect(checkFilePlan(files)).toEqual([]);
  });

  it('accepts a single workbook', () => {
    expect(checkFilePlan([xlsx('all.xlsx')])).toEqual([]);
  });

  it('refuses a workbook mixed with other files', () => {
    expect(checkFilePlan([xlsx('all.xlsx'), csv('e.csv', 'enterprises')])).toEqual([
      { code: 'xlsxMixed' },
    ]);
  });

  it('names an unsupported file and still checks the rest', () => {
    expect(
      checkFilePlan([{ name: 'a.xls', kind: null, sheet: null }, csv('e.csv', 'enterprises')]),
    ).toEqual([{ code: 'unsupported', name: 'a.xls' }]);
  });

  it('refuses two files for one sheet', () => {
    expect(checkFilePlan([csv('a.csv', 'enterprises'), csv('b.csv', 'enterprises')])).toEqual([
      { code: 'sheetTwice', sheet: 'enterprises' },
    ]);
  });

  it('asks for the sheet of an unrecognised CSV and for the enterprise list', () => {
    expect(checkFilePlan([csv('x.csv', null), csv('s.csv', 'supplyEdges')])).toEqual([
      { code: 'sheetUnknown', name: 'x.csv' },
      { code: 'noEnterprises' },
    ]);
  });

  it('does not mutate its input', () => {
    const files = [csv('a.csv', 'enterprises'), csv('b.csv', 'enterprises')];
    const before = structuredClone(files);
    checkFilePlan(files);
    expect(files).toEqual(before);
  });
});

describe('defaultDatasetName()', () => {
  it('takes the workbook or the enterprise file name without its extension', () => {
    expect(
      defaultDatasetName([csv('c.csv', 'creditRelations'), csv('常州.csv', 'enterprises')]),
    ).toBe('常州');
    expect(defaultDatasetName([xlsx('清单.v2.xlsx')])).toBe('清单.v2');
    expect(defaultDatasetName([csv('c.csv', 'creditRelations')])).toBe('');
  });
});
