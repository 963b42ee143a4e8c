import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { GroupCoverage } from '../analysis/coverage';
import { createLink, createTestChain, createTestLinks } from '../analysis/test-fixtures';
import type { Link } from '../domain/schema';
import {
  NO_DATA_COLOR,
  ROLE_COLORS,
  SIZE_COLORS,
  SRDI_COLORS,
  type Overlay,
} from '../overlays/overlays';
import {
  BADGE_COLORS,
  badgeRoom,
  buildGraphElements,
  cardFigure,
  cardMetrics,
  cardTexts,
  diagramMinWidth,
  emWidth,
  graphBounds,
  linkBadge,
  linkColor,
  longestWordEm,
  pieSlices,
  tint,
  truncateLabel,
  wrapLabel,
  type GraphFrame,
  type GraphInput,
  type LinkStat,
} from './elements';

function createCoverage(over: Partial<GroupCoverage> = {}): GroupCoverage {
  return {
    enterprises: 10,
    smes: 10,
    coveredSmes: 5,
    zeroCreditSmes: 5,
    enterpriseCoverage: 0.5,
    need: 1000,
    needMet: 500,
    needCoverage: 0.5,
    gap: 500,
    lenderIds: ['b1', 'b2'],
    lenderCount: 2,
    topLenderShare: 0.6,
    hhi: 0.52,
    verdict: 'partial',
    reason: { code: 'PARTIAL_COVERAGE', value: 0.5, threshold: 0.7 },
    ...over,
  };
}

function createStat(over: Partial<LinkStat> = {}): LinkStat {
  return { coverage: createCoverage(), enterprises: 10, leaders: 0, mix: {}, ...over };
}

function createInput(over: Partial<GraphInput> = {}): GraphInput {
  return {
    chain: createTestChain(),
    links: createTestLinks(),
    lang: 'zh',
    overlay: 'verdict',
    linkStats: new Map(),
    selectedLinkId: null,
    highlight: null,
    fontPx: 13,
    ...over,
  };
}

/**
 * The test chain drawn at 13 px in an 800 × 400 panel. Worked out once here for the tests below:
 * - metrics at 13 px: padX 8, padY 6, line 16.25, bar 7, badge font 12, badge room round(8.4) = 8;
 *   margin 8, gutter max(18, round(18.2)) = 18, header round(16.25 + 14) = 30.
 * - 4 layers: column share (800 − 16) / 4 = 196; card width round(min(16 em = 208 + 16,
 *   max(5.5 em = 71.5 + 16, 196 − 18))) = 178, so columnGap = max(196, 178 + 18) = 196 and the
 *   columns sit at x = 8 + 196 × (i + ½) = 106, 302, 498, 694.
 * - a line holds (178 − 16) / 13 / 1.08 = 11.54 em, so '上游 · 0家' (4.7 em) is one line:
 *   height round(2 × 6 + 16.25) = 28, with a badge + 8 = 36; under a categorical overlay
 *   + bar 7 + padY 6: 41 / 49.
 * - one feedback loop: footer round(0.9 × 20.8 + 16) = 35; the cards are centred in the room
 *   between the header (top 38) and the footer: 400 − 38 − 8 − 35 = 319, centre y = 38 + 159.5.
 */
const FRAME: GraphFrame = { width: 800, height: 400 };
const COLUMN_X = [106, 302, 498, 694];
const CARD_Y = 197.5;

const build = (over: Partial<GraphInput> = {}, frame: GraphFrame = FRAME) =>
  buildGraphElements(createInput(over), frame);

const byId = (elements: ElementDefinition[], id: string) => {
  const found = elements.find((e) => e.data.id === id);
  if (!found) throw new Error(`no element ${id}`);
  return found;
};
const classesOf = (elements: ElementDefinition[], id: string) =>
  String(byId(elements, id).classes ?? '')
    .split(' ')
    .filter(Boolean);
const ofKind = (elements: ElementDefinition[], kind: string) =>
  elements.filter((e) => e.data.kind === kind);

