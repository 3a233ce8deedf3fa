// Backup and restore of what the explorer owns (the graph, the documents' texts and their records of shared
// entities, the saved views, the audit log, the history of changes and the analysts' edit layer: nodes with one of
// OWNED_LABELS, and the relationships among them) through Bolt, so they work the same for the
// project's own Neo4j, a cluster or Aura; on a shared database nothing else is read, deleted or written. The file
// is JSON Lines: a header, one node or relationship a line, with Neo4j types kept (integers, dates, date-times) so
// a restore gives back the same graph, and an end line with the counts.
//
// Writes of views pause while a backup or a restore runs (pause.ts), so a backup is the database of one moment.
// A restore reads and checks the whole file first (every failure names the file and the line), then replaces the
// explorer's data in one write transaction: it commits whole or not at all, also when the process is killed. While
// it runs, the same pause tells /readyz why the explorer is not ready.
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import neo4j from 'neo4j-driver';
import { cypher, int, type Db, type Tx } from '../../../core/db/database.ts';
import { withWritesPaused } from './pause.ts';

export const BACKUP_FORMAT = 'kg-explorer-backup';

/** The labels of what the explorer owns; a node with one of them is backed up and restored. */
export const OWNED_LABELS = [
  'Entity',
  'EntityRecord',
  'Document',
  'SavedView',
  'AuditEntry',
  // The history (server/src/history), the judgements of matches and merges (server/src/documents, merges), and
  // the edit layer (core/db/edit-layer.ts): retracted nodes, their records, corrections, receipts of retried edits.
  // Each has an id (a judgement: judgement:<a> <b>), which a backup needs.
  'ChangeEvent',
  'MatchJudgement',
  'Retracted',
  'Retraction',
  'Correction',
  'EditReceipt',
] as const;
const OWNED = (n: string) => `(${OWNED_LABELS.map((l) => `${n}:${l}`).join(' OR ')})`;

/** A backup file that cannot be restored: one line naming the file, the line and the reason. */
export class BackupFileError extends Error {}

/** The longest a restore's transaction may run. */
const RESTORE_TIMEOUT_MS = 30 * 60_000;

const NODES_PAGE = cypher(
  'backupNodesPage',
  `MATCH (n) WHERE ${OWNED('n')} AND n.id IS NOT NULL AND elementId(n) > $after
   WITH n ORDER BY elementId(n) LIMIT $limit
   RETURN elementId(n) AS eid, labels(n) AS labels, properties(n) AS props,
          [k IN keys(n) | valueType(n[k])] AS types, keys(n) AS keys`,
);
const RELS_PAGE = cypher(
  'backupRelationshipsPage',
  `MATCH (a)-[r]->(b)
   WHERE ${OWNED('a')} AND ${OWNED('b')} AND a.id IS NOT NULL AND b.id IS NOT NULL AND elementId(r) > $after
   WITH a, r, b ORDER BY elementId(r) LIMIT $limit
   RETURN elementId(r) AS eid, type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props,
          [k IN keys(r) | valueType(r[k])] AS types, keys(r) AS keys`,
);
const COUNT_ALL = cypher(
  'backupCountAll',
  `MATCH (n) WHERE ${OWNED('n')} AND n.id IS NOT NULL
   RETURN count(n) AS nodes,
     COUNT { MATCH (a)-[]->(b) WHERE ${OWNED('a')} AND ${OWNED('b')} AND a.id IS NOT NULL AND b.id IS NOT NULL }
       AS relationships`,
);
const CLEAR_BATCH = cypher(
  'backupClearBatch',
  `MATCH (n) WHERE ${OWNED('n')} AND n.id IS NOT NULL WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted`,
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

/**
 * Writes every node the explorer owns, and every relationship between them, to `file`: the database of one
 * moment, since writes of views pause meanwhile (pause.ts).
 */
export async function backup(db: Db, file: string, onProgress: (c: BackupCounts) => void = () => {}) {
  return withWritesPaused(db, 'a backup', () => writeBackup(db, file, onProgress));
}

async function writeBackup(db: Db, file: string, onProgress: (c: BackupCounts) => void) {
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

/** Counts the nodes the explorer owns and the relationships among them. */
export async function countAll(db: Db): Promise<BackupCounts> {
  const [row] = await db.read<BackupCounts>(COUNT_ALL);
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships) };
}

interface NodeLine {
  labels: string[];
  props: Record<string, Encoded>;
}
interface RelationshipLine {
  type: string;
  from: string;
  to: string;
  props: Record<string, Encoded>;
}
type Entry = { node: NodeLine } | { relationship: RelationshipLine } | { end: BackupCounts };

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);
const RELATIONSHIP_TYPE = /^[A-Z][A-Z0-9_]*$/;

