/**
 * What the app keeps in this browser, in IndexedDB (through `idb`): drafts the user edits (policy
 * cards, batch follow-up statuses) and imported datasets. Nothing leaves the browser. Every read is
 * parsed with zod: a record that no longer fits is reported, never trusted.
 *
 * Versioned schema: `upgrade` runs each migration from the stored version up to DB_VERSION in order,
 * so a browser that skipped releases still ends up with the current stores.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { z } from 'zod';

export const DB_NAME = 'chainatlas';
export const DB_VERSION = 1;

export interface DraftRecord {
  key: string;
  value: unknown;
  savedAt: string;
}

export interface DatasetRecord {
  id: string;
  name: string;
  createdAt: string;
  /** The whole Dataset as parsed at import; parsed again with DatasetSchema when loaded. */
  dataset: unknown;
}

interface ChainAtlasDb extends DBSchema {
  drafts: { key: string; value: DraftRecord };
  datasets: { key: string; value: DatasetRecord };
  settings: { key: string; value: { key: string; value: unknown } };
}

/** Migrations by target version: index i creates the stores of version i + 1. */
const MIGRATIONS: ((db: IDBPDatabase<ChainAtlasDb>) => void)[] = [
  (db) => {
    db.createObjectStore('drafts', { keyPath: 'key' });
    db.createObjectStore('datasets', { keyPath: 'id' });
    db.createObjectStore('settings', { keyPath: 'key' });
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

function toStorageError(err: unknown): StorageError {
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
    upgrade(db, oldVersion) {
      for (let v = oldVersion; v < DB_VERSION; v++) MIGRATIONS[v]?.(db);
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
}

export async function deleteDraft(key: string): Promise<void> {
  const db = await openLocalStore();
  await db.delete('drafts', key);
}

/** “Erase all local data”: every store emptied, in one transaction. */
export async function eraseAllLocalData(): Promise<void> {
  const db = await openLocalStore();
  const tx = db.transaction(['drafts', 'datasets', 'settings'], 'readwrite');
  await Promise.all([
    tx.objectStore('drafts').clear(),
    tx.objectStore('datasets').clear(),
    tx.objectStore('settings').clear(),
    tx.done,
  ]);
}