describe('buildGraphElements', () => {
  it('buildGraphElements() adds a comparison’s change line to a card and keeps it as data', () => {
    const deltas = new Map([['t.mid', '−1.8亿元\n判定变化']]);
    const els = build({ deltas });
    // name, count, then the change lines, each on its own line
    expect(byId(els, 't.mid').data.label).toBe('中游\n0家\n−1.8亿元\n判定变化');
    expect(byId(els, 't.mid').data.delta).toBe('−1.8亿元\n判定变化');
    expect(byId(els, 't.up').data.delta).toBe('');
    expect(byId(build(), 't.mid').data.label).toBe('中游 · 0家');
  });

  it('buildGraphElements() gives stage headers, cards in chain order, badges, then edges', () => {
    // t.up weak, t.mid advantage, t.ext extension carry badges; t.down has none.
    expect(build().map((e) => e.data.id)).toEqual([
      'stage:0',
      'stage:1',
      'stage:2',
      't.up',
      't.mid',
      't.down',
      't.ext',
      't.up::badge',
      't.mid::badge',
      't.ext::badge',
      't.up->t.mid',
      't.mid->t.down',
      't.down->t.ext',
      't.ext->t.up',
    ]);
  });

  it('buildGraphElements() puts one header over neighbouring columns of the same stage', () => {
    const stages = ofKind(build(), 'stage');
    // columns 上游 | 中游 | 下游 下游: the two downstream columns (498, 694) share one header,
    // as wide as both columns less 10 px: 196 + 196 − 10; header node height 30 − 8 = 22.
    expect(stages.map((e) => [e.data.label, e.position, e.data.width, e.classes])).toEqual([
      ['上游', { x: 106, y: 19 }, 186, 'stage upstream'],
      ['中游', { x: 302, y: 19 }, 186, 'stage midstream'],
      ['下游', { x: 596, y: 19 }, 382, 'stage downstream'],
    ]);
    expect(stages.map((e) => [e.data.height, e.data.fontSize])).toEqual([
      [22, 13],
      [22, 13],
      [22, 13],
    ]);
  });

  it('buildGraphElements() names a header in the language', () => {
    expect(ofKind(build({ lang: 'en' }), 'stage').map((e) => e.data.label)).toEqual([
      'Upstream',
      'Midstream',
      'Downstream',
    ]);
  });

  it('buildGraphElements() heads a column with its most common stage, a tie going upstream', () => {
    // column 0: u (upstream); column 1: m1 (midstream) and u2 (upstream), a tie → upstream, so
    // it merges with column 0; column 2: m2, m3 (midstream) and d (downstream) → midstream.
    const links = [
      createLink({ id: 'x.u', stage: 'upstream', layer: 0 }),
      createLink({ id: 'x.m1', stage: 'midstream', layer: 1 }),
      createLink({ id: 'x.u2', stage: 'upstream', layer: 1 }),
      createLink({ id: 'x.m2', stage: 'midstream', layer: 2 }),
      createLink({ id: 'x.m3', stage: 'midstream', layer: 2 }),
      createLink({ id: 'x.d', stage: 'downstream', layer: 2 }),
    ];
    const chain = createTestChain({ id: 'x', linkIds: links.map((l) => l.id), edges: [] });
    const stages = ofKind(build({ chain, links }), 'stage');
    expect(stages.map((e) => [e.data.id, e.data.label])).toEqual([
      ['stage:0', '上游'],
      ['stage:2', '中游'],
    ]);
  });

  it('buildGraphElements() lays the cards out in columns across the panel, drawn at zoom 1', () => {
    const elements = build();
    expect(ofKind(elements, 'link').map((e) => [e.data.id, e.position])).toEqual([
      ['t.up', { x: COLUMN_X[0], y: CARD_Y }],
      ['t.mid', { x: COLUMN_X[1], y: CARD_Y }],
      ['t.down', { x: COLUMN_X[2], y: CARD_Y }],
      ['t.ext', { x: COLUMN_X[3], y: CARD_Y }],
    ]);
    expect(ofKind(elements, 'link').map((e) => [e.data.width, e.data.height])).toEqual([
      [178, 36],
      [178, 36],
      [178, 28],
      [178, 36],
    ]);
    // the font size is the rendered size: no scaling anywhere
    expect(ofKind(elements, 'link').every((e) => e.data.fontSize === 13)).toBe(true);
  });

  it('buildGraphElements() fills a card with its overlay colour tinted and borders it in full', () => {
    const stat = createStat({
      enterprises: 35,
      coverage: createCoverage({ verdict: 'covered' }),
    });
    const card = byId(build({ linkStats: new Map([['t.mid', stat]]) }), 't.mid');
    // covered #1a9850 mixed 80 % with white: 26 + 229 × .8 = 209 (d1), 152 + 103 × .8 = 234 (ea),
    // 80 + 175 × .8 = 220 (dc)
    expect(card.data).toMatchObject({
      kind: 'link',
      label: '中游 · 35家',
      name: '中游',
      color: '#1a9850',
      fill: '#d1eadc',
      border: '#1a9850',
      width: 178,
      height: 36,
      fontSize: 13,
      // lines arrive broken: cytoscape's own wrapping width is out of the way
      textMax: 378,
      // the text sits below the badge room: 8 / 2
      textDy: 4,
    });
  });

  it('buildGraphElements() keeps the text centred on a card without badge', () => {
    expect(byId(build(), 't.down').data.textDy).toBe(0);
  });

  it.each([
    // name · figure on one line when it fits the 11.54 em of a line: 10.05 em
    ['zh', 'gap', '中游 · 35家 · 2.1亿元'],
    // 'Mid · 35 firms · CNY 210m' is 12.25 em: the figure takes a line of its own
    ['en', 'gap', 'Mid\n35 firms · CNY 210m'],
    // 11.15 em
    ['zh', 'gapRatio', '中游 · 35家 · 缺口37.5%'],
    ['en', 'verdict', 'Mid · 35 firms'],
  ] as const)('buildGraphElements() labels a card in %s under %s', (lang, overlay, label) => {
    const stat = createStat({
      enterprises: 35,
      coverage: createCoverage({ gap: 21000, need: 56000 }),
    });
    // gapRatio: 21,000 of 56,000 = 37.5 %
    expect(
      byId(build({ lang, overlay, linkStats: new Map([['t.mid', stat]]) }), 't.mid').data.label,
    ).toBe(label);
  });

  it.each([
    ['verdict', createStat({ coverage: createCoverage({ verdict: 'covered' }) }), '#1a9850'],
    // 25,000 万元 for a group is class d (2,000–10,000 at enterprise scale, ×10 for groups)
    ['gap', createStat({ coverage: createCoverage({ gap: 25000 }) }), '#c2410c'],
    // 300 of 1,000 unmet: ratio 0.3 is class low
    ['gapRatio', createStat({ coverage: createCoverage({ gap: 300, need: 1000 }) }), '#fdd0a2'],
    ['role', createStat({ mix: { fill: 3, general: 1 } }), ROLE_COLORS.fill],
    ['size', createStat({ mix: { micro: 2, small: 1 } }), SIZE_COLORS.micro],
  ] as const)(
    'buildGraphElements() colours a link under the %s overlay',
    (overlay, stat, color) => {
      const elements = build({ overlay, linkStats: new Map([['t.mid', stat]]) });
      expect(byId(elements, 't.mid').data.color).toBe(color);
    },
  );

  it('buildGraphElements() colours a link without figures as “no data”', () => {
    const card = byId(build(), 't.mid');
    expect([card.data.color, card.data.border]).toEqual([NO_DATA_COLOR, NO_DATA_COLOR]);
  });

  it('buildGraphElements() draws the role mix as a bar of hard stops summing to 100 %', () => {
    const stat = createStat({ enterprises: 4, mix: { strengthen: 1, fill: 2, general: 1 } });
    const elements = build({ overlay: 'role', linkStats: new Map([['t.mid', stat]]) });
    const bar = byId(elements, 't.mid::bar');
    // legend order: strengthen 25 %, (stabilize 0), fill 50 %, (extend, leader 0), general 25 %
    expect(bar.data).toMatchObject({
      kind: 'bar',
      linkId: 't.mid',
      stopColors: [
        ROLE_COLORS.strengthen,
        ROLE_COLORS.strengthen,
        ROLE_COLORS.fill,
        ROLE_COLORS.fill,
        ROLE_COLORS.general,
        ROLE_COLORS.general,
      ].join(' '),
      stopPositions: '0% 25% 25% 75% 75% 100%',
      // the card's inner width (178 − 2 × 8) and the bar height at 13 px
      width: 162,
      height: 7,
    });
    // at the card's foot: 197.5 + 49 / 2 − 6 − 7 / 2
    expect(bar.position).toEqual({ x: COLUMN_X[1], y: 212.5 });
    expect(bar.classes).toBe('bar');
  });

  it('buildGraphElements() gives a categorical card a white fill, a grey border and room for its bar', () => {
    const stat = createStat({ enterprises: 4, mix: { fill: 4 } });
    const card = byId(build({ overlay: 'role', linkStats: new Map([['t.mid', stat]]) }), 't.mid');
    // one line + badge + bar 7 + padY 6, rounded: 12 + 8 + 16.25 + 13 = 49.25 → 49
    expect(card.data).toMatchObject({
      fill: '#ffffff',
      border: '#8a96a3',
      height: 49,
      label: '中游 · 4家',
      // badge room 8 above, bar room 13 below: (8 − 13) / 2
      textDy: -2.5,
    });
  });

  it.each([
    [
      'role',
      { stabilize: 1, leader: 3 },
      [ROLE_COLORS.stabilize, ROLE_COLORS.leader],
      '0% 25% 25% 100%',
    ],
    ['size', { medium: 1, micro: 1 }, [SIZE_COLORS.medium, SIZE_COLORS.micro], '0% 50% 50% 100%'],
    [
      'srdi',
      { little_giant: 1, srdi: 1, none: 2 },
      [SRDI_COLORS.little_giant, SRDI_COLORS.srdi, SRDI_COLORS.none],
      '0% 25% 25% 50% 50% 100%',
    ],
  ] as const)(
    'buildGraphElements() draws a bar under the %s overlay',
    (overlay, mix, colors, positions) => {
      const stat = createStat({ mix });
      const bar = byId(build({ overlay, linkStats: new Map([['t.up', stat]]) }), 't.up::bar');
      expect(bar.data.stopColors).toBe(colors.flatMap((c) => [c, c]).join(' '));
      expect(bar.data.stopPositions).toBe(positions);
    },
  );

  it.each(['gap', 'gapRatio', 'verdict'] as const)(
    'buildGraphElements() draws no bar under the %s overlay',
    (overlay) => {
      const stat = createStat({ mix: { fill: 2, general: 1 } });
      const elements = build({ overlay, linkStats: new Map([['t.mid', stat]]) });
      expect(ofKind(elements, 'bar')).toEqual([]);
      // and the card keeps no room for one: 36 px with its badge (its text fits one line)
      expect(byId(elements, 't.mid').data.height).toBe(36);
    },
  );

  it('buildGraphElements() draws no bar for a link without firms', () => {
    const elements = build({ overlay: 'role', linkStats: new Map([['t.mid', createStat()]]) });
    expect(ofKind(elements, 'bar')).toEqual([]);
  });

  it('buildGraphElements() puts a badge in its colour on the top edge of its card, at the left', () => {
    const badge = byId(build(), 't.up::badge');
    // '短板' is 2 em at 12 px: 2 × 12 × 1.08 + 8 = 33.92 wide; card left edge 106 − 89 = 17,
    // so the centre is 17 + 16.96 + 4; the top edge is 197.5 − 36 / 2.
    expect(badge.position).toEqual({ x: 37.96, y: 179.5 });
    expect(badge.data).toMatchObject({
      kind: 'badge',
      linkId: 't.up',
      label: '短板',
      color: BADGE_COLORS.weak,
      fontSize: 12,
    });
    expect(badge.classes).toBe('badge weak');
  });

  it('buildGraphElements() gives a link with leaders a badge and room for it', () => {
    const linkStats = new Map([['t.down', createStat({ leaders: 2 })]]);
    const elements = build({ linkStats });
    expect(byId(elements, 't.down::badge').data.label).toBe('链主×2');
    expect(byId(elements, 't.down').data.height).toBe(36);
  });

  it('buildGraphElements() marks the selected link, the highlighted ones and dims the rest', () => {
    const elements = build({
      overlay: 'role',
      linkStats: new Map([['t.ext', createStat({ mix: { fill: 1 } })]]),
      selectedLinkId: 't.down',
      highlight: { linkIds: new Set(['t.up', 't.mid']), enterpriseIds: new Set() },
    });
    expect(classesOf(elements, 't.up')).toEqual(['link', 'weak', 'highlighted']);
    expect(classesOf(elements, 't.mid')).toEqual(['link', 'advantage', 'highlighted']);
    // the selected link stays visible even outside the highlight
    expect(classesOf(elements, 't.down')).toEqual(['link', 'selected']);
    expect(classesOf(elements, 't.ext')).toEqual(['link', 'extension', 'dimmed']);
    expect(classesOf(elements, 't.ext::badge')).toEqual(['badge', 'extension', 'dimmed']);
    expect(classesOf(elements, 't.ext::bar')).toEqual(['bar', 'dimmed']);
    expect(classesOf(elements, 't.up->t.mid')).toEqual(['supply']);
    expect(classesOf(elements, 't.mid->t.down')).toEqual(['supply', 'adjacent', 'dimmed']);
    expect(classesOf(elements, 't.ext->t.up')).toEqual(['feedback', 'routed', 'dimmed']);
  });

  it('buildGraphElements() dims nothing without a highlight', () => {
    const elements = build({ selectedLinkId: 't.mid' });
    expect(elements.filter((e) => String(e.classes).includes('dimmed'))).toEqual([]);
    expect(classesOf(elements, 't.mid')).toEqual(['link', 'advantage', 'selected']);
    expect(classesOf(elements, 't.up->t.mid')).toEqual(['supply', 'adjacent']);
  });

  it('buildGraphElements() switches names, figures and badges with the language', () => {
    const linkStats = new Map([['t.up', createStat({ leaders: 2, enterprises: 3 })]]);
    const zh = build({ linkStats });
    const en = build({ linkStats, lang: 'en' });
    expect([byId(zh, 't.up').data.label, byId(en, 't.up').data.label]).toEqual([
      '上游 · 3家',
      'Up · 3 firms',
    ]);
    expect([byId(zh, 't.up::badge').data.label, byId(en, 't.up::badge').data.label]).toEqual([
      '短板 · 链主×2',
      'Weak link · Leaders×2',
    ]);
  });

  it('buildGraphElements() wraps a long name to a narrow card and makes the card taller', () => {
    const links = createTestLinks().map((l) =>
      l.id === 't.mid' ? { ...l, nameZh: '动力电池回收利用' } : l,
    );
    // 300 px for 4 columns: share 71, so the card keeps its 5.5 em minimum: round(71.5 + 16) = 88;
    // (88 − 16) / 13 / 1.08 = 5.13 em a line → 动力电池 | 回收利用 | 0家; 12 + 8 + 3 × 16.25 → 69
    const card = byId(build({ links }, { width: 300, height: 400 }), 't.mid');
    expect(card.data.label).toBe('动力电池\n回收利用\n0家');
    expect([card.data.width, card.data.height]).toEqual([88, 69]);
  });

  it('buildGraphElements() draws supply edges between neighbouring columns straight', () => {
    const edge = byId(build(), 't.up->t.mid');
    expect(edge.classes).toBe('supply');
    expect(edge.data).toEqual({
      id: 't.up->t.mid',
      source: 't.up',
      target: 't.mid',
      kind: 'supply',
    });
  });

  it('buildGraphElements() routes the feedback edge under the cards', () => {
    const edge = byId(build(), 't.ext->t.up');
    expect(classesOf([edge], 't.ext->t.up')).toEqual(['feedback', 'routed']);
    // Lowest card edge 197.5 + 36 / 2 = 215.5; the loop runs 0.9 × (1.6 × 13) = 18.72 below it.
    // Stubs clear the cards: max(0.4 × 196, 178 / 2 + 18 / 3) = 95, so the loop is
    // (789, 197.5) → (789, 234.22) → (11, 234.22) → (11, 197.5) on the leftward edge from
    // t.ext (694) to t.up (106): weight = (694 − x) / 588, distance = 197.5 − y (negative: below).
    expect(edge.data.segWeights).toEqual([-0.1616, -0.1616, 1.1616, 1.1616]);
    expect(edge.data.segDistances).toEqual([0, -36.72, -36.72, 0]);
  });

  it('buildGraphElements() keeps the cards’ size when the panel is too narrow: the drawing grows', () => {
    const elements = build({}, { width: 300, height: 400 });
    // cards at their 88 px minimum; columns 88 + 18 = 106 apart from x = 8 + 53
    expect(ofKind(elements, 'link').map((e) => e.position?.x)).toEqual([61, 167, 273, 379]);
    expect(graphBounds(createInput(), { width: 300, height: 400 })).toEqual({
      x1: 0,
      y1: 0,
      x2: 440,
      y2: 400,
    });
  });

  it('graphBounds() is the panel when the diagram fits in it', () => {
    expect(graphBounds(createInput(), FRAME)).toEqual({ x1: 0, y1: 0, x2: 800, y2: 400 });
  });

  it('buildGraphElements() is deterministic and does not mutate its input', () => {
    const input = createInput({
      overlay: 'role',
      linkStats: new Map([['t.mid', createStat({ mix: { fill: 1 } })]]),
      selectedLinkId: 't.mid',
      highlight: { linkIds: new Set(['t.mid']), enterpriseIds: new Set(['e1']) },
    });
    const before = structuredClone(input);
    const first = buildGraphElements(input, FRAME);
    // another layout in between must not leak into the next call
    buildGraphElements(createInput(), { width: 500, height: 300 });
    expect(buildGraphElements(input, FRAME)).toEqual(first);
    expect(input).toEqual(before);
  });
});

