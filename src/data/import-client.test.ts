import { describe, expect, it } from 'vitest';
import { readFixture } from '../import/test-support';
import {
  guessCsvSheet,
  ImportFailedError,
  parseWorkerMessage,
  peekCsvHeader,
} from './import-client';

const done = () => ({
  type: 'done',
  ms: 120,
  summary: {
    enterprises: { rows: 1, imported: 1, rejected: 0, withWarnings: 0, emptySkipped: 0 },
    creditRelations: { rows: 0, imported: 0, rejected: 0, withWarnings: 0, emptySkipped: 0 },
    supplyEdges: { rows: 0, imported: 0, rejected: 0, withWarnings: 0, emptySkipped: 0 },
    total: { rows: 1, imported: 1, rejected: 0, withWarnings: 0, emptySkipped: 0 },
  },
  issues: [
    {
      sheet: 'enterprises',
      row: 9,
      column: 'Enterprise name',
      value: '<img src=x onerror=alert(1)>',
      code: 'W_NAME_SUFFIX',
      severity: 'warning',
      messageZh: '缺少后缀',
      messageEn: 'no suffix',
    },
  ],
  files: [{ name: 'e.csv', kind: 'csv', sheets: ['enterprises'], encoding: 'utf-8' }],
  rejected: [],
  dataset: { anything: true },
});

describe('parseWorkerMessage()', () => {
  it('accepts progress, done and failed messages', () => {
    expect(parseWorkerMessage({ type: 'progress', fraction: 0.5 })).toEqual({
      type: 'progress',
      fraction: 0.5,
    });
    expect(parseWorkerMessage(done())).toMatchObject({ type: 'done', ms: 120 });
    expect(
      parseWorkerMessage({ type: 'failed', code: 'E_READ', messageZh: '无法读取', messageEn: 'x' }),
    ).toMatchObject({ type: 'failed', code: 'E_READ' });
  });

  it.each([
    ['a progress beyond 1', { type: 'progress', fraction: 1.5 }],
    ['an unknown type', { type: 'hello' }],
    [
      'an issue code not in the catalogue',
      { ...done(), issues: [{ ...done().issues[0], code: 'X' }] },
    ],
    ['a negative count', { ...done(), summary: { ...done().summary, total: { rows: -1 } } }],
    [
      'a rejected row below the first data row',
      {
        ...done(),
        rejected: [
          { sheet: 'enterprises', fileName: 'e', headers: [], rows: [{ row: 1, cells: [] }] },
        ],
      },
    ],
  ])('refuses %s with a bilingual error', (_title, data) => {
    expect(() => parseWorkerMessage(data)).toThrow(ImportFailedError);
    try {
      parseWorkerMessage(data);
    } catch (err) {
      expect((err as ImportFailedError).messageZh).toMatch(/^导入程序返回了无法识别的结果/);
    }
  });
});

describe('guessCsvSheet()', () => {
  it.each([
    [
      ['统一社会信用代码', '企业名称', '所属产业链', '产业链环节', '所在城市'],
      'x.csv',
      'enterprises',
    ],
    [['企业统一社会信用代码', '金融机构名称', '授信额度（万元）'], 'x.csv', 'creditRelations'],
    [['Supplier USCC', 'Buyer USCC'], 'x.csv', 'supplyEdges'],
    [['foo', 'bar'], '授信关系.csv', 'creditRelations'],
    [['foo', 'bar'], 'supply_edges.csv', 'supplyEdges'],
    [['foo', 'bar'], 'data.csv', null],
  ] as const)('%j in %s → %s', (headers, name, sheet) => {
    expect(guessCsvSheet(headers, name)).toBe(sheet);
  });
});

describe('peekCsvHeader()', () => {
  it('reads the header line of a UTF-8 file with BOM', async () => {
    const peek = await peekCsvHeader(new Blob([readFixture('credit_relations.clean.csv').slice()]));
    expect(peek.encoding).toBe('utf-8-bom');
    expect(peek.headers[0]).toBe('企业统一社会信用代码 / Enterprise USCC');
  });

  it('keeps UTF-8 as UTF-8 when the 64 KB slice would cut a character in two', async () => {
    const line = '常州锂源新材料有限公司,新能源汽车,正极材料\n';
    let pad = '';
    let bytes: Uint8Array;
    // Pad the header until byte 65,536 is the middle of a character: a naive slice breaks there.
    do {
      bytes = new TextEncoder().encode(
        `企业名称,所属产业链,产业链环节${pad}\n${line.repeat(4000)}`,
      );
      pad += ' ';
    } while (((bytes[64 * 1024] ?? 0) & 0xc0) !== 0x80);
    const peek = await peekCsvHeader(new Blob([bytes.slice()]));
    expect(peek.encoding).toBe('utf-8');
    expect(peek.headers).toEqual(['企业名称', '所属产业链', '产业链环节']);
  });

  it('detects GBK', async () => {
    const peek = await peekCsvHeader(new Blob([readFixture('enterprises.gbk.csv').slice()]));
    expect(peek.encoding).toBe('gb18030');
    expect(peek.headers).toContain('统一社会信用代码');
  });
});
