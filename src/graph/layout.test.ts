import { describe, expect, it } from 'vitest';
import { createLink, createTestChain, createTestLinks } from '../analysis/test-fixtures';
import type { Chain, Link, LinkEdge } from '../domain/schema';
import {
  layoutChain,
  layoutLinks,
  makeRoom,
  placeEnterprises,
  routeFeedbackEdges,
  toSegments,
} from './layout';

/** A chain of single-letter links; `layers` gives each link's layer, in linkIds order. */
function createLetterChain(
  layers: Record<string, number>,
  edges: [string, string, LinkEdge['kind']?][],
): { chain: Chain; links: Link[] } {
  const ids = Object.keys(layers);
  const links = ids.map((id) => createLink({ id, nameZh: id, nameEn: id, layer: layers[id] }));
  const chain = createTestChain({
    linkIds: ids,
    edges: edges.map(([from, to, kind]) => ({ from, to, kind: kind ?? 'supply' })),
  });
  return { chain, links };
}

const asObject = (m: Map<string, unknown>) => Object.fromEntries(m);
/** Round gaps so that hand-computed positions stay simple. */
const gaps = { columnGap: 200, rowGap: 100 };

describe('layoutLinks', () => {
  it('layoutLinks() puts each link in the column of its layer, x = layer × columnGap', () => {
    const positions = layoutLinks(createTestChain(), createTestLinks(), { columnGap: 150 });
    expect(asObject(positions)).toEqual({
      't.up': { x: 0, y: 0 },
      't.mid': { x: 150, y: 0 },
      't.down': { x: 300, y: 0 },
      't.ext': { x: 450, y: 0 },
    });
  });

  it('layoutLinks() stacks a column rowGap apart and centres it on y = 0', () => {
    const { chain, links } = createLetterChain({ a: 0, b: 0, c: 0 }, []);
    expect(asObject(layoutLinks(chain, links, { rowGap: 80 }))).toEqual({
      a: { x: 0, y: -80 },
      b: { x: 0, y: 0 },
      c: { x: 0, y: 80 },
    });
  });

  it('layoutLinks() keeps the chain linkIds order where no edge decides', () => {
    const { chain, links } = createLetterChain({ b: 0, a: 0 }, []);
    expect(asObject(layoutLinks(chain, links, { rowGap: 100 }))).toEqual({
      b: { x: 0, y: -50 },
      a: { x: 0, y: 50 },
    });
  });

  it('layoutLinks() reorders a column by barycenter to remove a crossing', () => {
    // linkIds order puts c above d, so a → d and b → c would cross; the down sweep puts d first
    // (its only upstream neighbour a is in row 0, c's neighbour b in row 1).
    const { chain, links } = createLetterChain({ a: 0, b: 0, c: 1, d: 1 }, [
      ['a', 'd'],
      ['b', 'c'],
    ]);
    expect(asObject(layoutLinks(chain, links, gaps))).toEqual({
      a: { x: 0, y: -50 },
      b: { x: 0, y: 50 },
      d: { x: 200, y: -50 },
      c: { x: 200, y: 50 },
    });
  });

  it('layoutLinks() ignores feedback edges: positions are identical with and without them', () => {
    const supply: [string, string][] = [
      ['a', 'c'],
      ['b', 'd'],
    ];
    const layers = { a: 0, b: 0, c: 1, d: 1 };
    const without = createLetterChain(layers, supply);
    // Read as supply edges, d → a and c → b would pull the rows the other way round.
    const withFeedback = createLetterChain(layers, [
      ...supply,
      ['d', 'a', 'feedback'],
      ['c', 'b', 'feedback'],
    ]);
    const expected = {
      a: { x: 0, y: -50 },
      b: { x: 0, y: 50 },
      c: { x: 200, y: -50 },
      d: { x: 200, y: 50 },
    };
    expect(asObject(layoutLinks(without.chain, without.links, gaps))).toEqual(expected);
    expect(asObject(layoutLinks(withFeedback.chain, withFeedback.links, gaps))).toEqual(expected);
  });

  it('layoutLinks() lines a link up with its neighbour so that the edge runs straight', () => {
    // x, y, z stack at −100, 0, 100; a (alone in its column) moves level with z, its only neighbour
    const { chain, links } = createLetterChain({ x: 1, y: 1, z: 1, a: 0 }, [['a', 'z']]);
    expect(asObject(layoutLinks(chain, links, gaps))).toEqual({
      x: { x: 200, y: -100 },
      y: { x: 200, y: 0 },
      z: { x: 200, y: 100 },
      a: { x: 0, y: 100 },
    });
  });

  it('layoutLinks() is deterministic and does not depend on the order of the links array', () => {
    const { chain, links } = createLetterChain({ a: 0, b: 0, c: 1, d: 1, e: 2 }, [
      ['a', 'd'],
      ['b', 'c'],
      ['c', 'e'],
      ['d', 'e'],
    ]);
    const first = layoutLinks(chain, links);
    expect(layoutLinks(chain, links)).toEqual(first);
    expect(layoutLinks(chain, [...links].reverse())).toEqual(first);
  });

  it('layoutLinks() ignores links that are not in the chain and edges to unknown links', () => {
    const { chain, links } = createLetterChain({ a: 0, b: 1 }, [
      ['a', 'b'],
      ['a', 'zz'],
    ]);
    const stray = createLink({ id: 'stray', layer: 0 });
    expect(asObject(layoutLinks(chain, [...links, stray]))).toEqual({
      a: { x: 0, y: 0 },
      b: { x: 200, y: 0 },
    });
  });

  it('layoutLinks() does not mutate its input', () => {
    const { chain, links } = createLetterChain({ a: 0, b: 0, c: 1 }, [
      ['a', 'c'],
      ['b', 'c'],
    ]);
    const before = structuredClone({ chain, links });
    layoutLinks(chain, links);
    expect({ chain, links }).toEqual(before);
  });
});