describe('cardFigure', () => {
  const stat = (enterprises: number, gap: number, need: number) =>
    createStat({ enterprises, coverage: createCoverage({ gap, need }) });

  it.each([
    ['verdict', 'zh', stat(35, 21000, 56000), '35家'],
    ['verdict', 'en', stat(35, 21000, 56000), '35 firms'],
    // 21,000 万元 = 2.1 亿元 = CNY 210m
    ['gap', 'zh', stat(35, 21000, 56000), '35家 · 2.1亿元'],
    ['gap', 'en', stat(35, 21000, 56000), '35 firms · CNY 210m'],
    ['gap', 'zh', stat(1234, 850, 1000), '1,234家 · 850万元'],
    // 375 of 1,000 unmet
    ['gapRatio', 'zh', stat(35, 375, 1000), '35家 · 缺口37.5%'],
    ['gapRatio', 'en', stat(35, 375, 1000), '35 firms · gap 37.5%'],
    // no need declared: no ratio, never 0 %
    ['gapRatio', 'zh', stat(35, 0, 0), '35家 · 缺口—'],
    // categorical overlays show their mix as a bar, not as a figure
    ['role', 'zh', stat(35, 21000, 56000), '35家'],
    ['srdi', 'en', stat(35, 21000, 56000), '35 firms'],
    // a link without firms shows only its count
    ['gap', 'zh', stat(0, 21000, 56000), '0家'],
  ] as const)('cardFigure(%s, …, %s) reads %j', (overlay, lang, s, expected) => {
    expect(cardFigure(overlay, s, lang)).toBe(expected);
  });

  it('cardFigure() counts no firms for a link without figures', () => {
    expect([cardFigure('gap', undefined, 'zh'), cardFigure('gap', undefined, 'en')]).toEqual([
      '0家',
      '0 firms',
    ]);
  });
});

