// The quotes an analyst accepts from a draft, as the seed format's files (graph-seed/README.md): document.yaml
// (the document, graded F until someone grades it), statements.yaml (each quote verbatim with its date and the
// passage that holds it), actors.yaml (the speakers the graph does not know yet), relationships.yaml (who SAID
// each quote, with the same passage) and text.txt (the text as sent). They go to previewDocument and
// importDocument as any document's files do: validated there against the graph, matched, reviewed, imported.
// Pure: the ids the graph already holds are given (`taken`), so that a new speaker or quote never takes the id
// of an entity it was not judged to be.
import { stringify } from 'yaml';
import { badInput } from '../../../core/errors.ts';
import { SLUG, slugOf } from '../../../core/model/ids.ts';

/** What the analyst says of the document itself. */
export interface DraftDocumentInput {
  /** Its name (a slug; the document becomes document:<name>, its source source:<name>); from the title when absent. */
  name?: string | null;
  title: string;
  date?: string | null;
  publisher?: string | null;
  url?: string | null;
  documentType?: string | null;
  /** Admiralty grade, A to F (F, "cannot be judged", when absent) and why. */
  reliability?: string | null;
  reliabilityNote?: string | null;
}

/** A quote accepted from the draft, as its span of the text, with its date and speaker. */
export interface AcceptedQuoteInput {
  start: number;
  end: number;
  /** YYYY-MM-DD, YYYY-MM or YYYY; the document's date when absent. */
  date?: string | null;
  /** The graph's actor who said it (a name match's entityId). */
  speakerId?: string | null;
  /** Or a speaker the graph does not know: a new actor of this name. */
  speakerName?: string | null;
  /** The new actor's actorType (person when absent). */
  speakerType?: string | null;
  /** Where the text names the speaker: the passage then covers both ("Putin added: “This is not a bluff.”"). */
  speakerStart?: number | null;
  speakerEnd?: number | null;
  /** Where and to whom it was said. */
  context?: string | null;
}

/** A file of the seed format: the contract's DocumentFileInput. */
export interface DraftFile {
  name: string;
  content: string;
}

/** Ids and document names the graph already holds (`npm run seed` names documents by folder). */
export interface TakenIds {
  ids: ReadonlySet<string>;
  documents: ReadonlySet<string>;
}

const NO_TAKEN: TakenIds = { ids: new Set(), documents: new Set() };
const SLUG_RE = new RegExp(`^${SLUG}$`);
const DATE_RE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const ACTOR_ID_RE = new RegExp(`^actor:${SLUG}$`);
/** The longest slug of a drafted document's or speaker's name. */
const NAME_MAX = 60;
/** A passage holds the quote and, when near enough, where the speaker is named. */
const PASSAGE_MAX = 1500;
const DEFAULT_NOTE = 'Not graded yet: drafted from the pasted text; grade it before relying on it.';

