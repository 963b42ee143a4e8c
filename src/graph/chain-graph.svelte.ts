/**
 * The chain graph as an `{@attach}`: one cytoscape instance (canvas renderer) per element, fed from a
 * nested effect whenever the input or the panel's size changes, events sent out through callbacks.
 * Elements and style are built by the pure ./elements and ./style, laid out for the panel's size;
 * the view stays at zoom 1 (a card's font size is what the reader sees) unless the user zooms.
 * This module only owns the instance, the tooltip and the readiness attributes tests wait on:
 * - `data-ready`: "false" while new input is being applied, "true" once cytoscape has painted it;
 * - `data-selected`: the selected link id, or '';
 * - `data-highlighted`: the sorted, space-separated ids of highlighted link nodes.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { VERDICT_LABELS } from '../i18n/labels';
import { formatCount, formatWan } from '../i18n/format';
import { buildGraphElements, graphBounds, type GraphFrame, type GraphInput } from './elements';
import { buildGraphStyle } from './style';
import { fontFamilyOf, fontReady, loadFont } from './fonts';

export interface ChainGraphCallbacks {
  onselectlink(id: string | null): void;
  /** The link under the pointer, or null when the pointer leaves it. */
  onhoverlink?(id: string | null): void;
}

/**
 * cytoscape injects a one-rule <style> element (container position: relative) unless an element
 * with its id exists; an inline style element breaks the app's CSP (style-src 'self'). The rule is
 * in app.css instead, and this marker tells cytoscape it is there.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
function markCytoscapeStylesheet(): void {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const marker = document.createElement('meta');
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  document.head.prepend(marker);
}

export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 3;

const instances = new WeakMap<
  HTMLElement,
  { cy: Core; reset: () => void; markMoved: () => void }
>();

/** Back to the diagram as laid out for the panel: zoom 1, centred (no-op before it mounts). */
export function resetChainGraph(el: HTMLElement | undefined): void {
  if (el) instances.get(el)?.reset();
}

/** Zooms the chain graph mounted on `el` by `factor` around the centre of its view. */
export function zoomChainGraph(el: HTMLElement | undefined, factor: number): void {
  const instance = el && instances.get(el);
  if (!instance) return;
  const { cy } = instance;
  instance.markMoved();
  cy.zoom({
    level: Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, cy.zoom() * factor)),
    renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
  });
}

/**
 * `{@attach chainGraph(() => input, { onselectlink })}`: draws the chain diagram in the element.
 * Tapping a link's card selects it (tapping the selected one again clears it: null); the
 * background does nothing. The view is placed (zoom 1, centred) when a new chain is shown and when
 * the pane changes size before the user zoomed or panned, never on overlay or selection changes.
 */
