// A claim's passages in the details panel: the paragraph of its document around each span, the span marked, and
// a way to read it in the whole document (the document view, client/src/document).
import type { Passage } from '../../../core/model/index.ts';
import type { Loadable } from '../shared/loadable.ts';
import { gradeLabel, paragraphAround } from './evidence.ts';
import type { Evidence, Grade } from './useEvidence.ts';

/** The passages of the selected item (nothing when it rests on none); each opens in its document with `onOpen`. */
export function Passages({
  evidence,
  onOpen,
}: {
  evidence: Loadable<Evidence>;
  onOpen?: ((passage: Passage) => void) | undefined;
}) {
  if (evidence.type === 'error')
    return <p className="muted small">Evidence unavailable: {evidence.message}</p>;
  if (evidence.type !== 'ready' || evidence.value.passages.length === 0) return null;
  const { passages, documentText } = evidence.value;
  return (
    <>
      <h4>{passages.length === 1 ? 'Passage' : 'Passages'}</h4>
      {passages.map((p) => {
        const cut = documentText === null ? null : paragraphAround(documentText, p.start, p.end);
        return (
          <div key={`${p.start}-${p.end}`}>
            <blockquote className="passage" data-testid="passage">
              {cut ? (
                <>
                  {cut.before}
                  <mark>{cut.span}</mark>
                  {cut.after}
                </>
              ) : (
                <mark>{p.text}</mark>
              )}
            </blockquote>
            {onOpen && documentText !== null && (
              <button type="button" className="link small" onClick={() => onOpen(p)}>
                Open in the document
              </button>
            )}
          </div>
        );
      })}
    </>
  );
}

/** A source's grade beside its citation: "B — usually reliable", the reason as its title. */
export function GradeBadge({ grade }: { grade: Grade | undefined }) {
  if (!grade) return null;
  return (
    <>
      {' '}
      <span
        className="source-grade"
        data-grade={grade.reliability}
        title={grade.reliabilityNote ?? undefined}
        data-testid="source-grade"
      >
        {gradeLabel(grade.reliability)}
      </span>
    </>
  );
}
