import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ExportTable } from './csv';
import { buildXlsx, loadExcelJs, WORKBOOK_CREATOR } from './xlsx';

const tableOf = (over: Partial<ExportTable> = {}): ExportTable => ({
  name: '融资需求清单',
  columns: [
    { header: '序号 / No.', kind: 'integer', width: 7 },
    { header: '企业名称 / Enterprise name', kind: 'text', width: 30 },
    { header: '融资缺口（万元） / Financing gap (10k CNY)', kind: 'amount', width: 16 },
    { header: '匹配得分 / Score', kind: 'score', width: 10 },
  ],
  rows: [
    [1, '示例·常州·隔膜企业017（演示）', 850, 0.8123],
    [2, '=1+1', 1200.5, null],
  ],
  footer: ['产业链 / Chain：新能源汽车', '合成演示数据 / Synthetic demo data'],
  ...over,
});

const info = {
  title: '融资需求清单',
  subject: '新能源汽车',
  description: '合成演示数据 / Synthetic demo data',
  keywords: '一链一策',
  created: new Date('2025-06-30T00:00:00Z'),
};

async function readBack(bytes: Uint8Array<ArrayBuffer>) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer);
  return wb;
}

describe('buildXlsx()', () => {
  it('writes a zip (an .xlsx is a zip: PK header)', async () => {
    const bytes = await buildXlsx(ExcelJS, [tableOf()], info);
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('names the sheet, bolds and freezes the header row', async () => {
    const wb = await readBack(await buildXlsx(ExcelJS, [tableOf()], info));
    const ws = wb.getWorksheet('融资需求清单')!;
    expect(ws).toBeDefined();
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '序号 / No.',
      '企业名称 / Enterprise name',
      '融资缺口（万元） / Financing gap (10k CNY)',
      '匹配得分 / Score',
    ]);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('keeps numbers as numbers with their format and text as text', async () => {
    const wb = await readBack(await buildXlsx(ExcelJS, [tableOf()], info));
    const ws = wb.getWorksheet('融资需求清单')!;
    expect(ws.getCell('C2').value).toBe(850);
    expect(ws.getCell('C3').value).toBe(1200.5);
    expect(ws.getCell('C2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('D2').numFmt).toBe('0.0000');
    // A string that looks like a formula is stored as a string, never as a formula.
    expect(ws.getCell('B3').value).toBe('=1+1');
    expect(ws.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('D3').value).toBeNull();
  });

  it('sets the column widths', async () => {
    const wb = await readBack(await buildXlsx(ExcelJS, [tableOf()], info));
    const ws = wb.getWorksheet('融资需求清单')!;
    expect([1, 2, 3, 4].map((i) => ws.getColumn(i).width)).toEqual([7, 30, 16, 10]);
  });

  it('puts the footer lines in the last rows after an empty row', async () => {
    const wb = await readBack(await buildXlsx(ExcelJS, [tableOf()], info));
    const ws = wb.getWorksheet('融资需求清单')!;
    // header + 2 rows + empty + 2 footer lines
    expect(ws.rowCount).toBe(6);
    expect(ws.getCell('A4').value).toBeNull();
    expect(ws.getCell('A5').value).toBe('产业链 / Chain：新能源汽车');
    expect(ws.getCell('A6').value).toBe('合成演示数据 / Synthetic demo data');
    expect(ws.getCell('A6').isMerged).toBe(true);
  });

  it('fills the workbook properties', async () => {
    const wb = await readBack(await buildXlsx(ExcelJS, [tableOf()], info));
    expect(wb.creator).toBe(WORKBOOK_CREATOR);
    expect(wb.title).toBe('融资需求清单');
    expect(wb.subject).toBe('新能源汽车');
    expect(wb.description).toBe('合成演示数据 / Synthetic demo data');
    expect(wb.keywords).toBe('一链一策');
    expect(wb.created.toISOString()).toBe('2025-06-30T00:00:00.000Z');
  });

  it('writes one sheet per table, in order', async () => {
    const wb = await readBack(
      await buildXlsx(
        ExcelJS,
        [tableOf({ name: '批次推荐清单' }), tableOf({ name: '未分配企业' })],
        info,
      ),
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual(['批次推荐清单', '未分配企业']);
  });
});

describe('loadExcelJs()', () => {
  it('hands back the module with its Workbook class', async () => {
    const excel = await loadExcelJs();
    expect(typeof excel.Workbook).toBe('function');
  });
});
