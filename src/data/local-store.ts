/**
 * What the app keeps in this browser, in IndexedDB (through `idb`): drafts the user edits (policy
 * cards, batch follow-up statuses) and imported datasets. Nothing leaves the browser. Every read is
 * parsed with zod: a record that no longer fits is reported, never trusted.
 *
 * Versioned schema: `upgrade` runs each migration from the stored version up to DB_VERSION in order,
 * so a browser that skipped releases still ends up with the current stores.
 *
 * Several tabs share the database. An edit is therefore written as a change to what is stored *now*
 * (`updateDraft`: read, change, write in one readwrite transaction, which IndexedDB runs one after
 * another), never as a tab's whole in-memory copy; after each commit the other tabs are told
 * (local-sync.ts) and read again.
 */
import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import { z } from 'zod';
import type { Dataset } from '../domain/schema';
import { encodeDataset } from './columnar';
import { notifyOtherTabs } from './local-sync';

export const DB_NAME = 'chainatlas';
export const DB_VERSION = 3;

export interface DraftRecord {
  key: string;
  value: unknown;
  savedAt: string;
}

export interface DatasetRecord {
  id: string;
  name: string;
  createdAt: string;
  /**
   * The whole Dataset as a columnar file (columnar.ts, version 3), validated again when loaded.
   * Absent only on a record from before version 3 that the migration could not convert.
   */
  bytes?: Uint8Array;
  /** Before version 3: the Dataset as an object. Kept only when it was not an object to convert. */
  dataset?: unknown;
}

/**
 * What the dataset list shows about a saved dataset, kept apart from the dataset itself so that
 * listing never reads 100k enterprises (version 2). Parsed with zod when read (src/data/datasets.ts).
 */
export interface DatasetInfoRecord {
  id: string;
  name: string;
  createdAt: string;
  asOf: string;
  enterprises: number;
  creditRelations: number;
  supplyEdges: number;
  /** Names of the imported files. */
  files: string[];
  /** The dataset this one is a later round of (issue 14); absent for a dataset of its own. */
  roundOf?: string;
}

interface ChainAtlasDb extends DBSchema {
  drafts: { key: string; value: DraftRecord };
  datasets: { key: string; value: DatasetRecord };
  datasetInfo: { key: string; value: DatasetInfoRecord };
  settings: { key: string; value: { key: string; value: unknown } };
}

type UpgradeTx = IDBPTransaction<ChainAtlasDb, StoreNames<ChainAtlasDb>[], 'versionchange'>;

/** What the v2 migration reads from a stored dataset; anything else about it may be wrong. */
const StoredDatasetShape = z
  .object({
    meta: z.object({ asOf: z.string() }).partial(),
    enterprises: z.array(z.unknown()),
    creditRelations: z.array(z.unknown()),
    supplyEdges: z.array(z.unknown()),
  })
  .partial();

/**
 * Migrations by target version: index i upgrades version i to i + 1. They run inside the upgrade
 * transaction; a migration that copies data returns the promise of its last write.
 */
const MIGRATIONS: ((db: IDBPDatabase<ChainAtlasDb>, tx: UpgradeTx) => Promise<void> | void)[] = [
  (db) => {
    db.createObjectStore('drafts', { keyPath: 'key' });
    db.createObjectStore('datasets', { keyPath: 'id' });
    db.createObjectStore('settings', { keyPath: 'key' });
  },
  // v2: the dataset list reads a small info record per dataset; existing datasets get theirs.
  async (db, tx) => {
    db.createObjectStore('datasetInfo', { keyPath: 'id' });
    const info = tx.objectStore('datasetInfo');
    let cursor = await tx.objectStore('datasets').openCursor();
    while (cursor) {
      const { id, name, createdAt, dataset } = cursor.value;
      const parsed = StoredDatasetShape.safeParse(dataset);
      const shape = parsed.success ? parsed.data : {};
      await info.put({
        id,
        name,
        createdAt,
        asOf: shape.meta?.asOf ?? createdAt.slice(0, 10),
        enterprises: shape.enterprises?.length ?? 0,
        creditRelations: shape.creditRelations?.length ?? 0,
        supplyEdges: shape.supplyEdges?.length ?? 0,
        files: [],
      });
      cursor = await cursor.continue();
    }
  },
  // v3: saved datasets are stored as columnar bytes (a third of the JSON, validated column by
  // column on load). Not validated here: a record that was invalid stays invalid, and says so on load.
  async (_db, tx) => {
    let cursor = await tx.objectStore('datasets').openCursor();
    while (cursor) {
      const { id, name, createdAt, dataset } = cursor.value;
      if (dataset !== null && typeof dataset === 'object' && !Array.isArray(dataset)) {
        // An object from the store, not a checked Dataset: the encoder takes what it is given.
        const bytes = encodeDataset(dataset as Dataset);
        await cursor.update({ id, name, createdAt, bytes });
      }
      cursor = await cursor.continue();
    }
  },
];

