/**
 * The datasets of this browser (product.md “Data”): the bundled demo, always there, plus the imports
 * the user chose to save locally (IndexedDB through local-store.ts, domain.md §9.3). Which one is
 * active is kept in the `settings` store, so a reload brings it back. Every read is parsed with zod;
 * a backup file is parsed completely before anything is written.
 */
import { z } from 'zod';
import { findOutOfBounds, type OutOfBounds } from '../domain/bounds';
import { DatasetSchema, IsoDateSchema, type Dataset } from '../domain/schema';
import { decodeDataset, encodeDataset } from './columnar';
import { DatasetLoadError, parseDataset, type DatasetSource } from './dataset-source';
import {
  openLocalStore,
  toStorageError,
  type DatasetInfoRecord,
  type DatasetRecord,
  type DraftRecord,
} from './local-store';

/** The id of the bundled demo (data/demo.v1.json): listed first, never stored, never deleted. */
export const DEMO_DATASET_ID = 'demo-v1';
const ACTIVE_KEY = 'activeDatasetId';
const MAX_NAME = 80;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

export const DatasetInfoSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  createdAt: z.string().min(1),
  asOf: IsoDateSchema,
  enterprises: z.number().int().nonnegative(),
  creditRelations: z.number().int().nonnegative(),
  supplyEdges: z.number().int().nonnegative(),
  files: z.array(z.string()),
  /**
   * The dataset this one is a later round (snapshot) of (issue 14): compared with it in the Atlas
   * as round 2, 3 … Absent for a dataset of its own (and on every record saved before rounds).
   */
  roundOf: z.string().min(1).optional(),
});
/** One saved dataset as the list shows it. */
export type DatasetInfo = z.infer<typeof DatasetInfoSchema>;

/**
 * A name as stored: NFKC, control characters and surrounding spaces removed, at most 80 characters;
 * empty → null.
 * @example cleanDatasetName('  常州新能源清单\n ') // '常州新能源清单'
 */
export function cleanDatasetName(name: string): string | null {
  const clean = name.normalize('NFKC').replace(CONTROL_CHARS, ' ').trim();
  return clean === '' ? null : clean.slice(0, MAX_NAME);
}

/**
 * The list entry of a dataset.
 * @example buildDatasetInfo(ds, '常州清单', '2025-07-01T08:00:00.000Z', ['enterprises.csv']).enterprises // ds.enterprises.length
 */
export function buildDatasetInfo(
  dataset: Dataset,
  name: string,
  createdAt: string,
  files: readonly string[],
  roundOf?: string,
): DatasetInfo {
  return {
    id: dataset.meta.datasetId,
    name,
    createdAt,
    asOf: dataset.meta.asOf,
    enterprises: dataset.enterprises.length,
    creditRelations: dataset.creditRelations.length,
    supplyEdges: dataset.supplyEdges.length,
    files: [...files],
    ...(roundOf !== undefined ? { roundOf } : {}),
  };
}

/**
 * A fresh id for an imported dataset: `import-` + date + a random part (never 'demo-v1').
 * @example newImportedDatasetId(new Date('2025-07-01T08:00:00Z')) // 'import-20250701-k3x9q2'
 */
export function newImportedDatasetId(now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  const random = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
  return `import-${day}-${random.toString(36).padStart(7, '0')}`;
}

/** The names of the files a dataset was imported from (kept in meta.sources by the import). */
const filesOf = (dataset: Dataset) =>
  dataset.meta.sources.filter((s) => s.id.startsWith('file-')).map((s) => s.title);

/** Saved datasets, newest first. Records that no longer parse are left out, never shown half. */
export async function listDatasets(): Promise<DatasetInfo[]> {
  try {
    const db = await openLocalStore();
    const records = await db.getAll('datasetInfo');
    return records
      .map((r) => DatasetInfoSchema.safeParse(r))
      .flatMap((r) => (r.success ? [r.data] : []))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  } catch (err) {
    throw toStorageError(err);
  }
}

/** A round link that cannot be made; the message says why in both languages. */
export class RoundLinkError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
    this.name = 'RoundLinkError';
  }
}

/**
 * Why `id` cannot be saved as a later round of `baseId`, or null when it can. Rounds are one level
 * deep: the base is the demo or a saved dataset of its own (not itself a round), never the dataset
 * itself, and a dataset that has rounds of its own cannot become a round.
 * @example roundLinkProblem('b', 'a', [{ id: 'a', roundOf: 'x' }, { id: 'b' }]) // RoundLinkError: a is itself a round
 */
