// The draft of a plain text, for review: the document's title, date and publisher; each proposed quote with its
// speaker and date, to accept or leave; the dates and the graph's names the text uses. "Review the import" turns
// the accepted quotes into the seed format's files and previews them as any document's.
import { formatDate } from '../../../core/model/dates.ts';
import type { Store } from '../shared/store.ts';
import type { AddDocumentState } from './addDocument.ts';
import { draftProblem, namesUsed, type DraftMeta, type DraftQuote } from './draft.ts';

type DraftStep = Extract<AddDocumentState, { step: 'draft' }>;

interface Props {
  state: Store<AddDocumentState>;
  s: DraftStep;
  onPreview: () => void;
}

const span = (x: { start: number; end: number }) => `characters ${x.start}–${x.end} of the text`;

function speakerOf(q: DraftQuote): string {
  if (!q.speaker) return 'no speaker named';
  if (q.speaker.entityId) return `${q.speaker.label ?? q.speaker.text} (in the graph)`;
  return `${q.speaker.text} (a new actor)`;
}

/** The draft under review. */
export function DraftReviewPane({ state, s, onPreview }: Props) {
  const { review } = s;
  const { draft } = review;
  const update = (change: (d: DraftStep) => DraftStep) =>
    state.set((x) => (x.step === 'draft' ? change(x) : x));
  const setMeta = (key: keyof DraftMeta, value: string) =>
    update((d) => ({ ...d, review: { ...d.review, meta: { ...d.review.meta, [key]: value } } }));
  const accept = (indexes: number[], on: boolean) =>
    update((d) => ({
      ...d,
      review: {
        ...d.review,
        accepted: { ...d.review.accepted, ...Object.fromEntries(indexes.map((i) => [i, on])) },
      },
    }));
  const count = Object.values(review.accepted).filter(Boolean).length;
  const problem = draftProblem(review);
  const names = namesUsed(draft);
  return (
    <div className="draft" data-testid="draft">
      <p data-testid="draft-counts">
        The text proposes {draft.quotes.length} quote{draft.quotes.length === 1 ? '' : 's'},{' '}
        {draft.dates.length} date{draft.dates.length === 1 ? '' : 's'} and {names.length} of the graph’s
        names. Accept the quotes that belong in the graph; nothing is written before you import.
      </p>
      <fieldset className="draft-meta">
        <legend>The document</legend>
        <label>
          Title <input value={review.meta.title} onChange={(e) => setMeta('title', e.target.value)} />
        </label>
        <label>
          Date{' '}
          <input
            value={review.meta.date}
            placeholder="2022-10-11, 2022-10 or 2022"
            onChange={(e) => setMeta('date', e.target.value)}
          />
        </label>
        <label>
          Publisher{' '}
          <input value={review.meta.publisher} onChange={(e) => setMeta('publisher', e.target.value)} />
        </label>
      </fieldset>
      <div className="draft-actions">
        <button
          type="button"
          onClick={() =>
            accept(
              draft.quotes.flatMap((q, i) => (q.speaker ? [i] : [])),
              true,
            )
          }
        >
          Accept every quote with a speaker
        </button>{' '}
        <button type="button" onClick={() => accept(Object.keys(draft.quotes).map(Number), false)}>
          Accept none
        </button>
      </div>
      <ol className="draft-quotes" data-testid="draft-quotes">
        {draft.quotes.map((q, i) => (
          <li key={`${q.start}-${q.end}`} data-start={q.start}>
            <label title={span(q)}>
              <input
                type="checkbox"
                checked={!!review.accepted[i]}
                onChange={(e) => accept([i], e.target.checked)}
                aria-label={`Accept “${q.text.slice(0, 60)}”`}
              />{' '}
              “{q.text}”
            </label>
            <p className="muted small">
              <span title={q.speaker ? span(q.speaker) : undefined}>{speakerOf(q)}</span>
              {q.speaker && ` · found by ${q.speaker.how}`} ·{' '}
              {q.date ? formatDate(q.date.date, q.date.precision) : 'no date: the document’s'}
            </p>
          </li>
        ))}
      </ol>
      <details>
        <summary>
          Dates the text writes ({draft.dates.length}) and the graph’s names it uses ({names.length})
        </summary>
        <ul className="draft-dates">
          {draft.dates.map((d) => (
            <li key={`${d.start}-${d.end}`} title={span(d)}>
              {d.text}: {formatDate(d.date, d.precision, d.endDate, d.endPrecision)} ({d.precision})
            </li>
          ))}
        </ul>
        <ul className="draft-names">
          {names.map((n) => (
            <li key={n.entityId}>
              {n.label} ×{n.count}
            </li>
          ))}
        </ul>
      </details>
      {problem && <p className="muted">{problem}</p>}
      <button type="button" disabled={!!problem || s.busy} onClick={onPreview}>
        {s.busy ? 'Making the files…' : `Review the import (${count} quote${count === 1 ? '' : 's'})`}
      </button>
    </div>
  );
}
