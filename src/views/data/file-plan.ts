/**
 * The files chosen in the import wizard and what is wrong with the choice before anything is read:
 * unsupported types, an .xlsx mixed with other files, two files for one sheet, a CSV whose sheet is
 * unknown, no enterprise list. Pure: the wizard shows the problems and keeps “check” disabled.
 */
import type { SheetKey } from '../../import/issues';

export type FileKind = 'csv' | 'xlsx';

/** How the sheet of a CSV was decided. */
export type SheetSource = 'headers' | 'name' | 'user' | 'unknown';

export interface PlannedFile {
  name: string;
  kind: FileKind | null;
  /** The sheet a CSV holds; null for an .xlsx or when unknown. */
  sheet: SheetKey | null;
}

export type FilePlanProblem =
  | { code: 'unsupported'; name: string }
  | { code: 'xlsxMixed' }
  | { code: 'sheetTwice'; sheet: SheetKey }
  | { code: 'sheetUnknown'; name: string }
  | { code: 'noEnterprises' };

/**
 * @example fileKindOf('企业清单.CSV') // 'csv'
 * @example fileKindOf('list.xls') // null (the old binary format is not read)
 */
export function fileKindOf(name: string): FileKind | null {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext === 'csv' || ext === 'xlsx' ? ext : null;
}

/**
 * Everything that stops the chosen files from being imported, in the order to fix them.
 * @example checkFilePlan([{ name: 'a.csv', kind: 'csv', sheet: 'supplyEdges' }]) // [{ code: 'noEnterprises' }]
 */
export function checkFilePlan(files: readonly PlannedFile[]): FilePlanProblem[] {
  if (files.length === 0) return [];
  const problems: FilePlanProblem[] = [];
  for (const f of files) if (f.kind === null) problems.push({ code: 'unsupported', name: f.name });
  const usable = files.filter((f) => f.kind !== null);
  const xlsx = usable.filter((f) => f.kind === 'xlsx');
  if (xlsx.length > 0 && usable.length > 1) {
    problems.push({ code: 'xlsxMixed' });
    return problems;
  }
  if (xlsx.length === 1) return problems;
  const seen = new Set<SheetKey>();
  for (const f of usable) {
    if (f.sheet === null) problems.push({ code: 'sheetUnknown', name: f.name });
    else if (seen.has(f.sheet)) problems.push({ code: 'sheetTwice', sheet: f.sheet });
    else seen.add(f.sheet);
  }
  if (usable.length > 0 && !usable.some((f) => f.sheet === 'enterprises')) {
    problems.push({ code: 'noEnterprises' });
  }
  return problems;
}

/**
 * A default dataset name from the chosen files: the enterprise file's name without extension.
 * @example defaultDatasetName([{ name: '常州企业.csv', kind: 'csv', sheet: 'enterprises' }]) // '常州企业'
 */
export function defaultDatasetName(files: readonly PlannedFile[]): string {
  const main = files.find((f) => f.kind === 'xlsx') ?? files.find((f) => f.sheet === 'enterprises');
  return main ? main.name.replace(/\.[^.]+$/, '') : '';
}
