import { createExpression, featureFilter, latest } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { LABEL_FONT } from './font-faces';
import { RING_REFERENCE_ZOOM, RING_SPACING_PX } from './ring-layout';
import {
  buildDataLayers,
  buildMapStyle,
  buildOverlayStyle,
  COLORS,
  ENTERPRISE_LABEL_MIN_ZOOM,
  ENTERPRISE_MIN_ZOOM,
  labelField,
  labelSizes,
  languageLayouts,
  LAYERS,
  provinceLabelFilter,
  choroplethFill,
  CHOROPLETH_OPACITY,
  SAR_LABEL_MIN_ZOOM,
  SOURCES,
} from './layers';

const BUNDLED = { type: 'geojson', url: 'basemap/china-provinces.geojson' } as const;
const FONTS = { [LABEL_FONT]: [{ url: 'fonts/a.woff2', 'unicode-range': ['U+4E00-9FFF'] }] };

/** Every string anywhere in a value. */
function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

const layer = (style: { layers: LayerSpecification[] }, id: string): LayerSpecification => {
  const l = style.layers.find((x) => x.id === id);
  if (!l) throw new Error(`no layer ${id}`);
  return l;
};

const layout = (l: LayerSpecification): Record<string, unknown> =>
  ('layout' in l ? l.layout : undefined) ?? {};

describe('buildMapStyle()', () => {
  const style = buildMapStyle(BUNDLED, FONTS, 'zh');

  it('stacks sea, land, province names, data marks, then labels: counts < enterprises < cities < seas, 台湾/海南', () => {
    expect(style.layers.map((l) => l.id)).toEqual([
      LAYERS.background,
      LAYERS.provinceCasing,
      LAYERS.provinceChoropleth,
      LAYERS.provinceOutline,
      LAYERS.provinceLabels,
      LAYERS.provinceScope,
      LAYERS.flowsIn,
      LAYERS.flowsOut,
      LAYERS.cityBubbles,
      LAYERS.enterpriseCircles,
      LAYERS.cityCounts,
      LAYERS.enterpriseLabels,
      LAYERS.cityLabels,
      LAYERS.seaLabels,
      LAYERS.provinceLabelsPriority,
    ]);
  });

  it('draws the national boundary and coast as a casing under the opaque province fill', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf(LAYERS.provinceCasing)).toBeLessThan(ids.indexOf(LAYERS.provinceChoropleth));
    expect(layer(style, LAYERS.provinceCasing)).toMatchObject({
      type: 'line',
      source: SOURCES.provinces,
    });
    // default (miter) joins: round joins multiply the casing's vertices
    expect(layout(layer(style, LAYERS.provinceCasing))['line-join']).toBeUndefined();
  });

  it('fills each province once: the land, or the overlay colour blended over it (state `fill`)', () => {
    const fill = layer(style, LAYERS.provinceChoropleth);
    expect(fill).toMatchObject({ type: 'fill', source: SOURCES.provinces });
    expect(fill.paint).not.toHaveProperty('fill-opacity');
    const colour = (state: Record<string, unknown>) => {
      const parsed = createExpression(
        (fill.paint as Record<string, unknown>)['fill-color'],
        'fill-color',
        latest.paint_fill['fill-color'] as Parameters<typeof createExpression>[2],
      );
      if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
      const feature = { type: 'Polygon', properties: {} };
      return String(
        parsed.value.evaluate(
          { zoom: 4 },
          feature as unknown as Parameters<typeof parsed.value.evaluate>[1],
          state,
        ),
      );
    };
    // #f7f5ef = rgb(247, 245, 239)
    expect(colour({})).toBe('rgba(247,245,239,1)');
    expect(colour({ fill: 'rgb(233, 156, 145)' })).toBe('rgba(233,156,145,1)');
  });

  it('always names 台湾 and 海南 (above city labels), 香港 and 澳门 from zoom 5', () => {
    const priority = layer(style, LAYERS.provinceLabelsPriority);
    expect('filter' in priority && priority.filter).toEqual([
      'any',
      ['in', ['get', 'provinceZh'], ['literal', ['台湾', '海南']]],
      [
        'all',
        ['in', ['get', 'provinceZh'], ['literal', ['香港', '澳门']]],
        ['>=', ['zoom'], SAR_LABEL_MIN_ZOOM],
      ],
    ]);
    const ordinary = layer(style, LAYERS.provinceLabels);
    expect('filter' in ordinary && ordinary.filter).toEqual(provinceLabelFilter([]));
  });

  it('loads the provinces from the configured (relative) URL; other sources are inline', () => {
    for (const [id, source] of Object.entries(style.sources)) {
      expect(source.type, id).toBe('geojson');
      const data = (source as { data: unknown }).data;
      if (id === SOURCES.provinces) expect(data).toBe('basemap/china-provinces.geojson');
      else expect(typeof data, id).toBe('object');
    }
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
  });

  it('contains no absolute or external URL', () => {
    const urls = strings(style).filter((s) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(s));
    expect(urls).toEqual([]);
  });

  it('declares the label fonts and every label layer asks for them', () => {
    expect(style['font-faces']).toEqual(FONTS);
    const symbols = style.layers.filter((l) => l.type === 'symbol');
    expect(symbols.length).toBe(6);
    for (const l of symbols) expect(l.layout?.['text-font'], l.id).toEqual([LABEL_FONT]);
  });

  it('without font faces leaves `font-faces` out', () => {
    expect('font-faces' in buildMapStyle(BUNDLED, null, 'zh')).toBe(false);
  });

  it('joins the choropleth on provinceZh through feature state; the scope has its own source', () => {
    expect(style.sources[SOURCES.provinces]).toMatchObject({ promoteId: 'provinceZh' });
    const fill = layer(style, LAYERS.provinceChoropleth);
    expect(JSON.stringify(fill.paint)).toContain('["feature-state","fill"]');
    const scope = layer(style, LAYERS.provinceScope);
    expect(scope).toMatchObject({ type: 'line', source: SOURCES.scope });
    expect(JSON.stringify(scope.paint)).not.toContain('feature-state');
    expect(style.sources[SOURCES.scope]).toMatchObject({
      data: { type: 'FeatureCollection', features: [] },
    });
  });

  it('labels provinces and seas in the style language', () => {
    expect(layout(layer(style, LAYERS.provinceLabels))['text-field']).toEqual([
      'get',
      'provinceZh',
    ]);
    const en = buildMapStyle(BUNDLED, null, 'en');
    expect(layout(layer(en, LAYERS.provinceLabels))['text-field']).toEqual([
      'coalesce',
      ['get', 'provinceEn'],
      ['get', 'provinceZh'],
    ]);
    expect(layout(layer(en, LAYERS.seaLabels))['text-field']).toEqual(
      labelField('en', 'nameZh', 'nameEn'),
    );
  });

  it('refuses a style-URL basemap (that one is loaded by maplibre, see buildOverlayStyle)', () => {
    expect(() =>
      buildMapStyle({ type: 'style', url: 'https://intranet/s.json' }, null, 'zh'),
    ).toThrow('buildMapStyle needs a geojson basemap, got style');
  });
});