export function chainGraph(
  getInput: () => GraphInput,
  callbacks: ChainGraphCallbacks,
): Attachment<HTMLElement> {
  return (el) => {
    let fontFamily = fontFamilyOf(el);
    markCytoscapeStylesheet();
    const cy = cytoscape({
      container: el,
      elements: [],
      style: buildGraphStyle({ fontFamily }),
      layout: { name: 'preset' },
      minZoom: MIN_ZOOM,
      maxZoom: MAX_ZOOM,
      userZoomingEnabled: true,
      userPanningEnabled: true,
      boxSelectionEnabled: false,
      // Positions are computed (and edges routed) for the whole chain: dragging would break the routes.
      autoungrabify: true,
      autounselectify: true,
    });
    Object.defineProperty(el, 'chainAtlasCy', { value: cy, configurable: true });

    const tooltip = createTooltip(el);
    let destroyed = false;
    let generation = 0;
    /** The panel's size, which the diagram is laid out for. */
    let frame = $state.raw<GraphFrame>({ width: el.clientWidth, height: el.clientHeight });
    /** The chain and frame the view was last placed for (placed again only when they change). */
    let placedFor = '';
    let userMoved = false;

    /** Zoom 1, the drawing centred in the panel, or from its top-left corner when it is larger. */
    const reset = () => {
      userMoved = false;
      const input = untrack(() => getInput());
      const b = graphBounds(input, frame);
      cy.zoom(1);
      cy.pan({
        x: Math.max(0, (cy.width() - (b.x2 - b.x1)) / 2) - b.x1,
        y: Math.max(0, (cy.height() - (b.y2 - b.y1)) / 2) - b.y1,
      });
    };
    /** The user zoomed or panned: a new panel size no longer places the view again. */
    const markMoved = () => {
      userMoved = true;
    };
    instances.set(el, { cy, reset, markMoved });

    const onTapLink = (event: EventObject) => {
      const id: string = event.target.id();
      callbacks.onselectlink(id === getInput().selectedLinkId ? null : id);
    };
    const onOver = (event: EventObject) => {
      el.style.cursor = 'pointer';
      const lines = tooltipLines(getInput(), event);
      showTooltip(tooltip, lines);
      moveTooltip(tooltip, el, event);
      if (event.target.hasClass('link')) callbacks.onhoverlink?.(event.target.id());
    };
    const onMove = (event: EventObject) => moveTooltip(tooltip, el, event);
    const onOut = (event: EventObject) => {
      el.style.cursor = '';
      tooltip.hidden = true;
      if (event.target.hasClass('link')) callbacks.onhoverlink?.(null);
    };
    const hoverable = 'node.link';
    cy.on('tap', 'node.link', onTapLink);
    cy.on('mouseover', hoverable, onOver);
    cy.on('mousemove', hoverable, onMove);
    cy.on('mouseout', hoverable, onOut);

    // cytoscape follows window resizes only; the graph pane also changes size with the layout
    // (first paint, maximise/restore, the panels folding): the diagram is laid out again for it.
    el.addEventListener('wheel', markMoved, { passive: true });
    cy.on('dragpan', markMoved);
    const resizeObserver =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            cy.resize();
            const width = el.clientWidth;
            const height = el.clientHeight;
            if (width > 0 && height > 0 && (width !== frame.width || height !== frame.height)) {
              frame = { width, height };
            }
          });
    resizeObserver?.observe(el);

    const show = (input: GraphInput, elements: ElementDefinition[]) => {
      // The page font follows the language (Latin glyphs from Noto Sans in English).
      const family = fontFamilyOf(el);
      if (family !== fontFamily) {
        fontFamily = family;
        cy.style(buildGraphStyle({ fontFamily }));
      }
      // A node under the pointer may be about to go (a collapsed ring): no stale tooltip.
      tooltip.hidden = true;
      applyElements(cy, elements);
      el.dataset.selected = input.selectedLinkId ?? '';
      el.dataset.highlighted = cy
        .nodes('.link.highlighted')
        .map((n) => n.id())
        .sort()
        .join(' ');
      // A new chain, or a new panel size before the user zoomed or panned: place the view again.
      const place = `${input.chain.id} ${frame.width}x${frame.height} ${input.lang}`;
      const newChain = !placedFor.startsWith(`${input.chain.id} `);
      if (place !== placedFor && (newChain || !userMoved) && frame.width > 0) {
        placedFor = place;
        reset();
      }
    };

    $effect(() => {
      const input = getInput();
      const size = frame;
      if (size.width === 0 || size.height === 0) return;
      const elements = buildGraphElements(input, size);
      const current = ++generation;
      el.dataset.ready = 'false';
      // Labels are drawn on canvas and cached as bitmaps: the web font's glyphs for them must be
      // loaded before they are first drawn, or the cache keeps the fallback's empty boxes.
      const labels = elements.map((e) => String(e.data.label ?? '')).join('');
      const apply = () => {
        if (destroyed || current !== generation) return;
        show(input, elements);
        cy.one('render', () => {
          if (!destroyed && current === generation) el.dataset.ready = 'true';
        });
        cy.forceRender();
      };
      if (fontReady(el, labels)) apply();
      else void loadFont(el, labels).then(apply);
    });

    return () => {
      destroyed = true;
      resizeObserver?.disconnect();
      el.removeEventListener('wheel', markMoved);
      cy.off('dragpan', markMoved);
      cy.off('tap', 'node.link', onTapLink);
      cy.off('mouseover', hoverable, onOver);
      cy.off('mousemove', hoverable, onMove);
      cy.off('mouseout', hoverable, onOut);
      tooltip.remove();
      instances.delete(el);
      cy.destroy();
      delete (el as { chainAtlasCy?: Core }).chainAtlasCy;
      delete el.dataset.ready;
    };
  };
}

/** Whether two data values are the same (arrays and objects compared by content). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Brings cytoscape's elements in line with `next` by id: removes what is gone, updates data, classes
 * and positions of what stays (so the viewport and the instance survive), adds what is new. What
 * did not change is not touched: cytoscape restyles every element whose data or classes are set.
 */
