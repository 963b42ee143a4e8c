/**
 * Pure builder of the chain graph's cytoscape elements: one card per link (name, firm count and the
 * active overlay as a figure, a colour or a stacked bar), sized to its text and laid out in columns
 * by layer across the panel (./layout `layoutCards`); stage headers (上游 / 中游 / 下游) over the
 * columns; badges (卡脖子 / 短板 / 长板 / 延链 / 链主) as words; supply and feedback edges with their
 * bends. Every colour comes from ../overlays so the graph, the map and the legend agree.
 */
import type { ElementDefinition } from 'cytoscape';
import type { GroupCoverage } from '../analysis/coverage';
import type { Chain, Link, Stage } from '../domain/schema';
import { BADGE_TEXT, LEADERS_TEXT, STAGE_TEXT } from './diagram-words';
import { formatCount, formatShare, formatWan, type Lang } from '../i18n/format';
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
  layoutCards,
  routeFeedbackEdges,
  toSegments,
  type CardLayout,
  type CardSize,
  type Point,
} from './layout';

export interface LinkStat {
  coverage: GroupCoverage;
  enterprises: number;
  leaders: number;
  /** counts of the link's (filtered) enterprises per class under the current overlay, for categorical overlays */
  mix: Record<string, number>;
}

export interface GraphInput {
  chain: Chain;
  links: readonly Link[];
  lang: Lang;
  overlay: Overlay;
  linkStats: ReadonlyMap<string, LinkStat>;
  selectedLinkId: string | null;
  highlight: { linkIds: ReadonlySet<string>; enterpriseIds: ReadonlySet<string> } | null;
  /**
   * Font size of the cards' text, CSS px. The diagram is laid out for its panel and drawn at zoom
   * 1, so this is the size a reader sees (13 on a laptop, 15 on a large screen, 20 on a projector).
   */
  fontPx: number;
  /**
   * A change line per link when two rounds or a scenario are compared (e.g. '−0.2亿元\n判定变化'),
   * drawn on its own line(s) under the overlay's figure; absent outside a comparison.
   */
  deltas?: ReadonlyMap<string, string>;
}

/** The panel the diagram is laid out for, CSS px. */
export interface GraphFrame {
  width: number;
  height: number;
}

/** Longest a link name may wrap to, in lines (the card grows; nothing is cut). */
const MAX_NAME_LINES = 6;
/** Widest a card gets, in em (a wider panel spreads the columns, not the cards). */
const MAX_CARD_EM = 16;
/** Narrowest a card gets, in em. */
const MIN_CARD_EM = 5.5;
/** Between a name and its figure when both fit on one line of a card. */
const INLINE_GAP = ' · ';
/** Safety factor on the estimated advance width of a line (the estimate is per character class). */
const TEXT_SLACK = 1.08;

const PIE_OVERLAYS: ReadonlySet<Overlay> = new Set(['role', 'size', 'srdi']);
/**
 * Overlays that classify each firm (role, size, SRDI tier): a link shows their mix as a stacked bar
 * (and in the link list a small pie) rather than one group class.
 * @example isPieOverlay('role') // true; isPieOverlay('verdict') // false
 */
export const isPieOverlay = (overlay: Overlay): boolean => PIE_OVERLAYS.has(overlay);

export type BadgeKind = 'choke' | 'weak' | 'advantage' | 'extension' | 'leader';

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
  const leaderText = leaders > 0 ? `${LEADERS_TEXT[lang]}${leaders}` : '';
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
 * role, size and SRDI the colour of its largest class (the card shows the whole mix as a bar).
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

// ---------------------------------------------------------------- labels

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;
/** A Chinese character: a run holding one may break between characters; punctuation alone may not. */
const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/u;
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
    // A Latin run may break after a slash ('IGBT/' + 'SiC'), as browsers break URLs.
    const afterSlash = last?.text.endsWith('/') === true;
    if (last && !space && (glueNext || CLOSING.test(piece) || (latinRun && !afterSlash)))
      last.text += piece;
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
    if (emWidth(part.text) <= maxEm || !IDEOGRAPH.test(part.text)) return [part];
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

