import { describe, expect, it } from 'vitest';
import type { City } from '../domain/schema';
import {
  buildCityFeatures,
  buildEnterpriseFeatures,
  buildFeatureStates,
  buildAllFlowFeatures,
  buildFlowFeatures,
  buildProvinceLabelFeatures,
  buildScopeFeatures,
  cityRadius,
  curvedLine,
  diffStates,
  MAX_FLOW_LINES,
  pointBounds,
  polygonBounds,
  provincesNamedByCities,
  type MapEnterprise,
  type MapFlow,
  type MarkState,
  type MapGroup,
} from './features';

const createCity = (id: string, lon: number, lat: number, provinceZh = '江苏'): City => ({
  id,
  gbCode: '320500',
  nameZh: `${id}市`,
  nameEn: id.toUpperCase(),
  provinceZh,
  provinceEn: 'Jiangsu',
  lat,
  lon,
});

const createEnterprise = (id: string, cityId: string, extra: Partial<MapEnterprise> = {}) => ({
  id,
  cityId,
  label: `企业${id}`,
  cls: 'partial',
  color: '#fdd77a',
  linkId: 'nev.cell',
  ...extra,
});

const createGroup = (key: string, enterprises: number, extra: Partial<MapGroup> = {}) => ({
  key,
  label: '部分覆盖',
  enterprises,
  gap: 1000,
  cls: 'partial',
  color: '#fdd77a',
  ...extra,
});

