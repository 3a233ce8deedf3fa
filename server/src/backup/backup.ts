// Backup and restore of the whole database (the graph and the saved views) through Bolt, so they work the same
// for the project's own Neo4j, a cluster or Aura. The file is JSON Lines: a header, then one node or
// relationship a line, with Neo4j types kept (integers, dates, date-times) so a restore gives back the same graph.
import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import neo4j from 'neo4j-driver';
import { cypher, int, type Db } from '../../../core/db/database.ts';

export const BACKUP_FORMAT = 'kg-explorer-backup';

const NODES_PAGE = cypher(
  'backupNodesPage',
  `MATCH (n) WHERE n.id IS NOT NULL AND elementId(n) > $after
   WITH n ORDER BY elementId(n) LIMIT $limit
   RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props,
          [k IN keys(n) | valueType(n[k])] AS types, keys(n) AS keys`,
);
const RELS_PAGE = cypher(
  'backupRelationshipsPage',
  `MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL AND elementId(r) > $after
   WITH a, r, b ORDER BY elementId(r) LIMIT $limit
   RETURN elementId(r) AS eid, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props,
          [k IN keys(r) | valueType(r[k])] AS types, keys(r) AS keys`,
);
const COUNT_ALL = cypher(
  'backupCountAll',
  'MATCH (n) RETURN count(n) AS nodes, COUNT { ()-[]->() } AS relationships',
);
const CLEAR_BATCH = cypher(
  'backupClearBatch',
  'MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted',
);
const CREATE_NODES = cypher(
  'backupCreateNodes',
  `UNWIND $nodes AS n
   CALL apoc.create.node(n.labels, n.props) YIELD node
   RETURN node.id AS id, elementId(node) AS eid`,
);
const CREATE_RELS = cypher(
  'backupCreateRelationships',
  `UNWIND $rels AS r
   MATCH (a) WHERE elementId(a) = r.fromEid
   MATCH (b) WHERE elementId(b) = r.toEid
   CALL apoc.create.relationship(a, r.type, r.props, b) YIELD rel
   RETURN count(rel) AS created`,
);

type Encoded = unknown;

/** A stored node or relationship as the backup pages return it: its properties with their Neo4j types. */
interface StoredRow {
  eid: string;
  props: Record<string, unknown>;
  keys: string[];
  types: string[];
}

/** Encodes a property value with its Neo4j type, e.g. {"$int":"3"} or {"$date":"2022-09-15"}. */
export function encodeValue(value: unknown, type: string): Encoded {
  const base = type.replace(/ NOT NULL/g, '');
  if (value === null) return null;
  if (base.startsWith('LIST<')) {
    const inner = base.slice(5, -1);
    return (value as unknown[]).map((v) => encodeValue(v, inner));
  }
  if (base === 'INTEGER') return { $int: String(value) };
  if (base === 'DATE') return { $date: String(value) };
  if (base === 'ZONED DATETIME' || base === 'LOCAL DATETIME') return { $datetime: String(value) };
  return value;
}

/** Turns an encoded value back into what the driver sends as that Neo4j type. */
export function decodeValue(value: Encoded): unknown {
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value && typeof value === 'object') {
    const v = value as Record<string, string>;
    if ('$int' in v) return neo4j.int(v.$int!);
    if ('$date' in v) {
      const [y, m, d] = v.$date!.split('-').map(Number);
      return new neo4j.types.Date(y!, m!, d!);
    }
    if ('$datetime' in v) return neo4j.types.DateTime.fromStandardDate(new Date(v.$datetime!));
  }
  return value;
}

function encodeProps(
  props: Record<string, unknown>,
  keys: string[],
  types: string[],
): Record<string, Encoded> {
  const out: Record<string, Encoded> = {};
  keys.forEach((k, i) => (out[k] = encodeValue(props[k], types[i] ?? 'ANY')));
  return out;
}

function decodeProps(props: Record<string, Encoded>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) out[k] = decodeValue(v);
  return out;
}

export interface BackupCounts {
  nodes: number;
  relationships: number;
}

