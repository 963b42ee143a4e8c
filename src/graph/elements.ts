/**
 * Pure builder of the chain graph's cytoscape elements: link nodes with their overlay colour (or a pie
 * of their enterprises' classes), size, wrapped label and badge; supply and feedback edges with the
 * bends computed by ./layout; and, for the selected link, its enterprises (or city groups) on a ring.
 * Every colour comes from ../overlays so the graph, the map and the legend agree.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GroupCoverage } from '../analysis/coverage';
import type { Chain, Link } from '../domain/schema';
import type { Lang } from '../i18n/format';
import {
  colorOf,
  groupClass,
  groupOverlay,
  legendEntries,
  NO_DATA_COLOR,
  ROLE_COLORS,
  type Overlay,
} from '../overlays/overlays';
import {
  edgeId,
  layoutChain,
  makeRoom,
  placeEnterprises,
  routeFeedbackEdges,
  toSegments,
  type Point,
} from './layout';

export interface LinkStat {
  coverage: GroupCoverage;
  enterprises: number;
  leaders: number;
  /** counts of the link's (filtered) enterprises per class under the current overlay, for categorical overlays */
  mix: Record<string, number>;
}

export interface ExpandedEnterprise {
  id: string;
  label: string;
  cityId: string;
  cityLabel: string;
  cls: string;
}

export interface GraphInput {
  chain: Chain;
  links: readonly Link[];
  lang: Lang;
  overlay: Overlay;
  linkStats: ReadonlyMap<string, LinkStat>;
  sizeBy: 'enterprises' | 'gap';
  selectedLinkId: string | null;
  expanded: { linkId: string; enterprises: readonly ExpandedEnterprise[] } | null;
  highlight: { linkIds: ReadonlySet<string>; enterpriseIds: ReadonlySet<string> } | null;
}

/** Diameter of a link node, px: the square root of its value scales between these bounds. */
export const LINK_SIZE = { min: 26, max: 58 } as const;
export const ENTERPRISE_SIZE = 12;
export const GROUP_SIZE = { min: 22, max: 44 } as const;
/** Font size of city group labels, px (the style uses it too). */
export const GROUP_FONT_PX = 11;
/** Widest line of a link label, in em: 7 CJK characters, or about 20 Latin ones. */
export const LINK_LABEL_EM: Record<Lang, number> = { zh: 7, en: 11 };
/** Longest enterprise name drawn next to its dot, in em; the tooltip shows the full name. */
export const ENTERPRISE_LABEL_EM = 13;
/** Room a ring leaves to a link above it (for that link's label) and below it (for its badge), px. */
const ROOM_ABOVE = 80;
const ROOM_BELOW = 50;
/** Pie slots the style declares: the largest categorical palette (roles) has six classes. */
export const PIE_SLOTS = 6;

const PIE_OVERLAYS: ReadonlySet<Overlay> = new Set(['role', 'size', 'srdi']);
/**
 * Overlays whose link colour is a pie of the link's enterprises rather than a group class.
 * @example isPieOverlay('role') // true; isPieOverlay('verdict') // false
 */
export const isPieOverlay = (overlay: Overlay): boolean => PIE_OVERLAYS.has(overlay);

export type BadgeKind = 'choke' | 'weak' | 'advantage' | 'extension' | 'leader';

const BADGE_TEXT: Record<Exclude<BadgeKind, 'leader'>, Record<Lang, string>> = {
  choke: { zh: '卡脖子', en: 'Choke point' },
  weak: { zh: '短板', en: 'Weak link' },
  advantage: { zh: '长板', en: 'Advantage' },
  extension: { zh: '延链', en: 'Extension' },
};

/** Pill colours: weak red (as the weak border), advantage and extension as the 强链/延链 roles. */
export const BADGE_COLORS: Record<BadgeKind, string> = {
  choke: '#9b1c1c',
  weak: '#c53030',
  advantage: ROLE_COLORS.strengthen,
  extension: '#8e4585',
  leader: ROLE_COLORS.leader,
};