describe('buildEnterpriseFeatures()', () => {
  it('numbers features 1, 2, 3 in enterprise-id order and maps ids to them', () => {
    const out = buildEnterpriseFeatures({
      cities: [createCity('sz', 120, 0)],
      enterprises: [createEnterprise('b', 'sz'), createEnterprise('a', 'sz')],
    });
    expect(out.collection.features.map((f) => [f.id, f.properties.id])).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect([...out.numericIds]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('copies what does not change with overlay or filter and marks ring placements', () => {
    const out = buildEnterpriseFeatures({
      cities: [createCity('sz', 120, 0)],
      enterprises: [createEnterprise('a', 'sz', { color: '#123456', cls: 'b', label: '企业 #17' })],
    });
    // colour and class are feature state: an overlay change must not rebuild the source
    expect(out.collection.features[0]?.properties).toEqual({
      id: 'a',
      cityId: 'sz',
      linkId: 'nev.cell',
      label: '企业 #17',
      placement: 'ring',
    });
    // alone on the first ring: due north by 10 px at zoom 8
    expect(out.collection.features[0]?.geometry.coordinates[1]).toBeCloseTo(0.0274658203125, 12);
  });

  it('keeps imported coordinates and reports enterprises of unknown cities', () => {
    const out = buildEnterpriseFeatures({
      cities: [createCity('sz', 120, 31)],
      enterprises: [
        createEnterprise('own', 'sz', { lat: 31.3, lon: 120.6 }),
        createEnterprise('lost', 'atlantis'),
      ],
    });
    expect(out.collection.features.map((f) => f.geometry.coordinates)).toEqual([[120.6, 31.3]]);
    expect(out.unplaced).toEqual(['lost']);
  });
});

describe('cityRadius()', () => {
  it.each([
    [0, 4],
    [1, 5.6],
    [25, 12],
    [100, 20],
    [900, 28],
  ])('%d enterprises → %d px', (count, radius) => {
    expect(cityRadius(count)).toBe(radius);
  });
});

describe('buildCityFeatures()', () => {
  const cities = [createCity('wx', 120.3, 31.6), createCity('sz', 120.6, 31.3)];

  it('draws cities with a group, labelled in the input language', () => {
    const groups = new Map([['sz', createGroup('sz', 25, { gap: 850 })]]);
    // 25 on Suzhou's rings need 3 rings (6 + 12 + 18 ≥ 25): outer radius 30 px at zoom 8
    const enterprises = Array.from({ length: 25 }, (_, i) => createEnterprise(`e${i}`, 'sz'));
    const zh = buildCityFeatures({ lang: 'zh', cities, cityGroups: groups, enterprises });
    expect(zh.collection.features).toHaveLength(1);
    expect(zh.collection.features[0]?.properties).toEqual({
      cityId: 'sz',
      label: 'sz市',
      count: 25,
      radius: 12,
      ringRadius: 30,
      shown: true,
    });
    const en = buildCityFeatures({ lang: 'en', cities, cityGroups: groups, enterprises });
    expect(en.collection.features[0]?.properties.label).toBe('SZ');
  });

  it('keeps a city of the universe without a group, hidden, so that a filter can show it again', () => {
    // Wuxi's one enterprise is in the universe but filtered out: no group.
    const groups = new Map([['sz', createGroup('sz', 1)]]);
    const out = buildCityFeatures({
      lang: 'zh',
      cities,
      cityGroups: groups,
      enterprises: [createEnterprise('a', 'sz'), createEnterprise('b', 'wx')],
    });
    expect(out.collection.features.map((f) => [f.id, f.properties.cityId])).toEqual([
      [1, 'sz'],
      [2, 'wx'],
    ]);
    // one firm on Wuxi's first ring: 10 px; no group: count 0, radius 0, not shown
    expect(out.collection.features[1]?.properties).toEqual({
      cityId: 'wx',
      label: 'wx市',
      count: 0,
      radius: 0,
      ringRadius: 10,
      shown: false,
    });
  });

  it('numbers cities in city-id order', () => {
    const groups = new Map([
      ['wx', createGroup('wx', 1)],
      ['sz', createGroup('sz', 2)],
    ]);
    const out = buildCityFeatures({ lang: 'zh', cities, cityGroups: groups, enterprises: [] });
    expect([...out.numericIds]).toEqual([
      ['sz', 1],
      ['wx', 2],
    ]);
  });

  it('a city with a half-ring needs more rings for the same firms (Zhuhai: 7 → 3 + 6)', () => {
    const zh = createCity('zhuhai', 113.57, 22.28);
    const out = buildCityFeatures({
      lang: 'zh',
      cities: [zh],
      cityGroups: new Map([['zhuhai', createGroup('zhuhai', 7)]]),
      enterprises: Array.from({ length: 7 }, (_, i) => createEnterprise(`e${i}`, 'zhuhai')),
    });
    expect(out.collection.features[0]?.properties.ringRadius).toBe(20);
  });

  it('rings count only enterprises without their own coordinates', () => {
    const out = buildCityFeatures({
      lang: 'zh',
      cities,
      cityGroups: new Map([['sz', createGroup('sz', 7)]]),
      enterprises: [
        ...Array.from({ length: 6 }, (_, i) => createEnterprise(`e${i}`, 'sz')),
        createEnterprise('own', 'sz', { lat: 31.3, lon: 120.6 }),
      ],
    });
    expect(out.collection.features[0]?.properties.ringRadius).toBe(10);
  });
});

describe('provincesNamedByCities()', () => {
  it('lists a municipality whose city is drawn, not one without data', () => {
    const shanghai = createCity('shanghai', 121.5, 31.2, '上海');
    const beijing = createCity('beijing', 116.4, 39.9, '北京');
    const input = {
      cities: [
        { ...shanghai, nameZh: '上海' },
        { ...beijing, nameZh: '北京' },
        createCity('sz', 120.6, 31.3),
      ],
      cityGroups: new Map([
        ['shanghai', createGroup('shanghai', 3)],
        ['sz', createGroup('sz', 3)],
      ]),
    };
    expect(provincesNamedByCities(input)).toEqual(['上海']);
  });
});

describe('curvedLine()', () => {
  it('starts and ends at the cities and bows to the right of travel', () => {
    const line = curvedLine([0, 0], [10, 0]);
    expect(line[0]).toEqual([0, 0]);
    expect(line[16]).toEqual([10, 0]);
    // control point (5, −1.8); the curve's middle is halfway to it: (5, −0.9)
    expect(line[8]).toEqual([5, -0.9]);
  });

  it('the reverse flow bows to the other side', () => {
    expect(curvedLine([10, 0], [0, 0])[8]).toEqual([5, 0.9]);
  });
});

describe('buildAllFlowFeatures()', () => {
  const cities = [createCity('a', 100, 30), createCity('b', 110, 30), createCity('c', 120, 30)];
  const flow = (fromCityId: string, toCityId: string, value: number): MapFlow => ({
    fromCityId,
    toCityId,
    value,
    direction: 'out',
  });

  it('numbers every link’s lines across the links and tags them with the link', () => {
    const out = buildAllFlowFeatures({
      cities,
      flowsByLink: new Map([
        ['t.up', [flow('a', 'b', 10), flow('b', 'c', 40)]],
        ['t.mid', []],
        ['t.down', [flow('c', 'a', 5)]],
      ]),
    });
    // t.up's lines sorted by value (b → c 40 first), then t.down's
    expect(
      out.collection.features.map((f) => [f.id, f.properties.linkId, f.properties.fromCityId]),
    ).toEqual([
      [1, 't.up', 'b'],
      [2, 't.up', 'a'],
      [3, 't.down', 'c'],
    ]);
    expect([...out.byLink]).toEqual([
      ['t.up', { ids: [1, 2], hidden: false, lines: 2 }],
      ['t.mid', { ids: [], hidden: false, lines: 0 }],
      ['t.down', { ids: [3], hidden: false, lines: 1 }],
    ]);
  });

  it('a link over the line limit draws none and says so; the others are unaffected', () => {
    const out = buildAllFlowFeatures(
      {
        cities,
        flowsByLink: new Map([
          ['t.up', [flow('a', 'b', 1), flow('b', 'c', 2), flow('c', 'a', 3)]],
          ['t.down', [flow('a', 'c', 1)]],
        ]),
      },
      2,
    );
    expect([...out.byLink]).toEqual([
      ['t.up', { ids: [], hidden: true, lines: 3 }],
      ['t.down', { ids: [1], hidden: false, lines: 1 }],
    ]);
  });
});

describe('buildFlowFeatures()', () => {
  const cities = [createCity('a', 100, 30), createCity('b', 110, 30), createCity('c', 120, 30)];
  const flow = (
    fromCityId: string,
    toCityId: string,
    value: number,
    direction: 'out' | 'in' = 'out',
  ): MapFlow => ({
    fromCityId,
    toCityId,
    value,
    direction,
  });

  it('sums flows of the same pair and direction; widths grow with √(value ÷ max)', () => {
    const out = buildFlowFeatures({
      cities,
      flows: [flow('a', 'b', 60), flow('a', 'b', 40), flow('b', 'c', 25, 'in')],
    });
    expect(out.hidden).toBe(false);
    expect(out.lines).toBe(2);
    expect(out.collection.features.map((f) => f.properties)).toEqual([
      { fromCityId: 'a', toCityId: 'b', value: 100, direction: 'out', width: 8 },
      // 1.5 + 6.5 · √0.25 = 4.75 → 4.8
      { fromCityId: 'b', toCityId: 'c', value: 25, direction: 'in', width: 4.8 },
    ]);
  });

  it('does not draw flows inside a city or to an unknown city, and counts them', () => {
    const out = buildFlowFeatures({ cities, flows: [flow('a', 'a', 5), flow('a', 'zz', 5)] });
    expect(out.collection.features).toEqual([]);
    expect(out.skipped).toBe(2);
  });

  it(`hides every line above ${MAX_FLOW_LINES} lines and says so`, () => {
    const many = Array.from({ length: 15 }, (_, i) => createCity(`k${i}`, 100 + i, 30));
    const flows: MapFlow[] = [];
    for (const from of many)
      for (const to of many) if (from !== to) flows.push(flow(from.id, to.id, 1));
    expect(flows).toHaveLength(210);
    const out = buildFlowFeatures({ cities: many, flows });
    expect(out).toMatchObject({ hidden: true, lines: 210 });
    expect(out.collection.features).toEqual([]);
    const atLimit = buildFlowFeatures({ cities: many, flows: flows.slice(0, MAX_FLOW_LINES) });
    expect(atLimit.hidden).toBe(false);
    expect(atLimit.collection.features).toHaveLength(200);
  });
});

describe('buildProvinceLabelFeatures()', () => {
  it('uses the label point of the basemap, or the bounding-box centre without one', () => {
    const out = buildProvinceLabelFeatures([
      {
        properties: { provinceZh: '江苏', provinceEn: 'Jiangsu', labelLon: 119.9, labelLat: 33 },
        geometry: null,
      },
      {
        properties: { provinceZh: '某省' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [4, 0],
              [4, 2],
              [0, 0],
            ],
          ],
        },
      },
      { properties: null, geometry: null },
    ]);
    expect(out.features.map((f) => [f.geometry.coordinates, f.properties])).toEqual([
      [[119.9, 33], { provinceZh: '江苏', provinceEn: 'Jiangsu' }],
      [[2, 1], { provinceZh: '某省', provinceEn: '某省' }],
    ]);
  });
});

describe('buildScopeFeatures()', () => {
  const square = (x: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 0],
      ],
    ],
  });
  const basemap = [
    { properties: { provinceZh: '江苏', provinceEn: 'Jiangsu' }, geometry: square(0) },
    { properties: { provinceZh: '浙江' }, geometry: square(2) },
    // a province drawn in two features (an island apart) is outlined in both
    { properties: { provinceZh: '江苏' }, geometry: square(4) },
    { properties: null, geometry: null },
  ];

  it('holds the scoped province’s features only, and nothing without a scope', () => {
    const out = buildScopeFeatures(basemap, '江苏');
    expect(out.features.map((f) => [f.geometry, f.properties])).toEqual([
      [square(0), { provinceZh: '江苏' }],
      [square(4), { provinceZh: '江苏' }],
    ]);
    expect(buildScopeFeatures(basemap, undefined).features).toEqual([]);
    expect(buildScopeFeatures(basemap, '西藏').features).toEqual([]);
  });
});

