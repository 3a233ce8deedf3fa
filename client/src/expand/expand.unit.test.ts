import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import { reduce } from '../explorer/reduce.ts';
import { initialState, type ExplorerState } from '../explorer/state.ts';
import { createStore } from '../shared/store.ts';
import {
  putin,
  quote,
  summit,
  xi,
  xiAttended,
  putinAttended,
} from '../../../test/support/client-fixtures.ts';
import {
  EXPAND_PAGE,
  expandLabel,
  expandNode,
  expandOutcome,
  expandRequest,
  type ExpandStatus,
} from './expand.ts';

const opened = reduce(initialState, { type: 'graphLoaded', nodes: [xi, summit], edges: [xiAttended] });

describe('the next expansion', () => {
  it('asks for the node and 25 neighbours, then 25 more each time, of the kinds shown (sources only from a source)', () => {
    const first = expandRequest(opened, xi.id);
    expect(first.limit).toBe(1 + EXPAND_PAGE);
    expect(first.kinds).not.toContain('SOURCE');
    const s = reduce(
      { ...opened, hiddenKinds: ['STATEMENT'] },
      { type: 'expanded', id: xi.id, nodes: [xi], edges: [], limit: first.limit, truncated: true },
    );
    const next = expandRequest(s, xi.id);
    expect(next.limit).toBe(1 + 2 * EXPAND_PAGE);
    expect(next.kinds).not.toContain('STATEMENT');
  });

  it('brings sources once their kind is ticked in the legend', () => {
    expect(expandRequest(opened, xi.id).kinds).not.toContain('SOURCE');
    const ticked = reduce(opened, { type: 'kindToggled', kind: 'SOURCE' });
    expect(expandRequest(ticked, xi.id).kinds).toContain('SOURCE');
  });

  it('tells how many nodes it added, counted against the graph before it', () => {
    expect(expandOutcome(opened, xi.id, [xi, summit])).toBe(
      'All 1 neighbours shown are already on the graph.',
    );
    expect(expandOutcome(opened, xi.id, [xi, summit, putin])).toBe('Added 1 node (2 neighbours shown).');
    expect(expandOutcome(opened, xi.id, [xi, putin, quote])).toBe('Added 2 nodes (2 neighbours shown).');
  });

  it('labels the button by where the expansion stands', () => {
    expect(expandLabel(undefined, false)).toBe('Expand neighbours');
    expect(expandLabel({ limit: 26, truncated: true }, false)).toBe('Show 25 more');
    expect(expandLabel({ limit: 26, truncated: false }, false)).toBe('Expand again');
    expect(expandLabel({ limit: 26, truncated: true }, true)).toBe('Expanding…');
  });
});

describe('expanding a node', () => {
  const stores = () => ({
    explorer: createStore<ExplorerState>(opened),
    status: createStore<ExpandStatus>(null),
  });

  it('adds the page of neighbours and says what it added', async () => {
    const { explorer, status } = stores();
    const neighborhood = vi
      .fn()
      .mockResolvedValue({ nodes: [xi, summit, putin], edges: [putinAttended], truncated: true });
    const running = expandNode({ explorer, status, api: { neighborhood } }, summit.id);
    expect(status.get()).toEqual({ id: summit.id, status: { type: 'loading' } });
    await running;
    expect(neighborhood).toHaveBeenCalledWith(
      expect.objectContaining({ id: summit.id, depth: 1, limit: 26 }),
    );
    expect(Object.keys(explorer.get().graph.nodes)).toContain(putin.id);
    expect(explorer.get().expansions[summit.id]).toEqual({ limit: 26, truncated: true });
    expect(status.get()).toEqual({
      id: summit.id,
      status: { type: 'ready', value: 'Added 1 node (2 neighbours shown).' },
    });
  });

  it('says why it failed and leaves the graph as it was', async () => {
    const { explorer, status } = stores();
    const neighborhood = vi
      .fn()
      .mockRejectedValue(new ApiError('Neo4j is unavailable', 'DATABASE_UNAVAILABLE'));
    await expandNode({ explorer, status, api: { neighborhood } }, xi.id);
    expect(explorer.get()).toBe(opened);
    expect(status.get()?.status.type).toBe('error');
  });
});
