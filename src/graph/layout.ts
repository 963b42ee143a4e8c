/**
 * Preset layout of the chain graph, computed here instead of by a cytoscape layout extension
 * (dagre took 6–17 s and ELK 2–3 s for 1,000 nodes on the target machine; this takes milliseconds).
 *
 * Links sit in columns by `link.layer` (upstream left, downstream right). Inside a column the rows are
 * ordered by a few barycenter sweeps over the supply edges (Sugiyama's method): a supply edge that skips
 * columns gets a slot in every column it crosses, so it bends through a gap between nodes instead of
 * running over them. Feedback edges (recycling back upstream) never influence positions; they are
 * routed afterwards as loops over or under the whole graph.
 */
import type { Chain, Link } from '../domain/schema';

export interface Point {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** Distance between the centres of neighbouring columns (layers), px. */
  columnGap?: number;
  /** Distance between the centres of two stacked links, px. */
  rowGap?: number;
}

export const DEFAULT_COLUMN_GAP = 200;
export const DEFAULT_ROW_GAP = 120;
/** Barycenter passes (one down and one up sweep each); the best ordering seen wins. */
const SWEEPS = 6;

export interface ChainLayout {
  /** Centre of each link node, by link id. */
  positions: Map<string, Point>;
  /**
   * Bend points of supply edges that span more than one column, by edge id `${from}->${to}`:
   * one point per crossed column, in the slot reserved for the edge.
   */
  bends: Map<string, Point[]>;
  columnGap: number;
  rowGap: number;
}

/**
 * Edge id used by the layout and the element builder.
 * @example edgeId('nev.cell', 'nev.pack') // 'nev.cell->nev.pack'
 */
export const edgeId = (from: string, to: string): string => `${from}->${to}`;

interface Slot {
  /** Link id, or `${edgeId}#${layer}` for the slot of a long edge. */
  key: string;
  isLink: boolean;
  /** Tie-break: the chain's linkIds order (slots of long edges just after their source). */
  rank: number;
}

// A slot's vertical half-extents in rowGap units. A link needs more room below (its label) than
// above; a long edge's slot is thin. Two stacked links end up exactly one rowGap apart.
const ABOVE = { link: 0.45, edge: 0.15 };
const BELOW = { link: 0.55, edge: 0.15 };

const compareNumbers = (a: number, b: number) => a - b;

/**
 * Lays out the links of a chain as a layered DAG and returns the slots of long supply edges.
 * Positions: x = layer × columnGap; in each column the rows keep at least `rowGap` apart (less around
 * the thin slots of long edges) and line up with their neighbours so that edges run as straight as
 * possible; the drawing is centred on y = 0. Links not in `chain.linkIds` are ignored.
 * @example
 * // a → c and b → c, all in linkIds order [a, b, c]; a, b in layer 0, c in layer 1:
 * layoutChain(chain, links).positions
 * // a (0, −50), b (0, 50), c (200, 0)
 */
