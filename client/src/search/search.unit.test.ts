import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import { initialConnection, type ConnectionState } from '../connection/connection.ts';
import { reduce } from '../explorer/reduce.ts';
import { initialState, type ExplorerState } from '../explorer/state.ts';
import { createStore } from '../shared/store.ts';
import { metWith, modi, putin, summit, xi, xiAttended } from '../../../test/support/client-fixtures.ts';
import {
  chooseHit,
  KIND_SEARCH_LIMIT,
  linksToGraph,
  pathQuery,
  SEARCH_LIMIT,
  searchVariables,
} from './search.ts';
import { choicesOf } from './Suggestions.tsx';

const opened = reduce(initialState, { type: 'graphLoaded', nodes: [xi, summit], edges: [xiAttended] });
const hit = (n: typeof putin) => ({
  id: n.id,
  kind: n.kind,
  label: n.label,
  date: n.date,
  summary: null,
  degree: n.degree,
});

describe('what a search asks', () => {
  it('carries the explorer’s evidence filter, so every suggestion is one the canvas would draw', () => {
    const none = { statedOnly: false, minReliability: null };
    expect(searchVariables('Samarkand', null, none)).toEqual({ text: 'Samarkand', limit: SEARCH_LIMIT });
    expect(searchVariables('Samarkand', 'MEETING', { statedOnly: true, minReliability: 'B' })).toEqual({
      text: 'Samarkand',
      kinds: ['MEETING'],
      limit: KIND_SEARCH_LIMIT,
      statedOnly: true,
      minReliability: 'B',
    });
    expect(searchVariables('Modi', null, { statedOnly: false, minReliability: 'E' })).toEqual({
      text: 'Modi',
      limit: SEARCH_LIMIT,
      minReliability: 'E',
    });
  });
});

describe('a search hit’s links', () => {
  it('are the relationships joining it to nodes already drawn', () => {
    const toModi = { ...metWith, id: 'rel:modi', target: modi.id };
    expect(linksToGraph(opened.graph, putin.id, [metWith, toModi])).toEqual([metWith]);
  });
});

describe('choosing a search hit', () => {
  const stores = () => ({
    explorer: createStore<ExplorerState>(opened),
    connection: createStore<ConnectionState>(initialConnection),
  });

  it('focuses a node already on the graph without asking the API', async () => {
    const s = stores();
    const api = { neighborhood: vi.fn(), node: vi.fn() };
    await chooseHit({ ...s, api }, hit(xi));
    expect(api.neighborhood).not.toHaveBeenCalled();
    expect(s.explorer.get().selection).toEqual({ type: 'node', id: xi.id });
    expect(s.explorer.get().focus?.id).toBe(xi.id);
  });

  it('brings a new node with its links to the graph, saying so while it loads', async () => {
    const s = stores();
    const api = {
      neighborhood: vi.fn().mockResolvedValue({ nodes: [putin, xi], edges: [metWith], truncated: false }),
      node: vi.fn(),
    };
    const running = chooseHit({ ...s, api }, hit(putin));
    expect(s.connection.get().notice).toBe('Loading Vladimir Putin…');
    await running;
    expect(s.connection.get().notice).toBeNull();
    expect(s.explorer.get().graph.nodes[putin.id]).toBe(putin);
    expect(s.explorer.get().graph.edges[metWith.id]).toBe(metWith);
    expect(s.explorer.get().selection).toEqual({ type: 'node', id: putin.id });
  });

  it('says so when the node is gone', async () => {
    const s = stores();
    const api = {
      neighborhood: vi.fn().mockResolvedValue({ nodes: [], edges: [], truncated: false }),
      node: vi.fn().mockResolvedValue(null),
    };
    await chooseHit({ ...s, api }, hit(putin));
    expect(s.connection.get().notice).toMatch(/Vladimir Putin is no longer in the graph\./);
    expect(s.explorer.get()).toBe(opened);
  });

  it('shows the API’s error as the notice', async () => {
    const s = stores();
    const api = {
      neighborhood: vi.fn().mockRejectedValue(new ApiError('Neo4j is unavailable', 'DATABASE_UNAVAILABLE')),
      node: vi.fn(),
    };
    await chooseHit({ ...s, api }, hit(putin));
    expect(s.connection.get().notice).toBeTruthy();
  });
});

describe('a search for the paths between two nodes', () => {
  it('reads "A to B" (or an arrow) as its two ends, each long enough to search', () => {
    expect(pathQuery('Modi to Xi')).toEqual({ from: 'Modi', to: 'Xi' });
    expect(pathQuery('  Narendra Modi TO Xi Jinping ')).toEqual({ from: 'Narendra Modi', to: 'Xi Jinping' });
    expect(pathQuery('Modi -> Xi')).toEqual({ from: 'Modi', to: 'Xi' });
    expect(pathQuery('Modi → Xi')).toEqual({ from: 'Modi', to: 'Xi' });
    // The first "to" splits: the rest is the second end.
    expect(pathQuery('Modi to Xi to Putin')).toEqual({ from: 'Modi', to: 'Xi to Putin' });
    expect(pathQuery('Modi')).toBeNull();
    expect(pathQuery('Toronto')).toBeNull();
    expect(pathQuery('Xi Jinping - Vladimir Putin meeting')).toBeNull();
    expect(pathQuery('M to Xi')).toBeNull();
    expect(pathQuery('to Xi')).toBeNull();
  });

  it('is offered first, before the hits of the words themselves', () => {
    const [m, x] = [hit(modi), hit(xi)];
    expect(choicesOf([x], { from: m, to: x })).toEqual([
      { type: 'paths', from: m, to: x },
      { type: 'hit', hit: x },
    ]);
    expect(choicesOf([x], null)).toEqual([{ type: 'hit', hit: x }]);
  });
});
