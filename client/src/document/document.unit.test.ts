import { describe, expect, it, vi } from 'vitest';
import type { Subgraph } from '../api/types.ts';
import { initialConnection, type ConnectionState } from '../connection/connection.ts';
import { reduce } from '../explorer/reduce.ts';
import { initialState, type ExplorerState } from '../explorer/state.ts';
import { createStore } from '../shared/store.ts';
import { metWith, modi, node, putin, summit, xi, xiAttended } from '../../../test/support/client-fixtures.ts';
import {
  chooseSpan,
  closedDocument,
  documentOfGraph,
  documentOpened,
  spanChosen,
  type ChooseSpanDeps,
} from './document.ts';
import type { SpanItem } from './spans.ts';

const opened = reduce(initialState, { type: 'graphLoaded', nodes: [xi, summit], edges: [xiAttended] });

const nodeItem = (id: string, label: string): SpanItem => ({
  nodeId: id,
  edgeId: null,
  label,
  kind: 'ACTOR',
  source: null,
  target: null,
});
const edgeItem = (e: typeof metWith): SpanItem => ({
  nodeId: null,
  edgeId: e.id,
  label: `${e.source} ${e.type} ${e.target}`,
  kind: e.type,
  source: e.source,
  target: e.target,
});
const sub = (nodes: Subgraph['nodes'], edges: Subgraph['edges'] = []): Subgraph => ({
  nodes,
  edges,
  truncated: false,
});

describe('the document view’s state', () => {
  it('opens on a passage, turns to another, keeps the last span chosen, closes', () => {
    const first = documentOpened(closedDocument, 'document:memo', { start: 5, end: 9 });
    expect(first).toEqual({ open: true, documentId: 'document:memo', current: { start: 5, end: 9 }, seq: 1 });
    const chosen = spanChosen(first, { start: 20, end: 30 });
    expect(chosen).toMatchObject({ current: { start: 20, end: 30 }, seq: 1 });
    // Opening again (the same passage too) counts, so that the view scrolls back to it.
    expect(documentOpened(chosen, 'document:memo', { start: 5, end: 9 })).toMatchObject({ seq: 2 });
    expect(spanChosen(closedDocument, { start: 1, end: 2 })).toBe(closedDocument);
  });
});

describe('the document the header opens', () => {
  const inMemo = (n: typeof xi) => ({ ...n, properties: { ...n.properties, document: 'memo' } });
  it('is the selected claim’s, else the one most nodes on the canvas come from, else none', () => {
    const claim = node('statement:s', 'STATEMENT', {
      properties: { document: 'other', passages: ['x'], passageStarts: [0], passageEnds: [1] },
    });
    const graph = reduce(initialState, {
      type: 'graphLoaded',
      nodes: [inMemo(xi), inMemo(summit), claim],
      edges: [],
    });
    expect(documentOfGraph(graph)).toBe('document:memo');
    expect(
      documentOfGraph(reduce(graph, { type: 'selected', selection: { type: 'node', id: claim.id } })),
    ).toBe('document:other');
    expect(documentOfGraph(opened)).toBeNull();
  });
});

describe('choosing a span', () => {
  const deps = (api: Partial<ChooseSpanDeps['api']> = {}) => ({
    explorer: createStore<ExplorerState>(opened),
    connection: createStore<ConnectionState>(initialConnection),
    api: { neighborhood: vi.fn(), node: vi.fn(), ...api },
  });

  it('selects a node on the canvas at once', async () => {
    const d = deps();
    await chooseSpan(d, nodeItem(xi.id, 'Xi Jinping'));
    expect(d.api.neighborhood).not.toHaveBeenCalled();
    expect(d.explorer.get().selection).toEqual({ type: 'node', id: xi.id });
    expect(d.explorer.get().focus?.id).toBe(xi.id);
  });

  it('brings a node onto the canvas with its links to what is drawn, then selects it', async () => {
    const d = deps({ neighborhood: vi.fn().mockResolvedValue(sub([putin, modi], [metWith])) });
    await chooseSpan(d, nodeItem(putin.id, 'Vladimir Putin'));
    const s = d.explorer.get();
    expect(s.graph.nodes[putin.id]).toBeDefined();
    expect(s.graph.nodes[modi.id]).toBeUndefined();
    expect(s.graph.edges[metWith.id]).toBeDefined();
    expect(s.selection).toEqual({ type: 'node', id: putin.id });
    expect(d.connection.get().notice).toBeNull();
  });

  it('brings a relationship onto the canvas with both ends, then selects it', async () => {
    const putinModi = { ...metWith, id: 'rel:putin-modi', source: putin.id, target: modi.id };
    const neighborhood = vi.fn(({ id }: { id: string }) =>
      Promise.resolve(id === putin.id ? sub([putin, xi], [metWith]) : sub([modi, putin], [putinModi])),
    );
    const d = deps({ neighborhood });
    await chooseSpan(d, edgeItem(putinModi));
    const s = d.explorer.get();
    expect(neighborhood.mock.calls.map(([v]) => v.id).sort()).toEqual([putin.id, modi.id].sort());
    expect(s.graph.nodes[putin.id]).toBeDefined();
    expect(s.graph.nodes[modi.id]).toBeDefined();
    expect(s.graph.edges[putinModi.id]).toBeDefined();
    expect(s.graph.edges[metWith.id]).toBeDefined(); // Putin's link to Xi, who is drawn
    expect(s.selection).toEqual({ type: 'edge', id: putinModi.id });
  });

  it('selects a relationship on the canvas without asking, its ends made visible', async () => {
    const d = deps();
    d.explorer.set((s) => reduce(s, { type: 'nodesHidden', ids: [summit.id] }));
    await chooseSpan(d, edgeItem(xiAttended));
    expect(d.api.neighborhood).not.toHaveBeenCalled();
    expect(d.explorer.get().selection).toEqual({ type: 'edge', id: xiAttended.id });
    expect(d.explorer.get().hidden).toEqual([]);
  });

  it('says so when the claim is gone', async () => {
    const d = deps({
      neighborhood: vi.fn().mockResolvedValue(sub([])),
      node: vi.fn().mockResolvedValue(null),
    });
    await chooseSpan(d, nodeItem('statement:gone', 'A statement'));
    expect(d.connection.get().notice).toMatch(/A statement is no longer in the graph/);
    expect(d.explorer.get().selection).toEqual({ type: 'none' });
  });
});
