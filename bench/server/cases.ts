// What the server benchmark measures: the explorer's own GraphQL operations (the documents the client sends,
// imported from client/src/api/operations.ts) with inputs drawn deterministically from the synthetic graph.
import { randomUUID } from 'node:crypto';
import {
  NEIGHBORHOOD,
  NODE,
  PATHS,
  SAVE_VIEW,
  SEARCH,
  STATS,
  VIEW,
} from '../../client/src/api/operations.ts';
import { cypher, int, type Db } from '../../core/db/database.ts';
import { Rng, planSynthetic, syntheticId, type SyntheticKind } from '../../graph-seed/src/synthetic/model.ts';

/** One GraphQL request. */
export interface Request {
  query: string;
  variables: Record<string, unknown>;
}

/** A benchmark case: a name, the requests it cycles through, and whether it writes. */
export interface Case {
  name: string;
  /** Short key for the results file. */
  key: string;
  requests: Request[];
  writes?: boolean;
  /** A slow case measured with a tenth of the samples. */
  fewer?: boolean;
  /** Typical degree of the nodes asked about (for the table). */
  degree?: string;
}

const DEGREE = cypher(
  'benchDegrees',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   RETURN n.id AS id, n.name AS name, COUNT { (n)-[r]-() WHERE type(r) <> 'CITES' } AS degree`,
);

export interface NodeSample {
  id: string;
  name: string | null;
  degree: number;
}

/** The degrees (without CITES) and names of the given nodes; unknown ids are left out. */
export async function degrees(db: Db, ids: string[]): Promise<NodeSample[]> {
  const rows = await db.read(DEGREE, { ids });
  return rows.map((r) => ({
    id: String(r.id),
    name: (r.name as string | null) ?? null,
    degree: Number(r.degree),
  }));
}

/**
 * Ordinary nodes: drawn with a fixed seed from the less-connected half of each kind's index range, keeping
 * those with 2 to 40 relationships (the bulk of the degree distribution).
 */
export async function ordinaryNodes(
  db: Db,
  nodes: number,
  count: number,
  kinds?: SyntheticKind[],
): Promise<NodeSample[]> {
  const plan = planSynthetic({ nodes });
  const rng = new Rng(2026);
  const pool: SyntheticKind[] = kinds ?? ['ACTOR', 'MEETING', 'STATEMENT', 'AGREEMENT', 'FIGURE'];
  const ids: string[] = [];
  for (let i = 0; i < count * 4; i++) {
    const kind = pool[i % pool.length]!;
    const n = plan.counts[kind];
    ids.push(syntheticId(kind, Math.floor(n / 2) + rng.int(Math.ceil(n / 2))));
  }
  const found = await degrees(db, [...new Set(ids)]);
  return found.filter((s) => s.degree >= 2 && s.degree <= 40).slice(0, count);
}

/** The most connected synthetic actors (the hubs first), with their degrees. */
export async function hubs(db: Db, hubCount: number): Promise<NodeSample[]> {
  const ids = Array.from({ length: hubCount }, (_, i) => syntheticId('ACTOR', i));
  return (await degrees(db, ids)).sort((a, b) => b.degree - a.degree);
}

const LADDER = cypher(
  'benchDegreeLadder',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   WITH n, COUNT { (n)-[r]-() WHERE type(r) <> 'CITES' } AS degree
   WHERE degree >= $min AND degree < $max
   RETURN n.id AS id, n.name AS name, degree
   ORDER BY degree DESC LIMIT 3`,
);

/** Nodes of about each of the given degrees (one decade each), to show how neighbourhood time grows with degree. */
export async function degreeLadder(db: Db, nodes: number, decades: number[]): Promise<NodeSample[]> {
  const plan = planSynthetic({ nodes });
  // Low actor and meeting indexes attract the most relationships; sweep them in widening steps.
  const ids: string[] = [];
  for (const kind of ['ACTOR', 'MEETING'] as const) {
    for (let i = 0; i < plan.counts[kind]; i = i < 2000 ? i + 1 : Math.ceil(i * 1.01))
      ids.push(syntheticId(kind, i));
  }
  const out: NodeSample[] = [];
  for (const d of decades) {
    const rows = await db.read(LADDER, { ids, min: int(d), max: int(d * 10) });
    const r = rows[0];
    if (r) out.push({ id: String(r.id), name: (r.name as string | null) ?? null, degree: Number(r.degree) });
  }
  return out;
}

/** A misspelling a user might type: two neighbouring letters of the last word swapped. */
export function typo(name: string): string {
  const words = name.split(' ');
  const last = words.at(-1)!;
  if (last.length < 4) return name;
  const i = Math.floor(last.length / 2);
  words[words.length - 1] = last.slice(0, i - 1) + last[i] + last[i - 1] + last.slice(i + 1);
  return words.join(' ');
}

export const searchRequest = (text: string): Request => ({ query: SEARCH, variables: { text, limit: 10 } });
export const nodeRequest = (id: string): Request => ({ query: NODE, variables: { id } });
export const neighborhoodRequest = (id: string, depth: number, limit = 200): Request => ({
  query: NEIGHBORHOOD,
  variables: { id, depth, limit },
});
export const pathsRequest = (sourceId: string, targetId: string, maxLength: number): Request => ({
  query: PATHS,
  variables: { sourceId, targetId, maxLength, limit: 5 },
});
export const viewRequest = (id: string): Request => ({ query: VIEW, variables: { id } });
/** The explorer asks for the graph's counts when it opens. */
export const statsRequest = (): Request => ({ query: STATS, variables: {} });

/** A saveView as the explorer sends it: the nodes and edges on screen with their positions. */
export function saveViewRequest(nodeIds: string[], edgeIds: string[]): Request {
  const rng = new Rng(nodeIds.length);
  const positions = Object.fromEntries(
    nodeIds.map((id) => [id, { x: rng.next() * 2000, y: rng.next() * 2000 }]),
  );
  return {
    query: SAVE_VIEW,
    variables: {
      input: {
        name: `bench ${randomUUID().slice(0, 8)}`,
        description: 'written by npm run bench; removed at the end of the run',
        nodeIds,
        edgeIds,
        layout: { positions, zoom: 1, pan: { x: 0, y: 0 }, name: 'force' },
        filter: { hiddenKinds: [], hidden: [], timeWindow: null },
      },
    },
  };
}

const DELETE_BENCH_VIEWS = cypher(
  'benchDeleteViews',
  `MATCH (v:SavedView) WHERE v.name STARTS WITH 'bench '
   DETACH DELETE v
   RETURN count(*) AS deleted`,
);

/** Removes every view the benchmark saved (named "bench …"). */
export async function deleteBenchViews(db: Db): Promise<number> {
  const [row] = await db.write(DELETE_BENCH_VIEWS);
  return Number(row?.deleted ?? 0);
}
