// The explorer's reducer: each action goes to the transition of the concept it belongs to.
import { hover, select } from '../details/selection.ts';
import { setEvidence } from '../evidence/evidence.ts';
import { expand } from '../expand/expand.ts';
import { showPath } from '../paths/paths.ts';
import { addNode } from '../search/search.ts';
import { retract } from '../edit/canvas.ts';
import { setTimeWindow } from '../time/timeline.ts';
import { showMap } from '../map/map.ts';
import {
  chooseLayout,
  hideNodes,
  loadGraph,
  pinNodes,
  removeFromGraph,
  setHiddenKinds,
  showHidden,
  toggleKind,
  undo,
  unpinNodes,
} from './edits.ts';
import { relayoutTimeline, type Action, type ActionOf, type ExplorerState } from './state.ts';

/** Each action's transition, by its type. */
const TRANSITIONS: {
  [T in Action['type']]: (state: ExplorerState, action: ActionOf<T>) => ExplorerState;
} = {
  graphLoaded: loadGraph,
  expanded: expand,
  nodeAdded: addNode,
  retracted: retract,
  pathShown: (s, a) => showPath(s, a.path),
  nodesHidden: (s, a) => hideNodes(s, a.ids),
  nodesRemoved: (s, a) => removeFromGraph(s, a.ids),
  hiddenShown: showHidden,
  undo,
  selected: (s, a) => select(s, a.selection),
  cleared: (s) => showPath(select(s, { type: 'none' }), null),
  hovered: (s, a) => hover(s, a.id),
  kindToggled: (s, a) => toggleKind(s, a.kind),
  kindsSet: (s, a) => setHiddenKinds(s, a.hiddenKinds),
  timeWindowSet: (s, a) => setTimeWindow(s, a.window),
  evidenceSet: (s, a) => setEvidence(s, a.evidence),
  documentsShown: (s, a) => relayoutTimeline({ ...s, documents: a.documents }),
  layoutChosen: (s, a) => chooseLayout(s, a.name),
  mapShown: (s, a) => showMap(s, a.on),
  nodesPinned: (s, a) => pinNodes(s, a.ids),
  nodesUnpinned: (s, a) => unpinNodes(s, a.ids),
  earlierLeft: (s) => (s.earlier ? { ...s, earlier: null } : s),
};

/** The explorer's reducer. */
export function reduce(state: ExplorerState, action: Action): ExplorerState {
  const transition = TRANSITIONS[action.type] as (state: ExplorerState, action: Action) => ExplorerState;
  return transition(state, action);
}
