import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { GraphNode } from '../api/types.ts';
import { edge, node, run } from '../../../test/support/client-fixtures.ts';
import { createStore } from '../shared/store.ts';
import { retract as retractTransition } from './canvas.ts';
import { initialEdit, opened, writeFailed, type EditState } from './edit.ts';
import { addEdge, addNode, correct, merge, newestMerge, retract, undoMerge, type EditDeps } from './flows.ts';

const modi = node('actor:narendra-modi', 'ACTOR', { label: 'Narendra Modi' });
const xi = node('actor:xi-jinping', 'ACTOR', { label: 'Xi Jinping' });
const putin = node('actor:vladimir-putin', 'ACTOR', { label: 'Vladimir Putin' });
const met = edge(modi.id, 'MET_WITH', xi.id, { basis: 'stated' });
const citations = [{ sourceId: 'source:memo' }];

function deps(api: Partial<EditDeps['api']>, graph: GraphNode[] = [modi]) {
  const d: EditDeps = {
    api: {
      addNode: vi.fn(),
      addEdge: vi.fn(),
      updateNode: vi.fn(),
      retract: vi.fn(),
      mergeNodes: vi.fn(),
      unmerge: vi.fn(),
      mergeEvents: vi.fn(),
      node: vi.fn(),
      ...api,
    },
    state: createStore<EditState>(initialEdit),
    explorer: createStore(run({ type: 'graphLoaded', nodes: graph, edges: [] })),
    reloadGraph: vi.fn(() => Promise.resolve()),
    show: vi.fn(() => Promise.resolve()),
  };
  return d;
}

describe('adding', () => {
  it('draws a new relationship, bringing in its other end, and selects it', async () => {
    const d = deps({ addEdge: vi.fn(() => Promise.resolve(met)), node: vi.fn(() => Promise.resolve(xi)) });
    d.state.set((s) => opened(s, { type: 'addEdge', node: modi }));
    const input = { type: 'MET_WITH', source: modi.id, target: xi.id, basis: 'STATED' as const, citations };
    await addEdge(d, input, 'key-1');
    expect(d.api.addEdge).toHaveBeenCalledWith(input, 'key-1');
    expect(d.api.node).toHaveBeenCalledWith(xi.id);
    const s = d.explorer.get();
    expect(Object.keys(s.graph.nodes).sort()).toEqual([modi.id, xi.id]);
    expect(s.graph.edges[met.id]).toEqual(met);
    expect(s.selection).toEqual({ type: 'edge', id: met.id });
    expect(d.state.get()).toEqual({
      open: null,
      status: { type: 'idle' },
      notice: { message: 'Added Narendra Modi MET_WITH Xi Jinping.', undo: null },
    });
  });

  it('draws a new node and selects it', async () => {
    const scratch = node('actor:scratch-1', 'ACTOR', { label: 'Scratch' });
    const d = deps({ addNode: vi.fn(() => Promise.resolve(scratch)) });
    await addNode(d, { kind: 'ACTOR', label: 'Scratch', basis: 'STATED', citations });
    expect(d.explorer.get().graph.nodes[scratch.id]).toEqual(scratch);
    expect(d.explorer.get().selection).toEqual({ type: 'node', id: scratch.id });
  });

  it('keeps the form open and shows the server’s BAD_USER_INPUT message as it is', async () => {
    const message = 'input.citations is empty: every edit cites at least one source.';
    const d = deps({ addEdge: vi.fn(() => Promise.reject(new ApiError(message, 'BAD_USER_INPUT'))) });
    d.state.set((s) => opened(s, { type: 'addEdge', node: modi }));
    await addEdge(d, { type: 'MET_WITH', source: modi.id, target: xi.id, basis: 'STATED', citations: [] });
    expect(d.state.get().open).toEqual({ type: 'addEdge', node: modi });
    expect(d.state.get().status).toEqual({ type: 'error', message });
  });

  it('offers sign-in when the token may not edit, and the same write again after it', async () => {
    const refusal = new ApiError('Adding a relationship needs the editor role.', 'FORBIDDEN');
    const addEdgeFn = vi.fn().mockRejectedValueOnce(refusal).mockResolvedValueOnce(met);
    const d = deps({ addEdge: addEdgeFn, node: vi.fn(() => Promise.resolve(xi)) });
    const input = { type: 'MET_WITH', source: modi.id, target: xi.id, basis: 'STATED' as const, citations };
    await addEdge(d, input, 'key-2');
    const status = d.state.get().status;
    expect(status).toMatchObject({ type: 'denied', forbidden: true });
    if (status.type !== 'denied') throw new Error('denied expected');
    status.retry();
    await vi.waitFor(() => expect(d.explorer.get().graph.edges[met.id]).toBeDefined());
    expect(addEdgeFn.mock.calls.map((c) => c[1])).toEqual(['key-2', 'key-2']);
  });
});

