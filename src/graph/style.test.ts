import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { GroupCoverage } from '../analysis/coverage';
import { createTestChain, createTestLinks } from '../analysis/test-fixtures';
import type { Overlay } from '../overlays/overlays';
import { buildGraphElements, type GraphInput } from './elements';
import { buildGraphStyle, buildGraphStyleBlocks, type GraphStyleBlock } from './style';

const blocks = () => buildGraphStyleBlocks({ fontFamily: "'Noto Sans SC', sans-serif" });
const styleOf = (selector: string) => {
  const block = blocks().find((b) => b.selector === selector);
  if (!block) throw new Error(`no block for ${selector}`);
  return block.style;
};

describe('buildGraphStyle', () => {
  it('buildGraphStyle() has its blocks in cascade order: states after kinds, dimming last', () => {
    expect(blocks().map((b) => b.selector)).toEqual([
      'core',
      'node',
      'node.stage',
      'node.link',
      'node.selected',
      'node.link.highlighted',
      'node.bar',
      'node.badge',
      'edge',
      'edge.routed',
      'edge.feedback',
      'edge.adjacent',
      '.dimmed',
    ]);
  });

  it('buildGraphStyle() draws a link as a round-rectangle card sized and lettered from its data', () => {
    expect(styleOf('node.link')).toMatchObject({
      shape: 'round-rectangle',
      width: 'data(width)',
      height: 'data(height)',
      'background-color': 'data(fill)',
      'border-color': 'data(border)',
      label: 'data(label)',
      'font-size': 'data(fontSize)',
      'text-wrap': 'wrap',
      'text-max-width': 'data(textMax)',
      'text-margin-y': 'data(textDy)',
      'text-valign': 'center',
      'text-halign': 'center',
    });
  });

  it('buildGraphStyle() uses the given font and never swaps a small label for a box', () => {
    expect(styleOf('node')).toMatchObject({
      'font-family': "'Noto Sans SC', sans-serif",
      'min-zoomed-font-size': 0,
    });
    // no fixed size anywhere: every font size comes from the elements
    const sizes = blocks().flatMap((b) =>
      b.style['font-size'] === undefined ? [] : [[b.selector, b.style['font-size']]],
    );
    expect(sizes).toEqual([
      ['node.stage', 'data(fontSize)'],
      ['node.link', 'data(fontSize)'],
      ['node.badge', 'data(fontSize)'],
    ]);
  });

  it('buildGraphStyle() heads the columns with grey stage bands that take no clicks', () => {
    expect(styleOf('node.stage')).toMatchObject({
      shape: 'round-rectangle',
      width: 'data(width)',
      height: 'data(height)',
      label: 'data(label)',
      'font-size': 'data(fontSize)',
      events: 'no',
    });
  });

  it('buildGraphStyle() outlines the selected card and thickens its border', () => {
    const selected = styleOf('node.selected');
    expect(selected['outline-width']).toBe(3);
    expect(selected['border-width']).toBeGreaterThan(
      styleOf('node.link')['border-width'] as number,
    );
  });

  it('buildGraphStyle() glows a highlighted card orange, in its own shape', () => {
    expect(styleOf('node.link.highlighted')).toMatchObject({
      'underlay-color': '#f59e0b',
      'underlay-shape': 'round-rectangle',
    });
  });

  it('buildGraphStyle() paints a bar as a left-to-right gradient with the elements’ stops', () => {
    expect(styleOf('node.bar')).toMatchObject({
      width: 'data(width)',
      height: 'data(height)',
      'background-fill': 'linear-gradient',
      'background-gradient-direction': 'to-right',
      'background-gradient-stop-colors': 'data(stopColors)',
      'background-gradient-stop-positions': 'data(stopPositions)',
      events: 'no',
    });
    // over its card
    expect(styleOf('node.bar')['z-index']).toBeGreaterThan(
      styleOf('node.link')['z-index'] as number,
    );
  });

  it('buildGraphStyle() writes a badge in white on a pill of its colour, above a selected card', () => {
    expect(styleOf('node.badge')).toMatchObject({
      label: 'data(label)',
      'font-size': 'data(fontSize)',
      color: '#ffffff',
      'text-background-color': 'data(color)',
      'text-background-opacity': 1,
    });
    expect(styleOf('node.badge')['z-index']).toBeGreaterThan(
      styleOf('node.selected')['z-index'] as number,
    );
  });

  it('buildGraphStyle() draws supply edges with an arrow, feedback dashed, bends as segments', () => {
    expect(styleOf('edge')['target-arrow-shape']).toBe('triangle');
    expect(styleOf('edge.feedback')['line-style']).toBe('dashed');
    expect(styleOf('edge.routed')).toMatchObject({
      'segment-weights': 'data(segWeights)',
      'segment-distances': 'data(segDistances)',
      'edge-distances': 'node-position',
    });
    // edges run under the cards
    expect(styleOf('edge')['z-index']).toBeLessThan(styleOf('node.link')['z-index'] as number);
  });

  it('buildGraphStyle() dims to 0.3 opacity', () => {
    expect(styleOf('.dimmed').opacity).toBe(0.3);
  });

  it('buildGraphStyle() returns the same blocks for cytoscape', () => {
    expect(buildGraphStyle({ fontFamily: 'x' })).toEqual(
      buildGraphStyleBlocks({ fontFamily: 'x' }),
    );
  });
});