export function layoutChain(
  chain: Chain,
  links: readonly Link[],
  opts: LayoutOptions = {},
): ChainLayout {
  const columnGap = opts.columnGap ?? DEFAULT_COLUMN_GAP;
  const rowGap = opts.rowGap ?? DEFAULT_ROW_GAP;
  const linkById = new Map(links.map((l) => [l.id, l] as const));
  const rankOf = new Map<string, number>();
  for (const id of chain.linkIds) {
    if (linkById.has(id) && !rankOf.has(id)) rankOf.set(id, rankOf.size);
  }
  const layerOf = (id: string) => linkById.get(id)?.layer ?? 0;

  const columns = new Map<number, Slot[]>();
  const addSlot = (layer: number, slot: Slot) => {
    const column = columns.get(layer);
    if (column) column.push(slot);
    else columns.set(layer, [slot]);
  };
  for (const [id, rank] of rankOf) addSlot(layerOf(id), { key: id, isLink: true, rank });

  // Adjacency between slots of neighbouring columns: `up` = one column left, `down` = one right.
  const up = new Map<string, string[]>();
  const down = new Map<string, string[]>();
  const push = (map: Map<string, string[]>, key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  const connect = (from: string, to: string) => {
    push(down, from, to);
    push(up, to, from);
  };
  const longEdges: { id: string; slots: string[] }[] = [];
  const seen = new Set<string>();
  for (const edge of chain.edges) {
    if (edge.kind !== 'supply') continue;
    const id = edgeId(edge.from, edge.to);
    const fromRank = rankOf.get(edge.from);
    const toRank = rankOf.get(edge.to);
    if (fromRank === undefined || toRank === undefined || seen.has(id)) continue;
    seen.add(id);
    const a = layerOf(edge.from);
    const b = layerOf(edge.to);
    // An edge that does not run rightwards cannot be layered; it is drawn but does not order rows.
    if (b <= a) continue;
    let previous = edge.from;
    const slots: string[] = [];
    for (let layer = a + 1; layer < b; layer++) {
      const key = `${id}#${layer}`;
      addSlot(layer, { key, isLink: false, rank: fromRank + (toRank + 1) / (rankOf.size + 2) });
      connect(previous, key);
      slots.push(key);
      previous = key;
    }
    connect(previous, edge.to);
    if (slots.length > 0) longEdges.push({ id, slots });
  }

  const layers = [...columns.keys()].sort(compareNumbers);
  const order: Slot[][] = layers.map((layer) =>
    [...(columns.get(layer) ?? [])].sort((p, q) => p.rank - q.rank),
  );
  const best = orderByBarycenter(order, up, down);

  const ys = assignRows(best, up, down, rowGap);
  const positions = new Map<string, Point>();
  const slotPoints = new Map<string, Point>();
  best.forEach((column, i) => {
    const x = (layers[i] ?? 0) * columnGap;
    for (const slot of column) {
      const point = { x, y: tidy(ys.get(slot.key) ?? 0) };
      if (slot.isLink) positions.set(slot.key, point);
      else slotPoints.set(slot.key, point);
    }
  });

  const bends = new Map<string, Point[]>();
  for (const { id, slots } of longEdges) {
    bends.set(
      id,
      slots.flatMap((key) => slotPoints.get(key) ?? []),
    );
  }
  return { positions, bends, columnGap, rowGap };
}

/**
 * Centres of the link nodes of a chain (see `layoutChain`): x = layer × columnGap, rows ordered to
 * reduce crossings of supply edges and aligned with their neighbours. Feedback edges are ignored.
 * @example
 * // links a (layer 0) and b (layer 1), supply edge a → b, feedback b ⇢ a:
 * layoutLinks(chain, links) // Map { a → (0, 0), b → (200, 0) }
 */
export function layoutLinks(
  chain: Chain,
  links: readonly Link[],
  opts: LayoutOptions = {},
): Map<string, Point> {
  return layoutChain(chain, links, opts).positions;
}

/** Rounds to 1/100 px and turns −0 into 0, so positions compare and print cleanly. */
const tidy = (n: number): number => Math.round(n * 100) / 100 + 0;

/**
 * Sweeps down (order each column by the mean row of its left neighbours) and up (by its right
 * neighbours) a few times and keeps the ordering with the fewest crossings. Slots without neighbours
 * on the reference side keep their place; ties keep the current order, which starts as the chain's
 * linkIds order, so the editorial order survives wherever the edges do not decide.
 */
function orderByBarycenter(
  initial: Slot[][],
  up: ReadonlyMap<string, readonly string[]>,
  down: ReadonlyMap<string, readonly string[]>,
): Slot[][] {
  const current = initial.map((column) => [...column]);
  let best = current.map((column) => [...column]);
  let bestCrossings = countAllCrossings(best, down);
  const reorder = (column: Slot[], reference: Slot[], neighbours: typeof up): Slot[] => {
    const rowOf = new Map(reference.map((slot, i) => [slot.key, i] as const));
    const movable: { slot: Slot; barycenter: number; row: number }[] = [];
    const fixed = new Map<number, Slot>();
    column.forEach((slot, row) => {
      const rows = (neighbours.get(slot.key) ?? []).flatMap((key) => rowOf.get(key) ?? []);
      if (rows.length === 0) fixed.set(row, slot);
      else movable.push({ slot, barycenter: rows.reduce((s, r) => s + r, 0) / rows.length, row });
    });
    movable.sort((p, q) => p.barycenter - q.barycenter || p.row - q.row);
    const out: Slot[] = [];
    let next = 0;
    for (let i = 0; i < column.length; i++) {
      const keep = fixed.get(i);
      const slot = keep ?? movable[next++]?.slot;
      if (slot) out.push(slot);
    }
    return out;
  };
  for (let sweep = 0; sweep < SWEEPS; sweep++) {
    for (let i = 1; i < current.length; i++) {
      current[i] = reorder(current[i] ?? [], current[i - 1] ?? [], up);
    }
    for (let i = current.length - 2; i >= 0; i--) {
      current[i] = reorder(current[i] ?? [], current[i + 1] ?? [], down);
    }
    const crossings = countAllCrossings(current, down);
    if (crossings < bestCrossings) {
      bestCrossings = crossings;
      best = current.map((column) => [...column]);
    }
    if (bestCrossings === 0) break;
  }
  return transpose(best, up, down);
}

/**
 * Swaps neighbouring slots of a column while that removes crossings with either neighbouring column
 * (the “transpose” step of Gansner et al.); catches what barycenters average away.
 */
function transpose(
  order: Slot[][],
  up: ReadonlyMap<string, readonly string[]>,
  down: ReadonlyMap<string, readonly string[]>,
): Slot[][] {
  const out = order.map((column) => [...column]);
  const rowOf = new Map<string, number>();
  for (const column of out) column.forEach((slot, j) => rowOf.set(slot.key, j));
  const rows = (key: string, side: ReadonlyMap<string, readonly string[]>) =>
    (side.get(key) ?? []).flatMap((k) => rowOf.get(k) ?? []);
  /** Crossings between the edges of u and v when u is above v. */
  const crossings = (u: string, v: string) => {
    let n = 0;
    for (const side of [up, down]) {
      const ru = rows(u, side);
      const rv = rows(v, side);
      for (const a of ru) for (const b of rv) if (a > b) n++;
    }
    return n;
  };
  for (let pass = 0, improved = true; improved && pass < 20; pass++) {
    improved = false;
    for (const column of out) {
      for (let j = 0; j + 1 < column.length; j++) {
        const u = column[j];
        const v = column[j + 1];
        if (!u || !v || crossings(v.key, u.key) >= crossings(u.key, v.key)) continue;
        column[j] = v;
        column[j + 1] = u;
        rowOf.set(v.key, j);
        rowOf.set(u.key, j + 1);
        improved = true;
      }
    }
  }
  return out;
}

/** Rows to align with neighbours; each pass sweeps right then back left. */
const ALIGN_PASSES = 8;

/**
 * Vertical positions: each column starts stacked and centred, then every slot is pulled towards the
 * mean height of its neighbours in the next columns, keeping the column's order and spacing (a
 * least-squares fit under order constraints, solved by pool-adjacent-violators). Edges come out as
 * straight as the spacing allows. The whole drawing is finally centred on y = 0.
 */
function assignRows(
  order: Slot[][],
  up: ReadonlyMap<string, readonly string[]>,
  down: ReadonlyMap<string, readonly string[]>,
  rowGap: number,
): Map<string, number> {
  const y = new Map<string, number>();
  const gapsOf = (column: Slot[]) =>
    column.slice(1).map((slot, j) => {
      const prev = column[j];
      const below = prev?.isLink ? BELOW.link : BELOW.edge;
      return (below + (slot.isLink ? ABOVE.link : ABOVE.edge)) * rowGap;
    });
  for (const column of order) {
    const offsets = cumulative(gapsOf(column));
    const shift = ((offsets[0] ?? 0) + (offsets[offsets.length - 1] ?? 0)) / 2;
    column.forEach((slot, j) => y.set(slot.key, (offsets[j] ?? 0) - shift));
  }
  const place = (column: Slot[]) => {
    const targets = column.map((slot) => {
      const around = [...(up.get(slot.key) ?? []), ...(down.get(slot.key) ?? [])].flatMap(
        (key) => y.get(key) ?? [],
      );
      return around.length > 0
        ? around.reduce((sum, v) => sum + v, 0) / around.length
        : (y.get(slot.key) ?? 0);
    });
    const offsets = cumulative(gapsOf(column));
    const fitted = isotonic(targets.map((t, j) => t - (offsets[j] ?? 0)));
    column.forEach((slot, j) => y.set(slot.key, (fitted[j] ?? 0) + (offsets[j] ?? 0)));
  };
  for (let pass = 0; pass < ALIGN_PASSES; pass++) {
    for (let i = 0; i < order.length; i++) place(order[i] ?? []);
    for (let i = order.length - 1; i >= 0; i--) place(order[i] ?? []);
  }
  const all = [...y.values()];
  const middle = all.length > 0 ? (Math.min(...all) + Math.max(...all)) / 2 : 0;
  for (const [key, v] of y) y.set(key, v - middle);
  return y;
}

const cumulative = (gaps: readonly number[]): number[] => {
  const out = [0];
  for (const g of gaps) out.push((out[out.length - 1] ?? 0) + g);
  return out;
};

/**
 * Least-squares non-decreasing fit of a sequence (pool adjacent violators).
 * @example isotonic([0, -100]) // [-50, -50]
 */
function isotonic(values: readonly number[]): number[] {
  const blocks: { sum: number; n: number }[] = [];
  for (const v of values) {
    blocks.push({ sum: v, n: 1 });
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const prev = blocks[blocks.length - 2];
      if (!last || !prev || prev.sum / prev.n <= last.sum / last.n) break;
      prev.sum += last.sum;
      prev.n += last.n;
      blocks.pop();
    }
  }
  return blocks.flatMap((b) => Array<number>(b.n).fill(b.sum / b.n));
}