describe('cardMetrics / badgeRoom', () => {
  it.each([
    // padX round(0.6 F), padY round(0.45 F), line 1.25 F, bar max(6, round(F / 2)), badge max(12, F − 1)
    [13, { padX: 8, padY: 6, lineHeight: 1.25, line: 16.25, bar: 7, badgePx: 12 }],
    [20, { padX: 12, padY: 9, lineHeight: 1.25, line: 25, bar: 10, badgePx: 19 }],
    [10, { padX: 6, padY: 5, lineHeight: 1.25, line: 12.5, bar: 6, badgePx: 12 }],
  ])('cardMetrics(%d)', (fontPx, expected) => {
    expect(cardMetrics(fontPx)).toEqual(expected);
  });

  it.each([
    [13, 8], // 12 × 0.7 = 8.4
    [20, 13], // 19 × 0.7 = 13.3
    [22, 15], // 21 × 0.7 = 14.7
  ])('badgeRoom(%d) is %d px', (fontPx, room) => {
    expect(badgeRoom(fontPx)).toBe(room);
  });
});

describe('cardTexts', () => {
  const zhLink = (id: string, nameZh: string): Link => createLink({ id, nameZh });
  /** At 10 px: padX 6, padY 5, a line 12.5, bar 6, badge room round(12 × 0.7) = 8. */
  const opts = (over: Partial<Parameters<typeof cardTexts>[2]> = {}) => ({
    lang: 'zh' as const,
    fontPx: 10,
    columnShare: 200,
    gutter: 20,
    bar: false,
    badged: new Set<string>(),
    ...over,
  });
  const figures = new Map([['a', '35家']]);

  it.each([
    // 16 em + 2 × 6 = 172 caps a wide column
    ['at most 16 em', 200, 172],
    // the column's share less the gutter: 100 − 20
    ['the column share less the gutter', 100, 80],
    // 5.5 em + 2 × 6 = 67 however narrow the column
    ['at least 5.5 em', 50, 67],
  ])('cardTexts() makes a card %s wide', (_, columnShare, width) => {
    const texts = cardTexts([zhLink('a', '上游')], figures, opts({ columnShare }));
    expect(texts.get('a')?.size.width).toBe(width);
  });

  it('cardTexts() makes every card at least as wide as the chain’s longest word', () => {
    // 'Semiconductors': 14 × 0.55 = 7.7 em × 1.08 slack = 8.316 em = 83.16 px + 12 → 95
    const links = [
      createLink({ id: 'a', nameEn: 'Cells' }),
      createLink({ id: 'b', nameEn: 'Semiconductors' }),
    ];
    const texts = cardTexts(links, new Map(), opts({ lang: 'en', columnShare: 50 }));
    expect([texts.get('a')?.size.width, texts.get('b')?.size.width]).toEqual([95, 95]);
  });

  it('cardTexts() writes name and figure on one line when they fit', () => {
    // width 172: (172 − 12) / 10 / 1.08 = 14.8 em a line; '上游 · 35家' is 5.25 em; 10 + 12.5
    const text = cardTexts([zhLink('a', '上游')], figures, opts()).get('a');
    expect(text && [text.label, text.lines, text.size.height]).toEqual(['上游 · 35家', 1, 23]);
  });

  it.each([
    // width 67: a line holds 5.09 em < 5.25, so the figure goes under the name;
    // 2 × padY + 2 lines × 12.5 (+ badge room 8) (+ bar 6 + padY 5)
    ['name and figure', {}, { lines: 2, top: 0, height: 35 }],
    ['with a badge', { badged: new Set(['a']) }, { lines: 2, top: 8, height: 43 }],
    ['with a bar', { bar: true }, { lines: 2, top: 0, height: 46 }],
    [
      'with a badge and a bar',
      { bar: true, badged: new Set(['a']) },
      { lines: 2, top: 8, height: 54 },
    ],
  ])('cardTexts() sizes the height of a narrow card: %s', (_, over, expected) => {
    const text = cardTexts([zhLink('a', '上游')], figures, opts({ columnShare: 50, ...over })).get(
      'a',
    );
    expect(text && { lines: text.lines, top: text.top, height: text.size.height }).toEqual(
      expected,
    );
    expect(text?.label).toBe('上游\n35家');
  });

  it('cardTexts() leaves the figure line out when there is none', () => {
    const text = cardTexts([zhLink('a', '上游')], new Map(), opts()).get('a');
    // 10 + 12.5 = 22.5, rounded
    expect(text && [text.label, text.lines, text.size.height]).toEqual(['上游', 1, 23]);
  });

  it('cardTexts() wraps a name to the card width', () => {
    // width 67: (67 − 12) / 10 / 1.08 = 5.09 em a line → 动力电池 | 回收利用 | 35家: 10 + 37.5 → 48
    const text = cardTexts(
      [zhLink('a', '动力电池回收利用')],
      figures,
      opts({ columnShare: 50 }),
    ).get('a');
    expect(text && [text.label, text.lines, text.size]).toEqual([
      '动力电池\n回收利用\n35家',
      3,
      { width: 67, height: 48 },
    ]);
  });
});