describe('layoutChain', () => {
  it('layoutChain() gives an edge that skips a column a thin slot in it and returns it as a bend', () => {
    // b → d skips layer 1. Its slot sits below c (b is below a), 0.55 + 0.15 rowGap under c.
    const { chain, links } = createLetterChain({ a: 0, b: 0, c: 1, d: 2 }, [
      ['a', 'c'],
      ['c', 'd'],
      ['b', 'd'],
    ]);
    const layout = layoutChain(chain, links, gaps);
    expect(asObject(layout.positions)).toEqual({
      a: { x: 0, y: -50 },
      b: { x: 0, y: 50 },
      c: { x: 200, y: -35 },
      d: { x: 400, y: 0 },
    });
    expect(asObject(layout.bends)).toEqual({ 'b->d': [{ x: 200, y: 35 }] });
  });

  it('layoutChain() returns no bends for edges between neighbouring columns', () => {
    expect(layoutChain(createTestChain(), createTestLinks()).bends.size).toBe(0);
  });
});

describe('routeFeedbackEdges', () => {
  const row = {
    't.up': { x: 0, y: 0 },
    't.mid': { x: 200, y: 0 },
    't.down': { x: 400, y: 0 },
    't.ext': { x: 600, y: 0 },
  };

  it('routeFeedbackEdges() loops out right, over the top and into the target from the left', () => {
    const routes = routeFeedbackEdges(createTestChain(), new Map(Object.entries(row)), gaps);
    // band 0.75 × 100 above the top row; exit and entry 0.4 × 200 beside the columns
    expect(asObject(routes)).toEqual({
      't.ext->t.up': [
        { x: 680, y: 0 },
        { x: 680, y: -75 },
        { x: -80, y: -75 },
        { x: -80, y: 0 },
      ],
    });
  });

  it('routeFeedbackEdges() nests a second loop on the same side 16 px further out', () => {
    const chain = createTestChain();
    chain.edges.push({ from: 't.down', to: 't.up', kind: 'feedback' });
    const routes = routeFeedbackEdges(chain, new Map(Object.entries(row)), gaps);
    expect(routes.get('t.down->t.up')).toEqual([
      { x: 492, y: 0 },
      { x: 492, y: -91 },
      { x: -92, y: -91 },
      { x: -92, y: 0 },
    ]);
  });

  it('routeFeedbackEdges() goes under the graph when both ends sit in its lower half', () => {
    const positions = new Map(
      Object.entries({
        't.up': { x: 0, y: 40 },
        't.mid': { x: 200, y: -50 },
        't.down': { x: 400, y: -50 },
        't.ext': { x: 600, y: 50 },
      }),
    );
    // nodes span −50…50: band 0.9 × 100 below the bottom row
    expect(routeFeedbackEdges(createTestChain(), positions, gaps).get('t.ext->t.up')).toEqual([
      { x: 680, y: 50 },
      { x: 680, y: 140 },
      { x: -80, y: 140 },
      { x: -80, y: 40 },
    ]);
  });

  it('routeFeedbackEdges() keeps clear of extra points such as an expansion', () => {
    const routes = routeFeedbackEdges(createTestChain(), new Map(Object.entries(row)), {
      ...gaps,
      extraPoints: [
        { x: 300, y: -200 },
        { x: 300, y: 200 },
      ],
    });
    // the ring spans −200…200 around t.mid: the band runs 75 px above it
    expect(routes.get('t.ext->t.up')?.[1]).toEqual({ x: 680, y: -275 });
  });

  it('routeFeedbackEdges() runs a loop further out of a link that has a minimum stub', () => {
    const routes = routeFeedbackEdges(createTestChain(), new Map(Object.entries(row)), {
      ...gaps,
      minStub: new Map([['t.up', 150]]),
    });
    expect(routes.get('t.ext->t.up')?.slice(2)).toEqual([
      { x: -150, y: -75 },
      { x: -150, y: 0 },
    ]);
  });
});