/** The file's entries after its header, each with its line number; throws BackupFileError at the first bad one. */
async function* entries(file: string): AsyncGenerator<[Entry, number]> {
  if (!existsSync(file)) throw new BackupFileError(`${file}: no such file`);
  const rl = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const line of rl) {
    number += 1;
    if (!line.trim()) continue;
    const fail = (why: string) => new BackupFileError(`${file}:${number}: ${why}; nothing was restored`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw fail('not a line of a backup (the file may be cut off or damaged)');
    }
    if (number === 1) {
      if (!isObject(value) || value.format !== BACKUP_FORMAT || value.version !== 1) {
        throw fail(`not a ${BACKUP_FORMAT} file (version 1)`);
      }
      continue;
    }
    if (!isObject(value)) throw fail('not a node, relationship or end line');
    if (isObject(value.node)) {
      const { labels, props } = value.node;
      if (!Array.isArray(labels) || !labels.every((l) => typeof l === 'string')) throw fail('labels missing');
      if (!labels.some((l) => (OWNED_LABELS as readonly string[]).includes(l))) {
        throw fail(`a node with none of the labels ${OWNED_LABELS.join(', ')}`);
      }
      if (!isObject(props) || typeof props.id !== 'string') throw fail('a node without an id');
    } else if (isObject(value.relationship)) {
      const r = value.relationship;
      if (typeof r.type !== 'string' || !RELATIONSHIP_TYPE.test(r.type))
        throw fail('a relationship type missing');
      if (typeof r.from !== 'string' || typeof r.to !== 'string')
        throw fail('a relationship without both ends');
      if (!isObject(r.props)) throw fail('a relationship without properties');
    } else if (isObject(value.end)) {
      const { nodes, relationships } = value.end;
      if (typeof nodes !== 'number' || typeof relationships !== 'number')
        throw fail('an end line without counts');
    } else {
      throw fail('not a node, relationship or end line');
    }
    try {
      const props = (value.node ?? value.relationship) as { props?: Record<string, Encoded> } | undefined;
      if (props?.props) decodeProps(props.props);
    } catch {
      throw fail('a property that cannot be read');
    }
    yield [value as Entry, number];
  }
  if (number === 0) throw new BackupFileError(`${file}: empty; nothing was restored`);
}

/**
 * Checks the whole file: header, every line, every relationship's ends among the nodes before it, and the end
 * line last, with the counts of the lines before it. Returns the counts.
 */
export async function checkBackup(file: string): Promise<BackupCounts> {
  const ids = new Set<string>();
  const counts: BackupCounts = { nodes: 0, relationships: 0 };
  let end: [BackupCounts, number] | undefined;
  for await (const [entry, line] of entries(file)) {
    const fail = (why: string) => new BackupFileError(`${file}:${line}: ${why}; nothing was restored`);
    if (end) throw fail('a line after the end line');
    if ('node' in entry) {
      const id = entry.node.props.id as string;
      if (counts.relationships > 0) throw fail('a node after the relationships');
      if (ids.has(id)) throw fail(`a second node with the id ${JSON.stringify(id)}`);
      ids.add(id);
      counts.nodes += 1;
    } else if ('relationship' in entry) {
      const r = entry.relationship;
      for (const id of [r.from, r.to]) {
        if (!ids.has(id))
          throw fail(`relationship ${r.type} names ${JSON.stringify(id)}, a node not in the file`);
      }
      counts.relationships += 1;
    } else {
      end = [entry.end, line];
    }
  }
  if (!end) throw new BackupFileError(`${file} is incomplete (no end line): nothing was restored`);
  const [said, line] = end;
  if (said.nodes !== counts.nodes || said.relationships !== counts.relationships) {
    throw new BackupFileError(
      `${file}:${line}: the end line counts ${said.nodes} nodes and ${said.relationships} relationships, the file holds ${counts.nodes} and ${counts.relationships}; nothing was restored`,
    );
  }
  return counts;
}

/**
 * Replaces the explorer's data with a backup, all or nothing: the file is checked whole first (checkBackup), then
 * the explorer's nodes are deleted and the file's written in one transaction. Nothing else in the database is
 * touched.
 */
export async function restore(db: Db, file: string, onProgress: (c: BackupCounts) => void = () => {}) {
  const expected = await checkBackup(file);
  // /readyz says so while it runs; a restore killed halfway stops holding it when its pause runs out (and its
  // transaction is rolled back).
  return withWritesPaused(
    db,
    'a restore',
    () =>
      db.writeTransaction((tx) => replaceWith(tx, file, expected, onProgress), {
        timeoutMs: RESTORE_TIMEOUT_MS,
      }),
    `restoring ${file}`,
  );
}

async function replaceWith(
  tx: Tx,
  file: string,
  expected: BackupCounts,
  onProgress: (c: BackupCounts) => void,
): Promise<BackupCounts> {
  for (;;) {
    const [row] = await tx.run<{ deleted: number }>(CLEAR_BATCH);
    if (Number(row?.deleted ?? 0) === 0) break;
  }
  const counts: BackupCounts = { nodes: 0, relationships: 0 };
  const eidById = new Map<string, string>();
  let nodes: unknown[] = [];
  let rels: unknown[] = [];
  const flushNodes = async () => {
    if (!nodes.length) return;
    for (const row of await tx.run<{ id: string; eid: string }>(CREATE_NODES, { nodes }))
      eidById.set(row.id, row.eid);
    counts.nodes += nodes.length;
    nodes = [];
    onProgress(counts);
  };
  const flushRels = async () => {
    if (!rels.length) return;
    const [row] = await tx.run<{ created: number }>(CREATE_RELS, { rels });
    counts.relationships += Number(row?.created ?? 0);
    rels = [];
    onProgress(counts);
  };
  for await (const [entry] of entries(file)) {
    if ('node' in entry) {
      nodes.push({ labels: entry.node.labels, props: decodeProps(entry.node.props) });
      if (nodes.length >= 2000) await flushNodes();
    } else if ('relationship' in entry) {
      await flushNodes();
      const r = entry.relationship;
      rels.push({
        type: r.type,
        fromEid: eidById.get(r.from),
        toEid: eidById.get(r.to),
        props: decodeProps(r.props),
      });
      if (rels.length >= 2000) await flushRels();
    }
  }
  await flushNodes();
  await flushRels();
  if (counts.nodes !== expected.nodes || counts.relationships !== expected.relationships) {
    throw new BackupFileError(
      `${file}: wrote ${counts.nodes} nodes and ${counts.relationships} relationships where the file holds ${expected.nodes} and ${expected.relationships}; nothing was restored`,
    );
  }
  return counts;
}
