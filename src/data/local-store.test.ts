// An in-memory IndexedDB (globals) for this file only: vitest isolates test files.
import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createDataset, createEnterprise } from '../analysis/test-fixtures';
import type { Dataset } from '../domain/schema';
import { decodeDataset } from './columnar';
import { createIndexedDbSource, listDatasets, renameDataset } from './datasets';
import { DB_NAME, DB_VERSION, openLocalStore } from './local-store';

const saved = (): Dataset => {
  const ds = createDataset({ enterprises: [createEnterprise({ financingNeed: 1234.5 })] });
  ds.meta.datasetId = 'import-20250630-abc1234';
  ds.meta.kind = 'user_import';
  return ds;
};

/** A browser as version 2 left it: the dataset stored as an object, its list entry beside it. */
async function createVersion2Store(): Promise<void> {
  const db = await openDB(DB_NAME, 2, {
    upgrade(v2) {
      v2.createObjectStore('drafts', { keyPath: 'key' });
      v2.createObjectStore('datasets', { keyPath: 'id' });
      v2.createObjectStore('settings', { keyPath: 'key' });
      v2.createObjectStore('datasetInfo', { keyPath: 'id' });
    },
  });
  const ds = saved();
  await db.put('datasets', {
    id: ds.meta.datasetId,
    name: '常州清单',
    createdAt: '2025-06-30T02:00:00.000Z',
    dataset: ds,
  });
  await db.put('datasets', {
    id: 'broken',
    name: '坏',
    createdAt: '2025-06-29T02:00:00.000Z',
    dataset: null,
  });
  await db.put('datasetInfo', {
    id: ds.meta.datasetId,
    name: '常州清单',
    createdAt: '2025-06-30T02:00:00.000Z',
    asOf: '2025-06-30',
    enterprises: 1,
    creditRelations: 0,
    supplyEdges: 0,
    files: [],
  });
  db.close();
}

describe('local store migration to version 3', () => {
  it('stores a saved dataset as columnar bytes that decode to the same dataset', async () => {
    expect(DB_VERSION).toBe(3);
    await createVersion2Store();
    const db = await openLocalStore();
    const record = await db.get('datasets', 'import-20250630-abc1234');
    expect(record?.dataset).toBeUndefined();
    expect(record?.bytes).toBeInstanceOf(Uint8Array);
    expect(decodeDataset(record?.bytes ?? new Uint8Array())).toStrictEqual(saved());
    expect(await createIndexedDbSource('import-20250630-abc1234').load()).toStrictEqual(saved());
  });

  it('keeps a record it cannot convert as it was; loading it reports the schema error', async () => {
    const db = await openLocalStore();
    expect(await db.get('datasets', 'broken')).toEqual({
      id: 'broken',
      name: '坏',
      createdAt: '2025-06-29T02:00:00.000Z',
      dataset: null,
    });
    await expect(createIndexedDbSource('broken').load()).rejects.toMatchObject({ kind: 'schema' });
  });

  it('renaming a migrated dataset renames its list entry and the titles inside the bytes', async () => {
    await renameDataset('import-20250630-abc1234', '常州清单二');
    expect((await listDatasets()).map((d) => d.name)).toEqual(['常州清单二']);
    const ds = await createIndexedDbSource('import-20250630-abc1234').load();
    expect([ds.meta.titleZh, ds.meta.titleEn]).toEqual(['常州清单二', '常州清单二']);
    expect(ds.enterprises[0]?.financingNeed).toBe(1234.5);
  });
});
