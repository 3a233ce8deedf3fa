// The layout picker: one list of the layouts (force, concentric by degree, hierarchical, by date), a button that
// lays the graph out again with the chosen one (pinned nodes stay where they are), and the map's switch. It sits
// in the timeline's crowded row of buttons, so it is compact: the button is an arrow named "Lay out again". Its
// few styles are inline (app.css is not this module's).
import { LAYOUT_NAMES, type Action, type LayoutName } from '../../explorer/state.ts';
import { LAYOUT_LABELS } from './names.ts';
import { MapToggle } from '../../map/MapToggle.tsx';

interface Props {
  layout: LayoutName;
  /** Whether the map is shown (client/src/map): its switch sits beside the list; a layout chosen leaves it. */
  map: boolean;
  dispatch: (a: Action) => void;
}

/** Choose a layout; lay out again; show the map. */
export function LayoutPicker({ layout, map, dispatch }: Props) {
  return (
    <>
      <label className="small" style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
        Layout
        <select
          aria-label="Layout"
          value={layout}
          style={{ width: 'auto' }}
          onChange={(e) => dispatch({ type: 'layoutChosen', name: e.target.value as LayoutName })}
        >
          {LAYOUT_NAMES.map((name) => (
            <option key={name} value={name}>
              {LAYOUT_LABELS[name]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        aria-label="Lay out again"
        title="Lay out again with this layout (pinned nodes stay where they are)"
        onClick={() => dispatch({ type: 'layoutChosen', name: layout })}
      >
        ↻
      </button>
      <MapToggle map={map} dispatch={dispatch} />
    </>
  );
}