/** Crossings between the edge segments of every pair of neighbouring columns. */
function countAllCrossings(order: Slot[][], down: ReadonlyMap<string, readonly string[]>): number {
  let total = 0;
  for (let i = 0; i + 1 < order.length; i++) {
    const left = order[i] ?? [];
    const rightRow = new Map((order[i + 1] ?? []).map((slot, j) => [slot.key, j] as const));
    const segments: [number, number][] = [];
    left.forEach((slot, row) => {
      for (const key of down.get(slot.key) ?? []) {
        const to = rightRow.get(key);
        if (to !== undefined) segments.push([row, to]);
      }
    });
    for (let a = 0; a < segments.length; a++) {
      for (let b = a + 1; b < segments.length; b++) {
        const [p1, q1] = segments[a] ?? [0, 0];
        const [p2, q2] = segments[b] ?? [0, 0];
        if ((p1 - p2) * (q1 - q2) < 0) total++;
      }
    }
  }
  return total;
}

export interface FeedbackRouteOptions {
  columnGap?: number;
  rowGap?: number;
  /** Other points the loops must clear (e.g. the top and bottom edges of the cards). */
  extraPoints?: readonly Point[];
  /** Minimum horizontal run out of (or into) a link, by link id: clears its card. */
  minStub?: ReadonlyMap<string, number>;
  /** Route every loop on this side (default: whichever side is nearer to both ends). */
  side?: 'top' | 'bottom';
}

