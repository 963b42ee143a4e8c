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

/** What a file that is not text turned out to be. */
export type BinaryKind = 'zip' | 'pdf' | 'image' | 'office' | 'archive' | 'binary';

const MAGIC: readonly [readonly number[], BinaryKind][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'zip'], // PK: .xlsx, .docx, .zip
  [[0x50, 0x4b, 0x05, 0x06], 'zip'], // an empty zip
  [[0x25, 0x50, 0x44, 0x46], 'pdf'], // %PDF
  [[0x89, 0x50, 0x4e, 0x47], 'image'], // PNG
  [[0xff, 0xd8, 0xff], 'image'], // JPEG
  [[0x47, 0x49, 0x46, 0x38], 'image'], // GIF8
  [[0x42, 0x4d], 'image'], // BMP
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'office'], // .xls / .doc (OLE2)
  [[0x1f, 0x8b], 'archive'], // gzip
  [[0x52, 0x61, 0x72, 0x21], 'archive'], // Rar!
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'archive'], // 7z
];

const SAMPLE_BYTES = 64 * 1024;
/** Share of control bytes (other than tab, line breaks, form feed, escape, Ctrl-Z) above which a file is binary. */
const CONTROL_SHARE = 0.05;

/**
 * Why bytes chosen as a CSV are not text, or null when they look like text: a known binary signature
 * (zip/xlsx, PDF, images, old Office, archives), a NUL byte, or more than 5% control bytes in the
 * first 64 KB. A UTF-16 file with a BOM is left to decodeCsvBytes, which names it.
 * @example detectBinary(new TextEncoder().encode('a,b\n1,2')) // null
 * @example detectBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14])) // 'zip'
 */
export function detectBinary(bytes: Uint8Array): BinaryKind | null {
  if (hasPrefix(bytes, [0xff, 0xfe]) || hasPrefix(bytes, [0xfe, 0xff])) return null;
  for (const [magic, kind] of MAGIC) {
    // BMP's two letters could start a text line ("BM…"); require a NUL soon after for it.
    if (hasPrefix(bytes, magic) && (kind !== 'image' || magic.length > 2 || bytes.includes(0))) {
      return kind;
    }
  }
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0) return 'binary';
    if (
      b < 0x20 &&
      b !== 0x09 &&
      b !== 0x0a &&
      b !== 0x0d &&
      b !== 0x0c &&
      b !== 0x1b &&
      b !== 0x1a
    )
      control++;
  }
  return n > 0 && control / n > CONTROL_SHARE ? 'binary' : null;
}

const NOT_TEXT_WHAT: Record<BinaryKind, [string, string]> = {
  zip: [
    '内容是ZIP压缩包，可能是改了扩展名的.xlsx工作簿，请改回.xlsx后导入',
    'it is a ZIP archive, perhaps an .xlsx workbook renamed; rename it back to .xlsx',
  ],
  pdf: ['内容是PDF文档', 'it is a PDF document'],
  image: ['内容是图片', 'it is an image'],
  office: ['内容是旧版Office文件（.xls/.doc）', 'it is an old Office file (.xls/.doc)'],
  archive: ['内容是压缩包', 'it is a compressed archive'],
  binary: [
    '含有大量不可见字节（如NUL），是二进制文件或UTF-16文本',
    'it holds non-text bytes (such as NUL): a binary file or UTF-16 text',
  ],
};

/** A file chosen as CSV that is not text (binary, zip, PDF, image…), refused before decoding. */
export class NotTextFileError extends Error {
  readonly code = 'E_NOT_TEXT';
  readonly messageZh: string;
  constructor(readonly kind: BinaryKind) {
    const [zh, en] = NOT_TEXT_WHAT[kind];
    super(
      `this is not a text file and cannot be read as CSV: ${en}. Save it from Excel as “CSV UTF-8” or .xlsx and import again`,
    );
    this.name = 'NotTextFileError';
    this.messageZh = `这不是文本文件，无法按CSV读取：${zh}。请在Excel中另存为“CSV UTF-8”或.xlsx后再导入`;
  }
}

/**
 * Throws NotTextFileError when the bytes are not text (detectBinary).
 * @example assertTextBytes(new Uint8Array([0x25, 0x50, 0x44, 0x46])) // throws: …PDF…
 */
export function assertTextBytes(bytes: Uint8Array): void {
  const kind = detectBinary(bytes);
  if (kind) throw new NotTextFileError(kind);
}
