// The graph canvas: a Cytoscape instance that mirrors the explorer state. Elements and classes come from
// project.ts; layouts from the registry; user input goes back as actions through the controllers.
import cytoscape, { type Core } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import type { Action, ExplorerState } from '../explorer/state.ts';
import { centreOn, refitOnResize } from './canvas.ts';
import { expandController, hoverController, selectionController } from './controllers.ts';
import type { Point } from './layouts/placement.ts';
import { canvasKeys, openDetails } from './keyboard.ts';
import { labelController, shortLabel } from './labels.ts';
import { showPathOnCanvas } from './pathView.ts';
import { stylesheet } from './stylesheet.ts';
import { syncCanvas } from './sync.ts';
import { TimelineAxis } from './TimelineAxis.tsx';
import { WorldMap } from '../map/WorldMap.tsx';
import type { NodeLook } from '../style/style.ts';
import { groupController } from '../groups/canvas.ts';
import { groupOfNode, NO_PROJECTION, type GroupProjection } from '../groups/groups.ts';

const NO_LOOKS: Record<string, NodeLook> = {};

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
  /** Colours, sizes and captions from the style rules (client/src/style), by node id; none: by kind and degree. */
  looks?: Record<string, NodeLook>;
  /** The groups drawn over the graph (client/src/groups); none by default. */
  groups?: GroupProjection;
  /** Collapses or expands a group (a double-click on its node, or G with one of its members selected). */
  onToggleGroup?: (id: string) => void;
}

/** The Cytoscape canvas. */
export function GraphCanvas({
  state,
  dispatch,
  onExpand,
  onReady,
  looks = NO_LOOKS,
  groups = NO_PROJECTION,
  onToggleGroup,
}: Props) {
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
  const groupsRef = useRef(groups);
  const toggleRef = useRef(onToggleGroup);
  useEffect(() => {
    expandRef.current = onExpand;
    selectionRef.current = state.selection;
    groupsRef.current = groups;
    toggleRef.current = onToggleGroup;
  }, [onExpand, state.selection, groups, onToggleGroup]);

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
    const toggleGroupOf = (nodeId: string) => {
      const group = groupOfNode(groupsRef.current, nodeId);
      if (group) toggleRef.current?.(group.id);
    };
    keys.current = canvasKeys(instance, () => selectionRef.current, dispatch, openDetails, toggleGroupOf);
    const controllers = [
      selectionController(instance, dispatch),
      hoverController(instance, dispatch),
      expandController(instance, (id) => expandRef.current(id)),
      groupController(instance, (id) => toggleRef.current?.(id)),
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
    const job = syncCanvas(cy, state, remembered.current, epochChanged, groups);
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
  }, [cy, state, groups]);

  // The style rules' colours, sizes and captions, on every node that has them (a node added later gets them on the
  // next pass). A caption stands in for the name in the node's plain label; selected or hovered, it shows its name.
  useEffect(() => {
    if (!cy) return;
    cy.batch(() =>
      cy.nodes().forEach((n) => {
        // Only the graph's nodes have a look (a group's compound node has none, and is left alone).
        const look = looks[n.id()];
        if (!look) return;
        for (const key of ['styleSize', 'styleColour', 'caption'] as const)
          if (look[key] === undefined) {
            if (n.data(key) !== undefined) n.removeData(key);
          } else if (n.data(key) !== look[key]) n.data(key, look[key]);
        const plain = shortLabel(look.caption ?? String(n.data('label')));
        if (n.data('shortLabel') !== plain) n.data('shortLabel', plain);
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

  // A path chosen is laid out as a line (in the timeline layout and on the map, only brought into view).
  const path = state.path;
  const asLine = state.layout.name !== 'timeline' && !state.map;
  useEffect(() => {
    if (!cy || !path) return;
    void queue.current.then(() => {
      showPathOnCanvas(cy, path, asLine);
      labels.current?.refresh();
    });
  }, [cy, path, asLine]);

  return (
    <div className="canvas-wrap" data-layout="idle">
      {/* Before the canvas, so under it. */}
      {cy && state.map && <WorldMap cy={cy} />}
      <div
        ref={container}
        id="graph-canvas"
        className="canvas"
        role="application"
        tabIndex={0}
        onKeyDown={(e) => keys.current?.(e)}
        aria-roledescription="graph"
        aria-label={`Graph of ${Object.keys(state.graph.nodes).length} nodes. Arrow keys move between nodes, Enter opens the selected node's details, G collapses or expands its group, Escape clears.`}
        data-testid="graph-canvas"
      />
      {cy && state.layout.name === 'timeline' && !state.map && <TimelineAxis cy={cy} state={state} />}
      {busy > 0 && (
        <div className="canvas-status" role="status">
          Laying out…
        </div>
      )}
    </div>
  );
}
