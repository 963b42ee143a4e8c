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
  cameraFor,
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
  it('hands the graph the font size, the selected link, the highlight and nothing else', () => {
    const m = model();
    const highlight = highlightFor(m, null, 'e1');
    const g = buildGraphInput(m, {
      lang: 'en',
      overlay: 'verdict',
      link: 't.mid',
      highlight,
      fontPx: 15,
    });
    expect(g).toMatchObject({
      lang: 'en',
      overlay: 'verdict',
      selectedLinkId: 't.mid',
      fontPx: 15,
    });
    expect(g.highlight).toBe(highlight.graph);
    expect(g.chain).toBe(m.chain);
    // the cards need no expansion and no node sizes any more
    expect(Object.keys(g).sort()).toEqual([
      'chain',
      'fontPx',
      'highlight',
      'lang',
      'linkStats',
      'links',
      'overlay',
      'selectedLinkId',
    ]);
  });

  it('counts each link’s visible firms and leaders for its card', () => {
    const m = model({ ...EMPTY_FILTERS, city: 'a' });
    const g = buildGraphInput(m, {
      lang: 'zh',
      overlay: 'verdict',
      link: null,
      highlight: highlightFor(m, null, null),
      fontPx: 13,
    });
    // city a: u1 on t.up, e1–e3 on t.mid; the leader L1 (t.down) is in city b
    expect([...g.linkStats].map(([id, s]) => [id, s.enterprises, s.leaders])).toEqual([
      ['t.up', 1, 0],
      ['t.mid', 3, 0],
      ['t.down', 0, 0],
      ['t.ext', 0, 0],
    ]);
    const all = model();
    const leaders = buildGraphInput(all, {
      lang: 'zh',
      overlay: 'verdict',
      link: null,
      highlight: highlightFor(all, null, null),
      fontPx: 13,
    }).linkStats.get('t.down');
    expect([leaders?.enterprises, leaders?.leaders]).toEqual([1, 1]);
  });

  it('ignores a selected link that is not in the chain', () => {
    const m = model();
    const g = buildGraphInput(m, {
      lang: 'zh',
      overlay: 'gap',
      link: 'x.nope',
      highlight: highlightFor(m, null, null),
      fontPx: 13,
    });
    expect(g.selectedLinkId).toBeNull();
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

describe('cameraFor()', () => {
  const none = { link: null, enterprise: null, filters: EMPTY_FILTERS };

  it('looks at the chain’s firms when nothing is chosen', () => {
    expect(cameraFor(model(), none)).toEqual({
      key: 'chain:t',
      kind: 'cities',
      cityIds: ['a', 'b'],
    });
  });

  it('an enterprise wins over everything else, even one the filters hide', () => {
    const filters = { ...EMPTY_FILTERS, province: '江苏', city: 'a' };
    // e4 is in city b, outside the scope: the map still goes to it
    expect(cameraFor(model(filters), { link: 't.mid', enterprise: 'e4', filters })).toEqual({
      key: 'e:e4',
      kind: 'enterprise',
      enterpriseId: 'e4',
      cityId: 'b',
    });
  });

  it('an unknown enterprise is no focus: the next one down decides', () => {
    expect(cameraFor(model(), { ...none, enterprise: 'nope' }).key).toBe('chain:t');
  });

  it('a link with visible firms comes next: its firms’ cities, keyed with the scope', () => {
    expect(cameraFor(model(), { ...none, link: 't.mid' })).toEqual({
      key: 'l:t.mid||',
      kind: 'cities',
      cityIds: ['a', 'b'],
    });
    const filters = { ...EMPTY_FILTERS, province: '江苏' };
    expect(cameraFor(model(filters), { link: 't.mid', enterprise: null, filters })).toEqual({
      key: 'l:t.mid|江苏|',
      kind: 'cities',
      cityIds: ['a'],
    });
  });

  it('a link whose firms are all filtered out gives way to the scoped city', () => {
    // t.up's only firm u1 is in city a
    const filters = { ...EMPTY_FILTERS, city: 'b' };
    expect(cameraFor(model(filters), { link: 't.up', enterprise: null, filters })).toEqual({
      key: 'c:b',
      kind: 'city',
      cityId: 'b',
    });
  });

  it('a scoped city wins over its province', () => {
    const filters = { ...EMPTY_FILTERS, province: '江苏', city: 'a' };
    expect(cameraFor(model(filters), { ...none, filters }).key).toBe('c:a');
  });

  it('a scoped province looks at its outline and its cities', () => {
    const filters = { ...EMPTY_FILTERS, province: '浙江' };
    expect(cameraFor(model(filters), { ...none, filters })).toEqual({
      key: 'p:浙江',
      kind: 'province',
      provinceZh: '浙江',
      cityIds: ['b'],
    });
  });

  it('a role or size filter leaves the key alone: the map does not move', () => {
    const all = model();
    const role = all.ctx.analysis.byEnterprise.get('e1')?.role ?? null;
    const byRole = { ...EMPTY_FILTERS, role };
    const bySize = { ...EMPTY_FILTERS, size: 'large' as const };
    // both filters hide firms: by role at least the leader, by size every SME
    expect(role).not.toBeNull();
    expect(model(byRole).visible.length).toBeLessThan(all.visible.length);
    expect(model(bySize).visible.map((e) => e.id)).toEqual(['L1']);
    expect(cameraFor(model(byRole), { ...none, filters: byRole }).key).toBe('chain:t');
    expect(cameraFor(model(bySize), { ...none, filters: bySize })).toEqual(cameraFor(all, none));
    // …and the chosen link keeps its key as long as some of its firms stay shown
    expect(cameraFor(model(byRole), { link: 't.mid', enterprise: null, filters: byRole }).key).toBe(
      cameraFor(all, { ...none, link: 't.mid' }).key,
    );
  });

  it('buildMapInput() carries the camera', () => {
    const m = model();
    const input = buildMapInput(m, {
      lang: 'zh',
      overlay: 'verdict',
      link: 't.mid',
      enterprise: null,
      highlight: highlightFor(m, 't.mid', null),
      filters: EMPTY_FILTERS,
    });
    expect(input.camera).toEqual(cameraFor(m, { ...none, link: 't.mid' }));
  });
});