describe('diagramMinWidth', () => {
  it('diagramMinWidth() is every column at its narrowest card plus the gutter, and the margins', () => {
    // 4 layers, 5.5 em cards at 13 px: round(71.5 + 16) = 88, gutter 18: 4 × 106 + 2 × 8
    expect(diagramMinWidth(createTestLinks(), 'zh', 13)).toBe(440);
  });

  it('diagramMinWidth() widens for the chain’s longest word', () => {
    // 'Semiconductors': 7.7 em × 1.08 = 8.316 em = 108.1 px + 16 → 124; 4 × (124 + 18) + 16
    const links = createTestLinks().map((l) =>
      l.id === 't.mid' ? { ...l, nameEn: 'Semiconductors' } : l,
    );
    expect(diagramMinWidth(links, 'en', 13)).toBe(584);
    expect(diagramMinWidth(links, 'zh', 13)).toBe(440);
  });

  it('diagramMinWidth() is a panel the diagram fills without panning', () => {
    const width = diagramMinWidth(createTestLinks(), 'zh', 13);
    expect(graphBounds(createInput(), { width, height: 400 }).x2).toBe(width);
    expect(graphBounds(createInput(), { width: width - 40, height: 400 }).x2).toBe(width);
  });
});

describe('tint', () => {
  it.each([
    ['#000000', 0.5, '#808080'], // 127.5 rounds up to 128
    ['#1a9850', 0, '#1a9850'],
    ['#1a9850', 1, '#ffffff'],
    // 0 + 255 × .8 = 204, 114 + 141 × .8 = 226.8, 178 + 77 × .8 = 239.6
    ['#0072b2', 0.8, '#cce3f0'],
    ['#FFFFFF', 0.3, '#ffffff'],
  ])('tint(%s, %d) is %s', (hex, amount, expected) => {
    expect(tint(hex, amount)).toBe(expected);
  });

  it('tint() leaves a colour that is not #rrggbb alone', () => {
    expect(tint('red', 0.5)).toBe('red');
  });
});

