// When claims disagree, as Cypher: the rules that find disagreements between documents, shared by the node
// projection (GraphNode.contested, ./cypher.ts) and the list of them (Query.contested, server/src/contested), so
// that the two cannot tell different stories. Everything is derived from the stored graph at query time, like
// DISPUTES: nothing is stored, so nothing can drift (docs/decisions/2026-12-02-contested-claims.md, 2026-12-03).
//
// - DISPUTES: a claim says another is wrong (a relationship an encoder wrote).
// - DATE, PLACE: two documents' records of one shared meeting or agreement give periods neither of which contains
//   the other (a month refined to one of its days is not a disagreement; 15 vs 16 September is), or places
//   neither of which refines the other (the comma-separated parts of one are not all among the other's:
//   "Samarkand" refines "Samarkand, Uzbekistan"; "Vladivostok, Russia" disagrees with "Moscow, Russia").
// - VALUE: figures of two documents with the same subjects (ABOUT, the same non-empty set), measure (metric and
//   unit) and period (date and end date at their precision) give different values.
// - SPEAKER: the same words (the statements' normalised text) attributed (SAID) by two documents to speakers
//   neither set of which contains the other (China and Russia together vs China alone is not a disagreement).
// - ATTENDANCE: one document says an actor ATTENDED a meeting, another that it DID_NOT_ATTEND.
//
// Text is compared normalised by APOC's apoc.text.clean (lower case, accents folded, everything but letters and
// digits dropped), so case, punctuation, curly quotes and spacing never make a difference. Figures and quotes are
// compared between documents (`:Document` nodes: what the seed and the imports write; the synthetic benchmark
// graph is not one), so a graph of one document costs a count-store lookup per node.
//
// Variables inside the fragments start with `cx` so that they never capture a variable of the query around them.

/**
 * `predicate` as one opaque boolean (null counts as false). The planner rewrites a WHERE clause into conjunctive
 * normal form, which for an OR of long conjunctions (a date or a place that disagrees) grows exponentially: planning
 * took seconds. A CASE is left as it is.
 */
const opaque = (predicate: string) => `(CASE WHEN ${predicate} THEN true ELSE false END)`;

/** The Cypher normal form of a text (null stays null). */
export const normalised = (text: string) => `apoc.text.clean(${text})`;

/**
 * A key that sorts (as text) after every day of the period that stored date `date` known to `precision` stands
 * for and before the next period: "2022-09-99" for September 2022, "2022-99-99" for 2022, the day itself for a
 * day. Text, not date arithmetic: the same comparisons, and far quicker to plan.
 */
const lastKey = (date: string, precision: string) =>
  `CASE ${precision} WHEN 'year' THEN left(toString(${date}), 4) + '-99-99'
     WHEN 'month' THEN left(toString(${date}), 7) + '-99' ELSE toString(${date}) END`;

/**
 * The key of the end of `x`'s period (lastKey): of its end date's period when that ends later, else of its date's.
 * Bind it once (`WITH …, periodEnd('r') AS rEnd`) and hand it to datesDisagree.
 */
export const periodEnd = (x: string) => {
  const own = lastKey(`${x}.date`, `${x}.datePrecision`);
  const end = lastKey(`${x}.endDate`, `coalesce(${x}.endDatePrecision, ${x}.datePrecision)`);
  return `reduce(cxLast = ${own}, cxEnd IN CASE WHEN ${x}.endDate IS NULL THEN [] ELSE [${end}] END |
    CASE WHEN cxEnd > cxLast THEN cxEnd ELSE cxLast END)`;
};

/**
 * True when records (or nodes) `a` and `b` both have a date and neither's period contains the other's; `aEnd` and
 * `bEnd` are their periodEnd, bound before.
 */