describe('correcting', () => {
  const edited = { ...modi, properties: { name: 'Narendra D. Modi', version: 2 } };

  it('sends the version the explorer holds and draws the corrected node', async () => {
    const updateNode = vi.fn(() => Promise.resolve(edited));
    const d = deps({ updateNode });
    await correct(d, modi, { properties: { name: 'Narendra D. Modi' }, citations });
    expect(updateNode).toHaveBeenCalledWith(
      { id: modi.id, expectedVersion: 1, properties: { name: 'Narendra D. Modi' }, citations },
      expect.any(String),
    );
    expect(d.explorer.get().graph.nodes[modi.id]).toEqual(edited);
    expect(d.state.get().notice?.message).toBe('Corrected name of “Narendra Modi” (version 2).');
  });

  it('on CONFLICT offers Reload (the node again, the form kept) and Reapply (over the current version)', async () => {
    const now = { ...modi, properties: { name: 'Narendra Modi', role: 'PM', version: 3 } };
    const updateNode = vi
      .fn()
      .mockRejectedValueOnce(new ApiError('stale', 'CONFLICT'))
      .mockResolvedValueOnce({ ...edited, properties: { ...edited.properties, version: 4 } });
    const d = deps({ updateNode, node: vi.fn(() => Promise.resolve(now)) });
    d.state.set((s) => opened(s, { type: 'correct', node: modi }));
    const change = { properties: { name: 'Narendra D. Modi' }, citations };
    await correct(d, modi, change);
    const status = d.state.get().status;
    if (status.type !== 'conflict') throw new Error('conflict expected');

    status.reload();
    await vi.waitFor(() => expect(d.state.get().status.type).toBe('info'));
    expect(d.state.get().open).toEqual({ type: 'correct', node: now });
    expect(d.explorer.get().graph.nodes[modi.id]).toEqual(now);

    status.reapply();
    await vi.waitFor(() => expect(d.state.get().open).toBeNull());
    expect(updateNode.mock.calls[1]![0]).toMatchObject({ expectedVersion: 3 });
  });
});

describe('retracting', () => {
  it('takes a relationship off the canvas and out of undo', async () => {
    const d = deps({ retract: vi.fn(() => Promise.resolve(true)) });
    d.explorer.set(() =>
      run({ type: 'graphLoaded', nodes: [modi, xi], edges: [met] }, { type: 'nodesHidden', ids: [] }),
    );
    d.explorer.set((s) => ({ ...s, selection: { type: 'edge', id: met.id } }));
    await retract(d, met, 'Narendra Modi MET_WITH Xi Jinping', 'no such meeting');
    expect(d.api.retract).toHaveBeenCalledWith(met.id, 'no such meeting', expect.any(String));
    expect(d.explorer.get().graph.edges[met.id]).toBeUndefined();
    expect(d.explorer.get().selection).toEqual({ type: 'none' });
  });

  it('takes a node, its relationships and every snapshot of them away', () => {
    const s = run(
      { type: 'graphLoaded', nodes: [modi, xi], edges: [met] },
      { type: 'nodesHidden', ids: [xi.id] },
      { type: 'selected', selection: { type: 'node', id: modi.id } },
    );
    const after = retractTransition(s, { type: 'retracted', ids: [modi.id] });
    expect(Object.keys(after.graph.nodes)).toEqual([xi.id]);
    expect(after.graph.edges).toEqual({});
    expect(after.history[0]!.graph.nodes[modi.id]).toBeUndefined();
    expect(after.history[0]!.graph.edges[met.id]).toBeUndefined();
    expect(after.selection).toEqual({ type: 'none' });
    expect(retractTransition(after, { type: 'retracted', ids: ['actor:none'] }).graph).toBe(after.graph);
  });
});