describe('buildDataLayers()', () => {
  const layers = buildDataLayers('zh');
  const byId = (id: string) => layer({ layers }, id);

  it('splits at zoom 9.3: city bubbles and their counts below, enterprise rings from it', () => {
    expect(ENTERPRISE_MIN_ZOOM).toBe(9.3);
    for (const id of [LAYERS.cityBubbles, LAYERS.cityCounts]) {
      expect(byId(id).maxzoom, id).toBe(ENTERPRISE_MIN_ZOOM);
      expect(byId(id).minzoom, id).toBeUndefined();
    }
    expect(byId(LAYERS.enterpriseCircles).minzoom).toBe(ENTERPRISE_MIN_ZOOM);
    expect(byId(LAYERS.enterpriseCircles).maxzoom).toBeUndefined();
    expect(byId(LAYERS.cityLabels).minzoom).toBeUndefined();
  });

  it('opens the rings only where neighbouring firms are at least 24 px apart', () => {
    // ring spacing doubles per zoom level from the reference zoom: 10 px × 2^1.3 ≈ 24.6 px
    expect(
      RING_SPACING_PX * 2 ** (ENTERPRISE_MIN_ZOOM - RING_REFERENCE_ZOOM),
    ).toBeGreaterThanOrEqual(24);
    expect(RING_SPACING_PX * 2 ** (ENTERPRISE_MIN_ZOOM - 0.1 - RING_REFERENCE_ZOOM)).toBeLessThan(
      24,
    );
  });

  it('names enterprises from zoom 10, once their rings are open', () => {
    expect(ENTERPRISE_LABEL_MIN_ZOOM).toBe(10);
    expect(byId(LAYERS.enterpriseLabels).minzoom).toBe(ENTERPRISE_LABEL_MIN_ZOOM);
    expect(ENTERPRISE_LABEL_MIN_ZOOM).toBeGreaterThan(ENTERPRISE_MIN_ZOOM);
  });

  it('draws each layer from its source', () => {
    const sources = Object.fromEntries(
      layers.map((l) => [l.id, 'source' in l ? l.source : undefined]),
    );
    expect(sources).toEqual({
      [LAYERS.provinceChoropleth]: SOURCES.provinces,
      [LAYERS.provinceScope]: SOURCES.scope,
      [LAYERS.flowsIn]: SOURCES.flows,
      [LAYERS.flowsOut]: SOURCES.flows,
      [LAYERS.cityBubbles]: SOURCES.cities,
      [LAYERS.enterpriseCircles]: SOURCES.enterprises,
      [LAYERS.cityCounts]: SOURCES.cities,
      [LAYERS.cityLabels]: SOURCES.cities,
      [LAYERS.enterpriseLabels]: SOURCES.enterprises,
    });
  });

  /** Evaluates a paint property the way maplibre does, for one feature in one feature state. */
  function paintValue(
    layerId: string,
    property: string,
    at: { zoom: number; properties?: Record<string, unknown>; state?: Record<string, unknown> },
  ): unknown {
    const layer = byId(layerId);
    const spec = (latest as unknown as Record<string, Record<string, unknown>>)[
      `paint_${layer.type}`
    ]?.[property];
    const value = (layer.paint as Record<string, unknown>)[property];
    const parsed = createExpression(
      value,
      `layers.${layerId}.paint.${property}`,
      spec as Parameters<typeof createExpression>[2],
    );
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    const feature = { type: 'Point', properties: at.properties ?? {} } as const;
    return parsed.value.evaluate(
      { zoom: at.zoom },
      feature as unknown as Parameters<typeof parsed.value.evaluate>[1],
      at.state ?? {},
    );
  }
  const hex = (c: unknown) => (c as { toString(): string }).toString();

  /** Evaluates a layout property of a symbol layer for one feature. */
  function layoutValue(
    layerId: string,
    property: string,
    at: { zoom: number; properties?: Record<string, unknown> },
  ): unknown {
    const spec = (latest as unknown as Record<string, Record<string, unknown>>).layout_symbol?.[
      property
    ];
    const parsed = createExpression(
      layout(byId(layerId))[property],
      `layers.${layerId}.layout.${property}`,
      spec as Parameters<typeof createExpression>[2],
    );
    if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
    const feature = { type: 'Point', properties: at.properties ?? {} } as const;
    return parsed.value.evaluate(
      { zoom: at.zoom },
      feature as unknown as Parameters<typeof parsed.value.evaluate>[1],
    );
  }

  /** Whether a layer's filter keeps a feature with these properties. */
  function passes(layerId: string, properties: Record<string, unknown>): boolean {
    const l = byId(layerId);
    const filter = featureFilter('filter' in l ? l.filter : undefined, `layers.${layerId}.filter`);
    const feature = { type: 1, properties } as unknown as Parameters<typeof filter.filter>[1];
    return filter.filter({ zoom: 5 }, feature);
  }

  it('shows, dims, colours, highlights and selects enterprises through feature state', () => {
    const opacity = (state: Record<string, unknown>) =>
      paintValue(LAYERS.enterpriseCircles, 'circle-opacity', { zoom: 8, state });
    expect(opacity({ shown: true })).toBe(1);
    expect(opacity({ shown: true, dim: true })).toBe(0.2);
    // a filtered-out enterprise stays in the source, invisible
    expect(opacity({ shown: false })).toBe(0);
    expect(
      paintValue(LAYERS.enterpriseCircles, 'circle-stroke-opacity', {
        zoom: 8,
        state: { shown: false },
      }),
    ).toBe(0);
    const stroke = (state: Record<string, unknown>) =>
      paintValue(LAYERS.enterpriseCircles, 'circle-stroke-width', { zoom: 8, state });
    expect(stroke({ selected: true })).toBe(2.5);
    expect(stroke({ highlight: true })).toBe(1.2);
    expect(stroke({})).toBe(0.5);
    // radius at zoom 8: 4.5 px, a selected one 8 px
    expect(paintValue(LAYERS.enterpriseCircles, 'circle-radius', { zoom: 8 })).toBe(4.5);
    expect(
      paintValue(LAYERS.enterpriseCircles, 'circle-radius', { zoom: 8, state: { selected: true } }),
    ).toBe(8);
    // the overlay colour is feature state: #b2182b → rgba(178, 24, 43, 1)
    expect(
      hex(
        paintValue(LAYERS.enterpriseCircles, 'circle-color', {
          zoom: 8,
          state: { color: '#b2182b' },
        }),
      ),
    ).toBe('rgba(178,24,43,1)');
  });

  it('hides the labels of filtered-out enterprises and cities at once', () => {
    for (const id of [LAYERS.enterpriseLabels, LAYERS.cityLabels]) {
      expect(paintValue(id, 'text-opacity', { zoom: 10, state: { shown: false } })).toBe(0);
      expect(paintValue(id, 'text-opacity', { zoom: 10, state: { shown: true } })).toBe(1);
    }
    // …and the city label layer draws only cities with a group once the source is synced
    expect((byId(LAYERS.cityLabels) as { filter?: unknown }).filter).toEqual([
      '==',
      ['get', 'shown'],
      true,
    ]);
  });

  it('writes each shown city’s firm count in its bubble, the largest drawn first', () => {
    expect(byId(LAYERS.cityCounts).type).toBe('symbol');
    expect(layout(byId(LAYERS.cityCounts))['text-field']).toEqual(['to-string', ['get', 'count']]);
    // evaluated as a plain string expression (maplibre's `formatted` type wraps the same value)
    const field = createExpression(layout(byId(LAYERS.cityCounts))['text-field'], 'text-field', {
      type: 'string',
      'property-type': 'data-driven',
      expression: { interpolated: false, parameters: ['zoom', 'feature'] },
    } as unknown as Parameters<typeof createExpression>[2]);
    if (field.result !== 'success') throw new Error(JSON.stringify(field.value));
    const feature = { type: 'Point', properties: { count: 35 } } as unknown as Parameters<
      typeof field.value.evaluate
    >[1];
    expect(field.value.evaluate({ zoom: 5 }, feature)).toBe('35');
    expect((byId(LAYERS.cityCounts) as { filter?: unknown }).filter).toEqual([
      'all',
      ['==', ['get', 'shown'], true],
      ['>', ['get', 'count'], 0],
    ]);
    expect(passes(LAYERS.cityCounts, { shown: true, count: 35 })).toBe(true);
    expect(passes(LAYERS.cityCounts, { shown: true, count: 0 })).toBe(false);
    expect(passes(LAYERS.cityCounts, { shown: false, count: 35 })).toBe(false);
    // a count is never hidden by a collision: every bubble shows its number
    expect(layout(byId(LAYERS.cityCounts))['text-ignore-placement']).toBe(true);
    expect(
      paintValue(LAYERS.cityCounts, 'text-opacity', { zoom: 5, state: { shown: false } }),
    ).toBe(0);
  });

  it('outlines city bubbles 1.4 px, 2 px when highlighted, 3 px when scoped', () => {
    const stroke = (state: Record<string, unknown>) =>
      paintValue(LAYERS.cityBubbles, 'circle-stroke-width', { zoom: 5, state });
    expect([stroke({}), stroke({ highlight: true }), stroke({ selected: true })]).toEqual([
      1.4, 2, 3,
    ]);
  });

  it('lays the province choropleth at 0.45 opacity', () => {
    expect((byId(LAYERS.provinceChoropleth).paint as Record<string, unknown>)['fill-opacity']).toBe(
      0.45,
    );
  });

  it('city bubbles read highlight, dim and the scoped city (selected)', () => {
    const paint = JSON.stringify(byId(LAYERS.cityBubbles).paint);
    for (const key of ['highlight', 'dim', 'selected']) {
      expect(paint).toContain(`["feature-state","${key}"]`);
    }
    expect(
      paintValue(LAYERS.cityBubbles, 'circle-opacity', { zoom: 4, state: { shown: false } }),
    ).toBe(0);
  });

  it('sizes bubbles from feature state: 60 % at zoom 3, full radius from zoom 5', () => {
    const radius = (zoom: number, state: Record<string, unknown>) =>
      paintValue(LAYERS.cityBubbles, 'circle-radius', { zoom, properties: { radius: 12 }, state });
    expect(radius(5, { radius: 20 })).toBe(20);
    expect(radius(3, { radius: 20 })).toBeCloseTo(12, 10);
    expect(radius(7, { radius: 20 })).toBe(20);
    // before the adapter has set a state, the source's radius
    expect(radius(5, {})).toBe(12);
  });

  it('puts city labels beyond the enterprise rings: ringRadius px at zoom 8 doubles per zoom', () => {
    const offset = layout(byId(LAYERS.cityLabels))['text-radial-offset'] as unknown[];
    expect(offset.slice(0, 3)).toEqual(['interpolate', ['exponential', 2], ['zoom']]);
    // from zoom 9.3 the ring is ringRadius × 2^(9.3 − 8) px, at 12 ringRadius × 16 px, in ems of
    // the 13-px label, plus 0.6 em
    const [z1, atZ1, z2, atZ2] = offset.slice(-4) as [number, unknown[], number, unknown];
    expect([z1, z2]).toEqual([9.3, 12]);
    expect(atZ1.slice(0, 2)).toEqual(['+', 0.6]);
    const [times, factor, radius] = atZ1[2] as [string, number, unknown];
    expect([times, radius]).toEqual(['*', ['get', 'ringRadius']]);
    expect(factor).toBeCloseTo(2.4622888 / 13, 6);
    expect(atZ2).toEqual(['+', 0.6, ['/', ['*', 16, ['get', 'ringRadius']], 13]]);
  });

  it.each([
    // below 9.3 beside the bubble: 0.25 + radius 13 / 13
    [9.2, 1.25],
    // at 9.3 beside the ring: 0.6 + 26 × 2.46229 / 13
    [9.3, 5.52458],
    // at 12: 0.6 + 26 × 16 / 13
    [12, 32.6],
  ])('offsets a city label at zoom %d by %d em', (zoom, ems) => {
    const value = layoutValue(LAYERS.cityLabels, 'text-radial-offset', {
      zoom,
      properties: { radius: 13, ringRadius: 26 },
    });
    expect(value).toBeCloseTo(ems, 4);
  });

  it('styles outgoing and incoming flows differently (colour and dashes)', () => {
    const out = byId(LAYERS.flowsOut);
    const inn = byId(LAYERS.flowsIn);
    expect('filter' in out && out.filter).toEqual(['==', ['get', 'direction'], 'out']);
    expect('filter' in inn && inn.filter).toEqual(['==', ['get', 'direction'], 'in']);
    expect(out.paint).not.toHaveProperty('line-dasharray');
    expect(inn.paint).toHaveProperty('line-dasharray');
    // miter joins on the gently turning curves: round ones only add vertices
    expect(layout(out)['line-join']).toBeUndefined();
    expect(layout(inn)['line-join']).toBeUndefined();
    expect((out.paint as Record<string, unknown>)['line-color']).not.toEqual(
      (inn.paint as Record<string, unknown>)['line-color'],
    );
    expect((out.paint as Record<string, unknown>)['line-width']).toEqual(['get', 'width']);
  });
});