describe('buildFeatureStates()', () => {
  const enterprises = [
    createEnterprise('a', 'x'),
    createEnterprise('b', 'x'),
    createEnterprise('c', 'y'),
  ];
  const ids = new Map([
    ['a', 1],
    ['b', 2],
    ['c', 3],
  ]);
  const cityIds = new Map([
    ['x', 1],
    ['y', 2],
  ]);
  const base = {
    enterprises,
    cityGroups: new Map([
      ['x', createGroup('x', 2, { color: '#2166ac' })],
      ['y', createGroup('y', 1)],
    ]),
    highlightIds: null,
    selectedEnterpriseId: null,
    provinceGroups: new Map<string, MapGroup>(),
    scope: {},
  };
  const mark = (over: Partial<MarkState> = {}): MarkState => ({
    shown: true,
    color: '#fdd77a',
    highlight: false,
    dim: false,
    selected: false,
    ...over,
  });

  it('without a highlight every drawn feature is shown in its colour, none highlighted or dimmed', () => {
    const out = buildFeatureStates(base, ids, cityIds);
    expect([...out.enterprises]).toEqual([
      [1, mark()],
      [2, mark()],
      [3, mark()],
    ]);
    // x: 2 firms → 4 + 1.6·√2 = 6.26 → 6.3 px; y: 1 firm → 5.6 px
    expect([...out.cities]).toEqual([
      [1, { ...mark({ color: '#2166ac' }), radius: 6.3 }],
      [2, { ...mark(), radius: 5.6 }],
    ]);
    expect(out.highlighted).toBe(0);
  });

  it('hides features of the universe that the filters leave out, and their cities without a group', () => {
    const out = buildFeatureStates(
      {
        ...base,
        enterprises: [createEnterprise('a', 'x', { color: '#b2182b' })],
        cityGroups: new Map([['x', createGroup('x', 1)]]),
      },
      ids,
      cityIds,
    );
    const hidden = mark({ shown: false, color: null });
    expect([...out.enterprises]).toEqual([
      [1, mark({ color: '#b2182b' })],
      [2, hidden],
      [3, hidden],
    ]);
    expect(out.cities.get(2)).toEqual({ ...hidden, radius: 0 });
  });

  it('highlights the listed enterprises and their cities, dims the rest, marks the selection', () => {
    const out = buildFeatureStates(
      { ...base, highlightIds: new Set(['a']), selectedEnterpriseId: 'a' },
      ids,
      cityIds,
    );
    expect([...out.enterprises]).toEqual([
      [1, mark({ highlight: true, selected: true })],
      [2, mark({ dim: true })],
      [3, mark({ dim: true })],
    ]);
    expect(out.cities.get(1)).toMatchObject({ highlight: true, dim: false, selected: false });
    expect(out.cities.get(2)).toMatchObject({ highlight: false, dim: true, selected: false });
    expect(out.highlighted).toBe(1);
  });

  it('an empty highlight set dims everything', () => {
    const out = buildFeatureStates({ ...base, highlightIds: new Set() }, ids, cityIds);
    expect([...out.enterprises.values()].every((s) => s.dim && !s.highlight)).toBe(true);
    expect(out.highlighted).toBe(0);
  });

  it('colours provinces with a group (blended over the land too) and marks the scoped city', () => {
    const out = buildFeatureStates(
      {
        ...base,
        provinceGroups: new Map([['江苏', createGroup('江苏', 3, { color: '#d7301f' })]]),
        scope: { provinceZh: '浙江', cityId: 'y' },
      },
      ids,
      cityIds,
    );
    // 0.45 × (215, 48, 31) + 0.55 × land (247, 245, 239) = (232.6, 156.35, 145.4); the scoped
    // province without a group has no state (its outline is the scope layer's filter)
    expect([...out.provinces]).toEqual([
      ['江苏', { color: '#d7301f', fill: 'rgb(233, 156, 145)' }],
    ]);
    expect(out.cities.get(2)).toMatchObject({ shown: true, selected: true });
  });

  it('ignores enterprises that have no feature', () => {
    const out = buildFeatureStates(
      { ...base, highlightIds: new Set(['a', 'ghost']) },
      new Map([['a', 1]]),
      cityIds,
    );
    expect(out.highlighted).toBe(1);
    expect(out.enterprises.size).toBe(1);
  });
});

