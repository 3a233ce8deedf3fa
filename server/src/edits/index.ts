// Edits that cite (issue 16, item 1, with item 2's corrections surviving reloads): an editor adds a node or a
// relationship, corrects a node's properties, or retracts a node or a relationship. Every claim an edit writes
// names its sources (existing ones, or new `:Entity:Source` nodes) and its basis; every write is one transaction
// that passes the backup write gate, bumps the graph's version (a document preview made before it is stale) and
// appends exactly one ChangeEvent (server/src/history). updateNode takes the node's write lock, then compares its
// version (1 for a node never edited), so of two updates from the same version one wins and the other gets
// CONFLICT. A write sent with an Idempotency-Key takes its ids from the key, keeps an (:EditReceipt) with the
// request's digest, and the same write sent again returns what the first did and writes nothing.
//
// Edits are a layer of their own: what they make has no `document`, so no document's reload or removal prunes it;
// retractions and corrections are kept where the seed loader reads them too (core/db/edit-layer.ts).
import { createHash, randomUUID } from 'node:crypto';
import { LOCAL_ACTOR, actorOf, requireRole } from '../access/index.ts';
import { ensureHistorySchema, recordChange, changeEvent, type ChangeAction } from '../history/index.ts';
import { ensureWriteGate, enterWriteGate } from '../backup/pause.ts';
import { cypher, int, schemaOnce, type Db, type Tx } from '../../../core/db/database.ts';
import { bumpGraphVersion } from '../../../core/db/graph-version.ts';
import {
  CITATION_DOCUMENT,
  CORRECTION,
  RETRACTED,
  RETRACTION,
  correctionsOf,
  type StoredCorrection,
} from '../../../core/db/edit-layer.ts';
import { AppError, badInput, notFound } from '../../../core/errors.ts';
import { CITES, ID_PREFIXES, KIND_LABELS, KINDS, type NodeKind } from '../../../core/model/index.ts';
import { edgeProjection, loadNodes } from '../graph/cypher.ts';
import { toGraphEdge, type EdgeRow } from '../graph/mapping.ts';
import type { GraphEdge, GraphNode } from '../graph/model.ts';
import { checkId, checkInt, checkTargetId } from '../graph/validate.ts';
import type { Context } from '../graphql/context.ts';
import { graphQLModule } from '../graphql/module.ts';
import {
  LABEL_PROPERTY,
  checkCitations,
  checkEdgeInput,
  checkEnds,
  checkNodeInput,
  checkProperties,
  checkReason,
  idSlugOf,
  type Citation,
  type PropertyValue,
} from './input.ts';

const SCHEMA = [
  cypher(
    'editsConstraintReceipt',
    'CREATE CONSTRAINT edit_receipt_id_unique IF NOT EXISTS FOR (r:EditReceipt) REQUIRE r.id IS UNIQUE',
  ),
  cypher(
    'editsConstraintCorrection',
    `CREATE CONSTRAINT correction_entity_unique IF NOT EXISTS FOR (c:${CORRECTION}) REQUIRE c.entityId IS UNIQUE`,
  ),
  cypher(
    'editsIndexRetraction',
    `CREATE INDEX retraction_target IF NOT EXISTS FOR (x:${RETRACTION}) ON (x.targetId)`,
  ),
];

const ensureEditSchema = schemaOnce(SCHEMA);

/** The edits' constraints, the history's and the write gate, once per database handle. */
const ensureSchema = (db: Db) =>
  Promise.all([ensureEditSchema(db), ensureHistorySchema(db), ensureWriteGate(db)]);

// Taken first when a write comes with an Idempotency-Key: the same write sent at the same time waits here until
// the other commits, then finds its event.
const RECEIPT = cypher(
  'editsReceipt',
  `MERGE (r:EditReceipt {id: $id})
   ON CREATE SET r.requestHash = $hash, r.at = datetime.transaction()
   RETURN r.requestHash AS requestHash`,
);

const MISSING_SOURCES = cypher(
  'editsMissingSources',
  `UNWIND $ids AS id
   OPTIONAL MATCH (s:Entity {id: id}) WHERE s:Source
   WITH id, s WHERE s IS NULL
   RETURN collect(id) AS missing`,
);

const CREATE_SOURCES = cypher(
  'editsCreateSources',
  `UNWIND $rows AS row
   MERGE (s:Entity {id: row.id})
   ON CREATE SET s += row.props, s:Source, s.addedAt = datetime.transaction()
   SET s.date = date(s.date)
   RETURN count(s) AS written`,
);

