import { describe, expect, it } from 'vitest';
import { analyzeDataset } from '../../analysis/analyze';
import { EMPTY_FILTERS } from '../../analysis/filters';
import {
  createCity,
  createDataset,
  createEnterprise,
  createLeader,
  createSupplyEdge,
} from '../../analysis/test-fixtures';
import { VERDICT_COLORS } from '../../overlays/overlays';
import {
  buildAtlasModel,
  buildGraphInput,
  buildMapInput,
  buildMapUniverse,
  highlightFor,
  warmOverlayTables,
} from './atlas-model';

/**
 * u1 (t.up, a) → e1 (t.mid, a) → L1 (t.down, b); e2, e3 in t.mid (a); e4 in t.mid (b).
 */
function model(filters = EMPTY_FILTERS) {
  const analysis = analyzeDataset(
    createDataset({
      cities: [
        createCity(),
        createCity({
          id: 'b',
          nameZh: '乙市',
          nameEn: 'City B',
          provinceZh: '浙江',
          provinceEn: 'Zhejiang',
        }),
      ],
      enterprises: [
        createEnterprise({ id: 'u1', primaryLinkId: 't.up', linkIds: ['t.up'] }),
        createEnterprise({ id: 'e1' }),
        createEnterprise({ id: 'e2' }),
        createEnterprise({ id: 'e3' }),
        createEnterprise({ id: 'e4', cityId: 'b' }),
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
      ],
    }),
  );
  return buildAtlasModel(analysis, 't', filters);
}

describe('highlightFor()', () => {
  it('a selected link highlights exactly its visible enterprises on the map', () => {
    const h = highlightFor(model(), 't.mid', null);
    expect([...(h.map ?? [])].sort()).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(h.graph).toBeNull();
  });

  it('a selected enterprise highlights itself, its supplier and buyer, and their links', () => {
    const h = highlightFor(model(), null, 'e1');
    expect([...(h.map ?? [])].sort()).toEqual(['L1', 'e1', 'u1']);
    expect([...(h.graph?.linkIds ?? [])].sort()).toEqual(['t.down', 't.mid', 't.up']);
  });

  it('a filter that hides the selected enterprise clears the highlight', () => {
    const h = highlightFor(model({ ...EMPTY_FILTERS, city: 'b' }), null, 'e1');
    expect(h).toEqual({ graph: null, map: null });
  });
});

describe('buildGraphInput() / buildMapInput()', () => {
  it('expands the selected link with its visible enterprises and their city names', () => {
    const m = model({ ...EMPTY_FILTERS, city: 'a' });
    const g = buildGraphInput(m, {
      lang: 'en',
      overlay: 'verdict',
      sizeBy: 'enterprises',
      link: 't.mid',
      highlight: highlightFor(m, 't.mid', null),
    });
    expect(g.selectedLinkId).toBe('t.mid');
    expect(g.expanded?.enterprises.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(g.expanded?.enterprises[0]?.cityLabel).toBe('City A');
  });

  it('ignores a selected link that is not in the chain', () => {
    const m = model();
    const g = buildGraphInput(m, {
      lang: 'zh',
      overlay: 'gap',
      sizeBy: 'gap',
      link: 'x.nope',
      highlight: highlightFor(m, null, null),
    });
    expect(g.selectedLinkId).toBeNull();
    expect(g.expanded).toBeNull();
  });

  it('draws flows only for a selected link and colours cities by verdict under the role overlay', () => {
    const m = model();
    const none = buildMapInput(m, {
      lang: 'zh',
      overlay: 'role',
      link: null,
      enterprise: null,
      highlight: highlightFor(m, null, null),
      filters: EMPTY_FILTERS,
    });
    expect(none.flowLink).toBeNull();
    // city a: u1, e1, e2, e3 are SMEs without lenders → blind spot
    expect(none.cityGroups.get('a')?.color).toBe(VERDICT_COLORS.blind_spot);
    const withLink = buildMapInput(m, {
      lang: 'zh',
      overlay: 'role',
      link: 't.mid',
      enterprise: null,
      highlight: highlightFor(m, 't.mid', null),
      filters: EMPTY_FILTERS,
    });
    expect(withLink.flowLink).toBe('t.mid');
    expect(withLink.flowsByLink().get('t.mid')).toEqual([
      { fromCityId: 'a', toCityId: 'b', value: 2000, direction: 'out', edges: 1 },
    ]);
    expect(withLink.provinceGroups.get('浙江')?.label).toBe('浙江');
  });
});

describe('what is kept per chain', () => {
  const mapOpts = (m: ReturnType<typeof model>, overlay: 'role' | 'gap') => ({
    lang: 'zh' as const,
    overlay,
    link: null,
    enterprise: null,
    highlight: highlightFor(m, null, null),
    filters: EMPTY_FILTERS,
  });

  it('a filter keeps the chain context and the map universe: the same objects', () => {
    const all = model();
    const inB = buildAtlasModel(all.ctx.analysis, 't', { ...EMPTY_FILTERS, city: 'b' });
    expect(inB.ctx).toBe(all.ctx);
    expect(buildMapUniverse(inB.ctx, 'zh')).toBe(buildMapUniverse(all.ctx, 'zh'));
    // every firm of chain t, placed: u1, e1–e4 and the leader
    expect(
      buildMapUniverse(all.ctx, 'zh')
        .map((p) => p.id)
        .sort(),
    ).toEqual(['L1', 'e1', 'e2', 'e3', 'e4', 'u1']);
    expect(inB.visible.map((e) => e.id).sort()).toEqual(['L1', 'e4']);
  });

  it('a firm is the same map mark under the same overlay whatever the filter; warming builds it ahead', () => {
    const all = model();
    warmOverlayTables(all.ctx, 'zh', ['gap']);
    const a = buildMapInput(all, mapOpts(all, 'gap'));
    const inB = buildAtlasModel(all.ctx.analysis, 't', { ...EMPTY_FILTERS, city: 'b' });
    const b = buildMapInput(inB, mapOpts(inB, 'gap'));
    const e4 = (x: typeof a) => x.enterprises.find((e) => e.id === 'e4');
    expect(e4(b)).toBe(e4(a));
    // …and a different mark under another overlay (its class is its role there)
    const role = buildMapInput(all, mapOpts(all, 'role'));
    expect(e4(role)).not.toBe(e4(a));
    expect(e4(role)?.cls).toBe(all.ctx.analysis.byEnterprise.get('e4')?.role);
  });
});
