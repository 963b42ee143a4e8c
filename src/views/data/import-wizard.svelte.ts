/**
 * The import wizard's state (choose files → check in the worker → report → save). One instance per
 * page, kept across view switches so a report is still there when the user comes back. Its methods
 * are the only writers.
 */
import { NotTextFileError, type CsvEncoding } from '../../import/encoding';
import type { Crs } from '../../import/coordinates';
import type { SheetKey } from '../../import/issues';
import type { ImportReference } from '../../import/validate';
import { guessCsvSheet, peekCsvHeader, runImport, type ImportDone } from '../../data/import-client';
import {
  cleanDatasetName,
  newImportedDatasetId,
  saveImportedDataset,
  type DatasetInfo,
} from '../../data/datasets';
import { localDate, toBilingual, type BilingualMessage } from './bilingual';
import {
  checkFilePlan,
  defaultDatasetName,
  fileKindOf,
  type FileKind,
  type SheetSource,
} from './file-plan';

export interface ChosenFile {
  id: number;
  file: File;
  name: string;
  kind: FileKind | null;
  sheet: SheetKey | null;
  sheetSource: SheetSource;
  encoding?: CsvEncoding;
}

export type WizardPhase = 'choose' | 'running' | 'report';

let nextId = 1;

export class ImportWizard {
  files = $state.raw<ChosenFile[]>([]);
  unitYuan = $state(false);
  crs = $state<Crs>('WGS84');
  name = $state('');
  /** Save as a new round of this dataset (its id); '' saves a dataset of its own (issue 14). */
  roundOf = $state('');
  asOf = $state(localDate());
  phase = $state<WizardPhase>('choose');
  progress = $state(0);
  cancelled = $state(false);
  error = $state.raw<BilingualMessage | null>(null);
  result = $state.raw<ImportDone | null>(null);
  /** Enterprise rows whose wrong check character the user keeps (§7.3). */
  keepRows = $state.raw<readonly number[]>([]);
  saving = $state(false);
  saved = $state.raw<DatasetInfo | null>(null);
  saveError = $state.raw<BilingualMessage | null>(null);

  readonly problems = $derived(checkFilePlan(this.files));
  readonly canStart = $derived(this.files.length > 0 && this.problems.length === 0);

  private controller: AbortController | null = null;
  private lastRequest: { reference: ImportReference; keep: number[] } | null = null;

  /** Adds files (from the input or a drop); a CSV's sheet is guessed from its header line. */
  async addFiles(list: Iterable<File>): Promise<void> {
    this.cancelled = false;
    this.error = null;
    const added: ChosenFile[] = [];
    for (const file of list) {
      if (this.files.some((f) => f.name === file.name && f.file.size === file.size)) continue;
      const kind = fileKindOf(file.name);
      const chosen: ChosenFile = {
        id: nextId++,
        file,
        name: file.name,
        kind,
        sheet: null,
        sheetSource: 'unknown',
      };
      if (kind === 'csv') {
        try {
          const { headers, encoding } = await peekCsvHeader(file);
          chosen.encoding = encoding;
          chosen.sheet = guessCsvSheet(headers, file.name);
          chosen.sheetSource =
            chosen.sheet === null ? 'unknown' : guessCsvSheet(headers, '') ? 'headers' : 'name';
        } catch (err) {
          if (err instanceof NotTextFileError) {
            // A renamed .xlsx, a PDF…: refused at once with one message, never decoded as GBK.
            this.error = {
              zh: `${file.name}：${err.messageZh}`,
              en: `${file.name}: ${err.message}`,
            };
            continue;
          }
          // An unreadable header (UTF-16…) is reported by the import itself, with the file named.
          chosen.sheet = guessCsvSheet([], file.name);
          chosen.sheetSource = chosen.sheet === null ? 'unknown' : 'name';
        }
      }
      added.push(chosen);
    }
    this.files = [...this.files, ...added];
  }