describe('linkBadge', () => {
  const flags = { isWeak: false, isAdvantage: false, isExtension: false };
  it.each([
    ['a choke point', { ...flags, isWeak: true, weakKind: 'choke_point' }, 0, 'choke', '卡脖子'],
    ['another weak link', { ...flags, isWeak: true, weakKind: 'resource' }, 0, 'weak', '短板'],
    ['an advantage link', { ...flags, isAdvantage: true }, 0, 'advantage', '长板'],
    ['an extension', { ...flags, isExtension: true }, 0, 'extension', '延链'],
    ['leaders only', flags, 2, 'leader', '链主×2'],
    ['a flag and leaders', { ...flags, isAdvantage: true }, 1, 'advantage', '长板 · 链主×1'],
  ] as const)('linkBadge() labels %s', (_, link, leaders, kind, text) => {
    expect(linkBadge(link, leaders, 'zh')).toEqual({ kind, text });
  });

  it('linkBadge() gives no badge to a plain link without leaders', () => {
    expect(linkBadge(createLink(), 0, 'en')).toBeNull();
  });

  it('linkBadge() speaks English', () => {
    const choke = createLink({ isWeak: true, weakKind: 'choke_point' });
    expect(linkBadge(choke, 3, 'en')?.text).toBe('Choke point · Leaders×3');
  });
});

