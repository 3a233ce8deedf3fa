// The canvas from the keyboard: with the canvas focused, an arrow key selects the nearest node in that
// direction from the selected one (the one nearest the middle of the view when none is), and Enter opens the
// selected node's details, and G collapses or expands the group the selected node is in (client/src/groups). The
// choice of node is pure (`nearestInDirection`); `canvasKeys` applies it.
import type { Core } from 'cytoscape';
import type { Action, Selection } from '../explorer/state.ts';
import { centreOn } from './canvas.ts';
import type { Point } from './layouts/placement.ts';

export type Direction = 'left' | 'right' | 'up' | 'down';

const UNIT: Record<Direction, Point> = {
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
};

const KEYS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * The node to go to from `from` in `direction`: among the nodes within 60° either side of that direction, the
 * one nearest, counting sideways distance twice (so the node straight ahead wins over a closer one off to the
 * side). Null when there is none that way.
 */
export function nearestInDirection(
  from: Point,
  candidates: ReadonlyArray<{ id: string } & Point>,
  direction: Direction,
): string | null {
  const u = UNIT[direction];
  let best: { id: string; score: number } | null = null;
  for (const c of candidates) {
    const dx = c.x - from.x;
    const dy = c.y - from.y;
    const along = dx * u.x + dy * u.y;
    const across = Math.abs(dx * u.y - dy * u.x);
    if (along <= 0 || across > along * Math.tan(Math.PI / 3)) continue;
    const score = along + 2 * across;
    if (!best || score < best.score || (score === best.score && c.id < best.id)) best = { id: c.id, score };
  }
  return best?.id ?? null;
}

/** The node nearest `point`, or null when there is none. */
export function nearestTo(point: Point, candidates: ReadonlyArray<{ id: string } & Point>): string | null {
  let best: { id: string; d: number } | null = null;
  for (const c of candidates) {
    const d = Math.hypot(c.x - point.x, c.y - point.y);
    if (!best || d < best.d) best = { id: c.id, d };
  }
  return best?.id ?? null;
}

/**
 * The key handler of the focused canvas. `openDetails` moves focus to the details of the selected node;
 * `toggleGroupOf` collapses or expands the group of a node.
 */
export function canvasKeys(
  cy: Core,
  selection: () => Selection,
  dispatch: (a: Action) => void,
  openDetails: () => void,
  toggleGroupOf: (nodeId: string) => void = () => {},
): (e: { key: string; preventDefault(): void }) => void {
  return (e) => {
    const sel = selection();
    if (e.key === 'g' || e.key === 'G') {
      if (sel.type === 'node') {
        e.preventDefault();
        toggleGroupOf(sel.id);
      }
      return;
    }
    if (e.key === 'Enter') {
      if (sel.type !== 'none') {
        e.preventDefault();
        openDetails();
      }
      return;
    }
    const direction = KEYS[e.key];
    if (!direction) return;
    e.preventDefault();
    // The graph's nodes: a group's node is no node of the graph to select.
    const candidates = cy
      .nodes(':visible[!grouping]')
      .map((n) => ({ id: n.id(), ...n.renderedPosition() }))
      .filter((c) => sel.type !== 'node' || c.id !== sel.id);
    const current = sel.type === 'node' ? cy.getElementById(sel.id) : null;
    const next =
      current && current.nonempty() && current.visible()
        ? nearestInDirection(current.renderedPosition(), candidates, direction)
        : nearestTo({ x: cy.width() / 2, y: cy.height() / 2 }, candidates);
    if (!next) return;
    dispatch({ type: 'selected', selection: { type: 'node', id: next } });
    const p = cy.getElementById(next).renderedPosition();
    if (p.x < 30 || p.y < 30 || p.x > cy.width() - 30 || p.y > cy.height() - 30) centreOn(cy, next);
  };
}

/** Moves focus to the details panel: to its first action when it has one. */
export function openDetails(): void {
  const panel = document.getElementById('details');
  const first =
    panel?.querySelector<HTMLElement>('.actions button:not([disabled])') ??
    panel?.querySelector<HTMLElement>('button, a[href]');
  (first ?? panel)?.focus();
}
