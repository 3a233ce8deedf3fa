// The graph canvas: a Cytoscape instance that mirrors the explorer state. Elements and classes come from
// project.ts; layouts from the registry; user input goes back as actions through the controllers.
import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import type { Action, ExplorerState } from '../explorer/state.ts';
import { centreOn, refitOnResize } from './canvas.ts';
import { expandController, hoverController, selectionController } from './controllers.ts';
import type { Point } from './layouts/placement.ts';
import { canvasKeys, openDetails } from './keyboard.ts';
import { labelController } from './labels.ts';
import { showPathOnCanvas } from './pathView.ts';
import { stylesheet } from './stylesheet.ts';
import { syncCanvas } from './sync.ts';
import { TimelineAxis } from './TimelineAxis.tsx';
import type { MeasureLook } from '../analysis/analysis.ts';

const NO_LOOKS: Record<string, MeasureLook> = {};

declare global {
  interface Window {
    /** The canvas's Cytoscape instance, for tests and for analysts at the console. */
    cy?: Core;
  }
}

interface Props {
  state: ExplorerState;
  dispatch: (a: Action) => void;
  onExpand: (id: string) => void;
  onReady: (cy: Core | null) => void;
  /** Sizes and colours from the measures (client/src/analysis), by node id; none: sizes by degree, colours by kind. */
  looks?: Record<string, MeasureLook>;
}

/** The Cytoscape canvas. */
export function GraphCanvas({ state, dispatch, onExpand, onReady, looks = NO_LOOKS }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const [cy, setCy] = useState<Core | null>(null);
  const labels = useRef<ReturnType<typeof labelController> | null>(null);
  const remembered = useRef(new Map<string, Point>());
  const lastEpoch = useRef(-1);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [busy, setBusy] = useState(0);
  const running = useRef(0);
  const expandRef = useRef(onExpand);
  const selectionRef = useRef(state.selection);
  const keys = useRef<ReturnType<typeof canvasKeys> | null>(null);
  useEffect(() => {
    expandRef.current = onExpand;
    selectionRef.current = state.selection;
  }, [onExpand, state.selection]);

  useEffect(() => {
    const instance = cytoscape({
      container: container.current,
      style: stylesheet(),
      minZoom: 0.05,
      maxZoom: 5,
      boxSelectionEnabled: false,
      selectionType: 'single',
      autoungrabify: false,
    });
    // Selection is the explorer's, shown through classes; Cytoscape's own would fight it.
    instance.autounselectify(true);
    window.cy = instance;
    setCy(instance);
    onReady(instance);
    labels.current = labelController(instance);
    keys.current = canvasKeys(instance, () => selectionRef.current, dispatch, openDetails);
    const controllers = [
      selectionController(instance, dispatch),
      hoverController(instance, dispatch),
      expandController(instance, (id) => expandRef.current(id)),
      labels.current,
      refitOnResize(instance),
    ];
    return () => {
      controllers.forEach((c) => c.dispose());
      onReady(null);
      if (window.cy === instance) delete window.cy;
      instance.destroy();
    };
    // The instance lives as long as the component: dispatch and onReady are stable.
  }, [dispatch, onReady]);

  useEffect(() => {
    if (!cy) return;
    const epochChanged = state.layout.epoch !== lastEpoch.current;
    lastEpoch.current = state.layout.epoch;
    const job = syncCanvas(cy, state, remembered.current, epochChanged);
    labels.current?.refresh();
    if (job) {
      const run = job;
      // Set at once (not on the next render) so tests and screenshots can wait for layouts to settle.
      running.current += 1;
      container.current?.parentElement?.setAttribute('data-layout', 'running');
      setBusy((b) => b + 1);
      queue.current = queue.current
        .then(() => run(cy))
        .catch((e: unknown) => console.warn('layout failed', e))
        .finally(() => {
          running.current -= 1;
          if (running.current === 0) container.current?.parentElement?.setAttribute('data-layout', 'idle');
          setBusy((b) => b - 1);
          labels.current?.refresh();
        });
    }
  }, [cy, state]);

  // The measures' sizes and colours, on every node that has them (a node added later gets them on the next pass).
  useEffect(() => {
    if (!cy) return;
    cy.batch(() =>
      cy.nodes().forEach((n) => {
        const look = looks[n.id()];
        for (const key of ['measureSize', 'communityColour'] as const)
          if (look?.[key] !== undefined) n.data(key, look[key]);
          else if (n.data(key) !== undefined) n.removeData(key);
      }),
    );
    labels.current?.refresh();
  }, [cy, looks, state.graph]);

  // Centre once per search choice (focusSeq), not on every state change.
  const focusId = state.focus?.id;
  const focusSeq = state.focus?.seq;
  useEffect(() => {
    if (!cy || !focusId || focusSeq === undefined) return;
    void queue.current.then(() => centreOn(cy, focusId));
  }, [cy, focusId, focusSeq]);

  // A path chosen is laid out as a line (in the timeline layout, only brought into view).
  const path = state.path;
  const asLine = state.layout.name !== 'timeline';
  useEffect(() => {
    if (!cy || !path) return;
    void queue.current.then(() => {
      showPathOnCanvas(cy, path, asLine);
      labels.current?.refresh();
    });
  }, [cy, path, asLine]);

  return (
    <div className="canvas-wrap" data-layout="idle">
      <div
        ref={container}
        id="graph-canvas"
        className="canvas"
        role="application"
        tabIndex={0}
        onKeyDown={(e) => keys.current?.(e)}
        aria-roledescription="graph"
        aria-label={`Graph of ${Object.keys(state.graph.nodes).length} nodes. Arrow keys move between nodes, Enter opens the selected node's details, Escape clears.`}
        data-testid="graph-canvas"
      />
      {cy && state.layout.name === 'timeline' && <TimelineAxis cy={cy} state={state} />}
      {busy > 0 && (
        <div className="canvas-status" role="status">
          Laying out…
        </div>
      )}
    </div>
  );
}
