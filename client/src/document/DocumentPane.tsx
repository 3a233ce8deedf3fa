// The reading pane: a document's whole text over the left of the canvas, every span a claim rests on marked
// (nested spans darker), the passage it was opened from emphasised and scrolled into view. A click on a mark, or
// Enter on it, selects the claim behind it on the graph (the innermost mark: the shortest span there); again on
// the same mark, the next claim resting on that passage. The canvas and the details panel stay in sight beside it.
import { Fragment, useEffect, useRef } from 'react';
import { kindStyle } from '../graph/kinds.ts';
import type { DocumentView } from './document.ts';
import { itemId, itemToSelect, type MarkedRange, type Segment, type SpanItem } from './spans.ts';
import { useDocument } from './useDocument.ts';
import './document.css';

type OpenView = Extract<DocumentView, { open: true }>;

interface Props {
  view: OpenView;
  /** The id of the node or relationship selected on the graph, if any. */
  selectedId: string | null;
  /** Selects `item`, one of the claims resting on `range`. */
  onChoose: (range: MarkedRange, item: SpanItem) => void;
  onClose: () => void;
}

/** "Statement: This is not a bluff" or "Xi Jinping SAID …" (a relationship's label names its ends). */
export function describeItem(item: SpanItem): string {
  return item.nodeId !== null && item.kind ? `${kindStyle(item.kind).label}: ${item.label}` : item.label;
}

/** What a mark's tooltip says: the claim a click selects first, and how many more rest on the passage. */
function markTitle(range: MarkedRange): string {
  const [first] = range.items;
  const more = range.items.length - 1;
  const rest = more === 0 ? '' : ` (and ${more} more: click again for the next)`;
  return first ? `${describeItem(first)}${rest}` : '';
}

/**
 * Scrolls `container` so that `el` is in its middle (its beginning, if it is taller). Not scrollIntoView, which
 * also scrolls the page's own boxes (overflow: hidden is scrollable by script) and moves the header out of sight.
 */
function centreIn(container: HTMLElement, el: HTMLElement) {
  const box = container.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const offset = r.height > box.height ? r.top - box.top - 8 : r.top - box.top - (box.height - r.height) / 2;
  container.scrollTop += offset;
}

const isCurrent = (range: MarkedRange, view: OpenView) =>
  view.current !== null && range.start === view.current.start && range.end === view.current.end;

/** The document view. */
export function DocumentPane({ view, selectedId, onChoose, onClose }: Props) {
  const content = useDocument(view.documentId);
  const paneRef = useRef<HTMLElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  // Where focus was when the view opened (the "Open in the document" button), to go back to on closing.
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
  }, [view.seq]);

  // Once the text is there (and on each opening), the emphasised passage is brought into sight and focused, so
  // that the keyboard continues from it; without one, the pane itself takes focus.
  const ready = content.type === 'ready';
  useEffect(() => {
    if (!ready) return;
    const text = textRef.current;
    const current = text?.querySelector<HTMLElement>('mark[aria-current="true"]');
    if (text && current) {
      centreIn(text, current);
      current.focus({ preventScroll: true });
    } else paneRef.current?.focus();
    // Only a new opening moves focus (view.seq), not a click on another span (view.current).
  }, [ready, view.seq]);

  const close = () => {
    const back = opener.current;
    onClose();
    if (back instanceof HTMLElement && back.isConnected) back.focus();
    else document.getElementById('details')?.focus();
  };

  const choose = (range: MarkedRange) => {
    const item = itemToSelect(range, selectedId);
    if (item) onChoose(range, item);
  };

  let body;
  if (content.type === 'error')
    body = (
      <p className="error-text" role="alert">
        The document could not be loaded: {content.message}
      </p>
    );
  else if (content.type !== 'ready') body = <p className="muted">Loading the document…</p>;
  else if (content.value.text === null)
    body = <p className="muted">This document has no stored text to show.</p>;
  else {
    const { segments, ranges } = content.value;
    const current = ranges.find((r) => isCurrent(r, view));
    body = (
      <>
        <p className="muted small">
          {ranges.length} marked passage{ranges.length === 1 ? '' : 's'}: choose one to select the claim it
          supports on the graph (again for the next claim on the same passage). Darker marks are passages
          inside others.
        </p>
        {current && (
          <CurrentClaims
            range={current}
            selectedId={selectedId}
            onChoose={(item) => onChoose(current, item)}
          />
        )}
        <div ref={textRef} className="document-text" data-testid="document-text">
          <Segments segments={segments} view={view} selectedId={selectedId} choose={choose} />
        </div>
      </>
    );
  }

  return (
    <section
      ref={paneRef}
      tabIndex={-1}
      className="document-pane"
      aria-labelledby="document-title"
      data-testid="document-view"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Escape closes the pane only: the selection (which the page's Escape clears) stays.
        e.stopPropagation();
        close();
      }}
    >
      <header className="document-head">
        <h2 id="document-title">Document</h2>
        <button type="button" onClick={close} aria-label="Close the document">
          Close
        </button>
      </header>
      {body}
    </section>
  );
}

/** The claims resting on the emphasised passage, each a button that selects it. */
function CurrentClaims({
  range,
  selectedId,
  onChoose,
}: {
  range: MarkedRange;
  selectedId: string | null;
  onChoose: (item: SpanItem) => void;
}) {
  return (
    <div className="document-claims">
      <h3 id="document-claims-title">
        {range.items.length === 1
          ? 'The claim on this passage'
          : `${range.items.length} claims on this passage`}
      </h3>
      <ul aria-labelledby="document-claims-title">
        {range.items.map((item) => (
          <li key={itemId(item)}>
            <button
              type="button"
              className="link"
              aria-pressed={itemId(item) === selectedId}
              onClick={() => onChoose(item)}
            >
              {describeItem(item)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface SegmentProps {
  view: OpenView;
  selectedId: string | null;
  choose: (range: MarkedRange) => void;
}

/** The text and its marks, nested as the spans are. */
function Segments({ segments, ...props }: SegmentProps & { segments: readonly Segment[] }) {
  return segments.map((s) =>
    s.type === 'text' ? (
      <Fragment key={`t${s.start}`}>{s.text}</Fragment>
    ) : (
      <SpanMark key={`m${s.start}-${s.range.key}`} segment={s} {...props} />
    ),
  );
}

/**
 * One mark: a button for the keyboard too (Enter or Space). Marks nest, so it is a <mark> with the button role
 * (a <button> may not hold another); a later piece of a span cut by a crossing one is not a stop of its own.
 */
function SpanMark({ segment, ...props }: SegmentProps & { segment: Extract<Segment, { type: 'mark' }> }) {
  const { range } = segment;
  const { view, selectedId, choose } = props;
  const current = isCurrent(range, view);
  const ofSelection = selectedId !== null && range.items.some((i) => itemId(i) === selectedId);
  const className = ['span', current && 'current', ofSelection && 'of-selection'].filter(Boolean).join(' ');
  return (
    <mark
      role="button"
      tabIndex={segment.continued ? -1 : 0}
      className={className}
      title={markTitle(range)}
      aria-current={current ? 'true' : undefined}
      data-range={range.key}
      data-claims={range.items.map(itemId).join(' ')}
      onClick={(e) => {
        // The innermost mark under the pointer answers; the marks around it do not.
        e.stopPropagation();
        choose(range);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        e.stopPropagation();
        choose(range);
      }}
    >
      <Segments segments={segment.children} {...props} />
    </mark>
  );
}