describe('toSegments', () => {
  it('toSegments() gives the weight along the edge and the signed distance from it', () => {
    expect(toSegments({ x: 0, y: 0 }, { x: 100, y: 0 }, [{ x: 50, y: -20 }])).toEqual({
      weights: [0.5],
      distances: [-20],
    });
    // downward edge: a point to the right of x is at distance −10 (cytoscape's normal is (−1, 0))
    expect(toSegments({ x: 0, y: 0 }, { x: 0, y: 100 }, [{ x: 10, y: 25 }])).toEqual({
      weights: [0.25],
      distances: [-10],
    });
  });

  it('toSegments() returns no points for an edge of zero length', () => {
    expect(toSegments({ x: 5, y: 5 }, { x: 5, y: 5 }, [{ x: 1, y: 1 }])).toEqual({
      weights: [],
      distances: [],
    });
  });
});

describe('placeEnterprises', () => {
  const items = [
    { id: 'b', groupKey: 'x' },
    { id: 'a', groupKey: 'x' },
    { id: 'c', groupKey: 'w' },
  ];

  it('placeEnterprises() spreads enterprises clockwise from the top, by group key then id', () => {
    // radius 60, three items 120° apart: c at −90°, a at 30°, b at 150°
    expect(placeEnterprises({ x: 100, y: 50 }, items, { radius: 60 })).toEqual({
      nodes: [
        { id: 'c', x: 100, y: -10 },
        { id: 'a', x: 151.96, y: 80 },
        { id: 'b', x: 48.04, y: 80 },
      ],
      groups: [],
      ringRadius: 60,
    });
  });

  it('placeEnterprises() grows the ring so that neighbours stay `spacing` apart', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `e${i}`, groupKey: 'x' }));
    // 40 × 20 px around the ring: r = 800 / 2π
    expect(placeEnterprises({ x: 0, y: 0 }, many).ringRadius).toBeCloseTo(127.32, 2);
  });

  it('placeEnterprises() draws exactly maxIndividual enterprises one by one', () => {
    const two = items.slice(0, 2);
    const placed = placeEnterprises({ x: 0, y: 0 }, two, { maxIndividual: 2, radius: 60 });
    expect(placed.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(placed.groups).toEqual([]);
  });

  it('placeEnterprises() aggregates by group above maxIndividual, largest group first', () => {
    expect(placeEnterprises({ x: 100, y: 50 }, items, { maxIndividual: 2, radius: 60 })).toEqual({
      nodes: [],
      groups: [
        { key: 'x', count: 2, x: 100, y: -10 },
        { key: 'w', count: 1, x: 100, y: 110 },
      ],
      ringRadius: 60,
    });
  });

  it('placeEnterprises() is deterministic whatever the input order, and leaves it untouched', () => {
    const before = structuredClone(items);
    const first = placeEnterprises({ x: 0, y: 0 }, items);
    expect(placeEnterprises({ x: 0, y: 0 }, [...items].reverse())).toEqual(first);
    expect(items).toEqual(before);
  });

  it('placeEnterprises() places nothing for no enterprises', () => {
    expect(placeEnterprises({ x: 0, y: 0 }, [])).toEqual({ nodes: [], groups: [], ringRadius: 0 });
  });
});

describe('makeRoom', () => {
  const center = { x: 200, y: 0 };
  it.each([
    ['a point to the right moves right', { x: 400, y: 0 }, { x: 450, y: 0 }],
    ['a point to the left moves left', { x: 0, y: 5 }, { x: -50, y: 5 }],
    ['a point above in the same column moves up', { x: 200, y: -100 }, { x: 200, y: -140 }],
    ['a point below in the same column moves down', { x: 200, y: 100 }, { x: 200, y: 140 }],
    ['a point below and to the right moves both ways', { x: 400, y: 30 }, { x: 450, y: 70 }],
    ['the centre stays', { x: 200, y: 0 }, { x: 200, y: 0 }],
  ])('makeRoom(): %s', (_, point, expected) => {
    expect(makeRoom(point, center, 50, 40, 10)).toEqual(expected);
  });
});
