// contested(limit, nodeId): the claims that disagree, found at query time from the stored graph (nothing is stored,
// so nothing can drift; docs/decisions/2026-12-02-contested-claims.md). Two sorts:
//
// - DISPUTES: a claim that says another is wrong (the memo against the press's reading of Samarkand), a pair the
//   encoder wrote. Its id is the relationship's.
// - Disagreements between documents, found by the rules of ../graph/contested.ts (the same Cypher that sets
//   GraphNode.contested): an event's DATE or PLACE, a figure's VALUE, a quote's SPEAKER, an ATTENDANCE. Where two
//   documents are compared, `a` is the side of the document whose name sorts first.
//
// What `a`, `b`, `aEdge` and `bEdge` hold for each kind (so that a client can set both claims side by side, each
// with its passages and sources):
//
// | kind       | a, b                                                    | aEdge, bEdge                          |
// | ---------- | ------------------------------------------------------- | ------------------------------------- |
// | DISPUTES   | the claim that disputes, the claim disputed             | null                                  |
// | DATE/PLACE | the shared meeting or agreement as each document gives  | null                                  |
// |            | it: the entity's id, kind and degree with that          |                                       |
// |            | document's record (date, place, passages, sources)      |                                       |
// | VALUE      | the two figures                                         | null                                  |
// | SPEAKER    | the statements each document attributes (the same node | the SAID relationships (a speaker the |
// |            | when a document attributes another document's quote)   | other document does not name)         |
// | ATTENDANCE | the actor and the meeting                               | the ATTENDED and the DID_NOT_ATTEND   |
import { cypher, int, type Tx, type Db } from '../../../core/db/database.ts';
import { formatDate } from '../../../core/model/index.ts';
import { edgeId, edgeProjection, loadNodes } from '../graph/cypher.ts';
import { datesDisagree, figuresDisagree, normalised, periodEnd, placesDisagree } from '../graph/contested.ts';
import { shorten } from '../graph/label.ts';
import { toGraphEdge, toGraphNode, type StoredEdge } from '../graph/mapping.ts';
import type { GraphEdge, GraphNode } from '../graph/model.ts';
import { checkId, checkInt } from '../graph/validate.ts';
import { graphQLModule } from '../graphql/module.ts';

/** Most pairs one request returns. */
export const CONTESTED_LIMIT_MAX = 500;

/** What a disagreement is about. */
export type ContestedKind = 'DISPUTES' | 'DATE' | 'PLACE' | 'VALUE' | 'SPEAKER' | 'ATTENDANCE';

/** The contract's Contested, with what it is about. */
export interface Contested {
  id: string;
  kind: ContestedKind;
  reason: string;
  a: GraphNode;
  b: GraphNode;
  aEdge: GraphEdge | null;
  bEdge: GraphEdge | null;
}

/** `$nodeId` (or null) is one of the ids given. */
const concerns = (...ids: string[]) =>
  `($nodeId IS NULL OR ${ids.map((id) => `${id} = $nodeId`).join(' OR ')})`;

// The queries below find the pairs and return ids (and relationships, projected): the nodes are loaded after, by
// one query for all (loadNodes), which every other feature shares. A node projection is large (GraphNode.contested
// is in it), and a query that holds several took seconds to plan on a cold database.

const DISPUTES = cypher(
  'contestedDisputes',
  `MATCH (a:Entity)-[r:DISPUTES]->(b:Entity)
   WHERE ${concerns('a.id', 'b.id')}
   WITH a, r, b ORDER BY r.id
   LIMIT $limit
   RETURN ${edgeProjection('r')} AS link, a.id AS a, b.id AS b`,
);

/** A document's record of a shared entity with the sources it cites, for a GraphNode of that account. */
const recordProjection = (r: string) => `{
    props: properties(${r}),
    sources: COLLECT { UNWIND coalesce(${r}.sources, []) AS sid MATCH (s:Entity {id: sid}) WHERE s:Source
                       WITH s ORDER BY s.footnote, s.id RETURN s {.*} }
  }`;

