import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { ChangeEvent, SavedView, SavedViewSummary } from '../api/types.ts';
import { elementClasses } from '../explorer/projection.ts';
import { reduce } from '../explorer/reduce.ts';
import { initialState, type ExplorerState } from '../explorer/state.ts';
import { createStore } from '../shared/store.ts';
import {
  modi,
  modiAttended,
  putin,
  savedView,
  summit,
  xi,
  xiAttended,
} from '../../../test/support/client-fixtures.ts';
import type { Status } from './status.ts';
import { compareViewVersions, openVersion, restoreVersion, type VersionDeps } from './versionFlows.ts';
import {
  comparisonAction,
  compareVersions,
  diffWords,
  earlierVersionAction,
  membersOf,
  versionsOf,
  versionWords,
} from './versions.ts';

const at = (minute: number) => `2026-12-03T10:${String(minute).padStart(2, '0')}:00.000Z`;
const event = (action: string, after: unknown, minute: number): ChangeEvent => ({
  id: `change:${minute}`,
  at: at(minute),
  by: 'ann',
  action,
  targetId: 'view:1',
  otherIds: [],
  before: null,
  after,
});

// Version 1: Xi, Putin and the summit with Xi's attendance; version 3 (current): Putin went, Modi came.
const v1: SavedView = {
  ...savedView({ positions: { [xi.id]: { x: 0, y: 0 }, [putin.id]: { x: 50, y: 0 } } }, {}),
  version: 1,
};
const v3: SavedView = {
  ...savedView(
    {
      positions: { [xi.id]: { x: 1, y: 1 }, [summit.id]: { x: 9, y: 9 }, [modi.id]: { x: 5, y: 5 } },
      zoom: 2,
      pan: { x: 3, y: 4 },
    },
    { hidden: [putin.id] },
  ),
  version: 3,
  nodeIds: [xi.id, summit.id, modi.id],
  edgeIds: [xiAttended.id, modiAttended.id],
  subgraph: { nodes: [xi, summit, modi], edges: [xiAttended, modiAttended], truncated: false },
};

describe('a view’s versions', () => {
  it('lists each version once, newest first, from the view’s history', () => {
    const events = [
      event('DELETE_VIEW', null, 9),
      event('RESTORE_VIEW', { version: 3, restoredFrom: 1 }, 8),
      event('UPDATE_VIEW', { version: 2 }, 7),
      event('UPDATE_VIEW', { version: 2 }, 6),
      event('SAVE_VIEW', { version: 1 }, 5),
      event('SAVE_VIEW', { nothing: true }, 4),
    ];
    const versions = versionsOf(events);
    expect(versions.map((v) => [v.version, v.action, v.restoredFrom, v.at])).toEqual([
      [3, 'RESTORE_VIEW', 1, at(8)],
      [2, 'UPDATE_VIEW', null, at(7)],
      [1, 'SAVE_VIEW', null, at(5)],
    ]);
    expect(versions.map(versionWords)).toEqual(['restored version 1', 'updated', 'saved']);
  });

  it('says which nodes and relationships were added and removed between two versions', () => {
    const diff = compareVersions(membersOf(v1), membersOf(v3));
    expect(diff).toEqual({
      addedNodes: [modi.id],
      removedNodes: [putin.id],
      addedEdges: [modiAttended.id],
      removedEdges: [],
    });
    expect(diffWords(diff)).toBe('1 node added, 1 removed; 1 relationship added, none removed');
    expect(diffWords(compareVersions(membersOf(v3), membersOf(v3)))).toBe(
      '0 nodes added, none removed; 0 relationships added, none removed',
    );
    // A view stored without relationship ids draws those among its nodes: they stand for it.
    expect(membersOf({ ...v1, edgeIds: [] }).edgeIds).toEqual([xiAttended.id, modiAttended.id]);
  });

  it('draws an earlier version as it was, marked as such', () => {
    const action = earlierVersionAction(v1, 3);
    expect(action.nodes.map((n) => n.id)).toEqual([xi.id, putin.id, summit.id]);
    expect(action.earlier).toEqual({
      viewId: 'view:1',
      name: 'Samarkand',
      version: 1,
      currentVersion: 3,
      compare: null,
    });
    const state = reduce(initialState, action);
    expect(state.earlier?.version).toBe(1);
    // Any other graph loaded is no earlier version.
    expect(reduce(state, { type: 'graphLoaded', nodes: [xi], edges: [] }).earlier).toBeNull();
    expect(reduce(state, { type: 'earlierLeft' }).earlier).toBeNull();
  });

  it('draws a comparison: the current picture, what went put back where it was, each marked', () => {
    const action = comparisonAction(v1, v3);
    expect(action.nodes.map((n) => n.id)).toEqual([xi.id, summit.id, modi.id, putin.id]);
    // Putin, hidden in the current version, is drawn: he is what was removed.
    expect(action.filters?.hidden).toEqual([]);
    expect(action.preset).toEqual({
      positions: {
        [xi.id]: { x: 1, y: 1 },
        [putin.id]: { x: 50, y: 0 },
        [summit.id]: { x: 9, y: 9 },
        [modi.id]: { x: 5, y: 5 },
      },
      zoom: 2,
      pan: { x: 3, y: 4 },
    });
    expect(action.earlier?.compare).toMatchObject({
      added: [modi.id, modiAttended.id],
      removed: [putin.id],
      unseen: 0,
    });
    const classes = elementClasses(reduce(initialState, action));
    expect(classes.get(modi.id)).toContain('version-added');
    expect(classes.get(modiAttended.id)).toContain('version-added');
    expect(classes.get(putin.id)).toContain('version-removed');
    expect(classes.get(xi.id)).not.toMatch(/version-/);
  });

  it('counts what was removed but has left the graph, without drawing it', () => {
    const gone = { ...v1, nodeIds: [...v1.nodeIds, 'actor:gone'] };
    expect(comparisonAction(gone, v3).earlier?.compare?.unseen).toBe(1);
  });
});

