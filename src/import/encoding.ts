/**
 * Text decoding of uploaded CSV bytes (domain.md §7.6). Excel on Chinese Windows saves “CSV” as
 * GBK/GB18030, the templates ship as UTF-8 with BOM, and a plain UTF-8 file is also common.
 */

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

/** Thrown for bytes no CSV reader here can decode (a UTF-16 “Unicode text” export). */
export class UnsupportedEncodingError extends Error {
  readonly messageZh: string;
  constructor(readonly detected: 'utf-16le' | 'utf-16be') {
    super(`unsupported encoding ${detected}: save the file as “CSV UTF-8” and try again`);
    this.name = 'UnsupportedEncodingError';
    this.messageZh = `不支持的编码 ${detected}：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试`;
  }
}

const hasPrefix = (bytes: Uint8Array, prefix: readonly number[]) =>
  prefix.every((b, i) => bytes[i] === b);

/**
 * BOM → strict UTF-8 → GB18030. GB18030 decodes any byte sequence, so it must come last; a file that
 * is valid UTF-8 is never read as GB18030 (valid UTF-8 Chinese text is not plausible GBK anyway).
 * A UTF-16 BOM is refused rather than decoded into garbage.
 * @example decodeCsvBytes(new Uint8Array([0xb3, 0xa3, 0xd6, 0xdd])) // { text: '常州', encoding: 'gb18030' }
 */
export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) {
    // TextDecoder drops the BOM itself; a broken body after a UTF-8 BOM is still decoded leniently
    // (U+FFFD) because the BOM is an explicit statement of the encoding.
    return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8-bom' };
  }
  if (hasPrefix(bytes, [0xff, 0xfe])) throw new UnsupportedEncodingError('utf-16le');
  if (hasPrefix(bytes, [0xfe, 0xff])) throw new UnsupportedEncodingError('utf-16be');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
