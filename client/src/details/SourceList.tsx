// The sources a node or relationship rests on: footnote number, title, publisher, date and a link.
import type { Source } from '../api/types.ts';
import { formatDate } from '../../../core/model/dates.ts';
import { isOwnDocument } from './sourceLabel.ts';
import { GradeBadge } from '../evidence/Passages.tsx';
import type { Grade } from '../evidence/useEvidence.ts';

/** Sources ordered by footnote number, the document's own analysis last. */
export function sortSources(sources: readonly Source[]): Source[] {
  return [...sources].sort(
    (a, b) => (a.footnote ?? Infinity) - (b.footnote ?? Infinity) || a.title.localeCompare(b.title),
  );
}

/** The list of sources. */
export function SourceList({
  sources,
  grades,
}: {
  sources: readonly Source[];
  /** The sources' grades by id, for the selected item (evidence/useEvidence.ts). */
  grades?: Record<string, Grade>;
}) {
  if (sources.length === 0) return <p className="muted">No source recorded.</p>;
  return (
    <ol className="sources">
      {sortSources(sources).map((s) => (
        <li key={s.id} data-source-id={s.id}>
          <span className="footnote" title={s.footnote != null ? `footnote ${s.footnote}` : 'no footnote'}>
            {s.footnote != null ? `[${s.footnote}]` : '[–]'}
          </span>
          <span className="source-body">
            <span className="source-title">{s.title}</span>
            <GradeBadge grade={grades?.[s.id]} />
            {(s.publisher || s.date) && (
              <span className="muted">
                {' '}
                — {[s.publisher, s.date ? formatDate(s.date) : null].filter(Boolean).join(', ')}
              </span>
            )}
            {s.url ? (
              <>
                {' '}
                <a href={s.url} target="_blank" rel="noopener noreferrer" className="source-link">
                  {displayUrl(s.url)}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </>
            ) : (
              <span className="muted"> ({isOwnDocument(s) ? 'this document' : 'no address'})</span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}

/** A url shortened for display: host and the start of the path. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    const rest = u.pathname.length > 24 ? `${u.pathname.slice(0, 22)}…` : u.pathname;
    return `${u.host.replace(/^www\./, '')}${rest === '/' ? '' : rest}`;
  } catch {
    return url;
  }
}
