import { describe, expect, it } from 'vitest';
import { enterpriseNeighbourhood, flowsByLink, flowsForLink } from './atlas';
import { buildDatasetIndex } from './dataset-index';
import {
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createSupplyEdge,
} from './test-fixtures';

/**
 * u1 (t.up, city a) → e1 (t.mid, a) → L1 (t.down, city b); e2 (t.mid, b) → L1.
 * Values: u1→e1 300, e1→L1 2000, e2→L1 500.
 */
function index() {
  return buildDatasetIndex(
    createDataset({
      cities: [createCity(), createCity({ id: 'b', nameZh: '乙市', nameEn: 'City B' })],
      enterprises: [
        createEnterprise({ id: 'u1', primaryLinkId: 't.up', linkIds: ['t.up'] }),
        createEnterprise({ id: 'e1' }),
        createEnterprise({ id: 'e2', cityId: 'b' }),
        createLeader({ cityId: 'b' }),
      ],
      supplyEdges: [
        createSupplyEdge({
          id: 's0',
          supplierId: 'u1',
          buyerId: 'e1',
          fromLinkId: 't.up',
          toLinkId: 't.mid',
          annualValue: 300,
        }),
        createSupplyEdge({ id: 's1', supplierId: 'e1', annualValue: 2000 }),
        createSupplyEdge({ id: 's2', supplierId: 'e2', annualValue: 500 }),
      ],
    }),
  );
}

describe('enterpriseNeighbourhood()', () => {
  it('gives its own link, its suppliers’ links and its buyers’ links', () => {
    expect(enterpriseNeighbourhood(index(), 'e1')).toEqual({
      linkIds: ['t.down', 't.mid', 't.up'],
      supplierIds: ['u1'],
      buyerIds: ['L1'],
    });
  });

  it('an unknown id gives nothing', () => {
    expect(enterpriseNeighbourhood(index(), 'zz')).toEqual({
      linkIds: [],
      supplierIds: [],
      buyerIds: [],
    });
  });
});

describe('flowsForLink()', () => {
  it('aggregates t.mid sales (out) and purchases (in) by city pair, same-city trade left out', () => {
    const idx = index();
    const flows = flowsForLink(idx, idx.dataset.enterprises, 't.mid');
    // out: e1 (a) → L1 (b) 2000; e2 (b) → L1 (b) same city: no line. in: u1 (a) → e1 (a) same city.
    expect(flows).toEqual([
      { fromCityId: 'a', toCityId: 'b', value: 2000, direction: 'out', edges: 1 },
    ]);
  });

  it('follows the visible enterprises', () => {
    const idx = index();
    const visible = idx.dataset.enterprises.filter((e) => e.id !== 'e1');
    expect(flowsForLink(idx, visible, 't.mid')).toEqual([]);
  });
});

describe('flowsByLink()', () => {
  it('gives every link its flows in one pass: t.mid sells to b, t.down buys from a', () => {
    const idx = index();
    const all = flowsByLink(idx, idx.dataset.enterprises, ['t.up', 't.mid', 't.down']);
    // s0 u1 (a) → e1 (a): same city for t.up and t.mid. s1 e1 (a) → L1 (b) 2000: a sale of t.mid,
    // a purchase of t.down. s2 e2 (b) → L1 (b): same city.
    expect([...all]).toEqual([
      ['t.up', []],
      ['t.mid', [{ fromCityId: 'a', toCityId: 'b', value: 2000, direction: 'out', edges: 1 }]],
      ['t.down', [{ fromCityId: 'a', toCityId: 'b', value: 2000, direction: 'in', edges: 1 }]],
    ]);
  });

  it('a hidden supplier drops its sale but not the purchase of a shown buyer', () => {
    const idx = index();
    const visible = idx.dataset.enterprises.filter((e) => e.id !== 'e1');
    const all = flowsByLink(idx, visible, ['t.mid', 't.down']);
    expect(all.get('t.mid')).toEqual([]);
    expect(all.get('t.down')).toEqual([
      { fromCityId: 'a', toCityId: 'b', value: 2000, direction: 'in', edges: 1 },
    ]);
  });
});