/**
 * Routes feedback edges (e.g. recycling ⇢ lithium) as loops around the graph: out of the source to the
 * right, over the top (or under the bottom, whichever side is nearer to both ends), and into the
 * target from the left. Several loops on one side nest 16 px apart. Returns bend points by edge id.
 * @example
 * // source (1000, 50), target (0, -50), nodes spanning y −50…50, gaps 200/100:
 * // → [(1060, 50), (1060, -125), (-60, -125), (-60, -50)]
 */
export function routeFeedbackEdges(
  chain: Chain,
  positions: ReadonlyMap<string, Point>,
  opts: FeedbackRouteOptions = {},
): Map<string, Point[]> {
  const columnGap = opts.columnGap ?? DEFAULT_COLUMN_GAP;
  const rowGap = opts.rowGap ?? DEFAULT_ROW_GAP;
  const ys = [...positions.values(), ...(opts.extraPoints ?? [])].map((p) => p.y);
  const routes = new Map<string, Point[]>();
  if (ys.length === 0) return routes;
  const top = Math.min(...ys);
  const bottom = Math.max(...ys);
  const middle = (top + bottom) / 2;
  const count = { top: 0, bottom: 0 };
  for (const edge of chain.edges) {
    if (edge.kind !== 'feedback') continue;
    const id = edgeId(edge.from, edge.to);
    const s = positions.get(edge.from);
    const t = positions.get(edge.to);
    if (!s || !t || routes.has(id)) continue;
    const side = opts.side ?? ((s.y + t.y) / 2 <= middle ? 'top' : 'bottom');
    const k = count[side]++;
    // Below the nodes there are labels, above them only badges: the bottom loop keeps more room.
    const bandY = side === 'top' ? top - 0.75 * rowGap - 16 * k : bottom + 0.9 * rowGap + 16 * k;
    // Beside the columns, clear of the labels under the nodes (up to ≈ 70 px either side).
    const stub = (id: string) => Math.max(0.4 * columnGap, opts.minStub?.get(id) ?? 0);
    const exitX = s.x + stub(edge.from) + 12 * k;
    const entryX = t.x - stub(edge.to) - 12 * k;
    routes.set(
      id,
      [
        { x: exitX, y: s.y },
        { x: exitX, y: bandY },
        { x: entryX, y: bandY },
        { x: entryX, y: t.y },
      ].map((p) => ({ x: tidy(p.x), y: tidy(p.y) })),
    );
  }
  return routes;
}

