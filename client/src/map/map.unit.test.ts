// The map mode in the explorer's state: shown and left (the canvas laid out again each time), left when a layout
// is chosen, kept when another graph loads, and saved with a view and restored from it.
import { describe, expect, it } from 'vitest';
import { reduce } from '../explorer/reduce.ts';
import { elementClasses } from '../explorer/projection.ts';
import { openViewAction, parseLayout, viewInput } from '../views/views.ts';
import { run, savedView, summit, xi, xiAttended } from '../../../test/support/client-fixtures.ts';

const loaded = () => run({ type: 'graphLoaded', nodes: [xi, summit], edges: [xiAttended] });

describe('the map mode', () => {
  it('is shown and left, the canvas laid out again each time with the layout chosen before', () => {
    const before = run(
      { type: 'graphLoaded', nodes: [xi, summit], edges: [xiAttended] },
      { type: 'layoutChosen', name: 'concentric' },
    );
    const onMap = reduce(before, { type: 'mapShown', on: true });
    expect(onMap.map).toBe(true);
    expect(onMap.layout).toEqual({ name: 'concentric', epoch: before.layout.epoch + 1 });
    expect(reduce(onMap, { type: 'mapShown', on: true })).toBe(onMap);
    const left = reduce(onMap, { type: 'mapShown', on: false });
    expect(left.map).toBe(false);
    expect(left.layout).toEqual({ name: 'concentric', epoch: onMap.layout.epoch + 1 });
  });

  it('is left when a layout is chosen, and kept when another graph loads', () => {
    const onMap = reduce(loaded(), { type: 'mapShown', on: true });
    expect(reduce(onMap, { type: 'layoutChosen', name: 'timeline' }).map).toBe(false);
    expect(reduce(onMap, { type: 'graphLoaded', nodes: [xi], edges: [] }).map).toBe(true);
    // On the map, the timeline's faded relationships do not apply.
    const timeline = reduce(onMap, { type: 'layoutChosen', name: 'timeline' });
    expect(elementClasses(timeline).get(xiAttended.id)).toContain('timeline');
    const timelineOnMap = reduce(timeline, { type: 'mapShown', on: true });
    expect(elementClasses(timelineOnMap).get(xiAttended.id)).not.toContain('timeline');
  });

  it('is saved with a view beside the layout it returns to, and restored when the view opens', () => {
    const onMap = reduce(loaded(), { type: 'mapShown', on: true });
    const input = viewInput(
      onMap,
      { positions: { [xi.id]: { x: 1, y: 2 } } },
      { name: 'Map', description: '' },
    );
    expect(input.layout).toMatchObject({ name: 'force', map: true });
    expect(
      viewInput(loaded(), { positions: {} }, { name: 'Force', description: '' }).layout,
    ).not.toHaveProperty('map');
    const action = openViewAction(savedView(input.layout, input.filter));
    expect(action).toMatchObject({ layoutName: 'force', map: true });
    expect(reduce(loaded(), action).map).toBe(true);
    // A view saved before the map opens off it; a malformed value costs only itself.
    expect(openViewAction(savedView({ positions: {} }, {})).map).toBe(false);
    expect(parseLayout({ positions: {}, name: 'force', map: 'yes' })).toEqual({
      positions: {},
      name: 'force',
    });
  });
});
