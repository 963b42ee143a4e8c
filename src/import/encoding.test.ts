import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, UnsupportedEncodingError } from './encoding';
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