/**
 * The badge of a link: its flag (choke point, weak, advantage, extension, first that applies) and its
 * chain leaders, or null when it has neither.
 * @example linkBadge({ isWeak: true, weakKind: 'choke_point', … }, 2, 'zh') // { kind: 'choke', text: '卡脖子 · 链主×2' }
 */
export function linkBadge(
  link: Pick<Link, 'isWeak' | 'weakKind' | 'isAdvantage' | 'isExtension'>,
  leaders: number,
  lang: Lang,
): { kind: BadgeKind; text: string } | null {
  const flag: Exclude<BadgeKind, 'leader'> | null = link.isWeak
    ? link.weakKind === 'choke_point'
      ? 'choke'
      : 'weak'
    : link.isAdvantage
      ? 'advantage'
      : link.isExtension
        ? 'extension'
        : null;
  const leaderText = leaders > 0 ? (lang === 'zh' ? `链主×${leaders}` : `Leaders×${leaders}`) : '';
  if (!flag && !leaderText) return null;
  const text = [flag ? BADGE_TEXT[flag][lang] : '', leaderText].filter(Boolean).join(' · ');
  return { kind: flag ?? 'leader', text };
}

/**
 * Colour slices of a class mix in palette (legend) order, as percentages summing to 100; classes the
 * overlay's palette does not know are left out.
 * @example pieSlices('size', { small: 1, micro: 3 }).map((s) => s.percent) // [0, 0, 25, 75]
 */
export function pieSlices(
  overlay: Overlay,
  mix: Readonly<Record<string, number>>,
): { cls: string; color: string; percent: number }[] {
  const entries = legendEntries(overlay);
  const total = entries.reduce((s, e) => s + (mix[e.key] ?? 0), 0);
  if (total <= 0) return [];
  return entries.map((e) => ({
    cls: e.key,
    color: e.color,
    percent: ((mix[e.key] ?? 0) / total) * 100,
  }));
}

/**
 * The colour of a link under an overlay: the group class colour for gap, gap ratio and verdict; for
 * role, size and SRDI the colour of its largest class (the node itself shows the whole pie).
 * @example linkColor('verdict', { coverage: { verdict: 'covered', … }, … }) // '#1a9850'
 */
export function linkColor(overlay: Overlay, stat: LinkStat | undefined): string {
  if (!stat) return NO_DATA_COLOR;
  if (!isPieOverlay(overlay)) {
    return colorOf(groupOverlay(overlay), groupClass(overlay, stat.coverage));
  }
  return dominantColor(overlay, stat.mix);
}

/** Colour of the largest class of a mix (ties: palette order); “no data” for an empty mix. */
function dominantColor(overlay: Overlay, mix: Readonly<Record<string, number>>): string {
  let best: { color: string; percent: number } | null = null;
  for (const slice of pieSlices(overlay, mix)) {
    if (!best || slice.percent > best.percent) best = slice;
  }
  return best?.color ?? NO_DATA_COLOR;
}

/**
 * Node diameter in px, square-root scaled so that area follows the value.
 * @example nodeSize(25, 100, { min: 20, max: 60 }) // 40
 */
export function nodeSize(value: number, maxValue: number, range: { min: number; max: number }) {
  if (!(maxValue > 0) || !(value > 0)) return range.min;
  const t = Math.sqrt(Math.min(value, maxValue) / maxValue);
  return Math.round((range.min + (range.max - range.min) * t) * 10) / 10;
}

