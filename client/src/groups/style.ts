// The look of groups (groups/canvas.ts draws them): an expanded group is a pale box around its members with its
// name and count above; a collapsed one a slate rounded square with the same caption; a line standing for several
// relationships is thicker with their count on it. Last in the stylesheet, so a group's caption shows even where
// the label declutter (graph/labels.ts) would hide it.
import type { StylesheetJson } from 'cytoscape';

const SLATE = '#475569';

export const GROUP_STYLES: StylesheetJson = [
  {
    selector: 'node.group',
    style: {
      label: 'data(label)',
      shape: 'round-rectangle',
      'font-weight': 'bold',
      color: '#1e293b',
    },
  },
  {
    selector: 'node.group.expanded',
    style: {
      'background-color': '#e2e8f0',
      'background-opacity': 0.45,
      'border-width': 1.5,
      'border-style': 'dashed',
      'border-color': '#94a3b8',
      padding: '18px',
      'text-valign': 'top',
      'text-halign': 'center',
      'text-margin-x': 0,
      'text-margin-y': -4,
      'text-background-opacity': 0,
      'z-index': 1,
    },
  },
  {
    selector: 'node.group.collapsed',
    style: {
      width: 'data(size)',
      height: 'data(size)',
      'background-color': '#cbd5e1',
      'border-width': 4,
      'border-style': 'double',
      'border-color': SLATE,
    },
  },
  {
    selector: 'edge.group-edge',
    style: {
      label: 'data(caption)',
      width: 'data(width)',
      'line-color': SLATE,
      'target-arrow-shape': 'none',
      color: '#1e293b',
      'font-weight': 'bold',
      'text-rotation': 'none',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.9,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
    },
  },
];