// Records of one shared meeting or agreement by two documents that disagree on its date or its place (each an
// entry of its own). Records are few (documents' accounts of shared entities only), so all are read.
const EVENTS = cypher(
  'contestedEvents',
  `MATCH (ra:EntityRecord) WHERE ra.kind IN ['MEETING', 'AGREEMENT']
   MATCH (n:Entity {id: ra.entityId})
   WHERE size(coalesce(n.documents, [])) > 1 AND ra.document IN n.documents AND ${concerns('n.id')}
   MATCH (rb:EntityRecord {entityId: n.id})
   WHERE ra.document < rb.document AND rb.document IN n.documents
   WITH n, ra, rb, ${periodEnd('ra')} AS raEnd, ${periodEnd('rb')} AS rbEnd
   WITH n, ra, rb, ${datesDisagree('ra', 'raEnd', 'rb', 'rbEnd')} AS dates, ${placesDisagree('ra', 'rb')} AS places
   WHERE dates OR places
   UNWIND [x IN ['date', 'place'] WHERE (x = 'date' AND dates) OR (x = 'place' AND places)] AS aspect
   WITH n, ra, rb, aspect, 'contested:' + aspect + ':' + n.id + ':' + ra.document + ':' + rb.document AS id
   ORDER BY id
   LIMIT $limit
   RETURN id, aspect, n.id AS entity, ${recordProjection('ra')} AS a, ${recordProjection('rb')} AS b`,
);

// Figures of two documents (a's document's name sorting first) that disagree on the value.
const FIGURES = cypher(
  'contestedFigures',
  `MATCH (da:Document), (db:Document) WHERE da.name < db.name
   MATCH (fa:Entity {document: da.name}) USING INDEX fa:Entity(document)
   WHERE fa.kind = 'FIGURE' AND fa.value IS NOT NULL
   MATCH (fb:Entity {document: db.name}) USING INDEX fb:Entity(document)
   WHERE fb.kind = 'FIGURE' AND ${figuresDisagree('fa', 'fb')} AND ${concerns('fa.id', 'fb.id')}
   WITH fa, fb, 'contested:value:' + fa.id + ':' + fb.id AS id
   ORDER BY id
   LIMIT $limit
   RETURN id, fa.id AS a, fb.id AS b`,
);

// Every attribution (SAID) of the documents' statements whose words (normalised) more than one document
// attributes; grouped and compared in attributionConflicts.
const ATTRIBUTIONS = cypher(
  'contestedAttributions',
  `MATCH (d:Document)
   MATCH (st:Entity {document: d.name}) USING INDEX st:Entity(document)
   WHERE st.kind = 'STATEMENT'
   MATCH (st)<-[said:SAID]-(who)
   WITH ${normalised('st.text')} AS quote, st, said, who
   WITH quote, collect({st: st, said: said, who: who}) AS rows, collect(DISTINCT said.document) AS documents
   WHERE size(documents) > 1
   UNWIND rows AS row
   WITH quote, row.st AS st, row.said AS said, row.who AS who
   RETURN quote, said.document AS document, who.id AS speaker, coalesce(who.name, who.title, who.id) AS speakerName,
     st.id AS statement, ${edgeProjection('said')} AS edge
   ORDER BY quote, document, edge.id`,
);

// An attendance one document asserts (ATTENDED) and another denies (DID_NOT_ATTEND).
const ATTENDANCES = cypher(
  'contestedAttendances',
  `MATCH (a:Actor)-[no:DID_NOT_ATTEND]->(m:Meeting)
   MATCH (a)-[yes:ATTENDED]->(m)
   WHERE yes.document <> no.document AND ${concerns('a.id', 'm.id')}
   WITH a, m, yes, no, 'contested:attendance:' + ${edgeId('yes')} + ':' + ${edgeId('no')} AS id
   ORDER BY id
   LIMIT $limit
   RETURN id, a.id AS a, m.id AS b, ${edgeProjection('yes')} AS aEdge, ${edgeProjection('no')} AS bEdge`,
);

type RecordRow = { props: Record<string, unknown>; sources: unknown[] };

