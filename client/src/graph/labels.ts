// Readable labels at every zoom: labels keep a constant size on screen (like a map's), and where two would
// overlap only the more important one is drawn (selected, hovered, on the highlighted path, then by degree).
// The rest appear as the analyst zooms in. The canvas runs this after each layout, zoom or class change.
import type { Core, NodeSingular } from 'cytoscape';
import type { Controller } from './controllers.ts';

/** Label sizes on screen, in CSS pixels. */
export const LABEL_PX = { hub: 14, normal: 12, edge: 11 };
/** Longest label drawn without selection or hover; the full text is in the details panel. */
export const SHORT_LABEL = 32;

export interface LabelCandidate {
  id: string;
  /** Higher first; Infinity means always drawn. */
  priority: number;
  /** The label's box on screen. */
  box: { x1: number; y1: number; x2: number; y2: number };
}

/** A label shortened to `max` characters with an ellipsis. */
export function shortLabel(label: string, max = SHORT_LABEL): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

function overlaps(a: LabelCandidate['box'], b: LabelCandidate['box']): boolean {
  return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}

/** Greedy choice of labels that do not overlap, most important first: the ids whose label is drawn. */
export function chooseLabels(candidates: readonly LabelCandidate[]): Set<string> {
  const sorted = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
  const kept: LabelCandidate[] = [];
  const out = new Set<string>();
  for (const c of sorted) {
    if (c.priority !== Infinity && kept.some((k) => overlaps(k.box, c.box))) continue;
    kept.push(c);
    out.add(c.id);
  }
  return out;
}

const FORCED = ['selected', 'hovered', 'on-path', 'focused'];

let measureContext: CanvasRenderingContext2D | null | undefined;
function textWidth(text: string, px: number, bold: boolean): number {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * px * 0.58;
  measureContext.font = `${bold ? 'bold ' : ''}${px}px system-ui, sans-serif`;
  return measureContext.measureText(text).width;
}

/** Sets each label's size for the current zoom and hides labels that would overlap (class `no-label`). */
export function declutterLabels(cy: Core): void {
  const zoom = cy.zoom();
  const candidates: LabelCandidate[] = [];
  const extent = cy.extent();
  cy.batch(() => {
    cy.nodes().forEach((n: NodeSingular) => {
      const hub = (n.data('degree') as number) >= 8;
      const px = hub ? LABEL_PX.hub : LABEL_PX.normal;
      const model = px / zoom;
      if (n.data('fontSize') !== model) n.data({ fontSize: model, maxLabelWidth: 240 / zoom });
    });
    cy.edges().forEach((e) => {
      const model = LABEL_PX.edge / zoom;
      if (e.data('fontSize') !== model) e.data('fontSize', model);
    });
  });
  cy.nodes().forEach((n: NodeSingular) => {
    if (n.hasClass('filtered')) return;
    const p = n.position();
    if (p.x < extent.x1 - 200 || p.x > extent.x2 + 200 || p.y < extent.y1 - 200 || p.y > extent.y2 + 200)
      return;
    const forced = FORCED.some((c) => n.hasClass(c));
    const hub = (n.data('degree') as number) >= 8;
    const px = hub ? LABEL_PX.hub : LABEL_PX.normal;
    const text = forced ? (n.data('label') as string) : (n.data('shortLabel') as string);
    const r = n.renderedPosition();
    const half = (n.renderedOuterHeight() as number) / 2;
    const w = Math.min(textWidth(text, px, forced), forced ? 240 : 1e9) + 6;
    const lines = forced ? Math.ceil(textWidth(text, px, true) / 240) : 1;
    candidates.push({
      id: n.id(),
      priority: forced ? Infinity : (n.data('degree') as number) + (n.hasClass('neighbour') ? 1000 : 0),
      box: { x1: r.x - w / 2, x2: r.x + w / 2, y1: r.y + half, y2: r.y + half + 4 + lines * px * 1.25 },
    });
  });
  const keep = chooseLabels(candidates);
  cy.batch(() => {
    cy.nodes().forEach((n: NodeSingular) => {
      const hide = !keep.has(n.id());
      if (hide !== n.hasClass('no-label')) n.toggleClass('no-label', hide);
    });
  });
}

/** Re-runs the label choice whenever the viewport settles. */
export function labelController(cy: Core): Controller & { refresh(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!cy.destroyed()) declutterLabels(cy);
    }, 60);
  };
  cy.on('viewport resize', refresh);
  return {
    refresh,
    dispose: () => {
      clearTimeout(timer);
      cy.off('viewport resize', refresh);
    },
  };
}
