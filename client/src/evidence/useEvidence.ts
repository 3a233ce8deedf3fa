// The evidence of the selected item, asked of the API when the selection changes (one small query, not part of
// the neighbourhood's: its sources' grades, and its document's text when it rests on passages).
import { useEffect, useState } from 'react';
import { describeError } from '../api/client.ts';
import { api } from '../api/operations.ts';
import type { Reliability, Source } from '../api/types.ts';
import { failed, loading, ready, type Loadable } from '../shared/loadable.ts';
import { passagesOf, type Passage } from '../../../core/model/index.ts';

/** A source's grade and the reason given for it. */
export interface Grade {
  reliability: Reliability;
  reliabilityNote: string | null;
}

export interface Evidence {
  grades: Record<string, Grade>;
  passages: Passage[];
  /** The text of the document the passages point into; null when there are none or it has no text. */
  documentText: string | null;
}

/** The item whose evidence is shown: a node or a relationship of the graph. */
interface Item {
  id: string;
  properties: Record<string, unknown>;
  sources: readonly Pick<Source, 'id'>[];
}

/** The evidence of `item` (null: nothing selected); loading until the answer for this item comes. */
export function useEvidence(item: Item | null): Loadable<Evidence> {
  const [answer, setAnswer] = useState<{ id: string; result: Loadable<Evidence> }>();
  const id = item?.id ?? null;
  useEffect(() => {
    if (!item) return;
    const controller = new AbortController();
    const passages = passagesOf(item.properties);
    const sourceIds = item.sources.map((s) => s.id);
    api.evidence({ sourceIds, documentId: passages[0]?.documentId ?? null }, controller.signal).then(
      (d) => {
        const grades = Object.fromEntries(
          d.sources.map((s) => [s.id, { reliability: s.reliability, reliabilityNote: s.reliabilityNote }]),
        );
        setAnswer({ id: item.id, result: ready({ grades, passages, documentText: d.documentText ?? null }) });
      },
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') setAnswer({ id: item.id, result: failed(describeError(e)) });
      },
    );
    return () => controller.abort();
    // The item's id names what is asked for; its object changes with every state update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);
  return answer && answer.id === id ? answer.result : loading;
}