/** Shared entity `entity` as the document of `record` gives it: its record's properties, passages and sources. */
function asRecorded(entity: GraphNode, record: RecordRow): GraphNode {
  const { entityId: _entityId, sources: _sources, ...props } = record.props;
  return toGraphNode({
    props: { ...props, id: entity.id, documents: entity.properties.documents },
    sources: record.sources,
    degree: entity.degree,
    contested: entity.contested,
  });
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const documentOf = (node: GraphNode) => text(node.properties.document);

/** "15 September 2022" or "15–16 September 2022": a stored date at its precision. */
const when = (p: Record<string, unknown>) =>
  formatDate(p.date, p.datePrecision, p.endDate, p.endDatePrecision) ?? 'no date';

/** "25 percent", "153,000 metric tons". */
function amount(p: Record<string, unknown>): string {
  const value =
    typeof p.value === 'number' ? new Intl.NumberFormat('en-GB').format(p.value) : String(p.value);
  const unit = text(p.unit).trim();
  return unit ? `${value} ${unit}` : value;
}

/** "A and B", "A, B and C". */
const and = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

const byId = <T extends { id: string }>(p: T, q: T) => (p.id < q.id ? -1 : p.id > q.id ? 1 : 0);

/** One attribution: `document` says `speaker` SAID `statement`, whose normalised words are `quote`. */
export interface Attribution {
  quote: string;
  document: string;
  speaker: string;
  speakerName: string;
  statement: string;
  edge: StoredEdge;
}

/** A pair of documents that give the same words to speakers neither set of which contains the other's. */
export interface AttributionConflict {
  /** The documents, in name order, and each one's attribution to a speaker the other does not name. */
  a: Attribution;
  b: Attribution;
  /** Each document's speakers' names, sorted. */
  aSpeakers: string[];
  bSpeakers: string[];
}

/**
 * The quotes two documents attribute to speakers neither set of which contains the other (as the Cypher of
 * GraphNode.contested decides): one entry per quote and pair of documents, with the first attribution (by
 * relationship id) of each to a speaker the other does not name.
 */
export function attributionConflicts(rows: readonly Attribution[]): AttributionConflict[] {
  const byQuote = new Map<string, Map<string, Attribution[]>>();
  for (const row of rows) {
    const documents = byQuote.get(row.quote) ?? new Map<string, Attribution[]>();
    byQuote.set(row.quote, documents);
    documents.set(row.document, [...(documents.get(row.document) ?? []), row]);
  }
  const out: AttributionConflict[] = [];
  for (const documents of byQuote.values()) {
    const names = [...documents.keys()].sort();
    for (const [i, da] of names.entries()) {
      for (const db of names.slice(i + 1)) {
        const ra = documents.get(da)!;
        const rb = documents.get(db)!;
        const sa = new Set(ra.map((r) => r.speaker));
        const sb = new Set(rb.map((r) => r.speaker));
        const within = (x: Set<string>, y: Set<string>) => [...x].every((s) => y.has(s));
        if (within(sa, sb) || within(sb, sa)) continue;
        const first = (own: Attribution[], other: Set<string>) =>
          own.filter((r) => !other.has(r.speaker)).sort((p, q) => byId(p.edge, q.edge))[0]!;
        const speakerNames = (own: Attribution[]) => [...new Set(own.map((r) => r.speakerName))].sort();
        out.push({
          a: first(ra, sb),
          b: first(rb, sa),
          aSpeakers: speakerNames(ra),
          bSpeakers: speakerNames(rb),
        });
      }
    }
  }
  return out;
}

/** Every sort of disagreement, read in one snapshot; each sort sorted by id and at most `limit` long. */
async function readAll(tx: Tx, limit: number, nodeId: string | null): Promise<Contested[]> {
  const params = { limit: int(limit), nodeId };
  const disputes = await tx.run<{ link: StoredEdge; a: string; b: string }>(DISPUTES, params);
  const events = await tx.run<{
    id: string;
    aspect: 'date' | 'place';
    entity: string;
    a: RecordRow;
    b: RecordRow;
  }>(EVENTS, params);
  const figures = await tx.run<{ id: string; a: string; b: string }>(FIGURES, params);
  const speakers = attributionConflicts(await tx.run<Attribution>(ATTRIBUTIONS)).filter(
    (c) => nodeId === null || c.a.statement === nodeId || c.b.statement === nodeId,
  );
  const attendances = await tx.run<{
    id: string;
    a: string;
    b: string;
    aEdge: StoredEdge;
    bEdge: StoredEdge;
  }>(ATTENDANCES, params);

  const ids = new Set<string>([
    ...[...disputes, ...figures, ...attendances].flatMap((r) => [r.a, r.b]),
    ...events.map((r) => r.entity),
    ...speakers.flatMap((c) => [c.a.statement, c.b.statement]),
  ]);
  const nodes = new Map((await loadNodes(tx, [...ids])).map((n) => [n.id, n] as const));
  const node = (id: string) => {
    const found = nodes.get(id);
    if (!found) throw new Error(`contested: node ${id} vanished while it was read`);
    return found;
  };

  const out: Contested[] = [];
  for (const row of disputes) {
    const link = toGraphEdge(row.link);
    const [a, b] = [node(row.a), node(row.b)];
    const note = typeof link.properties.note === 'string' ? link.properties.note : null;
    out.push({
      id: link.id,
      kind: 'DISPUTES',
      reason: note ?? `${a.label} disputes ${b.label}.`,
      a,
      b,
      aEdge: null,
      bEdge: null,
    });
  }
  for (const row of events) {
    const entity = node(row.entity);
    const [a, b] = [asRecorded(entity, row.a), asRecorded(entity, row.b)];
    const said = (n: GraphNode) => (row.aspect === 'date' ? when(n.properties) : text(n.properties.place));
    out.push({
      id: row.id,
      kind: row.aspect === 'date' ? 'DATE' : 'PLACE',
      reason:
        `Documents disagree on the ${row.aspect} of ${entity.label}: ${said(a)} (${documentOf(a)}) vs ` +
        `${said(b)} (${documentOf(b)}).`,
      a,
      b,
      aEdge: null,
      bEdge: null,
    });
  }
  for (const row of figures) {
    const [a, b] = [node(row.a), node(row.b)];
    out.push({
      id: row.id,
      kind: 'VALUE',
      reason:
        `Documents disagree on ${text(a.properties.metric)} in ${when(a.properties)}: ` +
        `${amount(a.properties)} (${documentOf(a)}) vs ${amount(b.properties)} (${documentOf(b)}).`,
      a,
      b,
      aEdge: null,
      bEdge: null,
    });
  }
  for (const c of speakers) {
    const [a, b] = [node(c.a.statement), node(c.b.statement)];
    const quote = shorten(text(a.properties.text) || a.label);
    out.push({
      id: `contested:speaker:${a.id}:${b.id}`,
      kind: 'SPEAKER',
      reason:
        `Documents attribute “${quote}” to different speakers: ${and(c.aSpeakers)} (${c.a.document}) vs ` +
        `${and(c.bSpeakers)} (${c.b.document}).`,
      a,
      b,
      aEdge: toGraphEdge(c.a.edge),
      bEdge: toGraphEdge(c.b.edge),
    });
  }
  for (const row of attendances) {
    const [a, b] = [node(row.a), node(row.b)];
    const [aEdge, bEdge] = [toGraphEdge(row.aEdge), toGraphEdge(row.bEdge)];
    out.push({
      id: row.id,
      kind: 'ATTENDANCE',
      reason:
        `Documents disagree on whether ${a.label} attended ${b.label}: ${text(aEdge.properties.document)} ` +
        `says so, ${text(bEdge.properties.document)} says not.`,
      a,
      b,
      aEdge,
      bEdge,
    });
  }
  return out;
}

/**
 * The contested pairs, in the order of their ids (`limit` at most); with `nodeId`, only those where it is `a` or
 * `b`.
 */
export async function contested(db: Db, limit: number, nodeId: string | null = null): Promise<Contested[]> {
  checkInt(limit, 'limit', 1, CONTESTED_LIMIT_MAX);
  if (nodeId !== null) checkId(nodeId, 'nodeId');
  const all = await db.readTransaction((tx) => readAll(tx, limit, nodeId));
  return all.sort(byId).slice(0, limit);
}

const typeDefs = /* GraphQL */ `
  "What two claims disagree on."
  enum ContestedKind {
    "A claim says another is wrong (a DISPUTES relationship)."
    DISPUTES
    "Two documents give a shared meeting or agreement periods neither of which contains the other."
    DATE
    "Two documents give a shared meeting places neither of which refines the other."
    PLACE
    "Two documents give a figure with the same subjects, measure and period different values."
    VALUE
    "Two documents attribute the same words to different speakers."
    SPEAKER
    "One document says an actor attended a meeting, another that it did not."
    ATTENDANCE
  }

  """
  Two claims that disagree, side by side. DISPUTES: a disputes b. DATE, PLACE: a and b are the shared meeting or agreement as each document gives it (its record: date, place, passages, sources). VALUE: the two figures. SPEAKER: the two statements (the same node when a document attributes another's), aEdge and bEdge the SAID relationships. ATTENDANCE: a the actor, b the meeting, aEdge the ATTENDED and bEdge the DID_NOT_ATTEND. Between documents, a is the side of the document whose name sorts first.
  """
  type Contested {
    "Stable: the DISPUTES relationship's id, or contested:<kind>:… for a disagreement between documents."
    id: ID!
    kind: ContestedKind!
    "Why they disagree: the encoder's note of a DISPUTES, or what each document says and which document says it."
    reason: String!
    a: GraphNode!
    b: GraphNode!
    "Where the disagreement is about relationships (SPEAKER, ATTENDANCE): a's side."
    aEdge: GraphEdge
    "Where the disagreement is about relationships: b's side."
    bEdge: GraphEdge
  }

  type Query {
    "The contested claims, as pairs ordered by id (at most ${CONTESTED_LIMIT_MAX}); with nodeId, those where it is a or b."
    contested(limit: Int = 100, nodeId: ID): [Contested!]!
  }
`;

export const contestedModule = graphQLModule(typeDefs, {
  Query: { contested: (_, args, ctx) => contested(ctx.db, args.limit, args.nodeId ?? null) },
});