  setSheet(id: number, sheet: SheetKey | null): void {
    this.files = this.files.map((f) =>
      f.id === id ? { ...f, sheet, sheetSource: sheet === null ? 'unknown' : 'user' } : f,
    );
  }

  remove(id: number): void {
    this.files = this.files.filter((f) => f.id !== id);
  }

  /** Reads and checks the chosen files in the worker. */
  async start(reference: ImportReference, keep: readonly number[] = []): Promise<void> {
    if (!this.canStart || this.phase === 'running') return;
    this.phase = 'running';
    this.progress = 0;
    this.cancelled = false;
    this.error = null;
    this.saved = null;
    this.saveError = null;
    this.lastRequest = { reference, keep: [...keep] };
    const controller = new AbortController();
    this.controller = controller;
    const name = cleanDatasetName(this.name) ?? defaultDatasetName(this.files) ?? '';
    this.name = name;
    try {
      const done = await runImport(
        {
          files: this.files.map((f) => ({
            file: f.file,
            name: f.name,
            kind: f.kind ?? 'csv',
            ...(f.sheet ? { sheet: f.sheet } : {}),
          })),
          reference,
          options: {
            datasetId: newImportedDatasetId(),
            name: name || localDate(),
            asOf: this.asOf || localDate(),
            now: localDate(),
            unitYuan: this.unitYuan,
            crs: this.crs,
            overrideUsccCheckRows: [...keep],
          },
        },
        { signal: controller.signal, onProgress: (x) => (this.progress = x) },
      );
      if (this.controller !== controller) return;
      this.result = done;
      this.keepRows = [...keep];
      this.phase = 'report';
    } catch (err) {
      if (this.controller !== controller) return;
      if (controller.signal.aborted) {
        this.phase = 'choose';
        this.cancelled = true;
      } else {
        this.phase = 'choose';
        this.error = toBilingual(err);
      }
    } finally {
      if (this.controller === controller) this.controller = null;
    }
  }

  /** Stops the worker; the wizard goes back to the picker and says so. */
  cancel(): void {
    const controller = this.controller;
    if (!controller) return;
    this.controller = null;
    controller.abort(new DOMException('import cancelled', 'AbortError'));
    this.phase = 'choose';
    this.progress = 0;
    this.cancelled = true;
  }

  toggleKeep(row: number): void {
    this.keepRows = this.keepRows.includes(row)
      ? this.keepRows.filter((r) => r !== row)
      : [...this.keepRows, row].sort((a, b) => a - b);
  }

  /** Checks the same files again, keeping the rows the user chose (§7.3 override). */
  async recheck(): Promise<void> {
    if (!this.lastRequest) return;
    await this.start(this.lastRequest.reference, this.keepRows);
  }

  /** Saves the checked dataset locally; the caller makes it active. */
  async save(): Promise<DatasetInfo | null> {
    const done = this.result;
    if (!done || this.saving) return null;
    this.saving = true;
    this.saveError = null;
    try {
      const info = await saveImportedDataset(
        done.dataset,
        this.name || localDate(),
        this.roundOf ? { roundOf: this.roundOf } : {},
      );
      this.saved = info;
      // The Shell now loads the saved copy; the report keeps its issues, not a second dataset.
      this.result = { ...done, dataset: null };
      return info;
    } catch (err) {
      this.saveError = toBilingual(err);
      return null;
    } finally {
      this.saving = false;
    }
  }

  /** Back to an empty picker (the report is discarded, nothing is saved). */
  reset(): void {
    this.cancel();
    this.files = [];
    this.result = null;
    this.keepRows = [];
    this.phase = 'choose';
    this.progress = 0;
    this.cancelled = false;
    this.error = null;
    this.saved = null;
    this.saveError = null;
    this.name = '';
    this.roundOf = '';
  }
}

let wizard: ImportWizard | undefined;

/** The page's one wizard, created on first use. */
export function getImportWizard(): ImportWizard {
  wizard ??= new ImportWizard();
  return wizard;
}
