// Adding a document through the API, reviewed before it lands. previewDocument validates the files (as
// `npm run seed -- --add` does, against the documents in the graph), counts what would change, matches its shared
// entities to the graph's (matching.ts), and keeps the preview in Neo4j: a (:DocumentPreview) node, not an
// :Entity, with the files, the proposals, who made it, the graph's version it was made at and an expiry.
// importDocument takes the analyst's decisions (plan.ts) and writes the document, the judgements and the
// preview's end in ONE write transaction, refused with CONFLICT when the graph's version moved on since the
// preview (another document was written or removed: the proposals and the validation may no longer hold).
// The validation and the writing are the seed loader's (graph-seed), handed in by the composition root.
import { createHash, randomUUID } from 'node:crypto';
import { cypher, type Db, type Tx } from '../../../core/db/database.ts';
import { AppError, badInput, notFound } from '../../../core/errors.ts';
import { SHARED_KINDS, documentIdOf, isSharedKind } from '../../../core/model/index.ts';
import { enterWriteGate, ensureWriteGate } from '../backup/pause.ts';
import { ensureHistorySchema, newChangeId, recordChange } from '../history/index.ts';
import { correctionConflicts, correctionsOf, retractedAmong } from '../../../core/db/edit-layer.ts';
import { DOCUMENT_FILES_MAX, DOCUMENT_INPUT_MAX_BYTES } from '../graphql/limits.ts';
import { matchEntities, pairKey, type Match, type MatchEntity } from './matching.ts';
import { planImport, rewrite, type GraphEntity, type IncomingDocument, type MatchDecision } from './plan.ts';

/** A file as sent: the contract's DocumentFileInput. */
export interface DocumentFileInput {
  name: string;
  content: string;
}

/** What validating a document's files gives (graph-seed's validateDocumentTexts). */
export type ValidatedTexts =
  | { ok: true; document: IncomingDocument }
  | { ok: false; name: string | null; errors: Array<{ file: string; path: string; reason: string }> };

/** The seed loader's parts an import needs, given by the composition root (a concept may not import graph-seed). */
export interface DocumentLoader {
  validate(tx: Tx, files: DocumentFileInput[]): Promise<ValidatedTexts>;
  write(tx: Tx, doc: IncomingDocument, options: { addedBy?: string | null }): Promise<unknown>;
  /** The graph's version as committed. */
  graphVersion(tx: Tx): Promise<number>;
  /** Takes the version's lock until the transaction ends, and returns it. */
  lockGraphVersion(tx: Tx): Promise<number>;
}

/** The contract's DocumentPreview. */
export interface DocumentPreview {
  id: string;
  documentId: string | null;
  valid: boolean;
  errors: string[];
  added: number;
  changed: number;
  removed: number;
  matches: Match[];
  /** Where the analysts' edit layer stands against these files (see editLayerConflicts). */
  conflicts: string[];
}

/** How long a preview can be imported. */
export const PREVIEW_TTL_HOURS = 24;
const PREVIEW_ID = /^preview:[0-9a-f-]{36}$/;

/** Refuses input over the limits before anything is read: BAD_USER_INPUT. */
export function checkFiles(files: unknown): DocumentFileInput[] {
  if (!Array.isArray(files) || files.length === 0) throw badInput('files: send at least document.yaml.');
  if (files.length > DOCUMENT_FILES_MAX) {
    throw badInput(`files: ${files.length} files; a document has at most ${DOCUMENT_FILES_MAX}.`);
  }
  const bytes = files.reduce(
    (sum: number, f: DocumentFileInput) => sum + Buffer.byteLength(f.name) + Buffer.byteLength(f.content),
    0,
  );
  if (bytes > DOCUMENT_INPUT_MAX_BYTES) {
    throw badInput(
      `files: ${bytes} bytes; a document's files may hold at most ${DOCUMENT_INPUT_MAX_BYTES} bytes together.`,
      { limit: DOCUMENT_INPUT_MAX_BYTES },
    );
  }
  return files as DocumentFileInput[];
}

