import { describe, expect, it } from 'vitest';
import { createLink, createTestChain, createTestLinks } from '../analysis/test-fixtures';
import type { Chain, Link, LinkEdge } from '../domain/schema';
import {
  layoutCards,
  layoutChain,
  layoutLinks,
  routeFeedbackEdges,
  toSegments,
  type CardLayoutOptions,
  type CardSize,
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

  it('routeFeedbackEdges() puts every loop on the side it is told', () => {
    const routes = routeFeedbackEdges(createTestChain(), new Map(Object.entries(row)), {
      ...gaps,
      side: 'bottom',
    });
    // the row is at y = 0, nearer the top by default; forced under it: 0.9 × 100 below
    expect(routes.get('t.ext->t.up')).toEqual([
      { x: 680, y: 0 },
      { x: 680, y: 90 },
      { x: -80, y: 90 },
      { x: -80, y: 0 },
    ]);
  });

  it('routeFeedbackEdges() keeps clear of extra points such as card edges', () => {
    const routes = routeFeedbackEdges(createTestChain(), new Map(Object.entries(row)), {
      ...gaps,
      extraPoints: [
        { x: 300, y: -200 },
        { x: 300, y: 200 },
      ],
    });
    // the extra points span −200…200: the band runs 75 px above them
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

describe('layoutCards', () => {
  /** Panel 620 × 300; the cards start under margin 10 + header 20 = 30 and end 10 above the foot. */
  const panel: CardLayoutOptions = {
    width: 620,
    height: 300,
    gutter: 40,
    minGap: 10,
    maxGap: 30,
    header: 20,
    margin: 10,
  };
  const cards = (sizes: Record<string, Partial<CardSize>>) =>
    new Map(
      Object.entries(sizes).map(([id, s]) => [id, { width: 100, height: 40, ...s }] as const),
    );
  const threeInARow = () =>
    createLetterChain({ a: 0, b: 1, c: 2 }, [
      ['a', 'b'],
      ['b', 'c'],
    ]);

  it('layoutCards() gives each column an equal share of the panel when the cards fit', () => {
    const { chain, links } = threeInARow();
    const layout = layoutCards(chain, links, cards({ a: {}, b: {}, c: {} }), panel);
    // share (620 − 2 × 10) / 3 = 200 ≥ 100 + 40: centres at 10 + 200 × (i + ½); one card per
    // column centred in the 300 − 30 − 10 = 260 px under the header: 30 + 130
    expect(layout.columnGap).toBe(200);
    expect(asObject(layout.positions)).toEqual({
      a: { x: 110, y: 160 },
      b: { x: 310, y: 160 },
      c: { x: 510, y: 160 },
    });
    expect(layout.columns).toEqual([
      { layer: 0, x: 110, cardWidth: 100, linkIds: ['a'] },
      { layer: 1, x: 310, cardWidth: 100, linkIds: ['b'] },
      { layer: 2, x: 510, cardWidth: 100, linkIds: ['c'] },
    ]);
    expect(layout.bounds).toEqual({ x1: 0, y1: 0, x2: 620, y2: 300 });
  });

  it('layoutCards() spaces columns by the widest card plus the gutter when the panel is narrow', () => {
    const { chain, links } = threeInARow();
    const sizes = cards({ a: {}, b: { width: 160 }, c: { width: 80 } });
    const layout = layoutCards(chain, links, sizes, { ...panel, width: 300 });
    // share 280 / 3 = 93.3 < 160 + 40: every column is 200 wide and the drawing outgrows the panel
    expect(layout.columnGap).toBe(200);
    expect([...layout.positions.values()].map((p) => p.x)).toEqual([110, 310, 510]);
    expect(layout.columns.map((c) => c.cardWidth)).toEqual([100, 160, 80]);
    expect(layout.bounds.x2).toBe(620);
  });

  it.each([
    // room 330 − 30 − 10 = 290, cards 120: (290 − 120) / 4 = 42.5 between and around them
    ['spreads a column over the panel', 60, [92.5, 175, 257.5]],
    // gap capped at 20: the column is 160 tall, centred: 30 + (290 − 160) / 2 = 95, then +40 +20…
    ['centres a short column instead of spreading it thin', 20, [115, 175, 235]],
  ])('layoutCards() %s', (_, maxGap, ys) => {
    const { chain, links } = createLetterChain({ a: 0, b: 0, c: 0 }, []);
    const layout = layoutCards(chain, links, cards({ a: {}, b: {}, c: {} }), {
      ...panel,
      width: 220,
      height: 330,
      maxGap,
    });
    expect(asObject(layout.positions)).toEqual({
      a: { x: 110, y: ys[0] },
      b: { x: 110, y: ys[1] },
      c: { x: 110, y: ys[2] },
    });
  });

  it('layoutCards() starts a column too tall for the panel at the top, minGap apart, and grows', () => {
    const { chain, links } = createLetterChain({ a: 0, b: 0, c: 0 }, []);
    const layout = layoutCards(chain, links, cards({ a: {}, b: {}, c: {} }), {
      ...panel,
      width: 220,
      height: 100,
    });
    // room 60 < 120: gaps of minGap 10 from y = 30 → centres 50, 100, 150; last card ends at 170
    expect([...layout.positions.values()].map((p) => p.y)).toEqual([50, 100, 150]);
    expect(layout.bounds.y2).toBe(180);
  });

  it('layoutCards() keeps the footer free under the cards', () => {
    const { chain, links } = threeInARow();
    const sizes = cards({ a: {}, b: {}, c: {} });
    const layout = layoutCards(chain, links, sizes, { ...panel, footer: 40 });
    // room 300 − 30 − 10 − 40 = 220: centre 30 + 110
    expect([...layout.positions.values()].map((p) => p.y)).toEqual([140, 140, 140]);
    // a tall column: room 100 − 30 − 10 − 20 = 40, cards from 30 to 170, then footer and margin
    const tall = createLetterChain({ a: 0, b: 0, c: 0 }, []);
    const grown = layoutCards(tall.chain, tall.links, sizes, {
      ...panel,
      height: 100,
      footer: 20,
    });
    expect(grown.bounds.y2).toBe(200);
  });

  it('layoutCards() gives an edge that skips a column a 10 px slot between that column’s cards', () => {
    const { chain, links } = createLetterChain({ a: 0, b: 1, c: 2 }, [
      ['a', 'b'],
      ['b', 'c'],
      ['a', 'c'],
    ]);
    const layout = layoutCards(chain, links, cards({ a: {}, b: {}, c: {} }), panel);
    // column 1 holds the slot of a → c (ranked just after a, so above b) and b: 10 + 40 px,
    // (260 − 50) / 3 = 70 capped at 30; the stack (80 px) starts at 30 + (260 − 80) / 2 = 120:
    // slot centre 125, b from 160 to 200
    expect(asObject(layout.bends)).toEqual({ 'a->c': [{ x: 310, y: 125 }] });
    expect(layout.positions.get('b')).toEqual({ x: 310, y: 180 });
    expect(layout.positions.get('a')).toEqual({ x: 110, y: 160 });
    expect(layout.columns[1]?.linkIds).toEqual(['b']);
  });

  it('layoutCards() orders a column’s cards to avoid crossings', () => {
    // a → d and b → c: d goes above c (see layoutLinks); two cards, (260 − 80) / 3 = 60 capped
    // at 30, stack 110 from 30 + 75 = 105: centres 125 and 195
    const { chain, links } = createLetterChain({ a: 0, b: 0, c: 1, d: 1 }, [
      ['a', 'd'],
      ['b', 'c'],
    ]);
    const sizes = cards({ a: {}, b: {}, c: {}, d: {} });
    const layout = layoutCards(chain, links, sizes, { ...panel, width: 420 });
    expect(asObject(layout.positions)).toEqual({
      a: { x: 110, y: 125 },
      b: { x: 110, y: 195 },
      d: { x: 310, y: 125 },
      c: { x: 310, y: 195 },
    });
    expect(layout.columns.map((c) => c.linkIds)).toEqual([
      ['a', 'b'],
      ['d', 'c'],
    ]);
  });

  it('layoutCards() is deterministic and does not mutate its input', () => {
    const { chain, links } = threeInARow();
    const sizes = cards({ a: {}, b: { height: 70 }, c: {} });
    const before = structuredClone({ chain, links, sizes });
    const first = layoutCards(chain, links, sizes, panel);
    expect(layoutCards(chain, links, sizes, panel)).toEqual(first);
    expect({ chain, links, sizes }).toEqual(before);
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
