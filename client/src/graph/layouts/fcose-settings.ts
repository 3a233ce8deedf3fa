// The force layout's settings, as plain values: the explorer's layout (registry.ts) and the client benchmark's
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