function applyElements(cy: Core, next: readonly ElementDefinition[]): void {
  const wanted = new Map(next.map((e) => [String(e.data.id), e] as const));
  cy.batch(() => {
    cy.elements()
      .filter((ele) => !wanted.has(ele.id()))
      .remove();
    const added: ElementDefinition[] = [];
    for (const [id, def] of wanted) {
      const ele = cy.getElementById(id);
      if (ele.empty()) {
        added.push(def);
        continue;
      }
      const isEdge = def.group === 'edges';
      if (
        isEdge &&
        (ele.data('source') !== def.data.source || ele.data('target') !== def.data.target)
      ) {
        ele.remove();
        added.push(def);
        continue;
      }
      // Replace the data wholesale: a key that is no longer there (e.g. pie slices) must go.
      const current = ele.data() as Record<string, unknown>;
      const stale = Object.keys(current).filter(
        (key) => !(key in def.data) && key !== 'id' && key !== 'source' && key !== 'target',
      );
      if (stale.length > 0) ele.removeData(stale.join(' '));
      const changed = Object.entries(def.data).filter(([k, v]) => !sameValue(current[k], v));
      if (changed.length > 0) ele.data(Object.fromEntries(changed));
      const classes =
        typeof def.classes === 'string' ? def.classes.split(/\s+/) : (def.classes ?? []);
      const wantedClasses = classes.filter(Boolean).sort().join(' ');
      if (ele.classes().slice().sort().join(' ') !== wantedClasses) ele.classes(classes);
      if (def.position && ele.isNode()) {
        const at = ele.position();
        if (at.x !== def.position.x || at.y !== def.position.y) ele.position(def.position);
      }
    }
    if (added.length > 0) cy.add(added);
  });
}

// ---------------------------------------------------------------- tooltip

function createTooltip(el: HTMLElement): HTMLDivElement {
  const tip = document.createElement('div');
  tip.className = 'chain-graph-tooltip';
  tip.setAttribute('role', 'tooltip');
  tip.hidden = true;
  Object.assign(tip.style, {
    position: 'absolute',
    zIndex: '10',
    pointerEvents: 'none',
    maxWidth: '260px',
    padding: '6px 9px',
    background: 'rgba(255, 255, 255, 0.97)',
    border: '1px solid #cfd6de',
    borderRadius: '6px',
    boxShadow: '0 2px 8px rgba(29, 39, 51, 0.18)',
    font: '12px/1.45 var(--font, sans-serif)',
    color: '#1d2733',
  });
  el.appendChild(tip);
  return tip;
}

/** The tooltip's lines for the node under the pointer; the first is the name (drawn bold). */
function tooltipLines(input: GraphInput, event: EventObject): string[] {
  const node = event.target;
  const { lang } = input;
  const zh = lang === 'zh';
  if (node.hasClass('link')) {
    const id: string = node.id();
    const stat = input.linkStats.get(id);
    const lines = [String(node.data('name'))];
    const badge = String(node.data('badge') ?? '');
    if (badge) lines.push(badge);
    if (stat) {
      const n = formatCount(stat.enterprises, lang);
      lines.push(zh ? `链上企业 ${n} 家` : `${n} enterprises`);
      lines.push(`${zh ? '融资缺口' : 'Financing gap'} ${formatWan(stat.coverage.gap, lang)}`);
      const verdict = VERDICT_LABELS[stat.coverage.verdict];
      lines.push(`${zh ? '银行覆盖' : 'Bank coverage'}: ${verdict[lang]}`);
    }
    return lines;
  }
  return [String(node.data('name'))];
}

function showTooltip(tip: HTMLDivElement, lines: readonly string[]): void {
  tip.replaceChildren(
    ...lines.map((text, i) => {
      const line = document.createElement('div');
      line.textContent = text;
      if (i === 0) line.style.fontWeight = '700';
      return line;
    }),
  );
  tip.hidden = false;
}

function moveTooltip(tip: HTMLDivElement, el: HTMLElement, event: EventObject): void {
  const p = event.renderedPosition ?? event.target.renderedPosition();
  const width = tip.offsetWidth;
  const height = tip.offsetHeight;
  // Keep it inside the graph: flip to the left/top of the pointer near the right/bottom edge.
  const x = p.x + 14 + width > el.clientWidth ? p.x - 14 - width : p.x + 14;
  const y = p.y + 14 + height > el.clientHeight ? p.y - 14 - height : p.y + 14;
  tip.style.left = `${Math.max(0, x)}px`;
  tip.style.top = `${Math.max(0, y)}px`;
}
