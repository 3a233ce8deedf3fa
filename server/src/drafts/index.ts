// Drafts from plain text (issue 15, item 3): draftDocument proposes what a document's text holds for the graph
// (quotes with their speakers and dates, dates, the graph's names), every candidate with its span; draftFiles turns
// the quotes the analyst accepts into the seed format's files, which previewDocument and importDocument take as
// any document's. Neither writes anything; both are reads (a reader token may draft), and the import that follows
// needs an editor. The draft itself is pure (draft.ts); this module reads the graph's names for it and the ids
// the files must not take.
import { cypher, type Db } from '../../../core/db/database.ts';
import { badInput } from '../../../core/errors.ts';
import { DRAFT_QUOTES_MAX, DRAFT_TEXT_MAX_BYTES } from '../graphql/limits.ts';
import { graphQLModule, type GraphQLModule } from '../graphql/module.ts';
import { draftFromText, type DocumentDraft, type KnownName } from './draft.ts';
import {
  baseIds,
  documentNameFor,
  draftFiles,
  type AcceptedQuoteInput,
  type DraftDocumentInput,
  type DraftFile,
  type TakenIds,
} from './files.ts';

// Every name the graph gives its actors, meetings and agreements: each entity's name and aliases, and those of
// every document's record of it (another document may spell it otherwise).
const KNOWN_NAMES = cypher(
  'draftsKnownNames',
  `MATCH (n:Actor|Meeting|Agreement)
   RETURN n.id AS id, n.kind AS kind, coalesce(n.name, n.title, n.id) AS label,
     [x IN [n.name, n.title] + coalesce(n.aliases, []) WHERE x IS NOT NULL] +
       COLLECT { MATCH (r:EntityRecord {entityId: n.id})
                 UNWIND [x IN [r.name, r.title] + coalesce(r.aliases, []) WHERE x IS NOT NULL] AS x
                 RETURN x } AS names
   ORDER BY id`,
);
// The graph's ids that begin as the ids a draft's files would take (an index seek per prefix).
const TAKEN_IDS = cypher(
  'draftsTakenIds',
  `UNWIND $bases AS base
   MATCH (n:Entity) WHERE n.id STARTS WITH base
   RETURN DISTINCT n.id AS id`,
);
const TAKEN_DOCUMENTS = cypher(
  'draftsTakenDocuments',
  `MATCH (d:Document) WHERE d.name STARTS WITH $name
   RETURN d.name AS name`,
);

/** Refuses a text over the limit, or none: BAD_USER_INPUT naming the limit. */
export function checkText(text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') throw badInput('text: send the document’s text.');
  const bytes = Buffer.byteLength(text);
  if (bytes > DRAFT_TEXT_MAX_BYTES) {
    throw badInput(
      `text: ${bytes} bytes; a draft reads at most ${DRAFT_TEXT_MAX_BYTES} bytes (about 80,000 words): split the text and draft it in parts.`,
      { limit: DRAFT_TEXT_MAX_BYTES },
    );
  }
  return text;
}

/** The graph's actors, meetings and agreements with every name they go by. */
export function knownNames(db: Db): Promise<KnownName[]> {
  return db.read<KnownName>(KNOWN_NAMES);
}

/** The draft of `text` against the graph's names. */
export async function draftDocument(db: Db, text: unknown): Promise<DocumentDraft> {
  const checked = checkText(text);
  return draftFromText(checked, await knownNames(db));
}

/** The seed format's files for `text` and the accepted quotes, with ids the graph does not hold yet. */
export async function draftDocumentFiles(
  db: Db,
  text: unknown,
  doc: DraftDocumentInput,
  quotes: readonly AcceptedQuoteInput[],
): Promise<DraftFile[]> {
  const checked = checkText(text);
  if (quotes.length > DRAFT_QUOTES_MAX) {
    throw badInput(`quotes: ${quotes.length}; at most ${DRAFT_QUOTES_MAX} in one call.`, {
      limit: DRAFT_QUOTES_MAX,
    });
  }
  const base = documentNameFor(doc);
  const documents = await db.read<{ name: string }>(TAKEN_DOCUMENTS, { name: base });
  const sources = await db.read<{ id: string }>(TAKEN_IDS, { bases: [`source:${base}`] });
  const byName: TakenIds = {
    ids: new Set(sources.map((r) => r.id)),
    documents: new Set(documents.map((r) => r.name)),
  };
  const name = documentNameFor(doc, byName);
  const ids = await db.read<{ id: string }>(TAKEN_IDS, { bases: baseIds(checked, name, quotes) });
  return draftFiles(checked, { ...doc, name }, quotes, {
    ids: new Set(ids.map((r) => r.id)),
    documents: byName.documents,
  });
}