/** Dependencies with a fake API; the statuses set are kept in order. */
function deps(api: Partial<VersionDeps['api']>) {
  const statuses: Status[] = [];
  const d = {
    api: {
      view: vi.fn().mockResolvedValue(v3),
      viewVersion: vi.fn().mockResolvedValue(v1),
      restoreView: vi.fn(),
      gradedSources: vi.fn().mockResolvedValue([]),
      ...api,
    },
    explorer: createStore<ExplorerState>(initialState),
    setStatus: (s: Status) => statuses.push(s),
    onRestored: vi.fn(),
  } satisfies VersionDeps;
  return { d, statuses, last: () => statuses[statuses.length - 1]! };
}

describe('the versions’ workflows', () => {
  it('open an earlier version read-only on the canvas', async () => {
    const { d, statuses, last } = deps({});
    await openVersion(d, 'view:1', 1, 3);
    expect(d.api.viewVersion).toHaveBeenCalledWith('view:1', 1);
    expect(statuses[0]).toEqual({ type: 'busy', what: 'Opening version 1…' });
    expect(last()).toEqual({ type: 'done', message: 'Showing version 1 (read-only).' });
    expect(Object.keys(d.explorer.get().graph.nodes)).toEqual([xi.id, putin.id, summit.id]);
    expect(d.explorer.get().earlier).toMatchObject({ version: 1, currentVersion: 3, compare: null });
  });

  it('say so when the version is unknown', async () => {
    const { d, last } = deps({ viewVersion: vi.fn().mockResolvedValue(null) });
    await openVersion(d, 'view:1', 7, 3);
    expect(last()).toEqual({
      type: 'error',
      message: 'Not found: The view has no version 7 in its history.',
    });
    expect(d.explorer.get().earlier).toBeNull();
  });

  it('compare a version with the current one, counts in the status', async () => {
    const { d, last } = deps({});
    await compareViewVersions(d, 'view:1', 1);
    expect(d.api.view).toHaveBeenCalledWith('view:1');
    expect(last()).toEqual({
      type: 'done',
      message: 'Version 1 → 3: 1 node added, 1 removed; 1 relationship added, none removed.',
    });
    expect(d.explorer.get().earlier?.compare?.removed).toEqual([putin.id]);
    expect(d.explorer.get().earlier?.compare?.isCurrent).toBe(true);
  });

  it('compare two versions neither of which is the current one', async () => {
    const viewVersion = vi.fn((_id: string, version: number) => Promise.resolve(version === 1 ? v1 : v3));
    const { d, last } = deps({ viewVersion });
    await compareViewVersions(d, 'view:1', 1, 2);
    expect(viewVersion.mock.calls.map((c) => c[1])).toEqual([1, 2]);
    expect(d.api.view).not.toHaveBeenCalled();
    expect(last()).toMatchObject({ type: 'done' });
    expect(d.explorer.get().earlier).toMatchObject({ version: 1, compare: { isCurrent: false } });
    expect(d.explorer.get().earlier?.compare?.removed).toEqual([putin.id]);
  });

  it('restore a version, then the view opens at its new version', async () => {
    const restored = { ...v1, version: 4 } as SavedViewSummary;
    const { d, last } = deps({ restoreView: vi.fn().mockResolvedValue(restored) });
    await restoreVersion(d, 'view:1', 1, 'key-1');
    expect(d.api.restoreView).toHaveBeenCalledWith('view:1', 1, 'key-1');
    expect(last()).toEqual({ type: 'done', message: 'Restored version 1 as version 4.' });
    expect(d.onRestored).toHaveBeenCalledWith(restored);
  });

  it('offer to sign in when a restore is refused for the token, and retry with the same key', async () => {
    const restoreView = vi
      .fn()
      .mockRejectedValueOnce(new ApiError('reader', 'FORBIDDEN'))
      .mockResolvedValue({ ...v1, version: 4 });
    const { d, last } = deps({ restoreView });
    await restoreVersion(d, 'view:1', 1, 'key-1');
    const denied = last();
    expect(denied.type).toBe('denied');
    expect(d.onRestored).not.toHaveBeenCalled();
    if (denied.type === 'denied') denied.retry();
    await vi.waitFor(() => expect(d.onRestored).toHaveBeenCalled());
    expect(restoreView).toHaveBeenLastCalledWith('view:1', 1, 'key-1');
  });
});