describe('buildOverlayStyle()', () => {
  const base: StyleSpecification = {
    version: 8,
    glyphs: 'https://intranet.example/fonts/{fontstack}/{range}.pbf',
    'font-faces': { Other: 'https://intranet.example/other.woff2' },
    sources: { tdt: { type: 'raster', tiles: ['https://intranet.example/{z}/{x}/{y}.png'] } },
    layers: [{ id: 'tdt', type: 'raster', source: 'tdt' }],
  };

  it('keeps the deployer’s layers underneath and adds the data layers on top', () => {
    const out = buildOverlayStyle(base, FONTS, 'zh');
    expect(out.layers[0]?.id).toBe('tdt');
    expect(out.layers.slice(1).map((l) => l.id)).toEqual(buildDataLayers('zh').map((l) => l.id));
    expect(Object.keys(out.sources)).toEqual([
      'tdt',
      SOURCES.provinces,
      SOURCES.cities,
      SOURCES.enterprises,
      SOURCES.flows,
      SOURCES.scope,
    ]);
    expect(out.glyphs).toBe(base.glyphs);
  });

  it('joins an approved province file for the choropleth when one is configured', () => {
    const out = buildOverlayStyle(base, FONTS, 'zh', 'approved/provinces.geojson');
    expect(out.sources[SOURCES.provinces]).toMatchObject({
      type: 'geojson',
      data: 'approved/provinces.geojson',
      promoteId: 'provinceZh',
    });
    const without = buildOverlayStyle(base, FONTS, 'zh');
    expect(without.sources[SOURCES.provinces]).toMatchObject({
      data: { type: 'FeatureCollection', features: [] },
    });
  });

  it('merges the label fonts into the deployer’s font faces without mutating the base', () => {
    const before = JSON.stringify(base);
    const out = buildOverlayStyle(base, FONTS, 'zh');
    expect(out['font-faces']).toEqual({ ...base['font-faces'], ...FONTS });
    expect(JSON.stringify(base)).toBe(before);
  });
});