// The graph's shared entities with every name any document gives them (the entity's, and each record's).
const SHARED_NAMES = cypher(
  'documentsSharedNames',
  `MATCH (n:Entity) WHERE n.kind IN $kinds
   RETURN n.id AS id, n.kind AS kind,
     [x IN [n.name, n.title] + coalesce(n.aliases, []) WHERE x IS NOT NULL] +
       COLLECT { MATCH (r:EntityRecord {entityId: n.id})
                 UNWIND [x IN [r.name, r.title] + coalesce(r.aliases, []) WHERE x IS NOT NULL] AS x
                 RETURN x } AS names`,
);
const JUDGED = cypher(
  'documentsJudged',
  "MATCH (j:MatchJudgement) WHERE j.judgement IN ['SAME', 'DIFFERENT'] RETURN j.a AS a, j.b AS b, j.judgement AS judgement",
);
// What the document holds now (a re-import replaces it): its own nodes, its records, its relationships.
const CURRENT_ITEMS = cypher(
  'documentsCurrentItems',
  `CALL () {
     MATCH (n:Entity {document: $document}) WHERE n.documents IS NULL
     RETURN n.id AS id, properties(n) AS props, COLLECT { MATCH (n)-[:CITES]->(s:Source) RETURN s.id } AS sources
     UNION ALL
     MATCH (r:EntityRecord {document: $document})
     RETURN r.entityId AS id, properties(r) AS props, r.sources AS sources
     UNION ALL
     MATCH (a)-[r]->(b) WHERE r.document = $document AND type(r) <> 'CITES'
     RETURN r.id AS id, r {.*, type: type(r), from: a.id, to: b.id} AS props, null AS sources
   }
   RETURN id, props, sources`,
);
const ENTITIES = cypher(
  'documentsEntitiesNamed',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   RETURN n.id AS id, n.kind AS kind, any(d IN coalesce(n.documents, [n.document]) WHERE d <> $document) AS othersName`,
);
const CREATE_PREVIEW = cypher(
  'documentsCreatePreview',
  `CALL () {
     MATCH (old:DocumentPreview) WHERE old.expiresAt < datetime()
     DELETE old
   }
   CREATE (p:DocumentPreview {id: $id, document: $document, createdAt: datetime.transaction(),
     expiresAt: datetime.transaction() + duration({hours: $hours}), createdBy: $by, graphVersion: $version,
     files: $files, matches: $matches, added: $added, changed: $changed, removed: $removed})`,
);
// Whether the document is loaded already (an import then replaces it).
const DOCUMENT_LOADED = cypher(
  'documentsLoaded',
  `RETURN EXISTS { MATCH (n:Entity {document: $document}) } OR EXISTS { MATCH (r:EntityRecord {document: $document}) }
     AS found`,
);

const READ_PREVIEW = cypher(
  'documentsReadPreview',
  `MATCH (p:DocumentPreview {id: $id}) WHERE p.expiresAt > datetime()
   SET p.lockedAt = datetime.transaction()
   RETURN p.document AS document, p.graphVersion AS graphVersion, p.files AS files, p.matches AS matches,
     p.importedAt IS NOT NULL AS imported, p.decisionsHash AS decisionsHash`,
);
const RECORD_JUDGEMENTS = cypher(
  'documentsRecordJudgements',
  `UNWIND $rows AS row
   MERGE (j:MatchJudgement {a: row.a, b: row.b})
   SET j.id = 'judgement:' + row.a + ' ' + row.b, j.judgement = row.judgement, j.document = $document, j.by = $by, j.at = datetime.transaction()`,
);
const MARK_IMPORTED = cypher(
  'documentsMarkImported',
  `MATCH (p:DocumentPreview {id: $id})
   SET p.importedAt = datetime.transaction(), p.importedBy = $by, p.decisionsHash = $hash`,
);

/** A value as compared between the files and the graph: object keys sorted, dates as their text. */
function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k, x]) => x !== null && x !== undefined && !BOOKKEEPING.has(k))
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, sort(x)]),
          )
        : v;
  return JSON.stringify(sort(value));
}
/** Properties that say where an item is kept, not what the document says. */
const BOOKKEEPING = new Set(['id', 'document', 'documents', 'entityId']);

/** How many of the document's items (own nodes, records of shared entities, relationships) are new, changed, gone. */
function countChanges(
  doc: IncomingDocument,
  current: Array<{ id: string; props: Record<string, unknown>; sources: string[] | null }>,
): { added: number; changed: number; removed: number } {
  const incoming = new Map<string, string>();
  for (const n of doc.nodes) {
    incoming.set(n.id, canonical({ ...n.props, sources: [...new Set(n.sources)].sort() }));
  }
  for (const r of doc.relationships) {
    incoming.set(`rel ${r.id}`, canonical({ ...r.props, type: r.type, from: r.from, to: r.to }));
  }
  const before = new Map<string, string>();
  for (const c of current) {
    const rel = c.sources === null;
    const props = rel ? c.props : { ...c.props, sources: [...new Set(c.sources)].sort() };
    before.set(rel ? `rel ${c.id}` : c.id, canonical(props));
  }
  let added = 0;
  let changed = 0;
  for (const [id, v] of incoming) {
    const b = before.get(id);
    if (b === undefined) added += 1;
    else if (b !== v) changed += 1;
  }
  const removed = [...before.keys()].filter((id) => !incoming.has(id)).length;
  return { added, changed, removed };
}

/** The names matching compares: a node's name or title, and its aliases. */
function matchEntity(n: IncomingDocument['nodes'][number]): MatchEntity {
  const names = [n.props.name, n.props.title, ...(Array.isArray(n.props.aliases) ? n.props.aliases : [])];
  return { id: n.id, kind: n.kind, names: names.filter((x): x is string => typeof x === 'string') };
}

/** The proposals for a document's shared entities against the graph read through `tx`. */
async function proposeMatches(tx: Tx, doc: IncomingDocument): Promise<Match[]> {
  const existing = await tx.run<MatchEntity>(SHARED_NAMES, { kinds: SHARED_KINDS });
  const judged = await tx.run<{ a: string; b: string; judgement: string }>(JUDGED);
  const incoming = doc.nodes.filter((n) => isSharedKind(n.kind)).map(matchEntity);
  return matchEntities(incoming, existing, {
    different: new Set(judged.filter((j) => j.judgement === 'DIFFERENT').map((j) => pairKey(j.a, j.b))),
    same: new Map(judged.filter((j) => j.judgement === 'SAME').map((j) => [j.a, j.b] as const)),
  });
}

const errorText = (e: { file: string; path: string; reason: string }) => `${e.file}: ${e.path}: ${e.reason}`;

/**
 * Validates `files` against the graph, and when they are valid keeps a preview (as `by`) of what importing them
 * would change; an invalid document's preview lists every error and is not kept (nothing is written).
 */
export async function previewDocument(
  db: Db,
  loader: DocumentLoader,
  rawFiles: unknown,
  by: string | null,
): Promise<DocumentPreview> {
  const files = checkFiles(rawFiles);
  const id = `preview:${randomUUID()}`;
  const read = await db.readTransaction(async (tx) => {
    // The version first: whatever changes after this read moves it on, and the import is refused.
    const version = await loader.graphVersion(tx);
    const checked = await loader.validate(tx, files);
    if (!checked.ok) return { version, checked };
    const doc = checked.document;
    const current = await tx.run<{ id: string; props: Record<string, unknown>; sources: string[] | null }>(
      CURRENT_ITEMS,
      { document: doc.name },
    );
    const matches = await proposeMatches(tx, doc);
    // Counted as the import would write it without decisions: the proposals of score 1.0 taken.
    const taken = Object.fromEntries(
      matches
        .filter((m) => m.score === 1 && m.existingId !== null && m.existingId !== m.incomingId)
        .map((m) => [m.incomingId, m.existingId!]),
    );
    const incoming = rewrite(doc, taken);
    const conflicts = await editLayerConflicts(tx, incoming);
    return { version, checked, counts: countChanges(incoming, current), matches, conflicts };
  });
  const { checked } = read;
  if (!checked.ok) {
    return {
      id,
      documentId: checked.name === null ? null : documentIdOf(checked.name),
      valid: false,
      errors: checked.errors.map(errorText),
      added: 0,
      changed: 0,
      removed: 0,
      matches: [],
      conflicts: [],
    };
  }
  const { counts, matches, conflicts } = read as Required<typeof read>;
  await ensureWriteGate(db);
  await db.writeTransaction(async (tx) => {
    await enterWriteGate(tx);
    await tx.run(CREATE_PREVIEW, {
      id,
      document: checked.document.name,
      hours: PREVIEW_TTL_HOURS,
      by,
      version: read.version,
      files: JSON.stringify(files),
      matches: JSON.stringify(matches),
      ...counts,
    });
  });
  return {
    id,
    documentId: documentIdOf(checked.document.name),
    valid: true,
    errors: [],
    ...counts,
    matches,
    conflicts,
  };
}

const shown = (v: unknown) => (v === null || v === undefined ? 'nothing' : JSON.stringify(v));

/**
 * What the analysts' edits (core/db/edit-layer.ts) will keep against these files, one sentence each: items an
 * analyst retracted, which the import leaves out, and corrected properties the files give another value than the
 * one the correction replaced, where the correction is kept. The import reports them rather than choosing silently.
 */
async function editLayerConflicts(tx: Tx, doc: IncomingDocument): Promise<string[]> {
  const retracted = await retractedAmong(tx, [
    ...doc.nodes.map((n) => n.id),
    ...doc.relationships.flatMap((r) => [r.id, r.from, r.to]),
  ]);
  const ownIds = new Set([...doc.nodes.map((n) => n.id), ...doc.relationships.map((r) => r.id)]);
  const endRetracted = doc.relationships
    .filter((r) => !retracted.has(r.id) && (retracted.has(r.from) || retracted.has(r.to)))
    .map((r) => r.id)
    .sort();
  const corrections = await correctionsOf(
    tx,
    doc.nodes.map((n) => n.id),
  );
  const said = new Map(doc.nodes.map((n) => [n.id, n.props as Record<string, unknown>] as const));
  return [
    ...[...retracted]
      .filter((id) => ownIds.has(id))
      .sort()
      .map((id) => `${id} was retracted by an analyst: the import leaves it out.`),
    ...endRetracted.map((id) => `${id} is left out: an analyst retracted one of its ends.`),
    ...correctionConflicts(corrections, said).map(
      (c) =>
        `${c.id}: ${c.property}: the files say ${shown(c.document)}; an analyst corrected ${shown(c.base)} to ` +
        `${shown(c.corrected)}, and the correction is kept.`,
    ),
  ];
}

/** Throws BAD_USER_INPUT unless `decisions` is a list of MatchDecision. */
function checkDecisions(decisions: unknown): MatchDecision[] {
  if (decisions === null || decisions === undefined) return [];
  if (!Array.isArray(decisions)) throw badInput('decisions: a list of MatchDecision.');
  return decisions as MatchDecision[];
}

/**
 * Imports preview `previewId` with the analyst's `decisions`, as `by`, in one write transaction: NOT_FOUND for an
 * unknown or expired preview, CONFLICT when the graph changed since it was made (or it was imported with other
 * decisions), BAD_USER_INPUT for decisions that cannot hold. The same import sent again returns the document.
 * Returns the document's name.
 */
export async function importDocument(
  db: Db,
  loader: DocumentLoader,
  previewId: unknown,
  rawDecisions: unknown,
  by: string | null,
): Promise<string> {
  if (typeof previewId !== 'string' || !PREVIEW_ID.test(previewId)) {
    throw badInput(`previewId ${JSON.stringify(previewId)} is not a preview id: previewDocument gives one.`);
  }
  const decisions = checkDecisions(rawDecisions);
  const hash = createHash('sha256').update(JSON.stringify(decisions)).digest('hex');
  await Promise.all([ensureWriteGate(db), ensureHistorySchema(db)]);
  const changeId = newChangeId();
  return db.writeTransaction(async (tx) => {
    await enterWriteGate(tx);
    const [preview] = await tx.run<{
      document: string;
      graphVersion: number;
      files: string;
      matches: string;
      imported: boolean;
      decisionsHash: string | null;
    }>(READ_PREVIEW, { id: previewId });
    if (!preview) {
      throw notFound(
        `No preview "${previewId}": it expired (after ${PREVIEW_TTL_HOURS} hours) or never was.`,
      );
    }
    if (preview.imported) {
      if (preview.decisionsHash === hash) return preview.document;
      throw new AppError(
        'CONFLICT',
        'This preview was already imported, with other decisions: preview again.',
      );
    }
    const version = await loader.lockGraphVersion(tx);
    if (version !== Number(preview.graphVersion)) {
      throw new AppError(
        'CONFLICT',
        'The graph changed since this preview was made (a document was added or removed): preview the files again.',
        { previewVersion: preview.graphVersion, graphVersion: version },
      );
    }
    const checked = await loader.validate(tx, JSON.parse(preview.files) as DocumentFileInput[]);
    if (!checked.ok) throw new AppError('CONFLICT', 'The files no longer validate: preview them again.');
    const doc = checked.document;
    const matches = JSON.parse(preview.matches) as Match[];
    const named = [
      ...new Set([
        ...doc.nodes.map((n) => n.id),
        ...decisions.flatMap((d) => (typeof d.existingId === 'string' ? [d.existingId] : [])),
      ]),
    ];
    const rows = await tx.run<{ id: string } & GraphEntity>(ENTITIES, { ids: named, document: doc.name });
    const plan = planImport(doc, matches, decisions, new Map(rows.map((r) => [r.id, r] as const)));
    const [loaded] = await tx.run<{ found: boolean }>(DOCUMENT_LOADED, { document: doc.name });
    const replacing = loaded?.found === true;
    await loader.write(tx, plan.document, { addedBy: by });
    await tx.run(RECORD_JUDGEMENTS, { rows: plan.judgements, document: doc.name, by });
    await tx.run(MARK_IMPORTED, { id: previewId, by, hash });
    await recordChange(tx, {
      id: changeId,
      by,
      action: 'IMPORT_DOCUMENT',
      targetId: documentIdOf(doc.name),
      before: replacing ? { id: documentIdOf(doc.name), replaced: true } : null,
      after: {
        id: documentIdOf(doc.name),
        previewId,
        nodes: plan.document.nodes.length,
        relationships: plan.document.relationships.length,
        judgements: plan.judgements,
      },
    });
    return doc.name;
  });
}