const KINDS_OF = cypher(
  'editsKindsOf',
  `UNWIND $ids AS id
   OPTIONAL MATCH (n:Entity {id: id})
   RETURN id, n.kind AS kind`,
);

// Properties as the seed loader writes them: dates as Neo4j dates; CITES without `document`.
const DATES = 'n.date = date(n.date), n.endDate = date(n.endDate), n.accessed = date(n.accessed)';

const CREATE_NODE = cypher(
  'editsCreateNode',
  `MERGE (n:Entity {id: $id})
   SET n += $props, n:$($label), n.addedAt = datetime.transaction()
   SET ${DATES}
   WITH n
   CALL (n) {
     UNWIND $sources AS sid
     MATCH (s:Entity {id: sid}) WHERE s:Source
     MERGE (n)-[:${CITES}]->(s)
   }
   RETURN n.id AS id`,
);

const CREATE_EDGE = cypher(
  'editsCreateEdge',
  `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
   MERGE (a)-[r:$($type) {id: $id}]->(b)
   SET r += $props, r.addedAt = datetime.transaction()
   SET ${DATES.replaceAll('n.', 'r.')}
   RETURN ${edgeProjection('r')} AS edge`,
);

const EDGE = cypher(
  'editsEdge',
  `MATCH (:Entity)-[r]->(:Entity) WHERE r.id = $id
   RETURN ${edgeProjection('r')} AS edge LIMIT 1`,
);

// The node's write lock (writing its version), then its version: a concurrent update waits here.
const LOCK_NODE = cypher(
  'editsLockNode',
  `MATCH (n:Entity {id: $id})
   SET n.version = coalesce(n.version, 1)
   RETURN n.version AS version`,
);

const UPDATE_NODE = cypher(
  'editsUpdateNode',
  `MATCH (n:Entity {id: $id})
   SET n += $props, n.version = $version, n.editedBy = $actor, n.editedAt = datetime.transaction()
   SET n.date = CASE WHEN $props.date IS NULL THEN n.date ELSE date($props.date) END,
     n.endDate = CASE WHEN $props.endDate IS NULL THEN n.endDate ELSE date($props.endDate) END,
     n.accessed = CASE WHEN $props.accessed IS NULL THEN n.accessed ELSE date($props.accessed) END
   WITH n
   CALL (n) {
     UNWIND $sources AS sid
     MATCH (s:Entity {id: sid}) WHERE s:Source
     MERGE (n)-[c:${CITES}]->(s)
     SET c.document = ${CITATION_DOCUMENT}
   }
   RETURN n.id AS id`,
);

const WRITE_CORRECTION = cypher(
  'editsWriteCorrection',
  `MERGE (c:${CORRECTION} {entityId: $id})
   SET c.id = 'correction:' + $id, c.properties = $properties, c.base = $base, c.sources = $sources,
     c.version = $version, c.by = $actor, c.at = datetime.transaction()`,
);

/** A node's relationships (but saved views' INCLUDES), for a retraction's before-state. */
const NODE_RELATIONSHIPS = cypher(
  'editsNodeRelationships',
  `MATCH (n:Entity {id: $id})-[r]-(m)
   WHERE NOT (type(r) = 'INCLUDES' AND m:SavedView)
   RETURN ${edgeProjection('r')} AS edge
   ORDER BY edge.id, edge.type`,
);

const RETRACT_NODE = cypher(
  'editsRetractNode',
  `MATCH (n:Entity {id: $id})
   CALL (n) {
     MATCH (n)-[r]-(m)
     WHERE NOT (type(r) = 'INCLUDES' AND m:SavedView)
     DELETE r
   }
   REMOVE n:Entity
   REMOVE n:$($label)
   SET n:${RETRACTED}, n.retractedAt = datetime.transaction(), n.retractedBy = $actor, n.retractionReason = $reason
   CREATE (:${RETRACTION} {id: $retractionId, targetId: $id, target: 'NODE', kind: n.kind, reason: $reason,
     by: $actor, at: datetime.transaction(), changeId: $changeId})
   RETURN n.id AS id`,
);

const RETRACT_EDGE = cypher(
  'editsRetractEdge',
  `MATCH (:Entity)-[r]->(:Entity) WHERE r.id = $id AND type(r) <> '${CITES}'
   WITH r LIMIT 1
   DELETE r
   CREATE (:${RETRACTION} {id: $retractionId, targetId: $id, target: 'RELATIONSHIP', reason: $reason,
     by: $actor, at: datetime.transaction(), changeId: $changeId})
   RETURN $id AS id`,
);