describe('colours', () => {
  it('pieSlices() returns nothing for an empty mix and ignores unknown classes', () => {
    expect(pieSlices('role', {})).toEqual([]);
    expect(pieSlices('size', { large: 1, nonsense: 5 }).map((s) => s.percent)).toEqual([
      100, 0, 0, 0,
    ]);
  });

  it('linkColor() breaks a tie between classes by legend order', () => {
    expect(linkColor('role', createStat({ mix: { general: 2, strengthen: 2 } }))).toBe(
      ROLE_COLORS.strengthen,
    );
  });

  it.each(['verdict', 'role'] as Overlay[])(
    'linkColor(%s) is “no data” without figures',
    (overlay) => {
      expect(linkColor(overlay, undefined)).toBe(NO_DATA_COLOR);
    },
  );
});

describe('labels', () => {
  it('emWidth() counts CJK as 1 em, Latin as 0.55 and a space as 0.3', () => {
    expect(emWidth('电芯 IGBT')).toBeCloseTo(4.5, 9);
  });

  it.each([
    // '（' (1 em) is glued to 'IGBT/' (5 × 0.55): 3.75; 'SiC）' is 2.65; Chinese breaks anywhere
    ['功率半导体（IGBT/SiC）', 3.75],
    ['Battery cells', 3.85], // 'Battery': 7 × 0.55
    ['电芯', 1],
  ])('longestWordEm(%j) is %d', (name, em) => {
    expect(longestWordEm(name)).toBeCloseTo(em, 9);
  });

  it.each([
    ['电芯', 7, '电芯'],
    ['动力电池回收利用', 7, '动力电池\n回收利用'],
    ['Battery cells', 5, 'Battery\ncells'],
    ['Battery packs & BMS', 20, 'Battery packs & BMS'],
    // a Latin run may break after a slash, never before it (8 × 0.55 = 4.4 em in 3 em lines)
    ['IGBT/SiC', 3, 'IGBT/\nSiC'],
    // …but never inside a hyphenated word
    ['Lithium-ion', 3, 'Lithium-ion'],
  ])('wrapLabel(%j, %d) is %j', (text, maxEm, expected) => {
    expect(wrapLabel(text, maxEm)).toBe(expected);
  });

  it.each([
    '电池包与电池管理系统',
    '功率半导体（IGBT/SiC）',
    '钢材、塑料与铜铝材',
    '电子特气、湿化学品与光刻胶',
    '传动系统（变速箱/驱动桥/减速机）',
  ])(
    'wrapLabel(%j, 7) keeps every character, lines ≤ 7 em, no line opening on punctuation',
    (name) => {
      const lines = wrapLabel(name, 7).split('\n');
      expect(lines.join('')).toBe(name);
      for (const line of lines) {
        expect(emWidth(line)).toBeLessThanOrEqual(7);
        expect(line).not.toMatch(/^[）、，/]/u);
        expect(line).not.toMatch(/（$/u);
      }
    },
  );

  it('wrapLabel() ends the last allowed line with an ellipsis', () => {
    expect(wrapLabel('甲乙丙丁戊己庚辛壬癸子丑寅卯', 2, 2)).toBe('甲乙\n丙…');
  });

  it.each([
    ['示例·常州·电芯企业013（演示）', 13, '示例·常州·电芯企业013…'],
    ['短名', 13, '短名'],
    ['Demo Changzhou Battery cells Co. #013', 13, 'Demo Changzhou Battery…'],
  ])('truncateLabel(%j, %d) is %j', (text, maxEm, expected) => {
    expect(truncateLabel(text, maxEm)).toBe(expected);
  });
});
