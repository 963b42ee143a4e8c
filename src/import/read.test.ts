import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ImportFileError, MAX_ROWS, cellText, readCsv, readXlsx, sheetKeyOfName } from './read';
import { encodeGbk, readFixture } from './test-support';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bom = (s: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]);

async function xlsxOf(build: (wb: ExcelJS.Workbook) => void): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer).slice().buffer;
}

describe('readCsv()', () => {
  it('reads rows of strings and reports the encoding', async () => {
    expect(await readCsv(bom('USCC,名称\r\n913,常州\r\n'))).toEqual({
      rows: [
        ['USCC', '名称'],
        ['913', '常州'],
      ],
      encoding: 'utf-8-bom',
    });
  });

  it('decodes GBK', async () => {
    const { rows, encoding } = await readCsv(encodeGbk('企业名称,城市\n常州锂源有限公司,常州\n'));
    expect(encoding).toBe('gb18030');
    expect(rows).toEqual([
      ['企业名称', '城市'],
      ['常州锂源有限公司', '常州'],
    ]);
  });

  it('keeps empty lines (validation reports them) but not the final line break', async () => {
    expect((await readCsv(utf8('a,b\n1,2\n\n,\n3,4\n'))).rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      [''],
      ['', ''],
      ['3', '4'],
    ]);
    expect((await readCsv(utf8('a,b\n1,2'))).rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quoted cells with commas, quotes and line breaks', async () => {
    const { rows } = await readCsv(utf8('name,notes\n"Widget Co., Ltd.","line 1\nline ""2"""\n'));
    expect(rows[1]).toEqual(['Widget Co., Ltd.', 'line 1\nline "2"']);
  });

  it.each([
    ['a;b;c\n1;2;3\n', ['1', '2', '3']],
    ['a\tb\tc\n1\t2\t3\n', ['1', '2', '3']],
    ['a,b,c\n"x;y",2,3\n', ['x;y', '2', '3']],
    ['a,b\n流动资金;设备更新,2\n', ['流动资金;设备更新', '2']],
  ])('guesses the delimiter from the header line (%#)', async (text, row) => {
    expect((await readCsv(utf8(text))).rows[1]).toEqual(row);
  });

  it('recognises the headers of a file with | inside cells', async () => {
    const { rows } = await readCsv(
      utf8('企业名称,统一社会信用代码,合作银行\n常州甲有限公司,913,工商银行|江苏银行\n'),
    );
    expect(rows).toEqual([
      ['企业名称', '统一社会信用代码', '合作银行'],
      ['常州甲有限公司', '913', '工商银行|江苏银行'],
    ]);
  });

  it('refuses a binary file renamed .csv with one bilingual message', async () => {
    const xlsx = await xlsxOf((wb) => wb.addWorksheet('Enterprises').addRow(['USCC']));
    await expect(readCsv(new Uint8Array(xlsx))).rejects.toMatchObject({
      code: 'E_NOT_TEXT',
      messageZh: expect.stringContaining('这不是文本文件') as unknown,
      message: expect.stringContaining('not a text file') as unknown,
    });
  });

  it('reports progress and honours an AbortSignal between chunks', async () => {
    const text = `h\n${'x\n'.repeat(5000)}`;
    const seen: number[] = [];
    const controller = new AbortController();
    const read = readCsv(utf8(text), {
      signal: controller.signal,
      onProgress: (f) => {
        seen.push(f);
        controller.abort(new Error('cancelled by user'));
      },
    });
    await expect(read).rejects.toThrow('cancelled by user');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThan(1);
  });

  it('reads a large file to the end with progress up to 1', async () => {
    const seen: number[] = [];
    const { rows } = await readCsv(utf8(`h\n${'x\n'.repeat(5000)}`), {
      onProgress: (f) => seen.push(f),
    });
    expect(rows).toHaveLength(5001);
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('rejects before reading when already aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(readCsv(utf8('a\n'), { signal: controller.signal })).rejects.toThrow('gone');
  });

  it('refuses more than 200,000 data rows', async () => {
    const text = `h\n${'x\n'.repeat(MAX_ROWS + 1)}`;
    await expect(readCsv(utf8(text))).rejects.toMatchObject({ code: 'E_TOO_MANY_ROWS' });
  });

  it('accepts exactly 200,000 data rows', async () => {
    const { rows } = await readCsv(utf8(`h\n${'x\n'.repeat(MAX_ROWS)}`));
    expect(rows).toHaveLength(MAX_ROWS + 1);
  });

  it('refuses files over 100 MB', async () => {
    const big = new Uint8Array(100 * 1024 * 1024 + 1);
    const err = await readCsv(big).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect(err).toMatchObject({ code: 'E_FILE_TOO_LARGE' });
  });
});

describe('sheetKeyOfName()', () => {
  it.each([
    ['企业清单', 'enterprises'],
    ['Enterprises', 'enterprises'],
    ['企业清单 / Enterprises', 'enterprises'],
    ['企业清单 Enterprises', 'enterprises'],
    ['企业清单（Enterprises）', 'enterprises'],
    ['企业清单-2025', 'enterprises'],
    ['授信关系', 'creditRelations'],
    ['CreditRelations', 'creditRelations'],
    ['credit_relations', 'creditRelations'],
    ['供应关系', 'supplyEdges'],
    ['Supply Edges', 'supplyEdges'],
    ['Sheet1', undefined],
    ['说明', undefined],
  ])('%s → %s', (name, key) => {
    expect(sheetKeyOfName(name)).toBe(key);
  });
});

describe('cellText()', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['常州', '常州'],
    [4200, '4200'],
    [3.25, '3.25'],
    [1e-7, '0.0000001'],
    [52000000000, '52000000000'],
    [true, 'true'],
    [new Date(Date.UTC(2025, 2, 1)), '2025-03-01'],
    [{ richText: [{ text: '常州' }, { text: '锂源' }] }, '常州锂源'],
    [{ text: '链接文字', hyperlink: 'http://example.invalid' }, '链接文字'],
    [{ formula: 'A1*2', result: 900 }, '900'],
    [{ sharedFormula: 'A1', result: new Date(Date.UTC(2026, 0, 15)) }, '2026-01-15'],
    [{ formula: 'A1' }, ''],
    [{ error: '#N/A' }, '#N/A'],
    [{ formula: '1/0', result: { error: '#DIV/0!' } }, '#DIV/0!'],
  ])('%j → %j', (value, text) => {
    expect(cellText(value)).toBe(text);
  });
});