const RETRACTED_ALREADY = cypher(
  'editsRetractedAlready',
  `MATCH (x:${RETRACTION} {targetId: $id}) RETURN x.at AS at, x.by AS by LIMIT 1`,
);

/** A write sent with an Idempotency-Key: who sent it, the key, and the field (its alias) in the request. */
export interface Replay {
  scope: string;
}

/** The uuid of one write: fresh, or derived from its Idempotency-Key (the same for every copy sent). */
function writeUuid(replay: Replay | undefined): string {
  if (!replay) return randomUUID();
  const h = createHash('sha256').update(replay.scope).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Eight hex digits derived from the write's uuid and a part name, for readable ids that replays repeat. */
const suffix = (uuid: string, part: string) =>
  createHash('sha256').update(`${uuid}\n${part}`).digest('hex').slice(0, 8);

/**
 * Runs `work` in one write transaction behind the write gate, unless this write was already done (its event is
 * committed: a retry by the driver, or the same request sent again with its Idempotency-Key), when `replayed`
 * answers instead. The same key with another request is BAD_USER_INPUT.
 */
async function editTransaction<T>(
  db: Db,
  changeId: string,
  replay: Replay | undefined,
  request: unknown,
  work: (tx: Tx) => Promise<T>,
  replayed: (tx: Tx) => Promise<T>,
): Promise<T> {
  await ensureSchema(db);
  const hash = replay ? createHash('sha256').update(JSON.stringify(request)).digest('hex') : null;
  return db.writeTransaction(async (tx) => {
    await enterWriteGate(tx);
    if (hash !== null) {
      const [row] = await tx.run<{ requestHash: string }>(RECEIPT, { id: changeId, hash });
      if (row && row.requestHash !== hash) {
        throw badInput(
          'This Idempotency-Key was already used for a different request: send a new key with each new write.',
        );
      }
    }
    if (await changeEvent(tx, changeId)) return replayed(tx);
    return work(tx);
  });
}

/** What an event keeps of a node: its properties, sources and basis. */
const nodeSnapshot = (n: GraphNode) => ({
  id: n.id,
  kind: n.kind,
  label: n.label,
  properties: n.properties,
  sources: n.sources.map((s) => ({ id: s.id, title: s.title })),
  basis: n.basis,
  inferenceNote: n.inferenceNote,
});

/** What an event keeps of a relationship: its ends, properties, sources and basis. */
const edgeSnapshot = (e: GraphEdge) => ({
  id: e.id,
  type: e.type,
  source: e.source,
  target: e.target,
  properties: e.properties,
  sources: e.sources.map((s) => ({ id: s.id, title: s.title })),
  basis: e.basis,
  inferenceNote: e.inferenceNote,
});

async function nodeIn(tx: Tx, id: string): Promise<GraphNode> {
  const [node] = await loadNodes(tx, [id]);
  if (!node) throw notFound(`No node has the id ${JSON.stringify(id)}.`);
  return node;
}

async function edgeIn(tx: Tx, id: string): Promise<GraphEdge | null> {
  const [row] = await tx.run<EdgeRow>(EDGE, { id });
  return row ? toGraphEdge(row.edge) : null;
}

/** The source ids the citations name: existing ones checked (NOT_FOUND), new ones created (ids from `uuid`). */
async function resolveCitations(
  tx: Tx,
  citations: Citation[],
  uuid: string,
  actor: string,
): Promise<string[]> {
  const existing = citations.flatMap((c) => ('sourceId' in c ? [c.sourceId] : []));
  if (existing.length > 0) {
    const [row] = await tx.run<{ missing: string[] }>(MISSING_SOURCES, { ids: [...new Set(existing)] });
    const missing = row?.missing ?? [];
    if (missing.length > 0) {
      throw new AppError(
        'NOT_FOUND',
        `No source has the id ${missing.map((m) => JSON.stringify(m)).join(', ')}.`,
        {
          unknownIds: missing,
        },
      );
    }
  }
  const rows = citations.flatMap((c, i) => {
    if ('sourceId' in c) return [];
    const id = `source:${idSlugOf(c.title)}-${suffix(uuid, `source${i}`)}`;
    const props: Record<string, unknown> = {
      id,
      kind: 'SOURCE',
      title: c.title,
      url: c.url,
      publisher: c.publisher,
      date: c.date,
      datePrecision: c.date ? 'day' : null,
      addedBy: actor,
    };
    return [{ id, props }];
  });
  if (rows.length > 0) await tx.run(CREATE_SOURCES, { rows });
  return [...new Set([...existing, ...rows.map((r) => r.id)])];
}

/** Appends the write's one event. */
async function record(
  tx: Tx,
  id: string,
  by: string,
  action: ChangeAction,
  targetId: string,
  before: unknown,
  after: unknown,
  otherIds: string[] = [],
) {
  await recordChange(tx, { id, by, action, targetId, before, after, otherIds });
}

/** Adds a node with its sources and basis (version 1). */
export async function addNode(
  db: Db,
  raw: unknown,
  actor = LOCAL_ACTOR,
  replay?: Replay,
): Promise<GraphNode> {
  const input = checkNodeInput(raw);
  const uuid = writeUuid(replay);
  const changeId = `change:${uuid}`;
  const prefix = ID_PREFIXES.find((p) => KINDS[p].kind === input.kind)!;
  const id = `${prefix}:${idSlugOf(input.label)}-${suffix(uuid, 'node')}`;
  return editTransaction(
    db,
    changeId,
    replay,
    { action: 'ADD_NODE', input },
    async (tx) => {
      const sources = await resolveCitations(tx, input.citations, uuid, actor);
      await bumpGraphVersion(tx);
      const props: Record<string, unknown> = {
        ...input.properties,
        id,
        kind: input.kind,
        [LABEL_PROPERTY[input.kind]]: input.label,
        date: input.date,
        datePrecision: input.date ? 'day' : null,
        basis: input.basis,
        inferenceNote: input.inferenceNote,
        version: int(1),
        addedBy: actor,
      };
      await tx.run(CREATE_NODE, { id, props, label: KIND_LABELS[input.kind], sources });
      const node = await nodeIn(tx, id);
      await record(tx, changeId, actor, 'ADD_NODE', id, null, nodeSnapshot(node));
      return node;
    },
    async (tx) => nodeIn(tx, id),
  );
}

/** Adds a relationship of a type core/model allows between the ends' kinds, with its sources and basis. */
export async function addEdge(
  db: Db,
  raw: unknown,
  actor = LOCAL_ACTOR,
  replay?: Replay,
): Promise<GraphEdge> {
  const input = checkEdgeInput(raw);
  const uuid = writeUuid(replay);
  const changeId = `change:${uuid}`;
  const id = `rel:${input.source}-${input.type}->${input.target}-${suffix(uuid, 'edge')}`;
  const gone = () => notFound(`The relationship this request added (${id}) has been retracted since.`);
  return editTransaction(
    db,
    changeId,
    replay,
    { action: 'ADD_EDGE', input },
    async (tx) => {
      const rows = await tx.run<{ id: string; kind: NodeKind | null }>(KINDS_OF, {
        ids: [input.source, input.target],
      });
      const kinds = new Map(rows.map((r) => [r.id, r.kind] as const));
      const missing = [input.source, input.target].filter((x) => !kinds.get(x));
      if (missing.length > 0) {
        throw new AppError(
          'NOT_FOUND',
          `No node has the id ${missing.map((m) => JSON.stringify(m)).join(', ')}.`,
          {
            unknownIds: missing,
          },
        );
      }
      checkEnds(input.type, kinds.get(input.source)!, kinds.get(input.target)!);
      const sources = await resolveCitations(tx, input.citations, uuid, actor);
      await bumpGraphVersion(tx);
      const props: Record<string, unknown> = {
        ...input.properties,
        id,
        sourceIds: sources,
        basis: input.basis,
        inferenceNote: input.inferenceNote,
        addedBy: actor,
      };
      const [row] = await tx.run<EdgeRow>(CREATE_EDGE, {
        from: input.source,
        to: input.target,
        type: input.type,
        id,
        props,
      });
      const edge = toGraphEdge(row!.edge);
      // A relationship's events are in the history of both its ends too.
      const ends = [edge.source, edge.target];
      await record(tx, changeId, actor, 'ADD_EDGE', id, null, edgeSnapshot(edge), ends);
      return edge;
    },
    async (tx) => (await edgeIn(tx, id)) ?? Promise.reject(gone()),
  );
}

/** The correction kept after this update: the properties set so far, what they replaced, the sources cited. */
function nextCorrection(
  prior: StoredCorrection | undefined,
  before: Record<string, unknown>,
  props: Record<string, PropertyValue>,
  sources: string[],
) {
  const base: Record<string, unknown> = { ...(prior?.base ?? {}) };
  for (const key of Object.keys(props)) if (!(key in base)) base[key] = before[key] ?? null;
  return {
    properties: { ...(prior?.properties ?? {}), ...props },
    base,
    sources: [...new Set([...(prior?.sources ?? []), ...sources])],
  };
}

/** Sets (or, with null, removes) properties of a node at `expectedVersion`; CONFLICT when it moved on. */
export async function updateNode(
  db: Db,
  id: string,
  expectedVersion: number,
  rawProperties: unknown,
  rawCitations: unknown,
  actor = LOCAL_ACTOR,
  replay?: Replay,
): Promise<GraphNode> {
  checkId(id);
  checkInt(expectedVersion, 'expectedVersion', 1, Number.MAX_SAFE_INTEGER);
  const citations = checkCitations(rawCitations);
  const properties = checkProperties(rawProperties, 'properties', { allowNull: true, required: true });
  const uuid = writeUuid(replay);
  const changeId = `change:${uuid}`;
  return editTransaction(
    db,
    changeId,
    replay,
    { action: 'UPDATE_NODE', id, expectedVersion, properties, citations },
    async (tx) => {
      const [lock] = await tx.run<{ version: number }>(LOCK_NODE, { id });
      if (!lock) throw notFound(`No node has the id ${JSON.stringify(id)}.`);
      // The same request sent at the same time: the other copy committed while this one waited for the lock.
      if (await changeEvent(tx, changeId)) return nodeIn(tx, id);
      const version = Number(lock.version);
      if (version !== expectedVersion) {
        throw new AppError(
          'CONFLICT',
          `The node was changed by someone else: it is at version ${version}, not ${expectedVersion}. Reload it and try again.`,
          { currentVersion: version },
        );
      }
      const before = await nodeIn(tx, id);
      const sources = await resolveCitations(tx, citations, uuid, actor);
      await bumpGraphVersion(tx);
      const props: Record<string, unknown> = { ...properties };
      if (typeof properties.date === 'string' && !('datePrecision' in properties))
        props.datePrecision = 'day';
      await tx.run(UPDATE_NODE, { id, props, version: int(version + 1), actor, sources });
      const [prior] = await correctionsOf(tx, [id]);
      const next = nextCorrection(prior, before.properties, props as Record<string, PropertyValue>, sources);
      await tx.run(WRITE_CORRECTION, {
        id,
        properties: JSON.stringify(next.properties),
        base: JSON.stringify(next.base),
        sources: next.sources,
        version: int(version + 1),
        actor,
      });
      const after = await nodeIn(tx, id);
      await record(tx, changeId, actor, 'UPDATE_NODE', id, nodeSnapshot(before), nodeSnapshot(after));
      return after;
    },
    async (tx) => nodeIn(tx, id),
  );
}

/**
 * Retracts a node (it leaves every query: it loses :Entity and its relationships, and becomes :Retracted) or a
 * relationship (deleted); a (:Retraction) keeps that it was, and the event its full before-state.
 */
export async function retract(
  db: Db,
  rawId: unknown,
  rawReason: unknown,
  actor = LOCAL_ACTOR,
  replay?: Replay,
): Promise<boolean> {
  const { id, target } = checkTargetId(rawId);
  const reason = checkReason(rawReason);
  const uuid = writeUuid(replay);
  const changeId = `change:${uuid}`;
  const params = { id, reason, actor, changeId, retractionId: `retraction:${uuid}` };
  return editTransaction(
    db,
    changeId,
    replay,
    { action: 'RETRACT', id, reason },
    async (tx) => {
      const missing = async () => {
        const [already] = await tx.run<{ at: string; by: string | null }>(RETRACTED_ALREADY, { id });
        return already
          ? notFound(`${id} was already retracted (${already.at}${already.by ? `, by ${already.by}` : ''}).`)
          : notFound(`No ${target === 'NODE' ? 'node' : 'relationship'} has the id ${JSON.stringify(id)}.`);
      };
      let before: unknown;
      let ends: string[] = [];
      if (target === 'NODE') {
        const [lock] = await tx.run<{ version: number }>(LOCK_NODE, { id });
        if (!lock) throw await missing();
        const node = await nodeIn(tx, id);
        const relationships = await tx.run<EdgeRow>(NODE_RELATIONSHIPS, { id });
        before = {
          ...nodeSnapshot(node),
          relationships: relationships.map((r) => edgeSnapshot(toGraphEdge(r.edge))),
        };
        await bumpGraphVersion(tx);
        await tx.run(RETRACT_NODE, { ...params, label: KIND_LABELS[node.kind] });
      } else {
        const edge = await edgeIn(tx, id);
        if (!edge || edge.type === CITES) throw await missing();
        before = edgeSnapshot(edge);
        ends = [edge.source, edge.target];
        await bumpGraphVersion(tx);
        await tx.run(RETRACT_EDGE, params);
      }
      await record(tx, changeId, actor, 'RETRACT', id, before, { retracted: true, reason }, ends);
      return true;
    },
    () => Promise.resolve(true),
  );
}

/** The Replay of a write in this request: its caller, its Idempotency-Key and its field's response key. */
function replayOf(ctx: Context, field: string | number): Replay | undefined {
  return ctx.idempotencyKey
    ? { scope: `${actorOf(ctx.access)}\nedits\n${ctx.idempotencyKey}\n${field}` }
    : undefined;
}

const typeDefs = /* GraphQL */ `
  """
  A source an edit rests on: an existing one (sourceId), or a new one (at least its title; url, publisher and date
  where known), which becomes a Source node.
  """
  input CitationInput {
    sourceId: ID
    title: String
    url: String
    publisher: String
    date: Date
  }

  """
  A node an analyst adds: its kind, its name (a statement: its text), when it happened, further properties (a JSON
  object of simple values), its basis (INFERRED with an inferenceNote) and at least one citation.
  """
  input NodeInput {
    kind: NodeKind!
    label: String!
    date: Date
    properties: JSON
    basis: Basis!
    inferenceNote: String
    citations: [CitationInput!]!
  }

  """
  A relationship an analyst adds: a type the model allows between the ends' kinds (Query.model), its ends, further
  properties, its basis and at least one citation.
  """
  input EdgeInput {
    type: String!
    source: ID!
    target: ID!
    properties: JSON
    basis: Basis!
    inferenceNote: String
    citations: [CitationInput!]!
  }

  extend type GraphNode {
    "+1 on every edit (updateNode); 1 for a node never edited."
    version: Int!
  }

  type Mutation {
    "Adds a node (version 1) with its sources and basis; BAD_USER_INPUT names what is missing."
    addNode(input: NodeInput!): GraphNode!
    "Adds a relationship; NOT_FOUND for an end that does not exist, BAD_USER_INPUT for a type the ends' kinds do not allow."
    addEdge(input: EdgeInput!): GraphEdge!
    """
    Sets a node's properties (null removes one), citing at least one source; CONFLICT (extensions.currentVersion)
    when expectedVersion is no longer the node's version. A correction survives its document's reload; a reload
    that changes the same property reports it.
    """
    updateNode(id: ID!, expectedVersion: Int!, properties: JSON!, citations: [CitationInput!]!): GraphNode!
    """
    Retracts a node or a relationship: it leaves the graph's every view, its history keeps it (history(id)), and a
    document's reload does not bring it back.
    """
    retract(id: ID!, reason: String!): Boolean!
  }
`;

const versionOf = (n: GraphNode) =>
  typeof n.properties.version === 'number' && n.properties.version >= 1 ? n.properties.version : 1;

export const editsModule = graphQLModule(typeDefs, {
  Mutation: {
    addNode: (_, args, ctx, info) => {
      requireRole(ctx.access, 'editor', 'Adding a node');
      return addNode(ctx.db, args.input, actorOf(ctx.access), replayOf(ctx, info.path.key));
    },
    addEdge: (_, args, ctx, info) => {
      requireRole(ctx.access, 'editor', 'Adding a relationship');
      return addEdge(ctx.db, args.input, actorOf(ctx.access), replayOf(ctx, info.path.key));
    },
    updateNode: (_, args, ctx, info) => {
      requireRole(ctx.access, 'editor', 'Correcting a node');
      const replay = replayOf(ctx, info.path.key);
      return updateNode(
        ctx.db,
        args.id,
        args.expectedVersion,
        args.properties,
        args.citations,
        actorOf(ctx.access),
        replay,
      );
    },
    retract: (_, args, ctx, info) => {
      requireRole(ctx.access, 'editor', 'Retracting a claim');
      return retract(ctx.db, args.id, args.reason, actorOf(ctx.access), replayOf(ctx, info.path.key));
    },
  },
  GraphNode: {
    version: (n) => versionOf(n),
  },
});