export function roundLinkProblem(
  id: string,
  baseId: string,
  infos: readonly Pick<DatasetInfo, 'id' | 'name' | 'roundOf'>[],
): RoundLinkError | null {
  if (id === baseId) {
    return new RoundLinkError(
      '数据集不能是自己的后续轮次',
      'a dataset cannot be a round of itself',
    );
  }
  const base = infos.find((i) => i.id === baseId);
  if (baseId !== DEMO_DATASET_ID && !base) {
    return new RoundLinkError(
      `没有编号为“${baseId}”的已保存数据集`,
      `there is no saved dataset "${baseId}"`,
    );
  }
  if (base?.roundOf !== undefined) {
    return new RoundLinkError(
      `“${base.name}”本身是另一数据集的轮次，请选其基础数据集`,
      `"${base.name}" is itself a round of another dataset: choose the dataset it belongs to`,
    );
  }
  if (infos.some((i) => i.roundOf === id)) {
    return new RoundLinkError(
      '此数据集已有自己的后续轮次，不能再作为别的数据集的轮次',
      'this dataset has rounds of its own, so it cannot become a round of another',
    );
  }
  return null;
}

/**
 * Saves an imported dataset under `name` (after the user's “save locally”), as a dataset of its own
 * or, with `roundOf`, as the next round of a saved dataset or the demo (issue 14). The dataset is
 * parsed with DatasetSchema first; dataset and list entry are written in one transaction, so a full
 * disk leaves nothing half-saved (StorageError 'quota').
 */
export async function saveImportedDataset(
  dataset: unknown,
  name: string,
  opts: { roundOf?: string } = {},
): Promise<DatasetInfo> {
  const parsed = parseDataset(dataset);
  const id = parsed.meta.datasetId;
  if (id === DEMO_DATASET_ID) throw new Error(`reserved dataset id: ${id}`);
  const clean = cleanDatasetName(name) ?? parsed.meta.titleZh;
  parsed.meta.titleZh = clean;
  parsed.meta.titleEn = clean;
  if (opts.roundOf !== undefined) {
    const problem = roundLinkProblem(id, opts.roundOf, await listDatasets());
    if (problem) throw problem;
  }
  const createdAt = new Date().toISOString();
  const info = buildDatasetInfo(parsed, clean, createdAt, filesOf(parsed), opts.roundOf);
  const record: DatasetRecord = { id, name: clean, createdAt, bytes: encodeDataset(parsed) };
  try {
    const db = await openLocalStore();
    const tx = db.transaction(['datasets', 'datasetInfo'], 'readwrite');
    await Promise.all([
      tx.objectStore('datasets').put(record),
      tx.objectStore('datasetInfo').put(info satisfies DatasetInfoRecord),
      tx.done,
    ]);
  } catch (err) {
    throw toStorageError(err);
  }
  return info;
}

/** Renames a saved dataset (list entry, record and the dataset's titles, in one transaction). */
export async function renameDataset(id: string, name: string): Promise<void> {
  const clean = cleanDatasetName(name);
  if (clean === null) throw new Error('empty dataset name');
  try {
    const db = await openLocalStore();
    const tx = db.transaction(['datasets', 'datasetInfo'], 'readwrite');
    const datasets = tx.objectStore('datasets');
    const infos = tx.objectStore('datasetInfo');
    const [record, info] = await Promise.all([datasets.get(id), infos.get(id)]);
    if (!record || !info) throw new Error(`no saved dataset ${id}`);
    await Promise.all([
      datasets.put(retitle(record, clean)),
      infos.put({ ...info, name: clean }),
      tx.done,
    ]);
  } catch (err) {
    throw toStorageError(err);
  }
}

/** A list entry as a dataset of its own: without `roundOf`. */
function ownDataset(info: DatasetInfoRecord): DatasetInfoRecord {
  const own = { ...info };
  delete own.roundOf;
  return own;
}

/**
 * Makes a saved dataset a later round of another (the demo or a saved dataset), or a dataset of its
 * own again (`baseId` null): the pairing of two datasets as before → after (issue 14). Refused with
 * a RoundLinkError when the link would not be one level deep (roundLinkProblem).
 */
