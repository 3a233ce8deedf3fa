// The claims that dispute or bear out the selected claim, asked of the API when the selection changes: its
// neighbourhood along DISPUTES and CORROBORATES (one small query; the canvas may not hold the other claims).
import { api } from '../api/operations.ts';
import type { GraphNode } from '../api/types.ts';
import { ready, type Loadable } from '../shared/loadable.ts';
import { useAnswer } from '../shared/useAnswer.ts';
import { CONTEST_TYPES, contestOf, type ContestEntry } from './contest.ts';

/** Kinds that make claims: actors and sources neither dispute nor are disputed. */
const CLAIM_KINDS = new Set(['STATEMENT', 'MEETING', 'AGREEMENT', 'FIGURE']);

/** The contest entries of `node` (ready with none for an actor or a source, which are not asked about). */
export function useContest(node: GraphNode): Loadable<ContestEntry[]> {
  const asks = CLAIM_KINDS.has(node.kind);
  const answer = useAnswer(asks ? node.id : null, null, async (signal) => {
    const filter = { relationshipTypes: [...CONTEST_TYPES] };
    const sub = await api.neighborhood({ id: node.id, depth: 1, filter, limit: 100 }, signal);
    return contestOf(node.id, sub);
  });
  return asks ? answer : ready([]);
}
