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
  /** When the last /graphql response had arrived (from the page's resource timings). */
  dataReady?: number | null;
  /** When the page's DOM was ready (scripts loaded and run). */
  domReady?: number | null;
}

/**
 * Installed before any page script: catches the instance when the page assigns `window.cy` and timestamps the
 * first frame drawn with all expected nodes, the end of the layout, and the first frame after it.
 */
export function probeScript(expected: number): string {
  return `(() => {
    const b = (window.__bench = { expected: ${expected}, nodes: 0, edges: 0, firstFrame: null, layoutStop: null, layoutFrame: null, renders: 0, webgl: false });
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