export function datesDisagree(a: string, aEnd: string, b: string, bEnd: string): string {
  const contains = (outer: string, outerEnd: string, inner: string, innerEnd: string) =>
    `(toString(${outer}.date) <= toString(${inner}.date) AND ${innerEnd} <= ${outerEnd})`;
  return opaque(`${a}.date IS NOT NULL AND ${b}.date IS NOT NULL
    AND NOT ${contains(a, aEnd, b, bEnd)} AND NOT ${contains(b, bEnd, a, aEnd)}`);
}

/** The normalised comma-separated parts of `x`'s place ("Samarkand, Uzbekistan" → ["samarkand", "uzbekistan"]). */
const placeParts = (x: string) =>
  `[cxPart IN split(toString(${x}.place), ',') WHERE ${normalised('cxPart')} <> '' | ${normalised('cxPart')}]`;

/** True when `a` and `b` both have a place and neither's parts are all among the other's. */
export function placesDisagree(a: string, b: string): string {
  const within = (x: string, y: string) => `all(cxIn IN ${placeParts(x)} WHERE cxIn IN ${placeParts(y)})`;
  return opaque(`${a}.place IS NOT NULL AND ${b}.place IS NOT NULL
    AND NOT ${within(a, b)} AND NOT ${within(b, a)}`);
}

/** The ids of what figure `f` is ABOUT, sorted. */
export const subjectsOf = (f: string) =>
  `COLLECT { MATCH (${f})-[:ABOUT]->(cxSubject) RETURN DISTINCT cxSubject.id AS cxId ORDER BY cxId }`;

/** `a` and `b` are equal or both null. */
const same = (a: string, b: string) => `(${a} = ${b} OR (${a} IS NULL AND ${b} IS NULL))`;

/**
 * True when figures `f` and `o` (of two documents: the caller checks) measure the same thing (metric and unit),
 * about the same subjects, over the same period, and give different values.
 */
export function figuresDisagree(f: string, o: string): string {
  return opaque(`${f}.value IS NOT NULL AND ${o}.value IS NOT NULL AND ${f}.date IS NOT NULL AND ${o}.date = ${f}.date
    AND ${o}.value <> ${f}.value
    AND coalesce(${o}.datePrecision, 'day') = coalesce(${f}.datePrecision, 'day')
    AND ${same(`${o}.endDate`, `${f}.endDate`)}
    AND ${same(`coalesce(${o}.endDatePrecision, ${o}.datePrecision)`, `coalesce(${f}.endDatePrecision, ${f}.datePrecision)`)}
    AND ${normalised(`${o}.metric`)} = ${normalised(`${f}.metric`)}
    AND ${normalised(`coalesce(${o}.unit, '')`)} = ${normalised(`coalesce(${f}.unit, '')`)}
    AND size(${subjectsOf(f)}) > 0 AND ${subjectsOf(o)} = ${subjectsOf(f)}`);
}

/** True when neither list of speaker ids `a` and `b` (both non-empty) contains the other. */
export function speakersConflict(a: string, b: string): string {
  return opaque(`size(${a}) > 0 AND size(${b}) > 0
    AND NOT all(cxS IN ${a} WHERE cxS IN ${b}) AND NOT all(cxS IN ${b} WHERE cxS IN ${a})`);
}

/**
 * `body` (a subquery) tested only where `guard` holds. A CASE keeps the subquery a nested plan run per row once
 * the guard has passed: as a bare `AND EXISTS { … }` the planner may run it for every node first (and join it
 * with a scan of a label), whatever the guard says.
 */
const guarded = (guard: string, body: string) => `(CASE WHEN ${guard} THEN EXISTS {${body}} ELSE false END)`;

/** True when node `v`'s document is one of the graph's documents and the graph holds another. */
const amongDocuments = (v: string) =>
  `COUNT { (:Document) } > 1 AND EXISTS { MATCH (cxOwn:Document) WHERE cxOwn.name = ${v}.document }`;