describe('languageLayouts()', () => {
  it('names the layers whose text follows the language', () => {
    expect(languageLayouts('en').map((l) => l.layerId)).toEqual([
      LAYERS.seaLabels,
      LAYERS.provinceLabels,
      LAYERS.provinceLabelsPriority,
    ]);
  });
});

describe('choroplethFill()', () => {
  it('blends the overlay colour over the land at the choropleth opacity, rounded to 8 bits', () => {
    expect(CHOROPLETH_OPACITY).toBe(0.45);
    // land #f7f5ef = (247, 245, 239); 0.45 × (215, 48, 31) + 0.55 × land = (232.6, 156.35, 145.4)
    expect(choroplethFill('#d7301f')).toBe('rgb(233, 156, 145)');
    // a translucent colour covers less: 0.45 × 0.5 = 0.225 → (239.8, 200.675, 192.2)
    expect(choroplethFill('rgba(215, 48, 31, 0.5)')).toBe('rgb(240, 201, 192)');
    expect(choroplethFill(COLORS.land)).toBe('rgb(247, 245, 239)');
  });
});

describe('provinceLabelFilter()', () => {
  it('leaves out the priority units and the provinces a city label already names', () => {
    expect(provinceLabelFilter(['上海'])).toEqual([
      'all',
      ['!', ['in', ['get', 'provinceZh'], ['literal', ['台湾', '海南', '香港', '澳门']]]],
      ['!', ['in', ['get', 'provinceZh'], ['literal', ['上海']]]],
    ]);
  });
});

