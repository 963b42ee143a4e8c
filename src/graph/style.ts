/**
 * The chain graph's cytoscape stylesheet. Colours of nodes come from the elements' data (which take
 * them from ../overlays); this module only decides shapes, borders, labels and states.
 */
import type { StylesheetJson } from 'cytoscape';
import { ROLE_COLORS } from '../overlays/overlays';
import { BADGE_COLORS, GROUP_FONT_PX, PIE_SLOTS } from './elements';

type StyleValue = string | number | readonly number[];
/** A block as cytoscape reads it; its typings do not model `data(…)` mappers on numeric properties. */
export interface GraphStyleBlock {
  selector: string;
  style: Record<string, StyleValue>;
}

const INK = '#1d2733';
const INK_SOFT = '#4a5868';
const EDGE = '#a3acb9';
const EDGE_STRONG = '#3f4b5b';
const FEEDBACK = '#7b8794';
export const WEAK_BORDER = '#c53030';
export const HIGHLIGHT = '#f59e0b';

/**
 * The stylesheet blocks of the chain graph, in cascade order (later blocks win).
 * @example buildGraphStyleBlocks({ fontFamily: 'Noto Sans SC' }).map((b) => b.selector)
 * // ['core', 'node', 'node.link', 'node.pie', 'node.weak', …]
 */
export function buildGraphStyleBlocks(opts: { fontFamily: string }): GraphStyleBlock[] {
  const pie: Record<string, string> = { 'pie-size': '100%' };
  for (let i = 1; i <= PIE_SLOTS; i++) {
    pie[`pie-${i}-background-color`] = `data(pie${i}Color)`;
    pie[`pie-${i}-background-size`] = `data(pie${i}Size)`;
  }
  const radialLabel = {
    'text-rotation': 'data(labelAngle)',
    'text-halign': 'data(labelHalign)',
    'text-valign': 'data(labelValign)',
    'text-margin-x': 'data(labelDx)',
    'text-margin-y': 'data(labelDy)',
    'text-wrap': 'none',
  };
  return [
    { selector: 'core', style: { 'active-bg-opacity': 0, 'selection-box-opacity': 0 } },
    {
      selector: 'node',
      style: {
        'font-family': opts.fontFamily,
        'font-size': 13,
        color: INK,
        'text-wrap': 'wrap',
        // Labels arrive broken into lines (CJK has no spaces to wrap at); this is only a backstop.
        'text-max-width': '180px',
        'line-height': 1.2,
        'min-zoomed-font-size': 5,
        'overlay-opacity': 0,
      },
    },
    {
      selector: 'node.link',
      style: {
        shape: 'ellipse',
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(color)',
        'border-width': 1.5,
        'border-color': '#ffffff',
        'border-position': 'outside',
        label: 'data(label)',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 5,
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '2px',
        'text-background-shape': 'round-rectangle',
        'z-index': 10,
      },
    },
    { selector: 'node.pie', style: pie },
    {
      selector: 'node.advantage',
      style: { 'border-width': 3, 'border-style': 'solid', 'border-color': ROLE_COLORS.strengthen },
    },
    {
      selector: 'node.extension',
      style: {
        'border-width': 3,
        'border-style': 'dotted',
        'border-color': BADGE_COLORS.extension,
      },
    },
    {
      selector: 'node.weak',
      style: { 'border-width': 3.5, 'border-style': 'dashed', 'border-color': WEAK_BORDER },
    },
    {
      selector: 'node.highlighted',
      style: {
        'underlay-color': HIGHLIGHT,
        'underlay-opacity': 0.55,
        'underlay-padding': 8,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: 'node.selected',
      style: {
        'outline-width': 3,
        'outline-color': '#111827',
        'outline-offset': 3,
        'font-weight': 'bold',
        'z-index': 30,
      },
    },
    {
      selector: 'node.badge',
      style: {
        width: 1,
        height: 1,
        'background-opacity': 0,
        'border-width': 0,
        label: 'data(label)',
        'font-size': 10.5,
        'font-weight': 'bold',
        color: '#ffffff',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'none',
        'text-background-color': 'data(color)',
        'text-background-opacity': 1,
        'text-background-padding': '2px',
        'text-background-shape': 'round-rectangle',
        events: 'no',
        'z-index': 12,
      },
    },
    {
      selector: 'node.enterprise',
      style: {
        shape: 'ellipse',
        width: 12,
        height: 12,
        'background-color': 'data(color)',
        'border-width': 1,
        'border-color': '#5b6675',
        label: 'data(label)',
        'font-size': 9,
        color: INK_SOFT,
        'min-zoomed-font-size': 7,
        // Supply edges into the expanded link cross the ring; names stay readable over them.
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        ...radialLabel,
        'z-index': 20,
      },
    },
    {
      selector: 'node.group',
      style: {
        shape: 'ellipse',
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(color)',
        'border-width': 1,
        'border-color': '#5b6675',
        label: 'data(label)',
        'font-size': GROUP_FONT_PX,
        color: INK_SOFT,
        ...radialLabel,
        'z-index': 20,
      },
    },
    {
      selector: 'node.enterprise.highlighted, node.group.highlighted',
      style: { 'underlay-padding': 5 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.4,
        'line-color': EDGE,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': EDGE,
        'arrow-scale': 0.8,
        'overlay-opacity': 0,
      },
    },
    {
      selector: 'edge.routed',
      style: {
        'curve-style': 'round-segments',
        'segment-weights': 'data(segWeights)',
        'segment-distances': 'data(segDistances)',
        'segment-radii': [24],
        'edge-distances': 'node-position',
      },
    },
    {
      selector: 'edge.feedback',
      style: {
        'line-style': 'dashed',
        'line-dash-pattern': [6, 4],
        'line-color': FEEDBACK,
        'target-arrow-color': FEEDBACK,
        width: 1.4,
      },
    },
    {
      selector: 'edge.adjacent',
      style: {
        width: 2.4,
        'line-color': EDGE_STRONG,
        'target-arrow-color': EDGE_STRONG,
        'z-index': 5,
      },
    },
    {
      selector: 'edge.spoke',
      style: {
        'curve-style': 'straight',
        width: 0.8,
        'line-color': '#94a3b8',
        'line-opacity': 0.6,
        'target-arrow-shape': 'none',
        events: 'no',
      },
    },
    { selector: '.dimmed', style: { opacity: 0.25 } },
  ];
}

/**
 * The chain graph's stylesheet for cytoscape (see `buildGraphStyleBlocks`).
 * @example cytoscape({ container, style: buildGraphStyle({ fontFamily: 'Noto Sans SC' }) })
 */
export function buildGraphStyle(opts: { fontFamily: string }): StylesheetJson {
  // cytoscape's typings declare numeric properties as numbers, but it parses `data(field)` strings
  // for every property; the blocks above are exactly what it accepts at run time.
  return buildGraphStyleBlocks(opts) as unknown as StylesheetJson;
}
