// Small graphs for the client's unit tests, in the API's shapes (ids and dates as in the memo).
import type { GraphEdge, GraphNode, NodeKind, SavedView } from '../../client/src/api/types.ts';
import { reduce } from '../../client/src/explorer/reduce.ts';
import { initialState, type Action } from '../../client/src/explorer/state.ts';

/** The explorer's state after `actions`, from the initial state. */
export const run = (...actions: Action[]) => actions.reduce(reduce, initialState);

/** A node with sensible defaults. */
export function node(id: string, kind: NodeKind, extra: Partial<GraphNode> = {}): GraphNode {
  return {
    id,
    kind,
    label: extra.label ?? id.split(':')[1] ?? id,
    date: null,
    summary: null,
    properties: {},
    sources: [],
    degree: 1,
    contested: false,
    ...extra,
  };
}

/** A relationship `rel:<from>-<TYPE>-><to>`. */
export function edge(
  source: string,
  type: string,
  target: string,
  properties: Record<string, unknown> = {},
): GraphEdge {
  return {
    id: `rel:${source}-${type}->${target}`,
    type,
    source,
    target,
    properties,
    sources: [],
    corroboration: 1,
  };
}

export const xi = node('actor:xi-jinping', 'ACTOR', { label: 'Xi Jinping', degree: 40 });
export const putin = node('actor:vladimir-putin', 'ACTOR', { label: 'Vladimir Putin', degree: 33 });
export const modi = node('actor:narendra-modi', 'ACTOR', { label: 'Narendra Modi', degree: 4 });
export const summit = node('meeting:sco-summit-samarkand-2022', 'MEETING', {
  label: 'SCO summit in Samarkand',
  date: '2022-09-15',
  properties: { date: '2022-09-15', endDate: '2022-09-16', datePrecision: 'day' },
});
export const visit = node('meeting:li-zhanshu-visit-russia-2022-09', 'MEETING', {
  label: "Li Zhanshu's visit to Russia",
  date: '2022-09-09',
  properties: { date: '2022-09-09', datePrecision: 'day' },
});
export const myanmar = node('meeting:xi-visit-myanmar-2020-01', 'MEETING', {
  label: "Xi Jinping's trip to Myanmar",
  date: '2020-01-01',
  properties: { date: '2020-01-01', datePrecision: 'month' },
});
export const quote = node('statement:li-zhanshu-duma-russia-cornered', 'STATEMENT', {
  label: 'For example, as to the current Ukraine problem…',
  date: '2022-09-09',
  properties: {
    text: 'I think it can be said that Russia was cornered.',
    date: '2022-09-09',
    datePrecision: 'day',
  },
});

export const xiAttended = edge(xi.id, 'ATTENDED', summit.id, { date: '2022-09-15' });
export const modiAttended = edge(modi.id, 'ATTENDED', summit.id, { date: '2022-09-16' });
export const putinAttended = edge(putin.id, 'ATTENDED', summit.id, { date: '2022-09-15' });
export const xiMyanmar = edge(xi.id, 'ATTENDED', myanmar.id, { date: '2020-01-17' });
export const metWith = edge(putin.id, 'MET_WITH', xi.id, { date: '2022-09-15' });

/** A saved view of Xi, Putin and the summit with the stored `layout` and `filter` (raw, as the API sends them). */
export const savedView = (layout: unknown, filter: unknown): SavedView => ({
  id: 'view:1',
  name: 'Samarkand',
  description: null,
  version: 2,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  nodeCount: 3,
  nodeIds: [xi.id, putin.id, summit.id],
  edgeIds: [xiAttended.id],
  layout,
  filter,
  subgraph: { nodes: [xi, putin, summit], edges: [xiAttended, modiAttended], truncated: false },
});