export async function setRoundOf(id: string, baseId: string | null): Promise<void> {
  if (baseId !== null) {
    const problem = roundLinkProblem(id, baseId, await listDatasets());
    if (problem) throw problem;
  }
  try {
    const db = await openLocalStore();
    const tx = db.transaction('datasetInfo', 'readwrite');
    const info = await tx.store.get(id);
    if (!info) throw new Error(`no saved dataset ${id}`);
    await Promise.all([
      tx.store.put(baseId === null ? ownDataset(info) : { ...info, roundOf: baseId }),
      tx.done,
    ]);
  } catch (err) {
    throw toStorageError(err);
  }
}

/**
 * What a dataset can be saved or paired as a later round of: the demo (under the name the page
 * gives it) and the saved datasets of their own (rounds are one level deep).
 * @example roundBases([{ id: 'a', name: 'A' }, { id: 'b', name: 'B', roundOf: 'a' }], '示例数据').map((b) => b.id) // ['demo-v1', 'a']
 */
export function roundBases(
  infos: readonly Pick<DatasetInfo, 'id' | 'name' | 'roundOf'>[],
  demoName: string,
): { id: string; name: string }[] {
  return [
    { id: DEMO_DATASET_ID, name: demoName },
    ...infos.filter((d) => d.roundOf === undefined).map(({ id, name }) => ({ id, name })),
  ];
}

/**
 * The saved rounds of a dataset, oldest first (by data date, then by when they were saved): they
 * follow its own rounds in the Atlas's comparison (round 2, 3 …).
 * @example savedRoundsOf(list, 'demo-v1').map((d) => d.id) // ['import-20250901-…', 'import-20251201-…']
 */
export function savedRoundsOf(infos: readonly DatasetInfo[], baseId: string): DatasetInfo[] {
  return infos
    .filter((i) => i.roundOf === baseId)
    .sort(
      (a, b) =>
        a.asOf.localeCompare(b.asOf) ||
        a.createdAt.localeCompare(b.createdAt) ||
        a.id.localeCompare(b.id),
    );
}

/**
 * A stored record under a new name, the dataset's titles included. A record that no longer decodes
 * keeps its bytes: it is renamed in the list and still reports its problem when loaded.
 */
function retitle(record: DatasetRecord, name: string): DatasetRecord {
  const titled = (dataset: Dataset): Dataset => ({
    ...dataset,
    meta: { ...dataset.meta, titleZh: name, titleEn: name },
  });
  if (record.bytes) {
    try {
      return { ...record, name, bytes: encodeDataset(titled(decodeDataset(record.bytes))) };
    } catch {
      return { ...record, name };
    }
  }
  const parsed = DatasetSchema.safeParse(record.dataset);
  return parsed.success
    ? {
        id: record.id,
        name,
        createdAt: record.createdAt,
        bytes: encodeDataset(titled(parsed.data)),
      }
    : { ...record, name };
}

/** The dataset of a stored record, validated: columnar bytes, or the object of an older record. */
function datasetOf(record: DatasetRecord): Dataset {
  return record.bytes ? decodeDataset(record.bytes) : parseDataset(record.dataset);
}

/**
 * Deletes a saved dataset; when it was active, the demo becomes active; its saved rounds become
 * datasets of their own.
 */
export async function deleteDataset(id: string): Promise<void> {
  if (id === DEMO_DATASET_ID) throw new Error('the demo dataset cannot be deleted');
  try {
    const db = await openLocalStore();
    const tx = db.transaction(['datasets', 'datasetInfo', 'settings'], 'readwrite');
    const settings = tx.objectStore('settings');
    const infos = tx.objectStore('datasetInfo');
    const [active, all] = await Promise.all([settings.get(ACTIVE_KEY), infos.getAll()]);
    // Its rounds stay, as datasets of their own.
    const orphans = all.filter((i) => i.roundOf === id).map((i) => infos.put(ownDataset(i)));
    await Promise.all([
      tx.objectStore('datasets').delete(id),
      infos.delete(id),
      ...orphans,
      active?.value === id ? settings.delete(ACTIVE_KEY) : Promise.resolve(),
      tx.done,
    ]);
  } catch (err) {
    throw toStorageError(err);
  }
}

/**
 * The dataset the app shows: the saved choice if that dataset still exists, else the demo. Never
 * throws: without storage (private mode, refused) the app still runs on the demo.
 */
export async function loadActiveDatasetId(): Promise<string> {
  try {
    const db = await openLocalStore();
    const setting = await db.get('settings', ACTIVE_KEY);
    const id = z.string().min(1).safeParse(setting?.value);
    if (!id.success || id.data === DEMO_DATASET_ID) return DEMO_DATASET_ID;
    return (await db.getKey('datasets', id.data)) === undefined ? DEMO_DATASET_ID : id.data;
  } catch {
    return DEMO_DATASET_ID;
  }
}