const typeDefs = /* GraphQL */ `
  "A date written in the text, at the precision the text gives it. start and end are character offsets into the text (UTF-16 code units, as JavaScript's String.slice counts)."
  type DraftDate {
    start: Int!
    end: Int!
    "The words as written: September 15, 2022; September 2022; in 2022 gives 2022."
    text: String!
    "The first day of the period."
    date: Date!
    "day, month or year."
    precision: String!
    "A range's end (January-July 2022: 2022-07-01, month), else null."
    endDate: Date
    endPrecision: String
    "True when the text gives no year (On September 9) and the year is the dateline's (its first full date), or the year before when that would fall after the dateline."
    yearInferred: Boolean!
  }

  "A name or alias of one of the graph's actors, meetings or agreements, where the text writes it."
  type DraftName {
    start: Int!
    end: Int!
    text: String!
    entityId: ID!
    kind: NodeKind!
    "The entity's name (or title)."
    label: String!
    "name, alias, name (case or accents differ) or alias (case or accents differ). Two entities with the same name at the same place are both given."
    how: String!
  }

  "Who a quote is proposed to be by: a name in the text, and the graph's actor when it is one of its names."
  type DraftSpeaker {
    start: Int!
    end: Int!
    "The name as written, titles dropped (Russian President Vladimir Putin gives Vladimir Putin)."
    text: String!
    "The graph's actor of that name, or null for a name the graph does not know (accept it as a new actor)."
    entityId: ID
    label: String
    "speech verb (Putin added: …), after the quote (…, said Putin), according to, remarks by (a comment by Putin), or subject (Xi re-upped his commitment to …)."
    how: String!
  }

  "A candidate quote: the words between double quotation marks (without the marks), outside the notes."
  type DraftQuote {
    start: Int!
    end: Int!
    text: String!
    "The nearest named speaker, or null when no pattern names one."
    speaker: DraftSpeaker
    "The date nearest to the quote: in its sentence, else in the note its sentence cites, else earlier in its paragraph; null when none."
    date: DraftDate
  }

  "What a document's text proposes for the graph. Nothing is written; each list is in the order of the text."
  type DocumentDraft {
    quotes: [DraftQuote!]!
    dates: [DraftDate!]!
    names: [DraftName!]!
  }

  "The document a draft becomes (its document.yaml)."
  input DraftDocumentInput {
    "A slug: the document becomes document:<name> and its source source:<name>. From the title when absent (then never a loaded document's name); a loaded document's name replaces that document on import."
    name: String
    title: String!
    "YYYY-MM-DD, YYYY-MM or YYYY; the date of every quote that has none."
    date: String
    publisher: String
    url: String
    "memo, report, article, transcript, book or other."
    documentType: String
    "Admiralty reliability, A to F; F (cannot be judged) when absent."
    reliability: String
    reliabilityNote: String
  }

  "A quote the analyst accepts: a span of the text (usually a DraftQuote's), its date and its speaker."
  input AcceptedQuoteInput {
    start: Int!
    end: Int!
    "YYYY-MM-DD, YYYY-MM or YYYY; the document's date when absent."
    date: String
    "The graph's actor who said it (a DraftSpeaker's or DraftName's entityId)."
    speakerId: ID
    "Or a speaker the graph does not know: a new actor of this name (one actor per name)."
    speakerName: String
    "The new actor's actorType (person when absent)."
    speakerType: String
    "Where the text names the speaker (a DraftSpeaker's span): the passage then runs from the speaker to the quote."
    speakerStart: Int
    speakerEnd: Int
    "Where and to whom it was said."
    context: String
  }

  "A file of the seed format, as previewDocument takes it (DocumentFileInput)."
  type DocumentFile {
    name: String!
    content: String!
  }

  type Query {
    """
    Proposes a draft of a document's text for review: candidate quotes with their nearest named speaker and
    date, the dates the text writes (with their precision) and the graph's names and aliases found in it, every
    candidate with its span. Pure reading: nothing is written. At most ${DRAFT_TEXT_MAX_BYTES} bytes of text
    (BAD_USER_INPUT).
    """
    draftDocument(text: String!): DocumentDraft!
    """
    The seed format's files (document.yaml, statements.yaml, actors.yaml for new speakers, relationships.yaml
    with the SAID links, text.txt) for the text and the quotes accepted from its draft; pass them to
    previewDocument, then importDocument. New ids avoid the graph's. Nothing is written. BAD_USER_INPUT for a
    span outside the text, a quote without a date when the document has none, speakerId with speakerName, over
    ${DRAFT_TEXT_MAX_BYTES} bytes of text or ${DRAFT_QUOTES_MAX} quotes.
    """
    draftFiles(text: String!, document: DraftDocumentInput!, quotes: [AcceptedQuoteInput!]!): [DocumentFile!]!
  }
`;

/** The drafts concept. */
export const draftsModule: GraphQLModule = graphQLModule(typeDefs, {
  Query: {
    draftDocument: (_, args, ctx) => draftDocument(ctx.db, args.text),
    draftFiles: (_, args, ctx) => draftDocumentFiles(ctx.db, args.text, args.document, args.quotes),
  },
});
