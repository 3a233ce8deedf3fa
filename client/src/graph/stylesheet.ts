// The Cytoscape stylesheet: the look of each kind (from the registry) and of each state class that
// graph/project.ts puts on elements (selected, neighbour, hovered, focused, filtered, on-path, off-path, dimmed,
// version-added, version-removed).
import type { StylesheetJson } from 'cytoscape';
import { KIND_LOOKS } from './kinds.ts';
import { LABEL_MARGIN } from './labels.ts';
import { GROUP_STYLES } from '../groups/style.ts';

const INK = '#1f2937';
const PATH = '#d62828';
/** The ring of a contested claim (also in the legend). */
export const CONTESTED = '#d97706';
/** Compared versions of a view: added, removed. */
const ADDED = '#16a34a';
const REMOVED = '#6b7280';

/** Every node, before its kind's colour and shape. */
const NODE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      width: 'data(size)',
      height: 'data(size)',
      'background-color': '#444',
      'border-width': 1.5,
      'border-color': '#ffffff',
      label: 'data(shortLabel)',
      'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      'font-size': 'data(fontSize)',
      color: INK,
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': LABEL_MARGIN,
      'text-wrap': 'none',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'text-background-shape': 'roundrectangle',
    },
  },
  // A contested claim: an amber double ring (the legend says so), kept under the state classes' borders.
  {
    selector: 'node[contested = "yes"]',
    style: { 'border-style': 'double', 'border-width': 5, 'border-color': CONTESTED },
  },
];

/** Every relationship. */
const EDGE: StylesheetJson = [
  {
    selector: 'edge',
    style: {
      width: 1.4,
      'line-color': '#aab3c0',
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'target-arrow-color': '#aab3c0',
      'arrow-scale': 0.8,
      'font-size': 'data(fontSize)',
      color: '#4b5563',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.8,
    },
  },
  // Thicker with more independent publishers (graph/project.ts); dashed when the encoder inferred it.
  { selector: 'edge[width]', style: { width: 'data(width)' } },
  { selector: 'edge[basis = "INFERRED"]', style: { 'line-style': 'dashed' } },
];

/** The state classes graph/project.ts puts on elements, later ones winning. */
const STATES: StylesheetJson = [
  { selector: '.filtered', style: { display: 'none' } },
  // Laid out by date, relationships matter less than order: they recede.
  { selector: 'edge.timeline', style: { opacity: 0.35 } },
  // Named nodes are drawn above unnamed ones, so a label is never hidden under a neighbour's shape.
  { selector: 'node', style: { 'z-index': 4 } },
  // Where the declutter (graph/labels.ts) puts a label when the place under its node is taken, in which form
  // (shortened), or none.
  {
    selector: 'node[labelAt = "right"]',
    style: {
      'text-halign': 'right',
      'text-valign': 'center',
      'text-margin-x': LABEL_MARGIN,
      'text-margin-y': 0,
    },
  },
  {
    selector: 'node[labelAt = "left"]',
    style: {
      'text-halign': 'left',
      'text-valign': 'center',
      'text-margin-x': -LABEL_MARGIN,
      'text-margin-y': 0,
    },
  },
  { selector: 'node[labelAt = "above"]', style: { 'text-valign': 'top', 'text-margin-y': -LABEL_MARGIN } },
  { selector: 'node[?shorten]', style: { label: 'data(shorterLabel)' } },
  { selector: 'node.no-label', style: { label: '', 'z-index': 1 } },
  { selector: 'edge.neighbour, edge.selected, edge.on-path', style: { label: 'data(type)' } },
  {
    selector: 'node.selected, node.hovered, node.on-path, node.focused',
    style: {
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': 'data(maxLabelWidth)',
      'text-halign': 'center',
      'text-valign': 'bottom',
      'text-margin-x': 0,
      'text-margin-y': LABEL_MARGIN,
    },
  },
  {
    selector: 'node.neighbour',
    style: { 'border-color': INK, 'border-width': 2, 'z-index': 5 },
  },
  {
    selector: 'edge.neighbour',
    style: {
      'line-color': '#5b6472',
      'target-arrow-color': '#5b6472',
      width: 2.2,
    },
  },
  {
    selector: 'node.hovered',
    style: { 'border-color': INK, 'border-width': 3, 'z-index': 9 },
  },
  {
    selector: 'node.selected',
    style: {
      'border-color': '#111827',
      'border-width': 5,

      'font-weight': 'bold',
      'z-index': 10,
    },
  },
  {
    selector: 'edge.selected',
    style: {
      'line-color': '#111827',
      'target-arrow-color': '#111827',
      width: 4,
    },
  },
  {
    selector: 'node.focused',
    style: { 'underlay-color': '#facc15', 'underlay-padding': 12, 'underlay-opacity': 0.6 },
  },
  {
    selector: 'node.has-more',
    style: { 'border-style': 'double', 'border-width': 5, 'border-color': INK },
  },
  { selector: '.off-path', style: { opacity: 0.18 } },
  // Around a selected node: the rest recedes (a hovered node comes forward again).
  { selector: '.dimmed', style: { opacity: 0.2 } },
  { selector: 'node.dimmed.hovered', style: { opacity: 1 } },
  {
    selector: 'node.on-path',
    style: {
      'border-color': PATH,
      'border-width': 5,

      'z-index': 20,
      'font-weight': 'bold',
    },
  },
  {
    selector: 'edge.on-path',
    style: {
      'line-color': PATH,
      'target-arrow-color': PATH,
      width: 5,

      'z-index': 20,
      color: PATH,
      'font-size': 11,
      'font-weight': 'bold',
    },
  },
  // Pinned (the analyst's choice, saved with a view): a dashed blue outline outside the border, so it shows
  // with every border above (contested, selected, on a path). The legend says so.
  {
    selector: 'node.pinned',
    style: { 'outline-width': 2, 'outline-style': 'dashed', 'outline-color': '#2563eb', 'outline-offset': 2 },
  },
  // Two versions of a view compared (client/src/views/versions.ts): what the current version added has a green
  // outline (and line); what it removed is faded and dashed. Last, so they show over every other state.
  {
    selector: 'node.version-added',
    style: { 'outline-width': 4, 'outline-style': 'solid', 'outline-color': ADDED, 'outline-offset': 2 },
  },
  { selector: 'edge.version-added', style: { 'line-color': ADDED, 'target-arrow-color': ADDED, width: 3 } },
  {
    selector: 'node.version-removed',
    style: {
      opacity: 0.45,
      'border-style': 'dashed',
      'border-width': 3,
      'border-color': REMOVED,
      'outline-width': 0,
    },
  },
  {
    selector: 'edge.version-removed',
    style: { opacity: 0.45, 'line-style': 'dashed', 'line-color': REMOVED, 'target-arrow-color': REMOVED },
  },
];

/** The explorer's stylesheet. */
export function stylesheet(): StylesheetJson {
  const kinds: StylesheetJson = Object.entries(KIND_LOOKS).map(([kind, s]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': s.color, shape: s.shape },
  }));
  // Sized or coloured by a style rule (client/src/style), when the analyst asks: after the kind's look (the shape
  // still tells the kind), before the state classes (a selected node still stands out).
  const styled: StylesheetJson = [
    { selector: 'node[styleSize]', style: { width: 'data(styleSize)', height: 'data(styleSize)' } },
    { selector: 'node[styleColour]', style: { 'background-color': 'data(styleColour)' } },
  ];
  // Groups (client/src/groups) last: their captions show whatever the label declutter decided.
  return [...NODE, ...kinds, ...styled, ...EDGE, ...STATES, ...GROUP_STYLES];
}
