import { describe, expect, it } from 'vitest';
import * as fx from '../../../test/support/client-fixtures.ts';
import type { Measures } from '../analysis/measures.ts';
import type { ExplorerState } from '../explorer/state.ts';
import { NO_STYLE } from '../style/style.ts';
import { parseLayout, viewGroups, viewInput } from '../views/views.ts';
import {
  groupBy,
  groupId,
  groupOfNode,
  groupProjection,
  groupValues,
  noGroups,
  toggleGroup,
  type GroupKey,
  type GroupsState,
} from './groups.ts';

// Chinese and Russian people and bodies, a person with no country, and a meeting.
const xi = fx.node('actor:xi-jinping', 'ACTOR', {
  label: 'Xi Jinping',
  properties: { country: 'China', actorType: 'person' },
});
const li = fx.node('actor:li-zhanshu', 'ACTOR', {
  label: 'Li Zhanshu',
  properties: { country: 'China', actorType: 'person' },
});
const putin = fx.node('actor:vladimir-putin', 'ACTOR', {
  label: 'Vladimir Putin',
  properties: { country: 'Russia', actorType: 'person' },
});
const patrushev = fx.node('actor:nikolai-patrushev', 'ACTOR', {
  label: 'Nikolai Patrushev',
  properties: { country: 'Russia', actorType: 'person' },
});
const council = fx.node('actor:russian-security-council', 'ACTOR', {
  label: 'Russian Security Council',
  properties: { country: 'Russia', actorType: 'government-body' },
});
const kirby = fx.node('actor:john-kirby', 'ACTOR', {
  label: 'John Kirby',
  properties: { actorType: 'person' },
});
const psc = fx.node('actor:ccp-politburo-standing-committee', 'ACTOR', {
  label: 'CCP Politburo Standing Committee',
  properties: { country: 'China', actorType: 'government-body' },
});
const ccp = fx.node('actor:ccp', 'ACTOR', {
  label: 'CCP',
  properties: { country: 'China', actorType: 'party' },
});
const summit = fx.summit;

const edges = [
  fx.edge(li.id, 'MEMBER_OF', psc.id),
  fx.edge(psc.id, 'MEMBER_OF', ccp.id),
  fx.edge(xi.id, 'LEADS', ccp.id),
  fx.edge(xi.id, 'ATTENDED', summit.id),
  fx.edge(putin.id, 'ATTENDED', summit.id),
  fx.edge(li.id, 'MET_WITH', putin.id),
  fx.edge(putin.id, 'MET_WITH', xi.id),
  fx.edge(kirby.id, 'ATTENDED', summit.id),
  fx.edge(patrushev.id, 'MEMBER_OF', council.id),
];

const allNodes = [xi, li, putin, patrushev, council, kirby, psc, ccp, summit];

const state: ExplorerState = fx.run({ type: 'graphLoaded', nodes: allNodes, edges });

/** Each group's name and members, largest first. */
const groupsOf = (by: GroupKey, measures: Measures | null = null, s = state) =>
  groupProjection(s, { by, collapsed: [] }, measures).groups.map((g) => [g.label, g.members]);

describe('which group each node is in', () => {
  it('by kind: one group per kind; a node alone with its kind (the meeting) stays a node', () => {
    expect(groupsOf('kind')).toEqual([
      ['Actors', [ccp.id, psc.id, kirby.id, li.id, patrushev.id, council.id, putin.id, xi.id]],
    ]);
  });

  it('by a property (country, actor type): nodes without one, or alone with theirs, stay outside every group', () => {
    expect(groupsOf('country')).toEqual([
      ['China', [ccp.id, psc.id, li.id, xi.id]],
      ['Russia', [patrushev.id, council.id, putin.id]],
    ]);
    expect(groupsOf('actorType')).toEqual([
      ['Person', [kirby.id, li.id, patrushev.id, putin.id, xi.id]],
      ['Government body', [psc.id, council.id]],
    ]);
  });

  it('by organisation: membership followed to the top, the organisation in its own group', () => {
    // Li is a member of the Standing Committee, itself a member of the CCP: all three are the CCP's. Leading it
    // is no membership (Xi), and the others belong to no organisation on the canvas.
    expect(groupsOf('organisation')).toEqual([
      ['CCP', [ccp.id, psc.id, li.id]],
      ['Russian Security Council', [patrushev.id, council.id]],
    ]);
  });

  it('by community: from the measures; none before they are computed, none for a node not measured', () => {
    const measures = (ids: string[], community: number) =>
      Object.fromEntries(ids.map((id) => [id, { degree: 1, pagerank: 0, betweenness: 0, community }]));
    const values: Measures = {
      ...measures([xi.id, putin.id, summit.id], 1),
      ...measures([li.id, psc.id], 2),
      ...measures([kirby.id], 3),
    };
    expect(groupsOf('community', values)).toEqual([
      ['Community 1', [putin.id, xi.id, summit.id]],
      ['Community 2', [psc.id, li.id]],
    ]);
    expect(groupsOf('community', null)).toEqual([]);
  });

  it('only the nodes drawn: a hidden node is in no group', () => {
    const hidden = fx.run(
      { type: 'graphLoaded', nodes: allNodes, edges },
      { type: 'nodesHidden', ids: [putin.id] },
    );
    expect(groupsOf('country', null, hidden)).toEqual([
      ['China', [ccp.id, psc.id, li.id, xi.id]],
      ['Russia', [patrushev.id, council.id]],
    ]);
  });

  it('gives the value and the name of a node’s group', () => {
    const values = groupValues(state.graph, { nodeIds: [summit.id], edgeIds: [] }, 'kind', null);
    expect(values.get(summit.id)).toEqual({ value: 'MEETING', label: 'Meetings' });
  });
});

