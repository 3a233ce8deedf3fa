// A document's text and spans, asked of the API when the view opens on it, cut into segments once per answer.
import { useEffect, useMemo, useState } from 'react';
import { describeError } from '../api/client.ts';
import { failed, loading, ready, type Loadable } from '../shared/loadable.ts';
import { fetchDocument, type DocumentContent } from './document.ts';
import { rangesIn, segmentText, type MarkedRange, type Segment } from './spans.ts';

export interface LoadedDocument extends DocumentContent {
  segments: Segment[];
  /** Every marked range, each once, in reading order. */
  ranges: MarkedRange[];
}

/** Document `id`'s content; loading until the answer for this document comes. */
export function useDocument(id: string): Loadable<LoadedDocument> {
  const [answer, setAnswer] = useState<{ id: string; result: Loadable<DocumentContent> }>();
  useEffect(() => {
    const controller = new AbortController();
    fetchDocument(id, controller.signal).then(
      (content) => setAnswer({ id, result: ready(content) }),
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') setAnswer({ id, result: failed(describeError(e)) });
      },
    );
    return () => controller.abort();
  }, [id]);
  const result = answer && answer.id === id ? answer.result : loading;
  return useMemo(() => {
    if (result.type !== 'ready') return result;
    const { text, spans } = result.value;
    const segments = text === null ? [] : segmentText(text, spans);
    return ready({ text, spans, segments, ranges: rangesIn(segments).sort((a, b) => a.start - b.start) });
  }, [result]);
}