export async function setActiveDatasetId(id: string): Promise<void> {
  try {
    const db = await openLocalStore();
    if (id === DEMO_DATASET_ID) await db.delete('settings', ACTIVE_KEY);
    else await db.put('settings', { key: ACTIVE_KEY, value: id });
  } catch (err) {
    throw toStorageError(err);
  }
}

/** A dataset saved in this browser, parsed with DatasetSchema on every load. */
export function createIndexedDbSource(id: string): DatasetSource {
  const read = async (): Promise<DatasetRecord> => {
    let record: DatasetRecord | undefined;
    try {
      const db = await openLocalStore();
      record = await db.get('datasets', id);
    } catch (err) {
      throw new DatasetLoadError('fetch', `IndexedDB ${id}: ${String(err)}`);
    }
    if (!record) {
      throw new DatasetLoadError('fetch', `IndexedDB: no saved dataset ${id} in this browser`);
    }
    return record;
  };
  return {
    id,
    async load() {
      return datasetOf(await read());
    },
    async loadBytes() {
      const record = await read();
      // An older record still holding objects is written as columns here; the worker validates.
      return record.bytes ?? encodeDataset(record.dataset as Dataset);
    },
  };
}

// ---------------------------------------------------------------- queries

/** svelte-query keys of this module; the Data view invalidates them after a change. */
export const DATASET_QUERY_KEYS = {
  activeId: ['dataset-active-id'] as const,
  list: ['dataset-list'] as const,
};

export const activeDatasetIdQueryOptions = () => ({
  queryKey: DATASET_QUERY_KEYS.activeId,
  queryFn: loadActiveDatasetId,
  staleTime: Infinity,
  gcTime: Infinity,
  retry: false,
  refetchOnWindowFocus: false,
});

export const datasetListQueryOptions = () => ({
  queryKey: DATASET_QUERY_KEYS.list,
  queryFn: listDatasets,
  staleTime: Infinity,
  retry: false,
  refetchOnWindowFocus: false,
});

// ---------------------------------------------------------------- backup and restore

export const BACKUP_FORMAT = 'chainatlas-backup';
export const BACKUP_VERSION = 1;

const BackupDatasetSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  createdAt: z.string().min(1),
  files: z.array(z.string()).default([]),
  roundOf: z.string().min(1).optional(),
  dataset: DatasetSchema,
});

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.string(),
  activeDatasetId: z.string().optional(),
  datasets: z.array(BackupDatasetSchema),
  drafts: z.array(z.object({ key: z.string().min(1), value: z.unknown(), savedAt: z.string() })),
});
export type Backup = z.infer<typeof BackupSchema>;

/** A backup file that cannot be restored; the message names what is wrong, in both languages. */
export class BackupFormatError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
    this.name = 'BackupFormatError';
  }
}

/**
 * Parses the text of a backup file, or throws a BackupFormatError naming the first problems. Nothing
 * is written here: restore writes only after the whole file passed.
 * @example parseBackup('{}') // throws: 不是本应用的备份文件 / not a ChainAtlas backup file
 */
