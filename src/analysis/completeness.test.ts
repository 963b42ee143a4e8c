import { describe, expect, it } from 'vitest';
import { datasetCompleteness, SOURCE_CREDIT_FROM_APPROVED } from './completeness';
import {
  createDataset,
  createEnterprise,
  createLeader,
  createRelation,
  createSupplyEdge,
  createTestChain,
} from './test-fixtures';

/** Two chains (t, u); one enterprise and its leader on t, with a relation and a supply edge. */
const complete = () =>
  createDataset({
    chains: [createTestChain(), createTestChain({ id: 'u', nameZh: '乙链', nameEn: 'Chain U' })],
    enterprises: [
      createEnterprise(),
      createLeader(),
      createEnterprise({ id: 'e2', chainIds: ['u'] }),
    ],
    creditRelations: [createRelation()],
    supplyEdges: [createSupplyEdge()],
  });

describe('datasetCompleteness()', () => {
  it('reports nothing for a dataset with relations, edges and enterprises on every chain', () => {
    expect(datasetCompleteness(complete())).toEqual([]);
  });

  it('reports nothing for an empty dataset', () => {
    expect(datasetCompleteness(createDataset())).toEqual([]);
  });

  it('says coverage comes from the approved-credit column when the import built the relations', () => {
    const ds = complete();
    ds.meta.sources = [{ id: SOURCE_CREDIT_FROM_APPROVED, title: 'x' }];
    expect(datasetCompleteness(ds)).toEqual([{ kind: 'credit-from-approved' }]);
  });

  it('reports no credit at all when there is no relation and no marker', () => {
    expect(datasetCompleteness({ ...complete(), creditRelations: [] })).toEqual([
      { kind: 'no-credit' },
    ]);
  });

  it('reports missing supply edges', () => {
    expect(datasetCompleteness({ ...complete(), supplyEdges: [] })).toEqual([
      { kind: 'no-supply' },
    ]);
  });

  it('lists the chains with no enterprise and flags a single chain', () => {
    const ds = complete();
    ds.enterprises = ds.enterprises.filter((e) => e.id !== 'e2');
    expect(datasetCompleteness(ds)).toEqual([
      { kind: 'empty-chains', chainIds: ['u'] },
      { kind: 'single-chain', chainId: 't' },
    ]);
  });

  it('does not call a one-chain dataset incomplete when the dataset has one chain only', () => {
    const ds = complete();
    ds.chains = [createTestChain()];
    ds.enterprises = ds.enterprises.filter((e) => e.id !== 'e2');
    expect(datasetCompleteness(ds)).toEqual([]);
  });

  it('does not mind enterprises without coordinates', () => {
    const ds = complete();
    expect(ds.enterprises.every((e) => e.lat === undefined && e.lon === undefined)).toBe(true);
    expect(datasetCompleteness(ds)).toEqual([]);
  });

  it('does not mutate the dataset', () => {
    const ds = complete();
    const before = structuredClone(ds);
    datasetCompleteness(ds);
    expect(ds).toEqual(before);
  });
});