const classes = (...names: (string | false | null | undefined)[]) =>
  names.filter(Boolean).join(' ');

/**
 * The overlay's figure for a link, as its card's last line: the firm count, and the gap or the gap
 * ratio under those overlays. The verdict is the card's colour (the legend names it); categorical
 * overlays show their mix as a bar under the text.
 * @example cardFigure('gap', { enterprises: 35, coverage: { gap: 21000, … } }, 'zh') // '35家 · 2.1亿元'
 */
export function cardFigure(overlay: Overlay, stat: LinkStat | undefined, lang: Lang): string {
  const zh = lang === 'zh';
  const n = stat?.enterprises ?? 0;
  const count = zh ? `${formatCount(n, lang)}家` : `${formatCount(n, lang)} firms`;
  if (!stat || n === 0) return count;
  const c = stat.coverage;
  const part =
    overlay === 'gap'
      ? formatWan(c.gap, lang)
      : overlay === 'gapRatio'
        ? `${zh ? '缺口' : 'gap '}${formatShare(c.need > 0 ? c.gap / c.need : null, lang)}`
        : null;
  return part ? `${count} · ${part}` : count;
}

/** Mixes a colour with white: `amount` 0 keeps it, 1 gives white. */
export function tint(hex: string, amount: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const v = Number.parseInt(m[1] ?? '0', 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const r = mix((v >> 16) & 255);
  const g = mix((v >> 8) & 255);
  const b = mix(v & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/**
 * Width in em of the longest piece of a name that cannot be broken (a Latin word, with the
 * punctuation glued to it); a run of Chinese characters breaks anywhere.
 * @example longestWordEm('功率半导体（IGBT/SiC）') // 3.75 ('（IGBT/')
 */
export const longestWordEm = (text: string): number =>
  Math.max(1, ...chunks(text).map((c) => (IDEOGRAPH.test(c.text) ? 1 : emWidth(c.text))));

/** The card metrics of a font size: padding, line height, the bar of categorical overlays. */
export function cardMetrics(fontPx: number) {
  return {
    padX: Math.round(fontPx * 0.6),
    padY: Math.round(fontPx * 0.45),
    lineHeight: 1.25,
    line: fontPx * 1.25,
    bar: Math.max(6, Math.round(fontPx * 0.5)),
    badgePx: Math.max(12, fontPx - 1),
  };
}

/** Room a badge takes over the top of its card (it sits on the card's top edge), px. */
export const badgeRoom = (fontPx: number) => Math.round(cardMetrics(fontPx).badgePx * 0.7);

export interface CardText {
  /** The name broken into lines, then the figure line(s); or `name · figure` on one line when both fit. */
  label: string;
  lines: number;
  /** Room at the top of the card for its badge, px. */
  top: number;
  size: CardSize;
}

/**
 * The text of every link's card and the card size it needs, for a card width chosen from the
 * panel: the columns' share of the panel's width less the gutter, at least the chain's longest
 * unbreakable word (and 5.5 em), at most 16 em.
 */
export function cardTexts(
  links: readonly Link[],
  figures: ReadonlyMap<string, string>,
  opts: {
    lang: Lang;
    fontPx: number;
    columnShare: number;
    gutter: number;
    bar: boolean;
    /** Links whose card carries a badge (its top keeps room for it). */
    badged: ReadonlySet<string>;
  },
): Map<string, CardText> {
  const m = cardMetrics(opts.fontPx);
  const F = opts.fontPx;
  const words = Math.max(
    MIN_CARD_EM,
    ...links.map((l) => longestWordEm(linkName(l, opts.lang)) * TEXT_SLACK),
  );
  const minWidth = words * F + 2 * m.padX;
  const width = Math.round(
    Math.min(MAX_CARD_EM * F + 2 * m.padX, Math.max(minWidth, opts.columnShare - opts.gutter)),
  );
  const maxEm = (width - 2 * m.padX) / F / TEXT_SLACK;
  const out = new Map<string, CardText>();
  for (const link of links) {
    const full = linkName(link, opts.lang);
    const fig = figures.get(link.id) ?? '';
    // A wide card holds the name and its figure on one line (a short card: more fit a column).
    const oneLine = `${full}${INLINE_GAP}${fig}`;
    // A figure of several parts (a comparison's change line) wraps part by part.
    const label =
      fig && !fig.includes('\n') && emWidth(oneLine) <= maxEm
        ? oneLine
        : [
            wrapLabel(full, maxEm, MAX_NAME_LINES),
            ...fig.split('\n').map((f) => wrapLabel(f, maxEm, 2)),
          ]
            .filter(Boolean)
            .join('\n');
    const lines = label.split('\n').length;
    const top = opts.badged.has(link.id) ? badgeRoom(F) : 0;
    const height = Math.round(2 * m.padY + top + lines * m.line + (opts.bar ? m.bar + m.padY : 0));
    out.set(link.id, { label, lines, top, size: { width, height } });
  }
  return out;
}

/**
 * The narrowest panel a chain's diagram fits at a font size without panning: every column as wide
 * as the chain's narrowest card (its longest unbreakable word, at least 5.5 em) plus the gutter.
 * The Atlas stacks the chain over the map when the side-by-side pane is narrower than this.
 * @example diagramMinWidth(links, 'zh', 13) // 6 layers, no word over 5.5 em: 6 × (88 + 18) + 16 = 652
 */
export function diagramMinWidth(links: readonly Link[], lang: Lang, fontPx: number): number {
  const m = cardMetrics(fontPx);
  const layers = layerSpan(links);
  const words = Math.max(
    MIN_CARD_EM,
    ...links.map((l) => longestWordEm(linkName(l, lang)) * TEXT_SLACK),
  );
  const card = Math.round(words * fontPx + 2 * m.padX);
  return layers * (card + gutterOf(fontPx)) + 2 * DIAGRAM_MARGIN;
}

/**
 * Columns a chain's diagram has: every layer from the first to the last (a layer without links
 * still holds the slots of the edges that cross it).
 */
const layerSpan = (links: readonly Link[]) =>
  links.length === 0
    ? 1
    : Math.max(...links.map((l) => l.layer)) - Math.min(...links.map((l) => l.layer)) + 1;

/** Room between two columns of cards, px. */
const gutterOf = (fontPx: number) => Math.max(18, Math.round(fontPx * 1.4));
/** Margin around the diagram, px. */
const DIAGRAM_MARGIN = 8;

/** The stage a column shows in its header: the most common stage of its links (ties: upstream first). */
function columnStage(linkIds: readonly string[], linkById: ReadonlyMap<string, Link>): Stage {
  const order: Stage[] = ['upstream', 'midstream', 'downstream'];
  const counts = new Map<Stage, number>();
  for (const id of linkIds) {
    const stage = linkById.get(id)?.stage;
    if (stage) counts.set(stage, (counts.get(stage) ?? 0) + 1);
  }
  let best: Stage = 'midstream';
  let most = -1;
  for (const s of order) {
    const c = counts.get(s) ?? 0;
    if (c > most) {
      best = s;
      most = c;
    }
  }
  return best;
}

/** Layout per chain, link list, text and frame: a filter or a selection does not lay out again. */
let lastLayout: { key: string; layout: CardLayout } | null = null;

/**
 * The cytoscape elements of the chain diagram for a panel of `frame` px, in a stable order: stage
 * headers, link cards (chain order), their bars and badges, then supply and feedback edges. Drawn
 * at zoom 1, a card's text renders at `input.fontPx`. Edges that bend carry `segWeights` /
 * `segDistances` for cytoscape's `segments` curve style.
 * @example
 * buildGraphElements({ chain, links, lang: 'zh', overlay: 'verdict', fontPx: 13, … }, { width: 800, height: 500 })
 *   .filter((e) => e.classes?.includes('link')).map((e) => e.data.id)
 * // ['t.up', 't.mid', 't.down', 't.ext']
 */
export function buildGraphElements(input: GraphInput, frame: GraphFrame): ElementDefinition[] {
  const { chain, lang, overlay, linkStats, highlight, selectedLinkId, fontPx } = input;
  const linkById = new Map(input.links.map((l) => [l.id, l] as const));
  const links = chain.linkIds.flatMap((id) => linkById.get(id) ?? []);
  const m = cardMetrics(fontPx);
  const categorical = isPieOverlay(overlay);
  const layers = layerSpan(links);
  const margin = DIAGRAM_MARGIN;
  const gutter = gutterOf(fontPx);
  const header = Math.round(fontPx * 1.25 + 14);
  const figures = new Map(
    links.map((l) => {
      const figure = cardFigure(overlay, linkStats.get(l.id), lang);
      const delta = input.deltas?.get(l.id);
      return [l.id, delta ? `${figure}\n${delta}` : figure];
    }),
  );
  const texts = cardTexts(links, figures, {
    lang,
    fontPx,
    columnShare: (frame.width - 2 * margin) / layers,
    gutter,
    bar: categorical,
    badged: new Set(
      links.filter((l) => linkBadge(l, linkStats.get(l.id)?.leaders ?? 0, lang)).map((l) => l.id),
    ),
  });
  const sizes = new Map([...texts].map(([id, t]) => [id, t.size] as const));
  // Feedback loops (recycling back upstream) run under the cards: the layout keeps room for them.
  const loops = chain.edges.filter((e) => e.kind === 'feedback').length;
  const loopRow = fontPx * 1.6;
  const key = JSON.stringify([
    chain.id,
    links.map((l) => [l.id, l.layer]),
    chain.edges.map((e) => [e.from, e.to, e.kind]),
    [...sizes.values()].map((s) => [s.width, s.height]),
    frame.width,
    frame.height,
    fontPx,
  ]);
  const layout =
    lastLayout?.key === key
      ? lastLayout.layout
      : layoutCards(chain, links, sizes, {
          width: frame.width,
          height: frame.height,
          gutter,
          // Room for the upper half of a badge that sits on a card's top edge.
          minGap: Math.round(m.badgePx * 0.8),
          maxGap: Math.round(fontPx * 3),
          header,
          margin,
          footer: loops > 0 ? Math.round(0.9 * loopRow + 16 * loops) : 0,
        });
  lastLayout = { key, layout };
  const pos = layout.positions;

  const isHighlighted = (id: string) => highlight?.linkIds.has(id) === true;
  const isDimmed = (id: string) =>
    highlight !== null && !isHighlighted(id) && id !== selectedLinkId;

  const out: ElementDefinition[] = [];
  // Stage headers: one over each run of neighbouring columns with the same stage.
  const runs: { stage: Stage; from: number; to: number }[] = [];
  layout.columns.forEach((col, i) => {
    const last = runs[runs.length - 1];
    // A column of edge slots only (no link) belongs to the stage before it.
    const stage =
      col.linkIds.length === 0 && last ? last.stage : columnStage(col.linkIds, linkById);
    if (last && last.stage === stage) last.to = i;
    else runs.push({ stage, from: i, to: i });
  });
  for (const run of runs) {
    const a = layout.columns[run.from];
    const b = layout.columns[run.to];
    if (!a || !b) continue;
    const half = layout.columnGap / 2;
    out.push({
      group: 'nodes',
      data: {
        id: `stage:${run.from}`,
        kind: 'stage',
        label: STAGE_TEXT[run.stage][lang],
        fontSize: fontPx,
        width: round(b.x - a.x + 2 * half - 10),
        height: header - 8,
      },
      position: { x: round((a.x + b.x) / 2), y: round(margin + (header - 8) / 2) },
      classes: classes('stage', run.stage),
    });
  }

  const extras: ElementDefinition[] = [];
  for (const link of links) {
    const p = pos.get(link.id);
    const text = texts.get(link.id);
    if (!p || !text) continue;
    const stat = linkStats.get(link.id);
    const { width, height } = text.size;
    const color = linkColor(overlay, stat);
    const dimmed = isDimmed(link.id);
    const barSpace = categorical ? m.bar + m.padY : 0;
    out.push({
      group: 'nodes',
      data: {
        id: link.id,
        kind: 'link',
        label: text.label,
        name: linkName(link, lang),
        delta: input.deltas?.get(link.id) ?? '',
        color,
        fill: categorical ? '#ffffff' : tint(color, 0.8),
        border: categorical ? '#8a96a3' : color,
        width,
        height,
        fontSize: fontPx,
        textMax: width + 200,
        textDy: round((text.top - barSpace) / 2),
      },
      position: { ...p },
      classes: classes(
        'link',
        link.isWeak && 'weak',
        link.isAdvantage && 'advantage',
        link.isExtension && 'extension',
        link.id === selectedLinkId && 'selected',
        isHighlighted(link.id) && 'highlighted',
        dimmed && 'dimmed',
      ),
    });
    if (categorical && stat) {
      const slices = pieSlices(overlay, stat.mix).filter((s) => s.percent > 0);
      if (slices.length > 0) {
        const colors: string[] = [];
        const stops: number[] = [];
        let at = 0;
        for (const s of slices) {
          // Hard stops: each class a solid segment of the bar.
          colors.push(s.color, s.color);
          stops.push(round(at, 2), round(at + s.percent, 2));
          at += s.percent;
        }
        extras.push({
          group: 'nodes',
          data: {
            id: `${link.id}::bar`,
            kind: 'bar',
            linkId: link.id,
            width: width - 2 * m.padX,
            height: m.bar,
            stopColors: colors.join(' '),
            stopPositions: stops.map((s) => `${s}%`).join(' '),
          },
          position: { x: p.x, y: round(p.y + height / 2 - m.padY - m.bar / 2) },
          classes: classes('bar', dimmed && 'dimmed'),
        });
      }
    }
    const badge = linkBadge(link, stat?.leaders ?? 0, lang);
    if (badge) {
      const badgeWidth = emWidth(badge.text) * m.badgePx * TEXT_SLACK + 8;
      extras.push({
        group: 'nodes',
        data: {
          id: `${link.id}::badge`,
          kind: 'badge',
          linkId: link.id,
          label: badge.text,
          color: BADGE_COLORS[badge.kind],
          fontSize: m.badgePx,
        },
        position: {
          x: round(p.x - width / 2 + Math.min(width, badgeWidth) / 2 + 4),
          y: round(p.y - height / 2),
        },
        classes: classes('badge', badge.kind, dimmed && 'dimmed'),
      });
    }
  }
  out.push(...extras);

  // Feedback loops run over the top or under the bottom of the cards, out of a card's right side.
  const cardEdges: Point[] = [];
  for (const [id, p] of pos) {
    const h = sizes.get(id)?.height ?? 0;
    cardEdges.push({ x: p.x, y: p.y - h / 2 }, { x: p.x, y: p.y + h / 2 });
  }
  const stubs = new Map([...sizes].map(([id, s]) => [id, s.width / 2 + gutter / 3] as const));
  const feedback = routeFeedbackEdges(chain, pos, {
    columnGap: layout.columnGap,
    rowGap: loopRow,
    extraPoints: cardEdges,
    minStub: stubs,
    side: 'bottom',
  });
  const seen = new Set<string>();
  for (const edge of chain.edges) {
    const id = edgeId(edge.from, edge.to);
    const s = pos.get(edge.from);
    const t = pos.get(edge.to);
    if (!s || !t || seen.has(id)) continue;
    seen.add(id);
    const bends = edge.kind === 'feedback' ? feedback.get(id) : layout.bends.get(id);
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
  return out;
}

/**
 * The drawing's extent for a frame (what the adapter centres or lets the user pan over).
 * @example graphBounds(input, { width: 800, height: 500 }) // { x1: 0, y1: 0, x2: 800, y2: 500 }
 */
export function graphBounds(input: GraphInput, frame: GraphFrame): CardLayout['bounds'] {
  buildGraphElements(input, frame);
  return lastLayout?.layout.bounds ?? { x1: 0, y1: 0, x2: frame.width, y2: frame.height };
}