/**
 * Converts absolute bend points into cytoscape `segments` edge data: for each point, its weight along
 * source → target (0 at the source, 1 at the target) and its signed distance from that line
 * (cytoscape's sign: positive to the right of the direction of travel in screen coordinates, i.e.
 * below a left-to-right edge). Used with `edge-distances: node-position`.
 * @example toSegments({x:0,y:0}, {x:100,y:0}, [{x:50,y:-20}]) // { weights: [0.5], distances: [-20] }
 */
export function toSegments(
  source: Point,
  target: Point,
  points: readonly Point[],
): { weights: number[]; distances: number[] } {
  const dx = target.x - source.x;
  const dy = target.y - source.y;
  const length = Math.hypot(dx, dy);
  if (length === 0) return { weights: [], distances: [] };
  const nx = dx / length;
  const ny = dy / length;
  return {
    // Weights are fractions of the edge's length: keep 4 decimals (2 would be 6 px off on 600 px).
    weights: points.map(
      (p) =>
        Math.round((((p.x - source.x) * dx + (p.y - source.y) * dy) / length ** 2) * 1e4) / 1e4 + 0,
    ),
    distances: points.map((p) => tidy(-(p.x - source.x) * ny + (p.y - source.y) * nx)),
  };
}

// ---------------------------------------------------------------- card diagram

export interface CardSize {
  width: number;
  height: number;
}

export interface CardLayoutOptions {
  /** The panel the diagram is drawn in, CSS px (drawn at zoom 1: 1 model px = 1 CSS px). */
  width: number;
  height: number;
  /** Horizontal room between two columns of cards (for the edges and their arrows), px. */
  gutter: number;
  /** Smallest vertical room between two cards of a column, px. */
  minGap: number;
  /** Largest vertical room between two cards: a short column is centred, not spread thin. */
  maxGap: number;
  /** Height of the band above the cards that holds the stage headers, px. */
  header: number;
  /** Margin around the whole diagram, px. */
  margin: number;
  /** Room kept under the cards (for feedback loops), px. */
  footer?: number;
}

/** Height a long supply edge's slot takes in a column it crosses, px. */
const EDGE_SLOT = 10;

export interface CardLayout {
  /** Centre of each link's card, by link id. */
  positions: Map<string, Point>;
  /** Bend points of supply edges that skip columns (one per crossed column, between its cards). */
  bends: Map<string, Point[]>;
  /** The columns left to right: the layer, the centre x and the card width in it. */
  columns: { layer: number; x: number; cardWidth: number; linkIds: string[] }[];
  /** The drawing's extent, model px (cards and headers; x1 = y1 = 0 is the panel's corner). */
  bounds: { x1: number; y1: number; x2: number; y2: number };
  /** Distance between the centres of neighbouring columns. */
  columnGap: number;
}

