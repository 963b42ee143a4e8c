import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { GroupCoverage } from '../analysis/coverage';
import { createTestChain, createTestLinks } from '../analysis/test-fixtures';
import { buildGraphElements, type ExpandedEnterprise, type GraphInput } from './elements';
import { buildGraphStyle, buildGraphStyleBlocks, type GraphStyleBlock } from './style';

const blocks = () => buildGraphStyleBlocks({ fontFamily: "'Noto Sans SC', sans-serif" });
const styleOf = (selector: string) => {
  const block = blocks().find((b) => b.selector === selector);
  if (!block) throw new Error(`no block for ${selector}`);
  return block.style;
};

describe('buildGraphStyle', () => {
  it.each([
    'node.link',
    'node.pie',
    'node.weak',
    'node.advantage',
    'node.extension',
    'node.selected',
    'node.highlighted',
    'node.badge',
    'node.enterprise',
    'node.group',
    'edge',
    'edge.routed',
    'edge.feedback',
    'edge.adjacent',
    'edge.spoke',
    '.dimmed',
  ])('buildGraphStyle() has a block for %s', (selector) => {
    expect(blocks().map((b) => b.selector)).toContain(selector);
  });

  it('buildGraphStyle() draws feedback edges dashed and supply edges with an arrow', () => {
    expect(styleOf('edge.feedback')['line-style']).toBe('dashed');
    expect(styleOf('edge')['target-arrow-shape']).toBe('triangle');
  });

  it('buildGraphStyle() borders weak links red-dashed, advantage blue, extension dotted', () => {
    expect(styleOf('node.weak')).toMatchObject({
      'border-style': 'dashed',
      'border-color': '#c53030',
    });
    expect(styleOf('node.advantage')).toMatchObject({ 'border-color': '#0072b2' });
    expect(styleOf('node.extension')).toMatchObject({ 'border-style': 'dotted' });
  });

  it('buildGraphStyle() dims to a quarter opacity and glows orange for a highlight', () => {
    expect(styleOf('.dimmed').opacity).toBe(0.25);
    expect(styleOf('node.highlighted')['underlay-color']).toBe('#f59e0b');
  });

  it('buildGraphStyle() wraps link labels under the node and uses the given font', () => {
    expect(styleOf('node')).toMatchObject({
      'font-family': "'Noto Sans SC', sans-serif",
      'text-wrap': 'wrap',
    });
    expect(styleOf('node.link')['text-valign']).toBe('bottom');
  });

  it('buildGraphStyle() maps six pie slices to the elements’ pie data', () => {
    const pie = styleOf('node.pie');
    expect(pie['pie-1-background-size']).toBe('data(pie1Size)');
    expect(pie['pie-6-background-color']).toBe('data(pie6Color)');
    expect(pie['pie-7-background-color']).toBeUndefined();
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

function createInput(enterprises: number): GraphInput {
  const expanded: ExpandedEnterprise[] = Array.from({ length: enterprises }, (_, i) => ({
    id: `e${i}`,
    label: `企业${i}`,
    cityId: i % 2 === 0 ? 'a' : 'b',
    cityLabel: i % 2 === 0 ? '甲' : '乙',
    cls: 'fill',
  }));
  return {
    chain: createTestChain(),
    links: createTestLinks(),
    lang: 'zh',
    overlay: 'role',
    linkStats: new Map([
      ['t.mid', { coverage: createCoverage(), enterprises: 4, leaders: 1, mix: { fill: 4 } }],
    ]),
    sizeBy: 'enterprises',
    selectedLinkId: 't.mid',
    expanded: { linkId: 't.mid', enterprises: expanded },
    highlight: null,
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
  it.each([
    ['individual enterprises', 3],
    ['city groups', 41],
  ])('every data field the style maps exists on the elements it styles (%s)', (_, enterprises) => {
    const elements = buildGraphElements(createInput(enterprises));
    for (const block of blocks()) {
      const fields = mappedFields(block);
      for (const element of elements.filter((e) => matches(block.selector, e))) {
        for (const field of fields) {
          expect({ id: element.data.id, field, has: field in element.data }).toEqual({
            id: element.data.id,
            field,
            has: true,
          });
        }
      }
    }
  });
});
