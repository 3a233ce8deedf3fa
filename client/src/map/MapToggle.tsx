// The map's switch, beside the layout picker: pressed, the canvas's nodes go onto the world outline; pressed again,
// the canvas is laid out again with the layout chosen before.
import type { Action } from '../explorer/state.ts';

interface Props {
  map: boolean;
  dispatch: (a: Action) => void;
}

/** Shows or leaves the map. */
export function MapToggle({ map, dispatch }: Props) {
  return (
    <button
      type="button"
      aria-pressed={map}
      title={
        map
          ? 'Leave the map: lay the graph out again with the chosen layout'
          : 'Place meetings and states on a world map by their coordinates; the others beside it'
      }
      onClick={() => dispatch({ type: 'mapShown', on: !map })}
    >
      Map
    </button>
  );
}