describe('readXlsx()', () => {
  it('reads the three sheets of the fixture and ignores the others', async () => {
    const { sheets, issues } = await readXlsx(readFixture('all-sheets.xlsx').slice().buffer);
    expect(Object.keys(sheets).sort()).toEqual(['creditRelations', 'enterprises', 'supplyEdges']);
    expect(sheets.enterprises).toHaveLength(11);
    expect(sheets.enterprises?.[1]?.slice(0, 2)).toEqual([
      '91320412MA1MXK2P0D',
      '常州锂源新材料有限公司',
    ]);
    expect(sheets.enterprises?.[2]?.[10]).toBe('900'); // formula result
    expect(sheets.creditRelations?.[1]?.slice(9, 11)).toEqual(['2025-03-01', '2026-03-01']);
    expect(issues.map((i) => [i.code, i.value])).toEqual([['I_SHEET_IGNORED', '说明']]);
  });

  it('reads a single unnamed sheet as the enterprise list (I_SHEET_ASSUMED)', async () => {
    const buffer = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['USCC', 'name']);
      ws.addRow(['913', 'x']);
    });
    const { sheets, issues } = await readXlsx(buffer);
    expect(sheets.enterprises).toEqual([
      ['USCC', 'name'],
      ['913', 'x'],
    ]);
    expect(issues.map((i) => i.code)).toEqual(['I_SHEET_ASSUMED']);
  });

  it('keeps blank rows in place so row numbers match Excel', async () => {
    const buffer = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('Enterprises');
      ws.getCell('A1').value = 'USCC';
      ws.getCell('A3').value = '913';
    });
    const { sheets } = await readXlsx(buffer);
    expect(sheets.enterprises).toEqual([['USCC'], [''], ['913']]);
  });

  it('throws ImportFileError for bytes that are not a workbook', async () => {
    await expect(readXlsx(utf8('not a zip').slice().buffer)).rejects.toMatchObject({
      code: 'E_NOT_XLSX',
    });
  });

  it("says a damaged workbook is damaged, in both languages, without the zip library's text", async () => {
    const good = new Uint8Array(
      await xlsxOf((wb) => wb.addWorksheet('Enterprises').addRow(['USCC'])),
    );
    const cut = good.slice(0, Math.floor(good.length / 2)).buffer;
    const err: unknown = await readXlsx(cut).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    const e = err as ImportFileError;
    expect(e.messageZh).toBe(
      '无法读取该Excel文件：文件已损坏，或不是.xlsx工作簿（旧版.xls请在Excel中另存为.xlsx）',
    );
    expect(e.message).toBe(
      'cannot read this Excel file: it is damaged or not an .xlsx workbook (save an old .xls as .xlsx in Excel)',
    );
  });

  it('counts only rows with content: one data row above 200,010 formatted empty rows is read', async () => {
    const buffer = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('Enterprises');
      ws.addRow(['USCC', '企业名称']);
      ws.addRow(['913', '常州甲有限公司']);
      // Formatting only (a number format on an empty cell), as Excel leaves after a fill-down.
      for (let r = 3; r <= MAX_ROWS + 10; r++) ws.getCell(`A${r}`).numFmt = '0.00';
      ws.getCell('Z2').numFmt = '0.00';
    });
    const { sheets } = await readXlsx(buffer);
    expect(sheets.enterprises).toEqual([
      ['USCC', '企业名称'],
      ['913', '常州甲有限公司'],
    ]);
  }, 60_000);

  it('still refuses more than 200,000 rows with content, saying how many', async () => {
    const buffer = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('Enterprises');
      ws.addRow(['USCC']);
      for (let i = 0; i <= MAX_ROWS; i++) ws.addRow([i]);
    });
    await expect(readXlsx(buffer)).rejects.toMatchObject({
      code: 'E_TOO_MANY_ROWS',
      messageZh: expect.stringContaining('有内容的数据行共200,001行') as unknown,
    });
  }, 60_000);

  it('honours an AbortSignal between row chunks', async () => {
    const buffer = await xlsxOf((wb) => {
      const ws = wb.addWorksheet('Enterprises');
      for (let i = 0; i < 5000; i++) ws.addRow([`r${i}`]);
    });
    const controller = new AbortController();
    const read = readXlsx(buffer, {
      signal: controller.signal,
      onProgress: () => controller.abort(new Error('stop')),
    });
    await expect(read).rejects.toThrow('stop');
  });
});
