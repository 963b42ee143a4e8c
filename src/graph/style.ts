/**
 * The chain graph's cytoscape stylesheet. Colours of nodes come from the elements' data (which take
 * them from ../overlays); this module only decides shapes, borders, labels and states.
 */
import type { StylesheetJson } from 'cytoscape';

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
export const HIGHLIGHT = '#f59e0b';

/**
 * The stylesheet blocks of the chain graph, in cascade order (later blocks win).
 * @example buildGraphStyleBlocks({ fontFamily: 'Noto Sans SC' }).map((b) => b.selector)
 * // ['core', 'node', 'node.stage', 'node.link', 'node.selected', …]
 */
export function buildGraphStyleBlocks(opts: { fontFamily: string }): GraphStyleBlock[] {
  return [
    { selector: 'core', style: { 'active-bg-opacity': 0, 'selection-box-opacity': 0 } },
    {
      selector: 'node',
      style: {
        'font-family': opts.fontFamily,
        color: INK,
        'overlay-opacity': 0,
        // Never replaced by a grey box: a label is always drawn (the layout keeps it legible).
        'min-zoomed-font-size': 0,
      },
    },
    {
      selector: 'node.stage',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'background-color': '#eef2f6',
        'border-width': 0,
        label: 'data(label)',
        'font-size': 'data(fontSize)',
        'font-weight': 'bold',
        color: INK_SOFT,
        'text-valign': 'center',
        'text-halign': 'center',
        events: 'no',
        'z-index': 1,
      },
    },
    {
      selector: 'node.link',
      style: {
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'background-color': 'data(fill)',
        'border-width': 2.5,
        'border-color': 'data(border)',
        label: 'data(label)',
        'font-size': 'data(fontSize)',
        'line-height': 1.25,
        'text-wrap': 'wrap',
        // Lines arrive broken to the card's width; cytoscape must not break them again.
        'text-max-width': 'data(textMax)',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-justification': 'center',
        'text-margin-y': 'data(textDy)',
        'z-index': 10,
      },
    },
    {
      selector: 'node.selected',
      style: {
        'outline-width': 3,
        'outline-color': '#111827',
        'outline-offset': 2,
        'border-width': 3.5,
        'font-weight': 'bold',
        'z-index': 30,
      },
    },
    {
      selector: 'node.link.highlighted',
      style: {
        'underlay-color': HIGHLIGHT,
        'underlay-opacity': 0.6,
        'underlay-padding': 6,
        'underlay-shape': 'round-rectangle',
      },
    },
    {
      selector: 'node.bar',
      style: {
        shape: 'rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'border-width': 0,
        'background-fill': 'linear-gradient',
        'background-gradient-direction': 'to-right',
        'background-gradient-stop-colors': 'data(stopColors)',
        'background-gradient-stop-positions': 'data(stopPositions)',
        events: 'no',
        'z-index': 11,
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
        'font-size': 'data(fontSize)',
        'font-weight': 'bold',
        color: '#ffffff',
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'none',
        'text-background-color': 'data(color)',
        'text-background-opacity': 1,
        'text-background-padding': '3px',
        'text-background-shape': 'round-rectangle',
        events: 'no',
        // Over a selected card's outline too: the badge stays readable.
        'z-index': 40,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.6,
        'line-color': EDGE,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'target-arrow-color': EDGE,
        'arrow-scale': 0.9,
        'overlay-opacity': 0,
        'z-index': 2,
      },
    },
    {
      selector: 'edge.routed',
      style: {
        'curve-style': 'round-segments',
        'segment-weights': 'data(segWeights)',
        'segment-distances': 'data(segDistances)',
        'segment-radii': [16],
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
        width: 1.6,
      },
    },
    {
      selector: 'edge.adjacent',
      style: {
        width: 3,
        'line-color': EDGE_STRONG,
        'target-arrow-color': EDGE_STRONG,
        'z-index': 5,
      },
    },
    { selector: '.dimmed', style: { opacity: 0.3 } },
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
