import { describe, expect, it } from 'vitest';
import { createDataset, createEnterprise } from '../analysis/test-fixtures';
import type { Dataset } from '../domain/schema';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupFormatError,
  buildDatasetInfo,
  cleanDatasetName,
  createIndexedDbSource,
  DEMO_DATASET_ID,
  listDatasets,
  loadActiveDatasetId,
  newImportedDatasetId,
  parseBackup,
} from './datasets';
import { DatasetLoadError } from './dataset-source';
import { StorageError } from './local-store';

const imported = (id = 'import-20250630-abc1234'): Dataset => {
  const ds = createDataset({ enterprises: [createEnterprise()] });
  ds.meta.datasetId = id;
  ds.meta.kind = 'user_import';
  ds.meta.isSynthetic = false;
  ds.meta.sources = [{ id: 'file-1', title: 'enterprises.csv' }];
  return ds;
};

const backupText = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: '2025-06-30T02:00:00.000Z',
    datasets: [
      {
        id: 'import-20250630-abc1234',
        name: '常州清单',
        createdAt: '2025-06-30T02:00:00.000Z',
        files: ['enterprises.csv'],
        dataset: imported(),
      },
    ],
    drafts: [{ key: 'policy:nev', value: { text: '草稿' }, savedAt: '2025-06-30T02:00:00.000Z' }],
    ...over,
  });

/** The bilingual message of a BackupFormatError thrown by `fn`. */
function formatError(fn: () => unknown): { zh: string; en: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof BackupFormatError) return { zh: err.messageZh, en: err.message };
    throw err;
  }
  throw new Error('expected a BackupFormatError');
}

describe('cleanDatasetName()', () => {
  it.each([
    ['  常州清单 \n', '常州清单'],
    ['ＡＢＣ１２３', 'ABC123'],
    ['a\u0000b', 'a b'],
    ['   ', null],
    ['x'.repeat(100), 'x'.repeat(80)],
  ])('%j → %j', (input, output) => {
    expect(cleanDatasetName(input)).toBe(output);
  });
});

describe('buildDatasetInfo()', () => {
  it('counts the records and takes id and data date from the dataset', () => {
    expect(buildDatasetInfo(imported(), '常州清单', '2025-06-30T02:00:00.000Z', ['a.csv'])).toEqual(
      {
        id: 'import-20250630-abc1234',
        name: '常州清单',
        createdAt: '2025-06-30T02:00:00.000Z',
        asOf: '2025-06-30',
        enterprises: 1,
        creditRelations: 0,
        supplyEdges: 0,
        files: ['a.csv'],
      },
    );
  });
});

describe('newImportedDatasetId()', () => {
  it('is dated, prefixed and different each time', () => {
    const at = new Date('2025-07-01T08:00:00Z');
    const a = newImportedDatasetId(at);
    expect(a).toMatch(/^import-20250701-[0-9a-z]{7}$/);
    expect(newImportedDatasetId(at)).not.toBe(a);
  });
});

describe('parseBackup()', () => {
  it('reads a backup written by backupLocalData()', () => {
    const backup = parseBackup(backupText());
    expect(backup.datasets.map((d) => [d.id, d.name, d.dataset.enterprises.length])).toEqual([
      ['import-20250630-abc1234', '常州清单', 1],
    ]);
    expect(backup.drafts.map((d) => d.key)).toEqual(['policy:nev']);
  });

  it('refuses text that is not JSON', () => {
    expect(formatError(() => parseBackup('{ not json'))).toEqual({
      zh: '文件不是有效的JSON',
      en: 'the file is not valid JSON',
    });
  });

  it('refuses JSON that is not a backup of this app', () => {
    expect(formatError(() => parseBackup('{"hello":"world"}'))).toEqual({
      zh: '不是本应用的备份文件',
      en: 'not a ChainAtlas backup file',
    });
  });

  it('refuses a later format version', () => {
    expect(formatError(() => parseBackup(backupText({ version: 2 }))).en).toBe(
      'backup format version 2 is not supported (expected 1)',
    );
  });

  it('names the damaged part of a dataset', () => {
    const damaged = imported();
    Object.assign(damaged.enterprises[0] ?? {}, { financingNeed: -1 });
    const text = backupText({
      datasets: [
        {
          id: damaged.meta.datasetId,
          name: 'x',
          createdAt: '2025-06-30T02:00:00.000Z',
          dataset: damaged,
        },
      ],
    });
    expect(formatError(() => parseBackup(text)).en).toContain(
      'datasets.0.dataset.enterprises.0.financingNeed',
    );
  });

  it.each([
    ['the demo id', DEMO_DATASET_ID, imported(DEMO_DATASET_ID)],
    ['an id that is not the dataset’s', 'import-other', imported()],
  ])('refuses %s', (_title, id, dataset) => {
    const text = backupText({
      datasets: [{ id, name: 'x', createdAt: '2025-06-30T02:00:00.000Z', dataset }],
    });
    expect(formatError(() => parseBackup(text)).zh).toBe(`备份中的数据集编号“${id}”无效`);
  });
});

// Node has no IndexedDB: the same path as a browser that refuses storage (private mode).
describe('without local storage', () => {
  it('loadActiveDatasetId() falls back to the demo', async () => {
    expect(await loadActiveDatasetId()).toBe(DEMO_DATASET_ID);
  });

  it('listDatasets() says storage is unavailable, in both languages', async () => {
    const err: unknown = await listDatasets().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err).toMatchObject({
      kind: 'unavailable',
      messageZh: expect.stringContaining('本地存储'),
    });
  });

  it('an IndexedDB source fails with a DatasetLoadError naming the dataset', async () => {
    const err: unknown = await createIndexedDbSource('import-x')
      .load()
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatasetLoadError);
    expect(err).toMatchObject({ kind: 'fetch', message: expect.stringContaining('import-x') });
  });
});
