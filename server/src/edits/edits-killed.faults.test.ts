// Faults survived by the edits (`npm run test:faults`): Neo4j killed with SIGKILL while 20 clients add cited nodes
// and relationships, then restarted on the same data. Every acknowledged edit is there, complete, exactly once;
// every edit in the database has exactly one history event and every event its edit; the server answered 503
// meanwhile and recovered by itself.
import { describe, expect, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { ownNeo4j } from '../../../test/support/own-neo4j.ts';
import { SURVIVABLE, writesThroughOutage } from '../../../test/support/outage.ts';

const ACTORS = ['actor:fault-edit-a', 'actor:fault-edit-b', 'actor:fault-edit-c', 'actor:fault-edit-d'];
const SOURCE = 'source:fault-edit-source';
const MAKE = cypher(
  'testEditFaultsMake',
  `UNWIND $ids AS id
   MERGE (n:Entity:Actor {id: id}) SET n.kind = 'ACTOR', n.name = id
   WITH count(*) AS made
   MERGE (s:Entity:Source {id: $source}) SET s.kind = 'SOURCE', s.title = 'Fault test source'
   RETURN made`,
);
// What the edits wrote: the nodes and relationships the clients named, and the history's events of each kind.
const EDITED = cypher(
  'testEditFaultsEdited',
  `RETURN
     COLLECT { MATCH (n:Entity:Actor) WHERE n.name STARTS WITH 'client '
               RETURN {id: n.id, name: n.name, cites: COUNT { (n)-[:CITES]->(:Source {id: $source}) },
                       events: COUNT { (e:ChangeEvent {targetId: n.id, action: 'ADD_NODE'}) }} } AS nodes,
     COLLECT { MATCH (a)-[r:MET_WITH]->(b) WHERE r.note STARTS WITH 'client '
               RETURN {id: r.id, note: r.note, from: a.id, to: b.id, sourceIds: r.sourceIds,
                       events: COUNT { (e:ChangeEvent {targetId: r.id, action: 'ADD_EDGE'}) }} } AS edges,
     COLLECT { MATCH (e:ChangeEvent) WHERE e.action IN ['ADD_NODE', 'ADD_EDGE']
               RETURN {target: e.targetId, action: e.action} } AS events`,
);

const ADD_NODE = `mutation ($input: NodeInput!) { addNode(input: $input) { id label } }`;
const ADD_EDGE = `mutation ($input: EdgeInput!) { addEdge(input: $input) { id source target } }`;

/** Client `c`'s `n`th edit: a cited actor (even n) or a cited MET_WITH between two of the fault actors (odd n). */
function editFor(c: number, n: number) {
  const name = `client ${c} edit ${n}`;
  const cited = { basis: 'STATED', citations: [{ sourceId: SOURCE }] };
  if (n % 2 === 0) {
    return { kind: 'node' as const, name, query: ADD_NODE, input: { kind: 'ACTOR', label: name, ...cited } };
  }
  const from = ACTORS[c % ACTORS.length]!;
  const to = ACTORS[(c + 1 + (n % (ACTORS.length - 1))) % ACTORS.length]!;
  const input = { type: 'MET_WITH', source: from, target: to, properties: { note: name }, ...cited };
  return { kind: 'edge' as const, name, query: ADD_EDGE, input, from, to };
}

describe('Neo4j killed while 20 clients edit', () => {
  const own = ownNeo4j('faults-edits', 5);

  it('loses no acknowledged edit, and leaves no edit without its history event nor an event without its edit', async () => {
    const { neo4j, server: s } = await own.serve();
    await s.db.write(MAKE, { ids: ACTORS, source: SOURCE });
    // A server that has been running a while: schema made, queries planned.
    for (const n of [0, 1]) {
      const warm = editFor(99, n);
      expect((await s.post(warm.query, { input: warm.input })).status).toBe(200);
    }

    const run = await writesThroughOutage({
      own,
      neo4j,
      server: s,
      clients: 20,
      ackedBeforeKill: 60,
      write: (c, n) => {
        const edit = editFor(c, n);
        return { query: edit.query, variables: { input: edit.input } };
      },
      idOf: (data) => ((data?.addNode ?? data?.addEdge) as { id: string } | undefined)?.id,
    });
    console.log('faults: edit outcomes by phase', Object.fromEntries(run.outcomesByPhase));
    expect(run.recovered).toBe(20);
    expect(run.ackedBeforeKill).toBeGreaterThanOrEqual(60);

    // Only 200s, 503s (DATABASE_UNAVAILABLE) and edits stopped at their time limit: no 500, no dropped connection.
    for (const key of run.outcomes.keys()) expect(SURVIVABLE, s.logged[0]).toContain(key);
    expect(run.outcomes.get('503 DATABASE_UNAVAILABLE') ?? 0).toBeGreaterThan(0);
    const acked = new Map([...run.acked].map(([id, { c, n }]) => [id, editFor(c, n)] as const));

    const [row] = await s.db.read<{
      nodes: { id: string; name: string; cites: number; events: number }[];
      edges: { id: string; note: string; from: string; to: string; sourceIds: string[]; events: number }[];
      events: { target: string; action: string }[];
    }>(EDITED, { source: SOURCE });
    const nodes = new Map(row!.nodes.map((n) => [n.id, n]));
    const edges = new Map(row!.edges.map((e) => [e.id, e]));
    // Every acknowledged edit is there, complete, with its citation and its one event.
    for (const [id, edit] of acked) {
      if (edit.kind === 'node') {
        expect(nodes.get(id), id).toMatchObject({ name: edit.name, cites: 1, events: 1 });
      } else {
        expect(edges.get(id), id).toMatchObject({
          note: edit.name,
          from: edit.from,
          to: edit.to,
          sourceIds: [SOURCE],
          events: 1,
        });
      }
    }
    // Nothing written twice (one node or relationship per client's edit), none without its event or citation.
    const names = [...row!.nodes.map((n) => n.name), ...row!.edges.map((e) => e.note)];
    expect(names.length).toBe(new Set(names).size);
    expect(row!.nodes.filter((n) => n.events !== 1 || n.cites !== 1)).toEqual([]);
    expect(row!.edges.filter((e) => e.events !== 1)).toEqual([]);
    // No event without its edit.
    const written = new Set([...nodes.keys(), ...edges.keys()]);
    expect(row!.events.filter((e) => !written.has(e.target))).toEqual([]);
  }, 400_000);
});
