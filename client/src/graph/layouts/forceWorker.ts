// The force layout in a Web Worker (force.worker.ts): one worker for the page, started on the first layout and
// kept (loading Cytoscape and fcose again for every expansion would cost more than the layout of a few nodes);
// each request carries an id, so an answer goes to the layout that asked for it.
import type { ForceInput } from './force.ts';
import type { Point } from './placement.ts';

type Answer = { id: number; positions: Record<string, Point> } | { id: number; error: string };

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<
  number,
  { resolve: (p: Record<string, Point>) => void; reject: (e: Error) => void }
>();

/** Whether the page can run layouts in a worker (not in Node, where the unit tests run). */
export const workersAvailable = (): boolean => typeof Worker !== 'undefined';

function start(): Worker {
  const w = new Worker(new URL('./force.worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (e: MessageEvent<Answer>) => {
    const request = pending.get(e.data.id);
    pending.delete(e.data.id);
    if (!request) return;
    if ('error' in e.data) request.reject(new Error(`The layout failed: ${e.data.error}`));
    else request.resolve(e.data.positions);
  };
  // A worker that cannot start or dies fails every layout waiting on it; the next layout starts a new one.
  w.onerror = (e) => {
    e.preventDefault();
    w.terminate();
    if (worker === w) worker = null;
    for (const request of pending.values()) request.reject(new Error(`The layout failed: ${e.message}`));
    pending.clear();
  };
  return w;
}

/** The force layout's positions (force.ts `forcePositions`), computed in the worker. */
export function forcePositionsInWorker(input: ForceInput): Promise<Record<string, Point>> {
  worker ??= start();
  const id = nextId++;
  const w = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, input });
  });
}
