import { describe, expect, it } from 'vitest';
import { datasetCompleteness } from '../analysis/completeness';
import { DatasetSchema } from '../domain/schema';
import { makeLargeEnterprisesCsv } from '../import/make-large-csv';
import { loadDemoReference, readFixture } from '../import/test-support';
import { ImportJobError, runImportJob, type ImportFile, type ImportJobOptions } from './import-job';

const reference = loadDemoReference();
const OPTIONS: ImportJobOptions = {
  datasetId: 'import-test',
  name: '测试导入',
  asOf: '2025-06-30',
  now: '2025-06-30',
  unitYuan: false,
  crs: 'WGS84',
};

const fixture = (name: string, kind: 'csv' | 'xlsx' = 'csv', sheet?: ImportFile['sheet']) => {
  const file: ImportFile = { file: new Blob([readFixture(name).slice()]), name, kind };
  return sheet ? { ...file, sheet } : file;
};

describe('runImportJob()', () => {
  it('imports the mistakes fixture with the README counts and returns its rejected rows as read', async () => {
    const r = await runImportJob({
      files: [fixture('enterprises.mistakes.csv', 'csv', 'enterprises')],
      reference,
      options: OPTIONS,
    });
    expect(r.summary.enterprises).toEqual({
      rows: 10,
      imported: 6,
      rejected: 4,
      withWarnings: 3,
      emptySkipped: 1,
    });
    expect(r.issues).toHaveLength(9);
    expect(r.rejected).toHaveLength(1);
    const [rejected] = r.rejected;
    expect(rejected?.fileName).toBe('enterprises.mistakes.csv');
    expect(rejected?.headers[0]).toBe('USCC');
    expect(rejected?.rows.map((x) => x.row)).toEqual([3, 4, 6, 8]);
    expect(rejected?.rows[2]?.cells[9]).toBe('-500');
    expect(r.files).toEqual([
      {
        name: 'enterprises.mistakes.csv',
        kind: 'csv',
        sheets: ['enterprises'],
        encoding: 'utf-8-bom',
      },
    ]);
    expect(r.dataset.enterprises).toHaveLength(6);
    expect(DatasetSchema.safeParse(r.dataset).success).toBe(true);
  });

  it('records the files and the approved-credit origin of relations in meta.sources', async () => {
    const r = await runImportJob({
      files: [fixture('enterprises.gbk.csv', 'csv', 'enterprises')],
      reference,
      options: OPTIONS,
    });
    expect(r.dataset.meta.sources.map((s) => s.id)).toEqual([
      'file-1',
      'import-credit-from-approved',
    ]);
    expect(r.dataset.meta.sources[0]).toMatchObject({
      title: 'enterprises.gbk.csv',
      note: '企业清单 · gb18030',
    });
    expect(r.issues.map((i) => i.code)).toEqual(['I_ENCODING', 'I_CREDIT_SYNTHESISED']);
    expect(datasetCompleteness(r.dataset).map((g) => g.kind)).toContain('credit-from-approved');
  });

  it('imports the three clean CSVs and the XLSX to the same 26 rows', async () => {
    const csv = await runImportJob({
      files: [
        fixture('supply_edges.clean.csv', 'csv', 'supplyEdges'),
        fixture('enterprises.clean.csv', 'csv', 'enterprises'),
        fixture('credit_relations.clean.csv', 'csv', 'creditRelations'),
      ],
      reference,
      options: OPTIONS,
    });
    const xlsx = await runImportJob({
      files: [fixture('all-sheets.xlsx', 'xlsx')],
      reference,
      options: OPTIONS,
    });
    for (const r of [csv, xlsx]) {
      expect(r.summary.total).toEqual({
        rows: 26,
        imported: 26,
        rejected: 0,
        withWarnings: 0,
        emptySkipped: 0,
      });
      expect(r.rejected).toEqual([]);
      expect(r.dataset.enterprises).toHaveLength(10);
      expect(r.dataset.creditRelations).toHaveLength(10);
      expect(r.dataset.supplyEdges).toHaveLength(6);
    }
    expect(xlsx.files).toEqual([
      {
        name: 'all-sheets.xlsx',
        kind: 'xlsx',
        sheets: ['enterprises', 'creditRelations', 'supplyEdges'],
      },
    ]);
    expect(xlsx.issues.map((i) => i.code)).toEqual(['I_SHEET_IGNORED']);
  });

  it('refuses a set of files without an enterprise sheet', async () => {
    await expect(
      runImportJob({
        files: [fixture('supply_edges.clean.csv', 'csv', 'supplyEdges')],
        reference,
        options: OPTIONS,
      }),
    ).rejects.toMatchObject({ code: 'E_NO_ENTERPRISES' });
  });

  it('refuses two files for the same sheet', async () => {
    await expect(
      runImportJob({
        files: [
          fixture('enterprises.clean.csv', 'csv', 'enterprises'),
          fixture('enterprises.gbk.csv', 'csv', 'enterprises'),
        ],
        reference,
        options: OPTIONS,
      }),
    ).rejects.toBeInstanceOf(ImportJobError);
  });

  it('names the file it cannot read', async () => {
    const broken: ImportFile = { file: new Blob(['not a zip']), name: 'broken.xlsx', kind: 'xlsx' };
    await expect(
      runImportJob({ files: [broken], reference, options: OPTIONS }),
    ).rejects.toMatchObject({
      code: 'E_NOT_XLSX',
      messageZh: expect.stringContaining('broken.xlsx'),
    });
  });

  it('refuses a workbook renamed .csv as not a text file, instead of hundreds of rejections', async () => {
    const xlsx: ImportFile = {
      file: new Blob([readFixture('all-sheets.xlsx').slice()]),
      name: '企业清单.csv',
      kind: 'csv',
      sheet: 'enterprises',
    };
    const err: unknown = await runImportJob({ files: [xlsx], reference, options: OPTIONS }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportJobError);
    expect(err).toMatchObject({ code: 'E_NOT_TEXT' });
    const e = err as ImportJobError;
    expect(e.messageZh.startsWith('企业清单.csv：这不是文本文件')).toBe(true);
    expect(e.message.startsWith('企业清单.csv: this is not a text file')).toBe(true);
  });

  it("shows a damaged workbook in both languages, never the zip library's text", async () => {
    const whole = readFixture('all-sheets.xlsx');
    const damaged: ImportFile = {
      file: new Blob([whole.slice(0, Math.floor(whole.length * 0.6))]),
      name: 'damaged.xlsx',
      kind: 'xlsx',
    };
    const err = (await runImportJob({ files: [damaged], reference, options: OPTIONS }).catch(
      (e: unknown) => e,
    )) as ImportJobError;
    expect(err.code).toBe('E_NOT_XLSX');
    expect(err.messageZh).toBe(
      'damaged.xlsx：无法读取该Excel文件：文件已损坏，或不是.xlsx工作簿（旧版.xls请在Excel中另存为.xlsx）',
    );
    expect(err.message).not.toMatch(/central directory|End of data|jszip|Corrupted/i);
  });

  it('reports rising progress through reading and validation, ending at 1', async () => {
    const text = makeLargeEnterprisesCsv(5000, reference);
    const seen: number[] = [];
    await runImportJob(
      {
        files: [{ file: new Blob([text]), name: 'big.csv', kind: 'csv', sheet: 'enterprises' }],
        reference,
        options: OPTIONS,
      },
      { onProgress: (x) => seen.push(x) },
    );
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.some((x) => x > 0 && x < 0.4)).toBe(true);
    expect(seen.some((x) => x > 0.4 && x < 0.95)).toBe(true);
    expect(seen.every((x, i) => i === 0 || x >= (seen[i - 1] ?? 0))).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });

  it('stops with the abort reason when cancelled while reading', async () => {
    const text = makeLargeEnterprisesCsv(5000, reference);
    const controller = new AbortController();
    const reason = new Error('cancelled by test');
    const job = runImportJob(
      {
        files: [{ file: new Blob([text]), name: 'big.csv', kind: 'csv', sheet: 'enterprises' }],
        reference,
        options: OPTIONS,
      },
      {
        signal: controller.signal,
        onProgress: (x) => {
          if (x > 0 && x < 0.4) controller.abort(reason);
        },
      },
    );
    await expect(job).rejects.toBe(reason);
  });
});
