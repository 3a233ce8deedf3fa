// A document from its plain text (issue 15, item 3): the server proposes a draft (quotes with their nearest named
// speaker and date, the dates the text writes, the graph's names it uses, each with its span); the analyst accepts
// quotes and names the document; the accepted quotes become the seed format's files, which then go through the
// same preview and import as any document's. Nothing is written before "Import".
import type {
  AcceptedQuoteInput,
  ExplorerDraftDocumentQuery,
  ExplorerDraftFilesQueryVariables,
} from '../generated/graphql.ts';

export type Draft = ExplorerDraftDocumentQuery['draftDocument'];
export type DraftQuote = Draft['quotes'][number];

/** What the document becomes: its title, date and publisher (document.yaml). */
export interface DraftMeta {
  title: string;
  date: string;
  publisher: string;
}

/** The draft under review: the text, what the server proposes, the quotes accepted (by index) and the document. */
export interface DraftReview {
  text: string;
  draft: Draft;
  accepted: Record<number, boolean>;
  meta: DraftMeta;
}

/** A stored date cut to its precision, as the seed format writes it: "2022-09-15", "2022-09", "2022". */
export function seedDate(date: string, precision: string): string {
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date.slice(0, 10);
}

/**
 * The document's first offer: its first line as the title (a memo's heading), the first date the text writes to
 * the day as its date (a dateline), no publisher. The analyst can change all three.
 */
export function proposedMeta(text: string, draft: Draft): DraftMeta {
  const firstLine =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l.length > 0) ?? '';
  const title = firstLine.length > 120 ? `${firstLine.slice(0, 119).trimEnd()}…` : firstLine;
  const dated = draft.dates.find((d) => d.precision === 'day') ?? draft.dates[0];
  return { title, date: dated ? seedDate(dated.date, dated.precision) : '', publisher: '' };
}

/** The review at its start: nothing accepted. */
export function draftReview(text: string, draft: Draft): DraftReview {
  return { text, draft, accepted: {}, meta: proposedMeta(text, draft) };
}

/** The accepted quotes as draftFiles takes them: a known speaker by id, another by the name the text gives. */
export function acceptedQuotes(review: DraftReview): AcceptedQuoteInput[] {
  return review.draft.quotes
    .filter((_, i) => review.accepted[i])
    .map((q) => ({
      start: q.start,
      end: q.end,
      date: q.date ? seedDate(q.date.date, q.date.precision) : null,
      speakerId: q.speaker?.entityId ?? null,
      speakerName: q.speaker && !q.speaker.entityId ? q.speaker.text : null,
      speakerStart: q.speaker?.start ?? null,
      speakerEnd: q.speaker?.end ?? null,
    }));
}

/** Why the draft cannot become files yet, or null when it can. */
export function draftProblem(review: DraftReview): string | null {
  if (!review.meta.title.trim()) return 'Give the document a title.';
  if (!Object.values(review.accepted).some(Boolean)) return 'Accept at least one quote.';
  const undated = acceptedQuotes(review).some((q) => !q.date);
  if (undated && !review.meta.date.trim())
    return 'A quote you accepted has no date: give the document a date (it is used for those quotes).';
  return null;
}

/** The variables of draftFiles for the review. */
export function draftFilesInput(review: DraftReview): ExplorerDraftFilesQueryVariables {
  const { title, date, publisher } = review.meta;
  return {
    text: review.text,
    document: {
      title: title.trim(),
      date: date.trim() || null,
      publisher: publisher.trim() || null,
    },
    quotes: acceptedQuotes(review),
  };
}

/** The graph's names the text uses, each once with how often: "Xi Jinping ×12". */
export function namesUsed(draft: Draft): { entityId: string; label: string; kind: string; count: number }[] {
  const byId = new Map<string, { entityId: string; label: string; kind: string; count: number }>();
  for (const n of draft.names) {
    const seen = byId.get(n.entityId);
    if (seen) seen.count += 1;
    else byId.set(n.entityId, { entityId: n.entityId, label: n.label, kind: n.kind, count: 1 });
  }
  return [...byId.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/** The text a .txt file holds when it is the only file chosen: a document to draft, not the seed's text.txt. */
export function plainTextOf(files: readonly { name: string }[]): boolean {
  return files.length === 1 && /\.txt$/i.test(files[0]!.name);
}