export function parseBackup(text: string): Backup {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupFormatError('文件不是有效的JSON', 'the file is not valid JSON');
  }
  const head = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number() }).safeParse(json);
  if (!head.success) {
    throw new BackupFormatError('不是本应用的备份文件', 'not a ChainAtlas backup file');
  }
  if (head.data.version !== BACKUP_VERSION) {
    throw new BackupFormatError(
      `备份格式版本${head.data.version}不受支持（支持版本${BACKUP_VERSION}）`,
      `backup format version ${head.data.version} is not supported (expected ${BACKUP_VERSION})`,
    );
  }
  const result = BackupSchema.safeParse(json);
  if (!result.success) {
    const where = result.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`)
      .join('; ');
    throw new BackupFormatError(
      `备份文件内容不完整或已损坏（${where}）`,
      `backup is damaged (${where})`,
    );
  }
  for (const d of result.data.datasets) {
    if (d.id === DEMO_DATASET_ID || d.id !== d.dataset.meta.datasetId) {
      throw new BackupFormatError(
        `备份中的数据集编号“${d.id}”无效`,
        `dataset id "${d.id}" in the backup is not valid`,
      );
    }
  }
  result.data.datasets.forEach((d, i) => checkBackupBounds(d.dataset, i));
  return result.data;
}

/**
 * The plausibility bounds of ../domain/bounds.ts on a restored dataset: an amount no enterprise can
 * have (over 10万亿元, e.g. a need of 9e15 万元 that would show as 900,000,000,000亿元) or a name or
 * text over its cap refuses the whole backup, naming the first values, before anything is written.
 */
function checkBackupBounds(dataset: Backup['datasets'][number]['dataset'], index: number): void {
  const bad = findOutOfBounds(dataset);
  if (bad.length === 0) return;
  const num = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const where = (b: OutOfBounds) => `datasets.${index}.dataset.${b.path}`;
  const zh = bad
    .slice(0, 3)
    .map((b) =>
      b.kind === 'amount'
        ? `${where(b)} = ${num(b.value)}万元，超过10万亿元（${num(b.limit)}万元），任何一家企业都不可能有这样的金额`
        : `${where(b)} 有${num(b.value)}字，超过${num(b.limit)}字上限`,
    )
    .join('；');
  const en = bad
    .slice(0, 3)
    .map((b) =>
      b.kind === 'amount'
        ? `${where(b)} = ${num(b.value)} (10k CNY), over CNY 10 trillion (${num(b.limit)} × 10k), more than any enterprise can have`
        : `${where(b)} has ${num(b.value)} characters, over the ${num(b.limit)} limit`,
    )
    .join('; ');
  const more = bad.length > 3 ? bad.length - 3 : 0;
  throw new BackupFormatError(
    `备份含有不合理的数值，未恢复任何数据：${zh}${more > 0 ? `（另有${more}处）` : ''}`,
    `the backup holds implausible values; nothing was restored: ${en}${more > 0 ? ` (and ${more} more)` : ''}`,
  );
}

/** Everything saved in this browser (datasets and drafts) as a JSON file. */
export async function backupLocalData(): Promise<Blob> {
  try {
    const db = await openLocalStore();
    const [records, infos, drafts, active] = await Promise.all([
      db.getAll('datasets'),
      db.getAll('datasetInfo'),
      db.getAll('drafts'),
      loadActiveDatasetId(),
    ]);
    const infoById = new Map(infos.map((i) => [i.id, i] as const));
    const backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: new Date().toISOString(),
      activeDatasetId: active,
      // A record that no longer decodes cannot be restored either: it is left out, the others kept.
      datasets: records.flatMap((r) => {
        let dataset: Dataset;
        try {
          dataset = datasetOf(r);
        } catch {
          return [];
        }
        const { id, name, createdAt } = r;
        const info = infoById.get(r.id);
        const roundOf = info?.roundOf;
        return [
          {
            id,
            name,
            createdAt,
            files: info?.files ?? [],
            ...(roundOf !== undefined ? { roundOf } : {}),
            dataset,
          },
        ];
      }),
      drafts,
    };
    return new Blob([JSON.stringify(backup)], { type: 'application/json' });
  } catch (err) {
    throw toStorageError(err);
  }
}

export interface RestoreSummary {
  datasets: number;
  drafts: number;
}

/**
 * Restores a backup file: datasets and drafts in it are written (an entry with the same id or key is
 * replaced, everything else is kept). An invalid file throws BackupFormatError before any write; a
 * failed write (quota) rolls the whole transaction back.
 */
export async function restoreLocalData(file: Blob): Promise<RestoreSummary> {
  const backup = parseBackup(await file.text());
  try {
    const db = await openLocalStore();
    const tx = db.transaction(['datasets', 'datasetInfo', 'drafts'], 'readwrite');
    const writes: Promise<unknown>[] = [];
    for (const d of backup.datasets) {
      writes.push(
        tx.objectStore('datasets').put({
          id: d.id,
          name: d.name,
          createdAt: d.createdAt,
          bytes: encodeDataset(d.dataset),
        }),
        tx
          .objectStore('datasetInfo')
          .put(buildDatasetInfo(d.dataset, d.name, d.createdAt, d.files, d.roundOf)),
      );
    }
    for (const draft of backup.drafts) {
      const record: DraftRecord = { key: draft.key, value: draft.value, savedAt: draft.savedAt };
      writes.push(tx.objectStore('drafts').put(record));
    }
    await Promise.all([...writes, tx.done]);
  } catch (err) {
    throw toStorageError(err);
  }
  return { datasets: backup.datasets.length, drafts: backup.drafts.length };
}
