// The header's "Export" menu: the picture for a report (PNG, SVG), the explorer's own JSON, and the formats other
// tools open (GEXF for Gephi, GraphML, CSV of nodes and of relationships), of the canvas or of the whole graph (the
// server's, streamed). Each item keeps its full name for screen readers ("Export PNG"); Escape or a click elsewhere
// closes the menu.
import { useEffect, useRef, useState } from 'react';

export interface ExportActions {
  exportPng: () => void;
  exportSvg: () => void;
  exportJson: () => void;
  exportGexf: () => void;
  exportGraphml: () => void;
  exportCsvNodes: () => void;
  exportCsvEdges: () => void;
  exportWholeGexf: () => void;
  exportWholeGraphml: () => void;
  exportWholeCsvNodes: () => void;
  exportWholeCsvEdges: () => void;
}

/** The menu's items: the accessible name, what the item says, and what it does. */
const ITEMS: [name: string, text: string, action: keyof ExportActions][] = [
  ['Export PNG', 'Picture (PNG): title, legend, dates, sources', 'exportPng'],
  ['Export SVG', 'Picture (SVG): the same, in vectors', 'exportSvg'],
  ['Export JSON', 'JSON: nodes, relationships, positions', 'exportJson'],
  ['Export GEXF', 'GEXF (Gephi)', 'exportGexf'],
  ['Export GraphML', 'GraphML (yEd, Cytoscape desktop)', 'exportGraphml'],
  ['Export CSV of nodes', 'CSV: nodes', 'exportCsvNodes'],
  ['Export CSV of relationships', 'CSV: relationships', 'exportCsvEdges'],
  ['Export whole graph as GEXF', 'Whole graph as GEXF', 'exportWholeGexf'],
  ['Export whole graph as GraphML', 'Whole graph as GraphML', 'exportWholeGraphml'],
  ['Export whole graph as CSV of nodes', 'Whole graph as CSV: nodes', 'exportWholeCsvNodes'],
  ['Export whole graph as CSV of relationships', 'Whole graph as CSV: relationships', 'exportWholeCsvEdges'],
];

/** The Export button and its menu. */
export function ExportMenu({ actions }: { actions: ExportActions }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);
  return (
    <div
      className="menu"
      ref={box}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button type="button" aria-haspopup="true" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Export ▾
      </button>
      {open && (
        <div className="menu-items" role="group" aria-label="Export as">
          {ITEMS.map(([name, text, action]) => (
            <button
              key={action}
              type="button"
              aria-label={name}
              onClick={() => {
                setOpen(false);
                actions[action]();
              }}
            >
              {text}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
