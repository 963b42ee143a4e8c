/**
 * The delimiter of an uploaded CSV (domain.md §7.1), shared by the reader (read.ts) and the page's
 * header peek (data/import-client.ts), so both see the same columns.
 */
import Papa from 'papaparse';
import { keyOfHeader } from './headers';
import { SHEET_KEYS } from './issues';

const DELIMITERS = [',', '\t', ';', '|'] as const;
const HEAD_CHARS = 64 * 1024;

/** How many cells of a header row name a column of the template (the best of the three sheets). */
function knownHeaders(cells: readonly string[]): number {
  let best = 0;
  for (const sheet of SHEET_KEYS) {
    const keys = new Set(cells.map((c) => keyOfHeader(c, sheet)).filter((k) => k !== undefined));
    best = Math.max(best, keys.size);
  }
  return best;
}

/**
 * The delimiter of a CSV: the one that splits the header row into the most known column headers
 * (so `|` or `;` inside data cells cannot win over the comma of a header row); when no delimiter
 * gives any known header, the most frequent of `,` tab `;` in the header line outside quotes
 * (comma on a tie). Papa's own guess reads data rows too and is fooled by list cells.
 * @example guessDelimiter('企业名称,统一社会信用代码\n常州|无锡,913…') // ','
 */
export function guessDelimiter(text: string): string {
  let best: string | undefined;
  let bestKnown = 0;
  // The header row is at the start; Papa's cost grows with the text even with preview: 1.
  const head = text.slice(0, HEAD_CHARS);
  for (const delimiter of DELIMITERS) {
    const parsed = Papa.parse<string[]>(head, { delimiter, preview: 1, skipEmptyLines: false });
    const known = knownHeaders((parsed.data[0] ?? []).map((c) => String(c)));
    if (known > bestKnown) {
      best = delimiter;
      bestKnown = known;
    }
  }
  if (best !== undefined) return best;
  const end = text.search(/\r?\n/);
  const header = (end < 0 ? text : text.slice(0, end)).replace(/"[^"]*"/g, '');
  const count = (ch: string) => header.split(ch).length - 1;
  const candidates = [',', '\t', ';'];
  return candidates.reduce((b, ch) => (count(ch) > count(b) ? ch : b), ',');
}