describe('diffStates()', () => {
  const s = (highlight: boolean) => ({ highlight, dim: !highlight, selected: false });

  it('sets new and changed entries and removes vanished ones; unchanged ones cost nothing', () => {
    const prev = new Map([
      [1, s(true)],
      [2, s(true)],
      [3, s(false)],
    ]);
    const next = new Map([
      [2, s(true)],
      [3, s(true)],
      [4, s(false)],
    ]);
    expect(diffStates(prev, next)).toEqual({
      set: [
        [3, s(true)],
        [4, s(false)],
      ],
      remove: [1],
    });
  });
});

describe('pointBounds()', () => {
  it('is the south-west and north-east corners of the points', () => {
    expect(
      pointBounds([
        { lon: 120, lat: 30 },
        { lon: 118, lat: 32 },
        { lon: 119, lat: 31 },
      ]),
    ).toEqual([
      [118, 30],
      [120, 32],
    ]);
  });

  it('is a single point for one point, null for none', () => {
    expect(pointBounds([{ lon: 119.95, lat: 31.77 }])).toEqual([
      [119.95, 31.77],
      [119.95, 31.77],
    ]);
    expect(pointBounds([])).toBeNull();
  });
});

describe('polygonBounds()', () => {
  /** A closed axis-aligned rectangle ring from (w, s) to (e, n). */
  const box = (w: number, s: number, e: number, n: number) => [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];

  it('is the extent of a polygon’s outer ring', () => {
    expect(polygonBounds({ type: 'Polygon', coordinates: [box(0, 0, 2, 1)] })).toEqual([
      [0, 0],
      [2, 1],
    ]);
  });

  it('ignores a polygon’s inner rings', () => {
    const geometry = { type: 'Polygon', coordinates: [box(0, 0, 4, 4), box(10, 10, 11, 11)] };
    expect(polygonBounds(geometry)).toEqual([
      [0, 0],
      [4, 4],
    ]);
  });

  it('leaves out an island far away that is less than a tenth of the mainland', () => {
    // mainland 10 × 10 = 100; the island 1 × 1 = 1 < 100 / 10
    const geometry = {
      type: 'MultiPolygon',
      coordinates: [[box(100, 20, 110, 30)], [box(120, 5, 121, 6)]],
    };
    expect(polygonBounds(geometry)).toEqual([
      [100, 20],
      [110, 30],
    ]);
  });

  it('keeps a polygon exactly a tenth of the largest, and every larger one', () => {
    // 5 × 2 = 10 = 100 / 10: kept, so the extent reaches down to it
    const geometry = {
      type: 'MultiPolygon',
      coordinates: [[box(100, 20, 110, 30)], [box(120, 5, 125, 7)]],
    };
    expect(polygonBounds(geometry)).toEqual([
      [100, 5],
      [125, 30],
    ]);
  });

  it('is null for a geometry without polygons', () => {
    expect(polygonBounds({ type: 'Point', coordinates: [120, 30] })).toBeNull();
    expect(polygonBounds({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
  });
});