/** Writes every node that has an `id`, and every relationship between such nodes, to `file`. */
export async function backup(db: Db, file: string, onProgress: (c: BackupCounts) => void = () => {}) {
  const out = createWriteStream(file, { encoding: 'utf8' });
  const write = (line: unknown) =>
    new Promise<void>((resolve, reject) =>
      out.write(JSON.stringify(line) + '\n', (e) => (e ? reject(e) : resolve())),
    );
  const counts: BackupCounts = { nodes: 0, relationships: 0 };
  await write({ format: BACKUP_FORMAT, version: 1, createdAt: new Date().toISOString() });
  for (let after = ''; ;) {
    const rows = await db.read<StoredRow & { labels: string[] }>(NODES_PAGE, { after, limit: int(5000) });
    for (const r of rows) {
      const props = encodeProps(r.props, r.keys, r.types);
      await write({ node: { labels: r.labels, props } });
      counts.nodes++;
    }
    onProgress(counts);
    if (rows.length < 5000) break;
    after = rows.at(-1)!.eid;
  }
  for (let after = ''; ;) {
    const rows = await db.read<StoredRow & { type: string; from: string; to: string }>(RELS_PAGE, {
      after,
      limit: int(5000),
    });
    for (const r of rows) {
      const props = encodeProps(r.props, r.keys, r.types);
      await write({
        relationship: {
          type: r.type,
          from: r.from,
          to: r.to,
          props,
        },
      });
      counts.relationships++;
    }
    onProgress(counts);
    if (rows.length < 5000) break;
    after = rows.at(-1)!.eid;
  }
  await write({ end: counts });
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return counts;
}

/** Counts every node and relationship in the database. */
export async function countAll(db: Db): Promise<BackupCounts> {
  const [row] = await db.read<BackupCounts>(COUNT_ALL);
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}

/**
 * Replaces the database's content with a backup. Refuses a file that is not a complete backup (no header or
 * no end line) before deleting anything.
 */
export async function restore(db: Db, file: string, onProgress: (c: BackupCounts) => void = () => {}) {
  const lines = async function* () {
    const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
    for await (const line of rl) if (line.trim()) yield JSON.parse(line) as Record<string, unknown>;
  };
  // First pass: check the file is whole before touching the database.
  let header: Record<string, unknown> | undefined;
  let end: BackupCounts | undefined;
  for await (const entry of lines()) {
    header ??= entry;
    if (entry.end) end = entry.end as BackupCounts;
  }
  if (header?.format !== BACKUP_FORMAT) throw new Error(`${file} is not a ${BACKUP_FORMAT} file`);
  if (!end) throw new Error(`${file} is incomplete (no end line): nothing was restored`);

  for (;;) {
    const [row] = await db.write<{ deleted: number }>(CLEAR_BATCH);
    if ((row?.deleted ?? 0) === 0) break;
  }
  const counts: BackupCounts = { nodes: 0, relationships: 0 };
  const eidById = new Map<string, string>();
  let nodes: unknown[] = [];
  let rels: unknown[] = [];
  const flushNodes = async () => {
    if (!nodes.length) return;
    for (const row of await db.write<{ id: string; eid: string }>(CREATE_NODES, { nodes }))
      eidById.set(row.id, row.eid);
    counts.nodes += nodes.length;
    nodes = [];
    onProgress(counts);
  };
  const flushRels = async () => {
    if (!rels.length) return;
    await db.write(CREATE_RELS, { rels });
    counts.relationships += rels.length;
    rels = [];
    onProgress(counts);
  };
  for await (const entry of lines()) {
    if (entry.node) {
      const n = entry.node as { labels: string[]; props: Record<string, Encoded> };
      nodes.push({ labels: n.labels, props: decodeProps(n.props) });
      if (nodes.length >= 2000) await flushNodes();
    } else if (entry.relationship) {
      await flushNodes();
      const r = entry.relationship as {
        type: string;
        from: string;
        to: string;
        props: Record<string, Encoded>;
      };
      const fromEid = eidById.get(r.from);
      const toEid = eidById.get(r.to);
      if (!fromEid || !toEid)
        throw new Error(`${file}: relationship ${r.type} names a node that is not in the file`);
      rels.push({ type: r.type, fromEid, toEid, props: decodeProps(r.props) });
      if (rels.length >= 2000) await flushRels();
    }
  }
  await flushNodes();
  await flushRels();
  return counts;
}
