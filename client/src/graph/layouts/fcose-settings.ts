// The force layout's settings, as plain values: the explorer's layout (force.ts, in the page's Web Worker) and the
// bare Cytoscape page (bench/client/page.ts) both use them, so the benchmark measures the explorer's layout.
export const FCOSE_SETTINGS = {
  quality: 'proof',
  animate: false,
  nodeDimensionsIncludeLabels: false,
  nodeRepulsion: 6000,
  idealEdgeLength: 60,
  edgeElasticity: 0.45,
  gravity: 0.25,
  gravityRange: 3.8,
  numIter: 2500,
  nodeSeparation: 75,
  packComponents: true,
  padding: 30,
} as const;