// ---------------------------------------------------------------- labels

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;
/** Never at the start of a line (closing punctuation) / never at its end (opening punctuation). */
const CLOSING = /^[)\]}>,.;:!?%/、，。：；！？）】》」』’”·…]/u;
const OPENING = /[([{<（【《「『‘“]$/u;

/**
 * Rough advance width in em: CJK and full-width forms 1, Latin 0.55, space 0.3. Good enough to
 * break lines.
 * @example emWidth('电芯 IGBT') // 4.5 (2 + 0.3 + 4 × 0.55)
 */
export function emWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += CJK.test(ch) ? 1 : ch === ' ' ? 0.3 : 0.55;
  return w;
}

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter('zh', { granularity: 'word' })
    : null;

/** Unbreakable chunks of a label, each flagged when a space precedes it. */
function chunks(text: string): { text: string; space: boolean }[] {
  const pieces = segmenter
    ? [...segmenter.segment(text)].map((s) => s.segment)
    : (text.match(/\s+|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff]+/gu) ?? []);
  const out: { text: string; space: boolean }[] = [];
  let space = false;
  let glueNext = false;
  for (const piece of pieces) {
    if (/^\s+$/u.test(piece)) {
      space = true;
      glueNext = false;
      continue;
    }
    const last = out[out.length - 1];
    // Latin words break only at spaces (a hyphenated word stays whole).
    const latinRun = last && !space && !CJK.test(last.text.slice(-1)) && !CJK.test(piece[0] ?? '');
    if (last && !space && (glueNext || CLOSING.test(piece) || latinRun)) last.text += piece;
    else out.push({ text: piece, space });
    glueNext = OPENING.test(piece);
    space = false;
  }
  return out;
}

function fill(parts: { text: string; space: boolean }[], limit: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    const candidate = line ? line + (part.space ? ' ' : '') + part.text : part.text;
    if (line && emWidth(candidate) > limit) {
      lines.push(line);
      line = part.text;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Breaks a label into balanced lines of at most `maxEm` (cytoscape wraps only at spaces, and CJK has
 * none): at word boundaries (Intl.Segmenter), never before closing or after opening punctuation,
 * splitting a CJK word only when it is longer than a line. Lines beyond `maxLines` end in '…'.
 * @example wrapLabel('动力电池回收利用', 7) // '动力电池\n回收利用'
 * @example wrapLabel('Battery cells', 5) // 'Battery\ncells'
 */
export function wrapLabel(text: string, maxEm: number, maxLines = 3): string {
  const trimmed = text.trim();
  const total = emWidth(trimmed);
  if (total <= maxEm) return trimmed;
  const parts = chunks(trimmed).flatMap((part) => {
    if (emWidth(part.text) <= maxEm || !CJK.test(part.text)) return [part];
    // A CJK run longer than a line: break it into line-sized pieces.
    const pieces: { text: string; space: boolean }[] = [];
    let piece = '';
    for (const ch of part.text) {
      if (piece && emWidth(piece + ch) > maxEm) {
        pieces.push({ text: piece, space: pieces.length === 0 && part.space });
        piece = '';
      }
      piece += ch;
    }
    if (piece) pieces.push({ text: piece, space: false });
    return pieces;
  });
  const wanted = Math.ceil(total / maxEm);
  let lines = fill(parts, maxEm);
  for (let limit = total / wanted; limit < maxEm; limit += 0.5) {
    const candidate = fill(parts, limit);
    if (candidate.length <= wanted) {
      lines = candidate;
      break;
    }
  }
  if (lines.length > maxLines) {
    lines = lines.slice(0, maxLines);
    lines[maxLines - 1] = truncateLabel(`${lines[maxLines - 1]}…`, maxEm);
  }
  return lines.join('\n');
}

/**
 * Cuts a label to `maxEm` with an ellipsis.
 * @example truncateLabel('示例·常州·电芯企业013（演示）', 13) // '示例·常州·电芯企业013…'
 */
export function truncateLabel(text: string, maxEm: number): string {
  if (emWidth(text) <= maxEm) return text;
  let out = '';
  for (const ch of text.replace(/…$/u, '')) {
    if (emWidth(`${out}${ch}…`) > maxEm) break;
    out += ch;
  }
  // Never end on an opening bracket or a separator: '示例（…' reads as a broken name.
  return `${out.replace(/[\s·、，,;:/([{（【《「『‘“-]+$/u, '')}…`;
}

// ---------------------------------------------------------------- elements

const linkName = (link: Link, lang: Lang) => (lang === 'zh' ? link.nameZh : link.nameEn);
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits + 0;

function pieData(overlay: Overlay, mix: Readonly<Record<string, number>>) {
  const slices = pieSlices(overlay, mix);
  if (slices.length === 0) return null;
  const data: Record<string, string | number> = {};
  for (let i = 0; i < PIE_SLOTS; i++) {
    data[`pie${i + 1}Size`] = slices[i]?.percent ?? 0;
    data[`pie${i + 1}Color`] = slices[i]?.color ?? NO_DATA_COLOR;
  }
  return data;
}

/**
 * Label placement of an enterprise on the ring: its name reads outwards along the radius, turned so
 * that it is never upside down (right half: starts next to the dot; left half: ends next to it).
 */
function radialLabel(node: Point, center: Point, size: number) {
  const angle = Math.atan2(node.y - center.y, node.x - center.x);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const d = size / 2 + 4;
  const right = cos >= -1e-9;
  return {
    labelAngle: round(right ? angle : angle - Math.PI, 4),
    labelHalign: right ? 'right' : 'left',
    labelValign: 'center',
    labelDx: round(d * cos + (right ? -size / 2 : size / 2)),
    labelDy: round(d * sin),
  };
}

/**
 * Label placement of a city group: level (a few short labels), its box centred on the outward radius
 * just beyond the node, so that neighbouring groups' labels point away from each other.
 */
function outsideLabel(node: Point, center: Point, size: number, label: string) {
  const angle = Math.atan2(node.y - center.y, node.x - center.x);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const halfWidth = (emWidth(label) * GROUP_FONT_PX) / 2;
  const halfHeight = GROUP_FONT_PX * 0.7;
  // distance from the node's centre to the label's centre along the radius
  const d = size / 2 + 4 + halfWidth * Math.abs(cos) + halfHeight * Math.abs(sin);
  return {
    labelAngle: 0,
    labelHalign: 'center',
    labelValign: 'center',
    labelDx: round(d * cos),
    labelDy: round(d * sin),
  };
}

const classes = (...names: (string | false | null | undefined)[]) =>
  names.filter(Boolean).join(' ');

/** Layouts already computed, per chain object and the very link objects laid out. */
const layouts = new WeakMap<
  Chain,
  { links: readonly Link[]; layout: ReturnType<typeof layoutChain> }[]
>();

/**
 * `layoutChain` once per chain and links (the layout depends on nothing else): a filter, overlay
 * or selection does not lay the chain out again.
 */
function chainLayout(chain: Chain, links: readonly Link[]): ReturnType<typeof layoutChain> {
  let known = layouts.get(chain);
  if (!known) {
    known = [];
    layouts.set(chain, known);
  }
  const same = known.find(
    (k) => k.links.length === links.length && k.links.every((l, i) => l === links[i]),
  );
  if (same) return same.layout;
  const layout = layoutChain(chain, links);
  known.push({ links: [...links], layout });
  return layout;
}

/**
 * The cytoscape elements of a chain graph, in a stable order: link nodes (chain order), their badges,
 * supply and feedback edges (chain order), then the expansion of the selected link (its enterprises or
 * city groups, then the spokes to them). Node positions are preset; edges that bend carry
 * `segWeights`/`segDistances` for cytoscape's `segments` curve style.
 * @example
 * buildGraphElements({ chain, links, lang: 'zh', overlay: 'verdict', … }).map((e) => e.data.id)
 * // ['t.up', 't.mid', 't.down', 't.ext', 't.up::badge', …, 't.up->t.mid', …, 't.ext->t.up']
 */
export function buildGraphElements(input: GraphInput): ElementDefinition[] {
  const { chain, lang, overlay, linkStats, highlight, selectedLinkId } = input;
  const layout = chainLayout(chain, input.links);
  const linkById = new Map(input.links.map((l) => [l.id, l] as const));
  const links = chain.linkIds.flatMap((id) => {
    const link = linkById.get(id);
    return link && layout.positions.has(id) ? [link] : [];
  });

  const valueOf = (id: string) => {
    const stat = linkStats.get(id);
    if (!stat) return 0;
    return input.sizeBy === 'gap' ? stat.coverage.gap : stat.enterprises;
  };
  const maxValue = Math.max(0, ...links.map((l) => valueOf(l.id)));
  const sizeOf = new Map(links.map((l) => [l.id, nodeSize(valueOf(l.id), maxValue, LINK_SIZE)]));

  // The expansion: enterprises (or city groups) on a ring; the rest of the graph makes room for it.
  const expandedLink =
    input.expanded && layout.positions.has(input.expanded.linkId) ? input.expanded : null;
  let move = (p: Point): Point => p;
  let expansion: ReturnType<typeof placeEnterprises> | null = null;
  let extent = 0;
  const center = expandedLink ? layout.positions.get(expandedLink.linkId) : undefined;
  if (expandedLink && center && expandedLink.enterprises.length > 0) {
    const linkSize = sizeOf.get(expandedLink.linkId) ?? LINK_SIZE.min;
    expansion = placeEnterprises(
      center,
      expandedLink.enterprises.map((e) => ({ id: e.id, groupKey: e.cityId })),
      // clear of the link node, its badge above and its label below
      { radius: linkSize / 2 + 58 },
    );
    const labelRoom = expansion.nodes.length > 0 ? ENTERPRISE_LABEL_EM * 9 + 10 : 80;
    extent = expansion.ringRadius + labelRoom;
    const c = center;
    const tolerance = Math.min(layout.columnGap, layout.rowGap) / 4;
    // Neighbouring columns keep their labels (≈ 50 px either side) clear of the ring's names. In
    // the centre's own column, a node above must clear the ring with the label under it, a node
    // below with the badge over it.
    const dx = Math.max(0, extent + 70 - layout.columnGap);
    const sameColumn = [...layout.positions.values(), ...[...layout.bends.values()].flat()].filter(
      (p) => Math.abs(p.x - c.x) <= tolerance && Math.abs(p.y - c.y) > tolerance,
    );
    const nearest = (side: 1 | -1) =>
      Math.min(...sameColumn.filter((p) => (p.y - c.y) * side > 0).map((p) => Math.abs(p.y - c.y)));
    const dy = Math.max(0, extent + ROOM_ABOVE - nearest(-1), extent + ROOM_BELOW - nearest(1));
    move = (p) => makeRoom(p, c, dx, dy, tolerance);
  }
  const pos = new Map([...layout.positions].map(([id, p]) => [id, move(p)] as const));

  const isHighlighted = (id: string) => highlight?.linkIds.has(id) === true;
  const isDimmed = (id: string) =>
    highlight !== null && !isHighlighted(id) && id !== selectedLinkId;

  const out: ElementDefinition[] = [];
  const badges: ElementDefinition[] = [];
  for (const link of links) {
    const p = pos.get(link.id) ?? { x: 0, y: 0 };
    const stat = linkStats.get(link.id);
    const size = sizeOf.get(link.id) ?? LINK_SIZE.min;
    const badge = linkBadge(link, stat?.leaders ?? 0, lang);
    const pie = stat && isPieOverlay(overlay) ? pieData(overlay, stat.mix) : null;
    const name = linkName(link, lang);
    out.push({
      group: 'nodes',
      data: {
        id: link.id,
        kind: 'link',
        label: wrapLabel(name, LINK_LABEL_EM[lang]),
        name,
        color: linkColor(overlay, stat),
        size,
        badge: badge?.text ?? '',
        ...pie,
      },
      position: { ...p },
      classes: classes(
        'link',
        pie && 'pie',
        link.isWeak && 'weak',
        link.isAdvantage && 'advantage',
        link.isExtension && 'extension',
        link.id === selectedLinkId && 'selected',
        isHighlighted(link.id) && 'highlighted',
        isDimmed(link.id) && 'dimmed',
      ),
    });
    if (badge) {
      badges.push({
        group: 'nodes',
        data: {
          id: `${link.id}::badge`,
          kind: 'badge',
          linkId: link.id,
          label: badge.text,
          color: BADGE_COLORS[badge.kind],
        },
        position: { x: p.x, y: round(p.y - size / 2 - 12) },
        classes: classes('badge', badge.kind, isDimmed(link.id) && 'dimmed'),
      });
    }
  }
  out.push(...badges);

  // Ring nodes are known before the feedback loops are routed, so the loops can clear them.
  const ring: Point[] =
    center && expansion
      ? [
          { x: center.x, y: center.y - extent },
          { x: center.x, y: center.y + extent },
        ]
      : [];
  const feedback = routeFeedbackEdges(chain, pos, {
    columnGap: layout.columnGap,
    rowGap: layout.rowGap,
    extraPoints: ring,
    ...(expandedLink && expansion
      ? { minStub: new Map([[expandedLink.linkId, extent + 10]]) }
      : {}),
  });
  const seen = new Set<string>();
  for (const edge of chain.edges) {
    const id = edgeId(edge.from, edge.to);
    const s = pos.get(edge.from);
    const t = pos.get(edge.to);
    if (!s || !t || seen.has(id)) continue;
    seen.add(id);
    const bends =
      edge.kind === 'feedback' ? feedback.get(id) : layout.bends.get(id)?.map((b) => move(b));
    const segments = bends && bends.length > 0 ? toSegments(s, t, bends) : null;
    const bothHighlighted = isHighlighted(edge.from) && isHighlighted(edge.to);
    out.push({
      group: 'edges',
      data: {
        id,
        source: edge.from,
        target: edge.to,
        kind: edge.kind,
        ...(segments ? { segWeights: segments.weights, segDistances: segments.distances } : {}),
      },
      classes: classes(
        edge.kind,
        segments && 'routed',
        edge.kind === 'supply' &&
          selectedLinkId !== null &&
          (edge.from === selectedLinkId || edge.to === selectedLinkId) &&
          'adjacent',
        highlight !== null && !bothHighlighted && 'dimmed',
      ),
    });
  }

  if (expandedLink && center && expansion) {
    out.push(
      ...expansionElements(input, expandedLink, pos.get(expandedLink.linkId) ?? center, expansion),
    );
  }
  return out;
}

function expansionElements(
  input: GraphInput,
  expanded: NonNullable<GraphInput['expanded']>,
  center: Point,
  placement: ReturnType<typeof placeEnterprises>,
): ElementDefinition[] {
  const { overlay, highlight } = input;
  const nodes: ElementDefinition[] = [];
  const spokes: ElementDefinition[] = [];
  const spoke = (target: string) =>
    spokes.push({
      group: 'edges',
      data: { id: `${expanded.linkId}->${target}`, source: expanded.linkId, target, kind: 'spoke' },
      classes: 'spoke',
    });
  const byId = new Map(expanded.enterprises.map((e) => [e.id, e] as const));
  for (const node of placement.nodes) {
    const e = byId.get(node.id);
    if (!e) continue;
    const id = `ent:${e.id}`;
    const lit = highlight?.enterpriseIds.has(e.id) === true;
    nodes.push({
      group: 'nodes',
      data: {
        id,
        kind: 'enterprise',
        enterpriseId: e.id,
        label: truncateLabel(e.label, ENTERPRISE_LABEL_EM),
        name: e.label,
        cityLabel: e.cityLabel,
        color: colorOf(overlay, e.cls),
        ...radialLabel(node, center, ENTERPRISE_SIZE),
      },
      position: { x: node.x, y: node.y },
      classes: classes('enterprise', lit && 'highlighted', highlight !== null && !lit && 'dimmed'),
    });
    spoke(id);
  }
  const maxCount = Math.max(0, ...placement.groups.map((g) => g.count));
  for (const group of placement.groups) {
    const members = expanded.enterprises.filter((e) => e.cityId === group.key);
    const mix: Record<string, number> = {};
    for (const e of members) mix[e.cls] = (mix[e.cls] ?? 0) + 1;
    const pie = pieData(overlay, mix);
    const size = nodeSize(group.count, maxCount, GROUP_SIZE);
    const id = `grp:${group.key}`;
    const lit = members.some((e) => highlight?.enterpriseIds.has(e.id) === true);
    const cityLabel = members[0]?.cityLabel ?? group.key;
    const label = `${cityLabel} ×${group.count}`;
    nodes.push({
      group: 'nodes',
      data: {
        id,
        kind: 'group',
        groupKey: group.key,
        count: group.count,
        label,
        name: cityLabel,
        color: dominantColor(overlay, mix),
        size,
        ...pie,
        ...outsideLabel(group, center, size, label),
      },
      position: { x: group.x, y: group.y },
      classes: classes(
        'group',
        pie && 'pie',
        lit && 'highlighted',
        highlight !== null && !lit && 'dimmed',
      ),
    });
    spoke(id);
  }
  return [...nodes, ...spokes];
}
