// What runs inside the browser for the client benchmark: the probe that timestamps Cytoscape's frames and
// layouts on any page that sets `window.cy`, and the bare Cytoscape page (no React, no explorer state) that
// loads the same saved view through the same GraphQL document and lays it out with the same fcose options.
import { VIEW } from '../../client/src/api/operations.ts';
import { FCOSE_SETTINGS } from '../../client/src/graph/layouts/fcose-settings.ts';

/** Marks the probe records, in ms since navigation start. */
export interface Marks {
  expected: number;
  nodes: number;
  edges: number;
  firstFrame: number | null;
  layoutStop: number | null;
  layoutFrame: number | null;
  renders: number;
  webgl: boolean;
  /** The main thread's tasks of 50 ms or more (the Long Tasks API): start and duration. */
  longTasks: { start: number; duration: number }[];
  /** Pointer presses and when the page handled each one: the delay from the press to its handler. */
  inputs: { at: number; delay: number }[];
  /** When the last /graphql response had arrived (from the page's resource timings). */
  dataReady?: number | null;
  /** When the page's DOM was ready (scripts loaded and run). */
  domReady?: number | null;
}

/**
 * Installed before any page script: catches the instance when the page assigns `window.cy` and timestamps the
 * first frame drawn with all expected nodes, the end of the layout, and the first frame after it; records the
 * main thread's long tasks and how long each pointer press waited for its handler.
 */
export function probeScript(expected: number): string {
  return `(() => {
    const b = (window.__bench = { expected: ${expected}, nodes: 0, edges: 0, firstFrame: null, layoutStop: null, layoutFrame: null, renders: 0, webgl: false, longTasks: [], inputs: [] });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // The event's timeStamp is when the browser took the press; the handler runs when the main thread is free.
    addEventListener('pointerdown', (e) => b.inputs.push({ at: e.timeStamp, delay: performance.now() - e.timeStamp }), true);
    // The explorer's layouts end when its canvas says so (data-layout="idle"): one in a Web Worker emits no
    // 'layoutstop' on the page's Cytoscape.
    addEventListener('DOMContentLoaded', () => {
      new MutationObserver(() => {
        const wrap = document.querySelector('.canvas-wrap');
        if (!wrap || !window.cy || b.layoutStop !== null) return;
        if (wrap.getAttribute('data-layout') === 'idle' && window.cy.nodes().length >= b.expected)
          b.layoutStop = performance.now();
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-layout'] });
    });
    const onFrame = (cy) => {
      const t = performance.now();
      b.renders++;
      b.nodes = cy.nodes().length;
      b.edges = cy.edges().length;
      if (b.firstFrame === null && b.nodes >= b.expected) b.firstFrame = t;
      if (b.layoutStop !== null && b.layoutFrame === null) b.layoutFrame = t;
    };
    const attach = (cy) => {
      // Wrapping the renderer's draw call catches frames of the WebGL renderer too (it emits no 'render').
      try {
        const r = cy.renderer();
        const draw = r.render;
        r.render = function (...args) {
          const out = draw.apply(this, args);
          onFrame(cy);
          return out;
        };
      } catch (e) {
        cy.on('render', () => onFrame(cy));
      }
      cy.on('layoutstop', () => {
        if (cy.nodes().length >= b.expected && b.layoutStop === null) b.layoutStop = performance.now();
      });
      try { b.webgl = !!cy.renderer().webgl; } catch (e) {}
    };
    let instance;
    Object.defineProperty(window, 'cy', {
      configurable: true,
      get: () => instance,
      set: (v) => { instance = v; if (v) attach(v); },
    });
  })();`;
}

/** The explorer's force-layout settings (client/src/graph/layouts/fcose-settings.ts), as plain values. */
export const FORCE_OPTIONS = { name: 'fcose', ...FCOSE_SETTINGS, randomize: true, fit: true };

/** Scripts the bare page loads, served from node_modules under /__bench/. */
export const BARE_SCRIPTS = {
  'cytoscape.min.js': 'node_modules/cytoscape/dist/cytoscape.min.js',
  'layout-base.js': 'node_modules/layout-base/layout-base.js',
  'cose-base.js': 'node_modules/cose-base/cose-base.js',
  'cytoscape-fcose.js': 'node_modules/cytoscape-fcose/cytoscape-fcose.js',
};

/**
 * The bare page: fetches the saved view with the explorer's own VIEW document, adds its nodes and edges to a plain
 * Cytoscape instance (labels, arrows, no state, no React) and runs fcose with the explorer's options, or the
 * view's stored positions when `preset`.
 */
export function barePage(viewId: string, preset: boolean, webgl: boolean): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>bare cytoscape</title>
<style>html,body{margin:0;height:100%}#cy{position:absolute;inset:0}</style>
${Object.keys(BARE_SCRIPTS)
  .map((s) => `<script src="/__bench/${s}"></script>`)
  .join('\n')}
</head><body><div id="cy"></div>
<script>
(async () => {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: ${JSON.stringify(VIEW)}, variables: { id: ${JSON.stringify(viewId)} } }),
  });
  const view = (await res.json()).data.view;
  const positions = (view.layout && view.layout.positions) || {};
  const ids = new Set(view.subgraph.nodes.map((n) => n.id));
  const elements = [
    ...view.subgraph.nodes.map((n) => ({ group: 'nodes', data: { id: n.id, label: n.label.slice(0, 24), kind: n.kind }, position: positions[n.id] })),
    ...view.subgraph.edges.filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ group: 'edges', data: { id: e.id, source: e.source, target: e.target, type: e.type } })),
  ];
  const cy = cytoscape({
    container: document.getElementById('cy'),
    ${webgl ? "renderer: { name: 'canvas', webgl: true }," : ''}
    style: [
      { selector: 'node', style: { label: 'data(label)', 'font-size': 8, width: 14, height: 14, 'background-color': '#4b6cb7' } },
      { selector: 'edge', style: { width: 1, 'line-color': '#aab3c0', 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#aab3c0' } },
    ],
  });
  window.cy = cy;
  cy.add(elements);
  cy.layout(${preset ? "{ name: 'preset', fit: true, padding: 30, animate: false }" : JSON.stringify(FORCE_OPTIONS)}).run();
})();
</script></body></html>`;
}

/** Evaluated in the page once it is done: the probe's marks plus when the data and the DOM were ready. */
export const COLLECT_MARKS = `(() => {
  const graphql = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/graphql'));
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    ...window.__bench,
    dataReady: graphql.length ? Math.max(...graphql.map((e) => e.responseEnd)) : null,
    domReady: nav ? nav.domContentLoadedEventEnd : null,
  };
})()`;

/** The quiet time after which a page counts as interactive: no main-thread task of 50 ms or more. */
export const QUIET_MS = 500;

/**
 * When the page became interactive: the first full frame or, when long tasks follow within QUIET_MS, the end of
 * the last of that chain (the first moment after the first full frame that QUIET_MS without a long task follow).
 */
export function interactiveAt(
  firstFrame: number | null,
  longTasks: readonly { start: number; duration: number }[],
  quiet = QUIET_MS,
): number | null {
  if (firstFrame === null) return null;
  let at = firstFrame;
  for (const t of [...longTasks].sort((a, b) => a.start - b.start)) {
    if (t.start >= at + quiet) break;
    at = Math.max(at, t.start + t.duration);
  }
  return at;
}