describe('labelSizes()', () => {
  it('scales every label size, numbers and the outputs of zoom stops', () => {
    const sizes = new Map(labelSizes(1.7).map((l) => [l.layerId, l.size] as const));
    // city names 13 px × 1.7 = 22.1; counts 12 × 1.7 = 20.4; firm names 11 × 1.7 = 18.7
    expect(sizes.get(LAYERS.cityLabels)).toBe(22.1);
    expect(sizes.get(LAYERS.cityCounts)).toBe(20.4);
    expect(sizes.get(LAYERS.enterpriseLabels)).toBe(18.7);
    // province names: stops 11 / 14 / 16 px at zooms 3 / 6 / 9, each × 1.7; the zooms unchanged
    expect(sizes.get(LAYERS.provinceLabels)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      3,
      18.7,
      6,
      23.8,
      9,
      27.2,
    ]);
  });

  it('keeps city names as far from their mark in pixels: the offset in ems ÷ the scale', () => {
    const city = labelSizes(2).find((l) => l.layerId === LAYERS.cityLabels);
    const offset = city?.radialOffset as unknown[];
    const normal = layout(layer(buildMapStyle(BUNDLED, null, 'zh'), LAYERS.cityLabels))[
      'text-radial-offset'
    ] as unknown[];
    // Same zoom stops; each output is the normal one divided by 2.
    expect(offset.slice(0, 4)).toEqual(normal.slice(0, 4));
    expect(offset[4]).toEqual(['/', normal[4], 2]);
    expect(offset[offset.length - 1]).toEqual(['/', normal[normal.length - 1], 2]);
    expect(labelSizes(1).find((l) => l.layerId === LAYERS.cityLabels)?.radialOffset).toEqual(
      normal,
    );
  });
});