describe('collapsed groups', () => {
  const china = groupId('country', 'China');
  const russia = groupId('country', 'Russia');

  it('hide their members and the relationships inside; the others merge into one line per end, with the count', () => {
    const p = groupProjection(state, { by: 'country', collapsed: [china] }, null);
    const group = p.groups.find((g) => g.id === china)!;
    expect(group).toMatchObject({ label: 'China', collapsed: true, classes: 'group collapsed' });
    expect(group.members).toHaveLength(4);
    // Members and the three relationships among them (Li–PSC, PSC–CCP, Xi–CCP) are hidden.
    for (const id of [xi.id, li.id, psc.id, ccp.id, edges[0]!.id, edges[1]!.id, edges[2]!.id])
      expect(p.hidden).toContain(id);
    // Putin (expanded Russia) met Li and Xi: one line with 2; Xi attended the summit: one line with 1.
    const ends = (m: { source: string; target: string; count: number }) => [
      [m.source, m.target].sort().join(' – '),
      m.count,
    ];
    expect(p.merged.map(ends).sort()).toEqual([
      [`${putin.id} – ${china}`, 2],
      [`${china} – ${summit.id}`, 1],
    ]);
    // Relationships not touching China are drawn as they are.
    expect(p.hidden).not.toContain(edges[4]!.id);
    expect(p.hidden).not.toContain(edges[7]!.id);
    expect(p.groups.find((g) => g.id === russia)).toMatchObject({
      collapsed: false,
      classes: 'group expanded',
    });
  });

  it('between two collapsed groups: one line, whatever the directions, with the count', () => {
    const p = groupProjection(state, { by: 'country', collapsed: [china, russia] }, null);
    const between = p.merged.filter(
      (m) => [m.source, m.target].sort().join() === [china, russia].sort().join(),
    );
    expect(between).toHaveLength(1);
    expect(between[0]).toMatchObject({ count: 2 });
    expect(between[0]!.edgeIds.sort()).toEqual([edges[5]!.id, edges[6]!.id].sort());
    // The summit is reached from both: one line from each group.
    expect(p.merged.filter((m) => m.source === summit.id || m.target === summit.id)).toHaveLength(2);
  });

  it('a collapsed group that is no longer on the canvas is ignored', () => {
    const p = groupProjection(state, { by: 'country', collapsed: [groupId('country', 'India')] }, null);
    expect(p.hidden).toEqual([]);
    expect(p.merged).toEqual([]);
  });

  it('mark a merged line on the path shown, and a collapsed group holding a node of it', () => {
    const onPath = fx.run(
      { type: 'graphLoaded', nodes: allNodes, edges },
      {
        type: 'pathShown',
        path: {
          nodes: [putin, xi],
          edges: [edges[6]!],
          length: 1,
          explanation: '',
          citations: [],
        } as never,
      },
    );
    const p = groupProjection(onPath, { by: 'country', collapsed: [china] }, null);
    expect(p.groups.find((g) => g.id === china)!.classes).toBe('group collapsed on-path');
    expect(p.merged.find((m) => m.target === putin.id || m.source === putin.id)!.classes).toBe(
      'group-edge on-path',
    );
    expect(p.merged.find((m) => m.target === summit.id || m.source === summit.id)!.classes).toBe(
      'group-edge off-path',
    );
  });

  it('toggle one at a time; grouping by another key expands every group', () => {
    let g: GroupsState = groupBy(noGroups, 'country');
    g = toggleGroup(g, china);
    expect(g).toEqual({ by: 'country', collapsed: [china] });
    expect(toggleGroup(g, china)).toEqual({ by: 'country', collapsed: [] });
    expect(groupBy(g, 'country')).toBe(g);
    expect(groupBy(g, 'kind')).toEqual({ by: 'kind', collapsed: [] });
    expect(groupBy(g, null)).toEqual(noGroups);
  });

  it('finds the group of a node, collapsed or not', () => {
    const p = groupProjection(state, { by: 'country', collapsed: [china] }, null);
    expect(groupOfNode(p, li.id)?.id).toBe(china);
    expect(groupOfNode(p, putin.id)?.id).toBe(russia);
    expect(groupOfNode(p, kirby.id)).toBeNull();
  });
});

describe('groups saved with a view', () => {
  const meta = { name: 'Grouped', description: '' };

  it('are stored with the layout and read back as they were', () => {
    const groups: GroupsState = { by: 'community', collapsed: [groupId('community', '2')] };
    const input = viewInput(state, { positions: {} }, meta, NO_STYLE, groups);
    expect(input.layout).toMatchObject({ groups });
    expect(viewGroups({ layout: input.layout })).toEqual(groups);
  });

  it('none stored without grouping; a view saved without, or with groups this page cannot read, opens ungrouped', () => {
    expect(viewInput(state, { positions: {} }, meta).layout).not.toHaveProperty('groups');
    expect(viewGroups({ layout: { positions: {} } })).toEqual(noGroups);
    const later = { positions: { [xi.id]: { x: 1, y: 2 } }, groups: { by: 'weather', collapsed: [] } };
    expect(viewGroups({ layout: later })).toEqual(noGroups);
    // The rest of the layout still reads.
    expect(parseLayout(later).positions).toEqual(later.positions);
  });
});