// ------------------------------------------------------------ style and elements agree

function createCoverage(): GroupCoverage {
  return {
    enterprises: 4,
    smes: 4,
    coveredSmes: 2,
    zeroCreditSmes: 2,
    enterpriseCoverage: 0.5,
    need: 100,
    needMet: 50,
    needCoverage: 0.5,
    gap: 50,
    lenderIds: ['b1'],
    lenderCount: 1,
    topLenderShare: 1,
    hhi: 1,
    verdict: 'partial',
    reason: { code: 'SINGLE_LENDER' },
  };
}

function createInput(overlay: Overlay): GraphInput {
  return {
    chain: createTestChain(),
    links: createTestLinks(),
    lang: 'zh',
    overlay,
    linkStats: new Map([
      ['t.mid', { coverage: createCoverage(), enterprises: 4, leaders: 1, mix: { fill: 4 } }],
    ]),
    selectedLinkId: 't.mid',
    highlight: { linkIds: new Set(['t.up', 't.mid']), enterpriseIds: new Set() },
    fontPx: 13,
  };
}

/** Whether a simple selector (`node.a.b`, `edge`, `.c`, comma lists) matches an element. */
function matches(selector: string, e: ElementDefinition): boolean {
  const classes = new Set(String(e.classes ?? '').split(' '));
  const group = e.data.source === undefined ? 'node' : 'edge';
  return selector.split(',').some((part) => {
    const [head = '', ...names] = part.trim().split('.');
    return (head === '' || head === group) && names.every((n) => classes.has(n));
  });
}

const mappedFields = (block: GraphStyleBlock) =>
  Object.values(block.style).flatMap((v) => {
    const m = typeof v === 'string' ? /^data\((\w+)\)$/.exec(v) : null;
    return m?.[1] ? [m[1]] : [];
  });

describe('style and elements', () => {
  it.each(['role', 'verdict'] as const)(
    'every data field the style maps exists on the elements it styles (%s overlay)',
    (overlay) => {
      const elements = buildGraphElements(createInput(overlay), { width: 800, height: 400 });
      let checked = 0;
      for (const block of blocks()) {
        const fields = mappedFields(block);
        for (const element of elements.filter((e) => matches(block.selector, e))) {
          for (const field of fields) {
            checked++;
            expect({ id: element.data.id, field, has: field in element.data }).toEqual({
              id: element.data.id,
              field,
              has: true,
            });
          }
        }
      }
      // stages, cards, badges (and bars under role) were all checked
      expect(checked).toBeGreaterThan(40);
    },
  );

  it('every kind of element the builder makes has a block of its own', () => {
    const elements = buildGraphElements(createInput('role'), { width: 800, height: 400 });
    const kinds = new Set(elements.map((e) => String(e.classes ?? '').split(' ')[0]));
    expect([...kinds].sort()).toEqual(['badge', 'bar', 'feedback', 'link', 'stage', 'supply']);
    for (const kind of ['stage', 'link', 'bar', 'badge']) {
      expect(blocks().map((b) => b.selector)).toContain(`node.${kind}`);
    }
  });
});
