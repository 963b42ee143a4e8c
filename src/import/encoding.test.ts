import { describe, expect, it } from 'vitest';
import {
  assertTextBytes,
  decodeCsvBytes,
  detectBinary,
  NotTextFileError,
  UnsupportedEncodingError,
} from './encoding';
import { encodeGbk, readFixture } from './test-support';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeCsvBytes()', () => {
  it('reads a UTF-8 BOM as utf-8-bom and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('企业名称,USCC')]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: '企业名称,USCC', encoding: 'utf-8-bom' });
  });

  it('reads valid UTF-8 without BOM as utf-8', () => {
    expect(decodeCsvBytes(utf8('常州,320400'))).toEqual({ text: '常州,320400', encoding: 'utf-8' });
  });

  it('reads pure ASCII as utf-8', () => {
    expect(decodeCsvBytes(utf8('USCC,name\n1,2'))).toEqual({
      text: 'USCC,name\n1,2',
      encoding: 'utf-8',
    });
  });

  it('falls back to GB18030 for GBK bytes (常州 = B3 A3 D6 DD)', () => {
    const bytes = new Uint8Array([0xb3, 0xa3, 0xd6, 0xdd, 0x2c, 0x31]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: '常州,1', encoding: 'gb18030' });
  });

  it('decodes GBK text produced in the test back to the same string', () => {
    const text =
      '企业名称,统一社会信用代码\r\n常州锂源新材料有限公司（示例）,91320412MA1MXK2P0D\r\n';
    const bytes = encodeGbk(text);
    expect(bytes.length).toBeLessThan(utf8(text).length); // two bytes per Hanzi, not three
    expect(decodeCsvBytes(bytes)).toEqual({ text, encoding: 'gb18030' });
  });

  it('detects the committed GBK fixture', () => {
    const { text, encoding } = decodeCsvBytes(readFixture('enterprises.gbk.csv'));
    expect(encoding).toBe('gb18030');
    expect(text.startsWith('企业名称,统一社会信用代码,所在城市')).toBe(true);
  });

  it('refuses UTF-16 (Excel “Unicode text”) instead of decoding garbage', () => {
    expect(() => decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toThrow(
      UnsupportedEncodingError,
    );
    expect(() => decodeCsvBytes(new Uint8Array([0xfe, 0xff, 0x00, 0x41]))).toThrow(/utf-16be/);
  });

  it('decodes an empty file as empty UTF-8', () => {
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('detectBinary()', () => {
  const withTail = (head: readonly number[]) =>
    new Uint8Array([...head, ...utf8('rest of the file, plain text')]);

  it.each([
    ['an .xlsx renamed .csv (PK)', [0x50, 0x4b, 0x03, 0x04], 'zip'],
    ['a PDF', [0x25, 0x50, 0x44, 0x46, 0x2d], 'pdf'],
    ['a PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'image'],
    ['a JPEG', [0xff, 0xd8, 0xff, 0xe0], 'image'],
    ['an old .xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'office'],
    ['a gzip file', [0x1f, 0x8b, 0x08], 'archive'],
  ] as const)('recognises %s', (_what, head, kind) => {
    expect(detectBinary(withTail(head))).toBe(kind);
  });

  it('calls a NUL byte binary (also UTF-16 without a BOM)', () => {
    expect(detectBinary(utf8('a,b\n1,\u00002\n'))).toBe('binary');
    expect(detectBinary(new Uint8Array([0x41, 0x00, 0x2c, 0x00]))).toBe('binary');
  });

  it('calls text with more than 5% control bytes binary, and 5% or less text', () => {
    const mostly = (controls: number) =>
      new Uint8Array([
        ...Array<number>(controls).fill(0x01),
        ...Array<number>(100 - controls).fill(0x41),
      ]);
    expect(detectBinary(mostly(6))).toBe('binary');
    expect(detectBinary(mostly(5))).toBeNull();
  });

  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('企业名称,USCC\r\n')])],
    ['GBK', encodeGbk('企业名称,统一社会信用代码\r\n常州锂源有限公司,913\r\n')],
    ['tabs and form feeds', utf8('a\tb\f\r\n1\t2\n')],
    ['a UTF-16 BOM (decodeCsvBytes names it)', new Uint8Array([0xff, 0xfe, 0x41, 0x00])],
    ['a text starting with BM', utf8('BM,名称\n1,2\n')],
    ['an empty file', new Uint8Array()],
  ])('leaves %s alone', (_what, bytes) => {
    expect(detectBinary(bytes)).toBeNull();
  });

  it('passes the committed fixtures', () => {
    for (const name of ['enterprises.gbk.csv', 'enterprises.clean.csv', 'enterprises.mistakes.csv'])
      expect(detectBinary(readFixture(name))).toBeNull();
  });
});

describe('assertTextBytes()', () => {
  it('throws one bilingual message that says what the file is', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(() => assertTextBytes(zip)).toThrow(NotTextFileError);
    try {
      assertTextBytes(zip);
    } catch (err) {
      const e = err as NotTextFileError;
      expect(e.code).toBe('E_NOT_TEXT');
      expect(e.messageZh).toContain('这不是文本文件');
      expect(e.messageZh).toContain('.xlsx');
      expect(e.message).toContain('this is not a text file');
    }
  });
});