/** A shared meeting or agreement whose records of two documents disagree on its date or place. */
export const eventContested = (v: string) =>
  guarded(
    `(${v}:Meeting OR ${v}:Agreement) AND size(coalesce(${v}.documents, [])) > 1`,
    `
    MATCH (cxA:EntityRecord {entityId: ${v}.id}), (cxB:EntityRecord {entityId: ${v}.id})
    WHERE cxA.document < cxB.document AND cxA.document IN ${v}.documents AND cxB.document IN ${v}.documents
    WITH cxA, cxB, ${periodEnd('cxA')} AS cxEndA, ${periodEnd('cxB')} AS cxEndB
    WHERE ${datesDisagree('cxA', 'cxEndA', 'cxB', 'cxEndB')} OR ${placesDisagree('cxA', 'cxB')}
  `,
  );

/** An actor or meeting at an end of an attendance one document asserts and another denies. */
export const attendanceContested = (v: string) =>
  guarded(
    `(${v}:Actor OR ${v}:Meeting) AND EXISTS { (${v})-[:DID_NOT_ATTEND]-() }`,
    `
    MATCH (${v})-[cxNo:DID_NOT_ATTEND]-(cxEnd)
    MATCH (${v})-[cxYes:ATTENDED]-(cxEnd)
    WHERE cxYes.document <> cxNo.document
  `,
  );

/**
 * A figure another document gives another value for (same subjects, measure and period). The other documents'
 * figures are found through the index on `document` (the kind tested as a property, so that no plan scans a label).
 */
export const figureContested = (v: string) =>
  guarded(
    `${v}:Figure AND ${v}.value IS NOT NULL AND ${amongDocuments(v)}`,
    `
    MATCH (cxDoc:Document) WHERE cxDoc.name <> ${v}.document
    MATCH (cxOther:Entity {document: cxDoc.name}) USING INDEX cxOther:Entity(document)
    WHERE cxOther.kind = 'FIGURE' AND ${figuresDisagree(v, 'cxOther')}
  `,
  );

/**
 * A statement that one document attributes (SAID) to speakers another document's attribution of the same words
 * does not contain, nor is contained in. The same words are looked for among the documents' statements; every
 * attribution of them is read once, as [document, speaker] pairs (`cxAll`, bound by a one-element list: an
 * aggregation inside the subquery would group by the variables of the query around it).
 */
export const quoteContested = (v: string) => {
  const speakers = (doc: string) => `[cxP IN cxAll WHERE cxP[0] = ${doc} | cxP[1]]`;
  return `(CASE WHEN ${v}:Statement AND EXISTS { (${v})<-[:SAID]-() } AND ${amongDocuments(v)}
  THEN any(cxAll IN [COLLECT {
      MATCH (cxDoc:Document)
      MATCH (cxSame:Entity {document: cxDoc.name}) USING INDEX cxSame:Entity(document)
      WHERE cxSame.kind = 'STATEMENT' AND EXISTS { (cxSame)<-[:SAID]-() }
        AND ${normalised('cxSame.text')} = ${normalised(`${v}.text`)}
      MATCH (cxSame)<-[cxSaid:SAID]-(cxWho)
      RETURN [cxSaid.document, cxWho.id] AS cxPair
    }] WHERE any(cxA IN COLLECT { MATCH (${v})<-[cxMine:SAID]-() RETURN DISTINCT cxMine.document AS cxBy }
      WHERE any(cxB IN [cxP IN cxAll | cxP[0]]
        WHERE cxB <> cxA AND ${speakersConflict(speakers('cxA'), speakers('cxB'))})))
  ELSE false END)`;
};

/**
 * True when node `v` is contested: a DISPUTES relationship touches it, or it is one of the nodes of a
 * disagreement between documents (the shared meeting or agreement; both figures; the statements; the actor and
 * the meeting of an attendance). Each test is guarded by what costs least and rules most nodes out.
 */
export function contestedOf(v: string): string {
  return `(EXISTS { (${v})-[:DISPUTES]-() }
    OR ${eventContested(v)}
    OR ${attendanceContested(v)}
    OR ${figureContested(v)}
    OR ${quoteContested(v)})`;
}