describe('merging and its undo', () => {
  it('merges, loads the canvas again with the kept node, and offers the undo', async () => {
    const d = deps({ mergeNodes: vi.fn(() => Promise.resolve(putin)) });
    await merge(d, putin, xi, 'k');
    expect(d.api.mergeNodes).toHaveBeenCalledWith(putin.id, xi.id, 'k');
    expect(d.reloadGraph).toHaveBeenCalled();
    expect(d.show).toHaveBeenCalledWith(putin);
    expect(d.state.get().notice).toEqual({
      message: 'Merged “Xi Jinping” into “Vladimir Putin”.',
      undo: { keptId: putin.id, keptLabel: 'Vladimir Putin', mergedLabel: 'Xi Jinping' },
    });
  });

  it('undoes the newest merge into the kept node', async () => {
    const events = [
      { id: 'change:3', action: 'UPDATE_NODE', at: '', targetId: putin.id },
      { id: 'change:2', action: 'MERGE_NODES', at: '', targetId: putin.id },
      { id: 'change:1', action: 'MERGE_NODES', at: '', targetId: putin.id },
    ];
    expect(newestMerge(events)).toBe('change:2');
    expect(newestMerge([])).toBeNull();
    const d = deps({
      mergeEvents: vi.fn(() => Promise.resolve(events)),
      unmerge: vi.fn(() =>
        Promise.resolve([
          { id: putin.id, label: 'Vladimir Putin' },
          { id: xi.id, label: 'Xi Jinping' },
        ]),
      ),
      node: vi.fn(() => Promise.resolve(putin)),
    });
    await undoMerge(d, { keptId: putin.id, keptLabel: 'Vladimir Putin', mergedLabel: 'Xi Jinping' });
    expect(d.api.unmerge).toHaveBeenCalledWith('change:2', expect.any(String));
    expect(d.reloadGraph).toHaveBeenCalled();
    expect(d.show).toHaveBeenCalledWith(putin);
    expect(d.state.get().notice?.message).toBe(
      'Merge undone: “Vladimir Putin” and “Xi Jinping” are both back.',
    );
  });

  it('says so when there is no merge to undo, keeping the notice', async () => {
    const d = deps({ mergeEvents: vi.fn(() => Promise.resolve([])) });
    const undo = { keptId: putin.id, keptLabel: 'Vladimir Putin', mergedLabel: 'Xi Jinping' };
    d.state.set((s) => ({ ...s, notice: { message: 'Merged.', undo } }));
    await undoMerge(d, undo);
    expect(d.state.get().status).toMatchObject({ type: 'error' });
    expect(d.state.get().notice?.undo).toEqual(undo);
  });
});

describe('what a failed edit says', () => {
  const retry = () => {};
  it('offers sign-in for a refusal and trying again only for passing trouble', () => {
    expect(writeFailed(new ApiError('x', 'UNAUTHENTICATED'), retry)).toMatchObject({
      type: 'denied',
      forbidden: false,
    });
    expect(writeFailed(new ApiError('down', 'NETWORK'), retry)).toHaveProperty('retry');
    expect(writeFailed(new ApiError('gone', 'NOT_FOUND'), retry)).not.toHaveProperty('retry');
  });
});
