import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { GroupCoverage } from '../analysis/coverage';
import { createLink, createTestChain, createTestLinks } from '../analysis/test-fixtures';
import { NO_DATA_COLOR, ROLE_COLORS, SIZE_COLORS, VERDICT_COLORS } from '../overlays/overlays';
import {
  BADGE_COLORS,
  buildGraphElements,
  emWidth,
  linkBadge,
  linkColor,
  nodeSize,
  pieSlices,
  truncateLabel,
  wrapLabel,
  type ExpandedEnterprise,
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
    sizeBy: 'enterprises',
    selectedLinkId: null,
    expanded: null,
    highlight: null,
    ...over,
  };
}

function createExpanded(id: string, cityId: string, cls = 'covered'): ExpandedEnterprise {
  return { id, label: `企业${id}`, cityId, cityLabel: `${cityId}市`, cls };
}

const byId = (elements: ElementDefinition[], id: string) => {
  const found = elements.find((e) => e.data.id === id);
  if (!found) throw new Error(`no element ${id}`);
  return found;
};
const classesOf = (elements: ElementDefinition[], id: string) =>
  String(byId(elements, id).classes ?? '')
    .split(' ')
    .filter(Boolean);

describe('buildGraphElements', () => {
  it('buildGraphElements() gives link nodes, badges, then edges, in chain order', () => {
    // t.up weak, t.mid advantage, t.ext extension carry badges; t.down has none.
    expect(buildGraphElements(createInput()).map((e) => e.data.id)).toEqual([
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

  it('buildGraphElements() places link nodes at the preset layout positions', () => {
    const elements = buildGraphElements(createInput());
    expect(['t.up', 't.mid', 't.down', 't.ext'].map((id) => byId(elements, id).position)).toEqual([
      { x: 0, y: 0 },
      { x: 200, y: 0 },
      { x: 400, y: 0 },
      { x: 600, y: 0 },
    ]);
  });

  it('buildGraphElements() classes supply edges "supply" and draws them straight', () => {
    const edge = byId(buildGraphElements(createInput()), 't.up->t.mid');
    expect(edge.classes).toBe('supply');
    expect(edge.data).toEqual({
      id: 't.up->t.mid',
      source: 't.up',
      target: 't.mid',
      kind: 'supply',
    });
  });

  it('buildGraphElements() classes the feedback edge "feedback" and loops it over the graph', () => {
    const edge = byId(buildGraphElements(createInput()), 't.ext->t.up');
    expect(classesOf([edge], 't.ext->t.up')).toEqual(['feedback', 'routed']);
    // Loop (680, 0) → (680, −90) → (−80, −90) → (−80, 0) on the edge from (600, 0) to (0, 0):
    // weight = (600 − x) / 600, distance = −y (cytoscape's normal of a leftward edge points up).
    expect(edge.data.segWeights).toEqual([-0.1333, -0.1333, 1.1333, 1.1333]);
    expect(edge.data.segDistances).toEqual([0, 90, 90, 0]);
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
      const elements = buildGraphElements(
        createInput({ overlay, linkStats: new Map([['t.mid', stat]]) }),
      );
      expect(byId(elements, 't.mid').data.color).toBe(color);
    },
  );

  it('buildGraphElements() colours a link without figures as “no data”', () => {
    expect(byId(buildGraphElements(createInput()), 't.mid').data.color).toBe(NO_DATA_COLOR);
  });

  it('buildGraphElements() draws a pie of the role mix that sums to 100', () => {
    const stat = createStat({ mix: { strengthen: 1, fill: 2, general: 1 } });
    const node = byId(
      buildGraphElements(createInput({ overlay: 'role', linkStats: new Map([['t.mid', stat]]) })),
      't.mid',
    );
    expect(classesOf([node], 't.mid')).toContain('pie');
    // slots follow the legend order: strengthen, stabilize, fill, extend, leader, general
    const sizes = [1, 2, 3, 4, 5, 6].map((i) => node.data[`pie${i}Size`]);
    expect(sizes).toEqual([25, 0, 50, 0, 0, 25]);
    expect(sizes.reduce((s, x) => s + x, 0)).toBe(100);
    expect(node.data.pie3Color).toBe(ROLE_COLORS.fill);
  });

  it('buildGraphElements() draws no pie under a group overlay', () => {
    const stat = createStat({ mix: { fill: 2 } });
    const node = byId(
      buildGraphElements(createInput({ linkStats: new Map([['t.mid', stat]]) })),
      't.mid',
    );
    expect(node.data.pie1Size).toBeUndefined();
    expect(classesOf([node], 't.mid')).not.toContain('pie');
  });

  it('buildGraphElements() sizes links by the square root of their enterprises or gap', () => {
    const linkStats = new Map([
      ['t.up', createStat({ enterprises: 100, coverage: createCoverage({ gap: 100 }) })],
      ['t.mid', createStat({ enterprises: 25, coverage: createCoverage({ gap: 400 }) })],
      ['t.down', createStat({ enterprises: 0, coverage: createCoverage({ gap: 0 }) })],
    ]);
    const sizes = (sizeBy: GraphInput['sizeBy']) => {
      const elements = buildGraphElements(createInput({ linkStats, sizeBy }));
      return ['t.up', 't.mid', 't.down', 't.ext'].map((id) => byId(elements, id).data.size);
    };
    // 26 + 32 × √(value / max); no figures → smallest
    expect(sizes('enterprises')).toEqual([58, 42, 26, 26]);
    expect(sizes('gap')).toEqual([42, 58, 26, 26]);
  });

  it('buildGraphElements() marks the selected link, the highlighted ones and dims the rest', () => {
    const elements = buildGraphElements(
      createInput({
        selectedLinkId: 't.down',
        highlight: { linkIds: new Set(['t.up', 't.mid']), enterpriseIds: new Set() },
      }),
    );
    expect(classesOf(elements, 't.up')).toEqual(['link', 'weak', 'highlighted']);
    expect(classesOf(elements, 't.mid')).toEqual(['link', 'advantage', 'highlighted']);
    // the selected link stays visible even outside the highlight
    expect(classesOf(elements, 't.down')).toEqual(['link', 'selected']);
    expect(classesOf(elements, 't.ext')).toEqual(['link', 'extension', 'dimmed']);
    expect(classesOf(elements, 't.ext::badge')).toEqual(['badge', 'extension', 'dimmed']);
    expect(classesOf(elements, 't.up->t.mid')).toEqual(['supply']);
    expect(classesOf(elements, 't.mid->t.down')).toEqual(['supply', 'adjacent', 'dimmed']);
    expect(classesOf(elements, 't.ext->t.up')).toEqual(['feedback', 'routed', 'dimmed']);
  });

  it('buildGraphElements() dims nothing without a highlight', () => {
    const elements = buildGraphElements(createInput({ selectedLinkId: 't.mid' }));
    expect(elements.filter((e) => String(e.classes).includes('dimmed'))).toEqual([]);
  });

  it('buildGraphElements() switches names and badges with the language', () => {
    const linkStats = new Map([['t.up', createStat({ leaders: 2 })]]);
    const zh = buildGraphElements(createInput({ linkStats }));
    const en = buildGraphElements(createInput({ linkStats, lang: 'en' }));
    expect([byId(zh, 't.up').data.label, byId(en, 't.up').data.label]).toEqual(['上游', 'Up']);
    expect([byId(zh, 't.up::badge').data.label, byId(en, 't.up::badge').data.label]).toEqual([
      '短板 · 链主×2',
      'Weak link · Leaders×2',
    ]);
    expect(byId(zh, 't.up').data.badge).toBe('短板 · 链主×2');
  });

  it('buildGraphElements() wraps a long Chinese name at word boundaries', () => {
    const links = createTestLinks().map((l) =>
      l.id === 't.mid' ? { ...l, nameZh: '动力电池回收利用' } : l,
    );
    expect(byId(buildGraphElements(createInput({ links })), 't.mid').data.label).toBe(
      '动力电池\n回收利用',
    );
  });

  it('buildGraphElements() puts a badge in its colour just above its link node', () => {
    // no figures: size 26, so the badge sits 13 + 12 px above the centre
    const badge = byId(buildGraphElements(createInput()), 't.up::badge');
    expect(badge.position).toEqual({ x: 0, y: -25 });
    expect(badge.data.color).toBe(BADGE_COLORS.weak);
  });

  it('buildGraphElements() expands the selected link into enterprises on a ring, with spokes', () => {
    const elements = buildGraphElements(
      createInput({
        selectedLinkId: 't.mid',
        expanded: {
          linkId: 't.mid',
          enterprises: [createExpanded('e2', 'b'), createExpanded('e1', 'a', 'uncovered')],
        },
      }),
    );
    expect(elements.slice(-4).map((e) => e.data.id)).toEqual([
      'ent:e1',
      'ent:e2',
      't.mid->ent:e1',
      't.mid->ent:e2',
    ]);
    const e1 = byId(elements, 'ent:e1');
    expect(e1.data).toMatchObject({
      kind: 'enterprise',
      enterpriseId: 'e1',
      label: '企业e1',
      color: VERDICT_COLORS.uncovered,
    });
    // ring radius: link size 26 / 2 + 58 = 71 around t.mid (200, 0); city a first, at the top
    expect(e1.position).toEqual({ x: 200, y: -71 });
    expect(byId(elements, 'ent:e2').position).toEqual({ x: 200, y: 71 });
  });

  it('buildGraphElements() moves the other columns aside to make room for the ring', () => {
    const elements = buildGraphElements(
      createInput({
        selectedLinkId: 't.mid',
        expanded: { linkId: 't.mid', enterprises: [createExpanded('e1', 'a')] },
      }),
    );
    // ring 71 + names 13 em × 9 px + 10 = 198 px; columns 200 apart need 198 + 70 − 200 = 68 more
    expect(['t.up', 't.mid', 't.down', 't.ext'].map((id) => byId(elements, id).position)).toEqual([
      { x: -68, y: 0 },
      { x: 200, y: 0 },
      { x: 468, y: 0 },
      { x: 668, y: 0 },
    ]);
  });

  it.each([
    // ring 198 px: a link below must be 198 + 50 away (its badge), a link above 198 + 80 (its label)
    ['below', 't.a', { 't.a': { x: 0, y: -60 }, 't.b': { x: 0, y: 188 } }],
    ['above', 't.b', { 't.a': { x: 0, y: -218 }, 't.b': { x: 0, y: 60 } }],
  ])('buildGraphElements() pushes a link %s the ring out of its way', (_, linkId, expected) => {
    const links = [
      createLink({ id: 't.a', layer: 0 }),
      createLink({ id: 't.b', layer: 0, nameZh: '乙' }),
    ];
    const chain = createTestChain({ linkIds: ['t.a', 't.b'], edges: [] });
    const elements = buildGraphElements(
      createInput({
        chain,
        links,
        selectedLinkId: linkId,
        expanded: { linkId, enterprises: [createExpanded('e1', 'a')] },
      }),
    );
    expect({
      't.a': byId(elements, 't.a').position,
      't.b': byId(elements, 't.b').position,
    }).toEqual(expected);
  });

  it('buildGraphElements() aggregates more than 40 enterprises into city groups', () => {
    const enterprises = Array.from({ length: 41 }, (_, i) =>
      createExpanded(`e${String(i).padStart(2, '0')}`, i < 30 ? 'a' : 'b'),
    );
    const elements = buildGraphElements(
      createInput({ selectedLinkId: 't.mid', expanded: { linkId: 't.mid', enterprises } }),
    );
    expect(elements.slice(-4).map((e) => e.data.id)).toEqual([
      'grp:a',
      'grp:b',
      't.mid->grp:a',
      't.mid->grp:b',
    ]);
    expect(byId(elements, 'grp:a').data).toMatchObject({
      kind: 'group',
      label: 'a市 ×30',
      count: 30,
      size: 44,
    });
    expect(elements.some((e) => e.data.kind === 'enterprise')).toBe(false);
  });

  it('buildGraphElements() highlights enterprises of the highlight and dims the others', () => {
    const elements = buildGraphElements(
      createInput({
        selectedLinkId: 't.mid',
        expanded: {
          linkId: 't.mid',
          enterprises: [createExpanded('e1', 'a'), createExpanded('e2', 'a')],
        },
        highlight: { linkIds: new Set(['t.mid']), enterpriseIds: new Set(['e2']) },
      }),
    );
    expect(classesOf(elements, 'ent:e1')).toEqual(['enterprise', 'dimmed']);
    expect(classesOf(elements, 'ent:e2')).toEqual(['enterprise', 'highlighted']);
  });

  it('buildGraphElements() ignores an expansion of a link that is not drawn', () => {
    const plain = buildGraphElements(createInput());
    const expanded = buildGraphElements(
      createInput({ expanded: { linkId: 'zz', enterprises: [createExpanded('e1', 'a')] } }),
    );
    expect(expanded).toEqual(plain);
  });

  it('buildGraphElements() is deterministic and does not mutate its input', () => {
    const input = createInput({
      overlay: 'role',
      linkStats: new Map([['t.mid', createStat({ mix: { fill: 1 } })]]),
      selectedLinkId: 't.mid',
      expanded: { linkId: 't.mid', enterprises: [createExpanded('e1', 'a')] },
      highlight: { linkIds: new Set(['t.mid']), enterpriseIds: new Set(['e1']) },
    });
    const before = structuredClone(input);
    const first = buildGraphElements(input);
    expect(buildGraphElements(input)).toEqual(first);
    expect(input).toEqual(before);
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

describe('colours and sizes', () => {
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

  it.each([
    [25, 100, 40],
    [100, 100, 60],
    [400, 100, 60],
    [0, 100, 20],
    [5, 0, 20],
  ])('nodeSize(%d, %d) is %d px between 20 and 60', (value, max, size) => {
    expect(nodeSize(value, max, { min: 20, max: 60 })).toBe(size);
  });
});

describe('labels', () => {
  it('emWidth() counts CJK as 1 em, Latin as 0.55 and a space as 0.3', () => {
    expect(emWidth('电芯 IGBT')).toBeCloseTo(4.5, 9);
  });

  it.each([
    ['电芯', 7, '电芯'],
    ['动力电池回收利用', 7, '动力电池\n回收利用'],
    ['Battery cells', 5, 'Battery\ncells'],
    ['Battery packs & BMS', 20, 'Battery packs & BMS'],
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
