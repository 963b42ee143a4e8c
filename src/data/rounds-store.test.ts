// An in-memory IndexedDB (globals) for this file only: vitest isolates test files.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createDataset, createEnterprise } from '../analysis/test-fixtures';
import type { Dataset } from '../domain/schema';
import {
  backupLocalData,
  deleteDataset,
  DEMO_DATASET_ID,
  listDatasets,
  restoreLocalData,
  RoundLinkError,
  roundBases,
  roundLinkProblem,
  saveImportedDataset,
  savedRoundsOf,
  setRoundOf,
  type DatasetInfo,
} from './datasets';

const imported = (id: string, asOf = '2025-06-30'): Dataset => {
  const ds = createDataset({ enterprises: [createEnterprise()] });
  ds.meta.datasetId = id;
  ds.meta.kind = 'user_import';
  ds.meta.isSynthetic = false;
  ds.meta.asOf = asOf;
  return ds;
};

const byId = async (): Promise<Map<string, DatasetInfo>> =>
  new Map((await listDatasets()).map((d) => [d.id, d]));

/** The bilingual message of the RoundLinkError a promise rejects with. */
async function linkError(p: Promise<unknown>): Promise<{ zh: string; en: string }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof RoundLinkError) return { zh: err.messageZh, en: err.message };
    throw err;
  }
  throw new Error('expected a RoundLinkError');
}

beforeEach(async () => {
  for (const d of await listDatasets()) await deleteDataset(d.id);
});

describe('saving an import as a new round (issue 14)', () => {
  it('keeps the link to its dataset and lists the rounds oldest first', async () => {
    await saveImportedDataset(imported('import-base'), '常州清单');
    // saved out of order: the December snapshot first
    await saveImportedDataset(imported('import-dec', '2025-12-31'), '十二月', {
      roundOf: 'import-base',
    });
    await saveImportedDataset(imported('import-sep', '2025-09-30'), '九月', {
      roundOf: 'import-base',
    });
    await saveImportedDataset(imported('import-demo-r', '2025-10-31'), '示例后一轮', {
      roundOf: DEMO_DATASET_ID,
    });
    const list = await listDatasets();
    expect(savedRoundsOf(list, 'import-base').map((d) => d.name)).toEqual(['九月', '十二月']);
    expect(savedRoundsOf(list, DEMO_DATASET_ID).map((d) => d.id)).toEqual(['import-demo-r']);
    expect((await byId()).get('import-base')?.roundOf).toBeUndefined();
  });

  it('refuses a base that is missing or itself a round, and saves nothing then', async () => {
    await saveImportedDataset(imported('import-a'), 'A');
    await saveImportedDataset(imported('import-a2'), 'A2', { roundOf: 'import-a' });
    expect(
      await linkError(saveImportedDataset(imported('import-x'), 'X', { roundOf: 'import-nope' })),
    ).toEqual({
      zh: '没有编号为“import-nope”的已保存数据集',
      en: 'there is no saved dataset "import-nope"',
    });
    expect(
      (await linkError(saveImportedDataset(imported('import-y'), 'Y', { roundOf: 'import-a2' })))
        .en,
    ).toBe('"A2" is itself a round of another dataset: choose the dataset it belongs to');
    expect([...(await byId()).keys()].sort()).toEqual(['import-a', 'import-a2']);
  });
});

describe('setRoundOf()', () => {
  it('pairs two saved datasets before → after, and unpairs them', async () => {
    await saveImportedDataset(imported('import-before'), '会前');
    await saveImportedDataset(imported('import-after', '2025-09-30'), '会后');
    await setRoundOf('import-after', 'import-before');
    expect((await byId()).get('import-after')?.roundOf).toBe('import-before');
    // a dataset with a round of its own cannot become a round
    expect((await linkError(setRoundOf('import-before', DEMO_DATASET_ID))).zh).toBe(
      '此数据集已有自己的后续轮次，不能再作为别的数据集的轮次',
    );
    expect((await linkError(setRoundOf('import-after', 'import-after'))).en).toBe(
      'a dataset cannot be a round of itself',
    );
    await setRoundOf('import-after', null);
    expect((await byId()).get('import-after')).not.toHaveProperty('roundOf');
  });

  it('leaves the rounds of a deleted dataset as datasets of their own', async () => {
    await saveImportedDataset(imported('import-b'), 'B');
    await saveImportedDataset(imported('import-b2', '2025-09-30'), 'B2', { roundOf: 'import-b' });
    await deleteDataset('import-b');
    const left = await byId();
    expect([...left.keys()]).toEqual(['import-b2']);
    expect(left.get('import-b2')?.roundOf).toBeUndefined();
  });
});

describe('backup and restore', () => {
  it('keep which dataset each round belongs to', async () => {
    await saveImportedDataset(imported('import-c'), 'C');
    await saveImportedDataset(imported('import-c2', '2025-09-30'), 'C2', { roundOf: 'import-c' });
    const backup = await backupLocalData();
    await deleteDataset('import-c2');
    await deleteDataset('import-c');
    expect(await listDatasets()).toEqual([]);
    expect(await restoreLocalData(backup)).toEqual({ datasets: 2, drafts: 0 });
    expect((await byId()).get('import-c2')?.roundOf).toBe('import-c');
  });
});

describe('roundLinkProblem()', () => {
  const infos = [
    { id: 'a', name: 'A' },
    { id: 'b', name: 'B', roundOf: 'a' },
    { id: 'c', name: 'C' },
  ];
  it('allows a dataset of its own (or the demo) as the base of a dataset without rounds', () => {
    expect(roundLinkProblem('c', 'a', infos)).toBeNull();
    expect(roundLinkProblem('c', DEMO_DATASET_ID, infos)).toBeNull();
    // b moves from a to c
    expect(roundLinkProblem('b', 'c', infos)).toBeNull();
  });
  it('refuses rounds of rounds, of itself, and datasets that have rounds', () => {
    expect(roundLinkProblem('c', 'b', infos)?.message).toMatch(/itself a round/);
    expect(roundLinkProblem('a', 'c', infos)?.message).toMatch(/has rounds of its own/);
    expect(roundLinkProblem('a', 'a', infos)?.message).toMatch(/of itself/);
  });
});

describe('roundBases()', () => {
  it('offers the demo and the datasets that are not rounds themselves', () => {
    const infos = [
      { id: 'a', name: 'A' },
      { id: 'b', name: 'B', roundOf: 'a' },
      { id: 'c', name: 'C' },
    ];
    expect(roundBases(infos, '示例数据（合成）')).toEqual([
      { id: DEMO_DATASET_ID, name: '示例数据（合成）' },
      { id: 'a', name: 'A' },
      { id: 'c', name: 'C' },
    ]);
  });
});
