// The map mode of the canvas: on, the canvas's nodes are placed on a world outline (layout.ts, WorldMap.tsx);
// off, the layout chosen before lays them out again. Choosing a layout leaves the map. Saved with a view
// (views/views.ts `layout.map`), beside the layout it returns to.
import type { ExplorerState } from '../explorer/state.ts';

/** Shows or leaves the map: the canvas is laid out again either way. */
export function showMap(state: ExplorerState, on: boolean): ExplorerState {
  if (state.map === on) return state;
  return { ...state, map: on, layout: { name: state.layout.name, epoch: state.layout.epoch + 1 } };
}