/** `base`, or `base-2`, `base-3`… whichever is first free. */
function free(base: string, isTaken: (id: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) if (!isTaken(`${base}-${n}`)) return `${base}-${n}`;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const filled = (v: string | null | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/** The document's name: the one given (a slug), else its title's slug, not a loaded document's. */
export function documentNameFor(doc: DraftDocumentInput, taken: TakenIds = NO_TAKEN): string {
  if (filled(doc.name)) {
    if (!SLUG_RE.test(doc.name)) {
      throw badInput(
        `document.name "${doc.name}" is not a slug: lower-case letters, digits and single hyphens.`,
      );
    }
    return doc.name;
  }
  const base = slugOf(doc.title, NAME_MAX) || 'draft-document';
  return free(base, (name) => taken.documents.has(name) || taken.ids.has(`source:${name}`));
}

/**
 * The ids `draftFiles` would start from for document `name`, so that the caller can ask the graph which of them
 * (or their -2, -3…) are taken.
 */
export function baseIds(text: string, name: string, quotes: readonly AcceptedQuoteInput[]): string[] {
  const out = [`source:${name}`];
  for (const q of quotes) {
    if (isInt(q.start) && isInt(q.end)) out.push(statementBase(name, text.slice(q.start, q.end)));
    if (filled(q.speakerName)) out.push(`actor:${slugOf(q.speakerName, NAME_MAX) || `${name}-speaker`}`);
  }
  return [...new Set(out)];
}

const statementBase = (name: string, quote: string) =>
  `statement:${name}-${slugOf(quote.split(/\s+/).slice(0, 6).join(' '), 40) || 'quote'}`;

/** Refuses what cannot make a document, naming the input: BAD_USER_INPUT. */
function check(text: string, doc: DraftDocumentInput, quotes: readonly AcceptedQuoteInput[]): void {
  if (text.trim() === '') throw badInput('text: the document has no text.');
  if (!filled(doc.title)) throw badInput('document.title: give the document a title.');
  if (doc.date != null && !DATE_RE.test(doc.date)) {
    throw badInput(`document.date "${doc.date}": write YYYY-MM-DD, YYYY-MM or YYYY.`);
  }
  for (const [i, q] of quotes.entries()) {
    const at = `quotes[${i}]`;
    if (!isInt(q.start) || !isInt(q.end) || q.start < 0 || q.end > text.length || q.start >= q.end) {
      throw badInput(`${at}: ${q.start}..${q.end} is not a span of the text (0..${text.length}).`);
    }
    if (text.slice(q.start, q.end).trim() === '') throw badInput(`${at}: the span holds no words.`);
    if (q.date != null && !DATE_RE.test(q.date)) {
      throw badInput(`${at}.date "${q.date}": write YYYY-MM-DD, YYYY-MM or YYYY.`);
    }
    if (q.date == null && doc.date == null) {
      throw badInput(`${at}.date: give the quote a date (or the document one, which it then takes).`);
    }
    if (filled(q.speakerId) && filled(q.speakerName)) {
      throw badInput(`${at}: give speakerId (an actor of the graph) or speakerName (a new actor), not both.`);
    }
    if (filled(q.speakerId) && !ACTOR_ID_RE.test(q.speakerId)) {
      throw badInput(`${at}.speakerId "${q.speakerId}" is not an actor id (actor:<slug>).`);
    }
    if (filled(q.speakerName) && q.speakerName.length > 200) {
      throw badInput(`${at}.speakerName: at most 200 characters.`);
    }
    const s = q.speakerStart;
    const e = q.speakerEnd;
    if ((s != null || e != null) && (!isInt(s) || !isInt(e) || s < 0 || e > text.length || s >= e)) {
      throw badInput(`${at}: speakerStart..speakerEnd ${s}..${e} is not a span of the text.`);
    }
  }
}

/**
 * The passage a quote rests on: its words with their quotation marks and, when the speaker is named within
 * PASSAGE_MAX characters, the words from the speaker to the quote ("Putin added: “This is not a bluff.”").
 */
export function passageOf(text: string, q: AcceptedQuoteInput): string {
  let start = q.start;
  let end = q.end;
  const close = /^,?\s?["\u201D]/.exec(text.slice(end, end + 3));
  if (close) end += close[0].length;
  if (/["\u201C]/.test(text[start - 1] ?? '')) start -= 1;
  if (isInt(q.speakerStart) && isInt(q.speakerEnd)) {
    const s = Math.min(start, q.speakerStart);
    const e = Math.max(end, q.speakerEnd);
    if (e - s <= PASSAGE_MAX) [start, end] = [s, e];
  }
  return text.slice(start, end);
}

const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });

/**
 * The seed format's files for `text` with the accepted `quotes`: what previewDocument takes. BAD_USER_INPUT for
 * what cannot make a document (a span outside the text, a quote without a date when the document has none, …).
 */
export function draftFiles(
  text: string,
  doc: DraftDocumentInput,
  quotes: readonly AcceptedQuoteInput[],
  taken: TakenIds = NO_TAKEN,
): DraftFile[] {
  check(text, doc, quotes);
  const name = documentNameFor(doc, taken);
  const sourceId = `source:${name}`;
  const used = new Set<string>();
  const isTaken = (id: string) => used.has(id) || taken.ids.has(id);
  const newActors = new Map<string, { id: string; name: string; actorType: string; aliases: string[] }>();
  const statements: Array<Record<string, unknown>> = [];
  const relationships: Array<Record<string, unknown>> = [];
  for (const q of [...quotes].sort((a, b) => a.start - b.start)) {
    const words = text.slice(q.start, q.end).trim();
    const id = free(statementBase(name, words), isTaken);
    used.add(id);
    const date = q.date ?? doc.date!;
    const passage = passageOf(text, q);
    statements.push({
      id,
      text: words,
      date,
      ...(filled(q.context) ? { context: q.context } : {}),
      passages: [passage],
      sources: [sourceId],
    });
    let speaker: string | null = filled(q.speakerId) ? q.speakerId : null;
    if (filled(q.speakerName)) {
      const spoken = q.speakerName.trim();
      const key = slugOf(spoken, NAME_MAX) || spoken;
      let actor = newActors.get(key);
      if (!actor) {
        const actorId = free(`actor:${slugOf(spoken, NAME_MAX) || `${name}-speaker`}`, isTaken);
        used.add(actorId);
        actor = { id: actorId, name: spoken, actorType: q.speakerType ?? 'person', aliases: [] };
        newActors.set(key, actor);
      } else if (actor.name !== spoken && !actor.aliases.includes(spoken)) actor.aliases.push(spoken);
      speaker = actor.id;
    }
    if (speaker) {
      relationships.push({
        type: 'SAID',
        from: speaker,
        to: id,
        date,
        passages: [passage],
        sources: [sourceId],
      });
    }
  }
  const documentItem = {
    id: sourceId,
    title: doc.title.trim(),
    ...(filled(doc.publisher) ? { publisher: doc.publisher } : {}),
    ...(doc.date != null ? { date: doc.date } : {}),
    ...(filled(doc.url) ? { url: doc.url } : {}),
    ...(filled(doc.documentType) ? { documentType: doc.documentType } : {}),
    reliability: filled(doc.reliability) ? doc.reliability : 'F',
    reliabilityNote: filled(doc.reliabilityNote) ? doc.reliabilityNote : DEFAULT_NOTE,
  };
  const files: DraftFile[] = [{ name: 'document.yaml', content: yaml({ document: documentItem }) }];
  if (newActors.size > 0) {
    const actors = [...newActors.values()].map((a) => ({
      id: a.id,
      name: a.name,
      ...(a.aliases.length > 0 ? { aliases: a.aliases } : {}),
      actorType: a.actorType,
      sources: [sourceId],
    }));
    files.push({ name: 'actors.yaml', content: yaml({ actors }) });
  }
  if (statements.length > 0) files.push({ name: 'statements.yaml', content: yaml({ statements }) });
  if (relationships.length > 0) files.push({ name: 'relationships.yaml', content: yaml({ relationships }) });
  files.push({ name: 'text.txt', content: text });
  return files;
}