/** Storage refused or full: the message says so in both languages; nothing saved before is lost. */
export class StorageError extends Error {
  constructor(
    readonly kind: 'unavailable' | 'quota' | 'failed',
    readonly messageZh: string,
    readonly messageEn: string,
    cause?: unknown,
  ) {
    super(messageEn, { cause });
    this.name = 'StorageError';
  }
}

/** Any failure of IndexedDB as a StorageError (quota, refused, other). */
export function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const name = err instanceof DOMException ? err.name : '';
  if (name === 'QuotaExceededError') {
    return new StorageError(
      'quota',
      '浏览器存储空间已满，本次未保存；此前保存的数据不受影响。',
      'Browser storage is full: this was not saved; what was saved before is intact.',
      err,
    );
  }
  if (name === 'SecurityError' || name === 'InvalidStateError') {
    return new StorageError(
      'unavailable',
      '浏览器禁止本地存储（例如隐私模式），无法保存。',
      'This browser refuses local storage (for example in private mode): nothing can be saved.',
      err,
    );
  }
  return new StorageError(
    'failed',
    `本地保存失败：${String(err)}`,
    `Saving locally failed: ${String(err)}`,
    err,
  );
}

let dbPromise: Promise<IDBPDatabase<ChainAtlasDb>> | null = null;

export function openLocalStore(): Promise<IDBPDatabase<ChainAtlasDb>> {
  if (typeof indexedDB === 'undefined') {
    return Promise.reject(toStorageError(new DOMException('no IndexedDB', 'InvalidStateError')));
  }
  dbPromise ??= openDB<ChainAtlasDb>(DB_NAME, DB_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      for (let v = oldVersion; v < DB_VERSION; v++) {
        // Synchronous steps stay synchronous: only a copying migration waits on its requests.
        const pending = MIGRATIONS[v]?.(db, tx);
        if (pending) await pending;
      }
    },
    // Another tab opened a newer version: let it upgrade; this tab reopens on its next access.
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      dbPromise = null;
    },
  }).catch((err: unknown) => {
    dbPromise = null;
    throw toStorageError(err);
  });
  return dbPromise;
}

/** A saved draft parsed with its schema; null when absent or no longer valid. */
export async function loadDraft<T>(key: string, schema: z.ZodType<T>): Promise<T | null> {
  const db = await openLocalStore();
  const record = await db.get('drafts', key);
  if (!record) return null;
  const parsed = schema.safeParse(record.value);
  return parsed.success ? parsed.data : null;
}

export async function saveDraft(key: string, value: unknown): Promise<void> {
  try {
    const db = await openLocalStore();
    await db.put('drafts', { key, value, savedAt: new Date().toISOString() });
  } catch (err) {
    throw toStorageError(err);
  }
  notifyOtherTabs({ type: 'drafts', keys: [key] });
}

export async function deleteDraft(key: string): Promise<void> {
  try {
    const db = await openLocalStore();
    await db.delete('drafts', key);
  } catch (err) {
    throw toStorageError(err);
  }
  notifyOtherTabs({ type: 'drafts', keys: [key] });
}

/**
 * Changes one draft as it is stored now: `change` gets the stored value (`undefined` when there is
 * none) and returns the value to store, or `undefined` to delete the draft. Read and write happen in
 * one readwrite transaction, so an edit made meanwhile in another tab is never overwritten. `change`
 * must be synchronous (an IndexedDB transaction commits as soon as it waits on anything else) and
 * should parse what it is given: the stored value may come from another version of the app.
 * Resolves to what was stored.
 */
export async function updateDraft(
  key: string,
  change: (stored: unknown) => unknown,
): Promise<unknown> {
  let next: unknown;
  try {
    const db = await openLocalStore();
    const tx = db.transaction('drafts', 'readwrite');
    const record = await tx.store.get(key);
    next = change(record?.value);
    const write =
      next === undefined
        ? tx.store.delete(key)
        : tx.store.put({ key, value: next, savedAt: new Date().toISOString() });
    await Promise.all([write, tx.done]);
  } catch (err) {
    throw toStorageError(err);
  }
  notifyOtherTabs({ type: 'drafts', keys: [key] });
  return next;
}

/** “Erase all local data”: every store emptied, in one transaction; the other tabs are told. */
export async function eraseAllLocalData(): Promise<void> {
  const db = await openLocalStore();
  const tx = db.transaction(['drafts', 'datasets', 'datasetInfo', 'settings'], 'readwrite');
  await Promise.all([
    tx.objectStore('drafts').clear(),
    tx.objectStore('datasets').clear(),
    tx.objectStore('datasetInfo').clear(),
    tx.objectStore('settings').clear(),
    tx.done,
  ]);
  notifyOtherTabs({ type: 'erased' });
}