/**
 * Lays the chain out as columns of cards sized to the panel. Columns are the chain's layers, left
 * (upstream) to right (downstream), ordered within by `layoutChain`'s barycenter sweeps (long edges
 * keep a thin slot in every column they cross, so they pass between cards). Every column gets the
 * panel's width ÷ columns, but never less than its widest card plus the gutter: a chain with too
 * many layers for the panel keeps its cards' size and the drawing grows wider (the user pans).
 * Vertically each column's cards are spread over the panel's height with gaps between `minGap`
 * and `maxGap`, centred; a column too tall for the panel starts at the top and the drawing grows.
 * Positions are in model px with the panel's top-left corner at (0, 0), so at zoom 1 the drawing
 * fills the panel with no scaling: a label's rendered size is its font size.
 * @example
 * // links a (layer 0) → b (layer 1), cards 100 × 40, panel 400 × 200, gutter 40, margin 10, header 20:
 * layoutCards(chain, links, sizes, opts).positions
 * // a (105, 110), b (295, 110)  — columns 190 px wide, cards centred in the 160 px between the
 * // header (10 + 20) and the bottom margin (10)
 */
export function layoutCards(
  chain: Chain,
  links: readonly Link[],
  sizes: ReadonlyMap<string, CardSize>,
  opts: CardLayoutOptions,
): CardLayout {
  const base = layoutChain(chain, links, { columnGap: 1, rowGap: 100 });
  const linkById = new Map(links.map((l) => [l.id, l] as const));
  // Columns from the barycenter layout: every slot (link or long-edge slot) with its layer and y.
  type Entry = { key: string; isLink: boolean; y: number };
  const byLayer = new Map<number, Entry[]>();
  const add = (layer: number, entry: Entry) => {
    const list = byLayer.get(layer);
    if (list) list.push(entry);
    else byLayer.set(layer, [entry]);
  };
  for (const [id, p] of base.positions) {
    add(linkById.get(id)?.layer ?? 0, { key: id, isLink: true, y: p.y });
  }
  for (const [id, points] of base.bends) {
    points.forEach((p, i) => add(p.x, { key: `${id}#${i}`, isLink: false, y: p.y }));
  }
  const layers = [...byLayer.keys()].sort(compareNumbers);
  const n = Math.max(1, layers.length);
  const widest = (layer: number) =>
    Math.max(
      0,
      ...(byLayer.get(layer) ?? []).map((e) => (e.isLink ? (sizes.get(e.key)?.width ?? 0) : 0)),
    );
  const share = (opts.width - 2 * opts.margin) / n;
  const columnGap = Math.max(share, ...layers.map((l) => widest(l) + opts.gutter));
  const top = opts.margin + opts.header;
  const footer = opts.footer ?? 0;
  const room = opts.height - top - opts.margin - footer;

  const positions = new Map<string, Point>();
  const slotPoints = new Map<string, Point>();
  const columns: CardLayout['columns'] = [];
  let bottom = top;
  layers.forEach((layer, i) => {
    const x = tidy(opts.margin + columnGap * (i + 0.5));
    const entries = [...(byLayer.get(layer) ?? [])].sort((a, b) => a.y - b.y);
    const heightOf = (e: Entry) => (e.isLink ? (sizes.get(e.key)?.height ?? 0) : EDGE_SLOT);
    const total = entries.reduce((s, e) => s + heightOf(e), 0);
    const gaps = Math.max(1, entries.length + 1);
    const gap = Math.min(opts.maxGap, Math.max(opts.minGap, (room - total) / gaps));
    const used = total + gap * (entries.length - 1);
    let y = top + Math.max(0, (room - used) / 2);
    for (const e of entries) {
      const h = heightOf(e);
      const point = { x, y: tidy(y + h / 2) };
      if (e.isLink) positions.set(e.key, point);
      else slotPoints.set(e.key, point);
      y += h + gap;
    }
    bottom = Math.max(bottom, y - gap);
    columns.push({
      layer,
      x,
      cardWidth: widest(layer),
      linkIds: entries.filter((e) => e.isLink).map((e) => e.key),
    });
  });

  const bends = new Map<string, Point[]>();
  for (const [id, points] of base.bends) {
    bends.set(
      id,
      points.flatMap((_, i) => slotPoints.get(`${id}#${i}`) ?? []),
    );
  }
  return {
    positions,
    bends,
    columns,
    bounds: {
      x1: 0,
      y1: 0,
      x2: tidy(2 * opts.margin + columnGap * n),
      y2: tidy(Math.max(opts.height, bottom + footer + opts.margin)),
    },
    columnGap,
  };
}
