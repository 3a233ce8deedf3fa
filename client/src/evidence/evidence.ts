// Evidence an analyst can weigh (issue 14, docs/decisions/2026-12-02-evidence.md): the filter "only what the
// sources state" and "minimum source grade", sent with every neighbourhood and paths request and applied to
// what the canvas holds already; the grades' wording; and a claim's passage cut out of its document's text.
import { RELIABILITY_MEANINGS } from '../../../core/model/index.ts';
import type { api } from '../api/operations.ts';
import type { GraphEdge, GraphFilter, GraphNode, Reliability } from '../api/types.ts';
import { relayoutTimeline, type ExplorerState } from '../explorer/state.ts';
import type { Store } from '../shared/store.ts';

export type { Reliability };

/** The grades a minimum may be set to: F (cannot be judged) would leave everything in. */
export const MIN_GRADES: readonly Reliability[] = ['A', 'B', 'C', 'D', 'E'];

/** "B — usually reliable". */
export function gradeLabel(grade: Reliability): string {
  return `${grade} — ${RELIABILITY_MEANINGS[grade]}`;
}

/** The analyst's evidence filter. */
export interface EvidenceFilter {
  statedOnly: boolean;
  minReliability: Reliability | null;
}

/**
 * The filter in the explorer's state: with a minimum grade, the ids of the sources graded at or above it (asked of
 * the server when the minimum is set, so the canvas can apply it to what it holds without fetching again).
 */
export interface EvidenceState extends EvidenceFilter {
  gradedSources: readonly string[];
}

export const noEvidenceFilter: EvidenceState = { statedOnly: false, minReliability: null, gradedSources: [] };

/** The GraphFilter fields for the evidence filter: only those that are set. */
export function evidenceFilter({ statedOnly, minReliability }: EvidenceFilter): GraphFilter {
  const filter: GraphFilter = {};
  if (statedOnly) filter.statedOnly = true;
  if (minReliability) filter.minReliability = minReliability;
  return filter;
}

/** True when the filter leaves anything out. */
export function evidenceOn({ statedOnly, minReliability }: EvidenceFilter): boolean {
  return statedOnly || minReliability !== null;
}

const inferred = (properties: Record<string, unknown>) => properties.basis === 'inferred';

/**
 * Whether a node passes the filter, as the server's `onEvidence` decides: not inferred (with statedOnly), and
 * (with a minimum grade) a source graded at or above it, or citing one.
 */
export function nodePasses(
  evidence: EvidenceState,
  node: Pick<GraphNode, 'id' | 'kind' | 'properties' | 'sources'>,
) {
  if (evidence.statedOnly && inferred(node.properties)) return false;
  if (!evidence.minReliability) return true;
  const graded = new Set(evidence.gradedSources);
  return (node.kind === 'SOURCE' && graded.has(node.id)) || node.sources.some((s) => graded.has(s.id));
}

/** Whether a relationship passes the filter: not inferred, and resting on at least one source graded high enough. */
export function edgePasses(
  evidence: EvidenceState,
  edge: Pick<GraphEdge, 'type' | 'target' | 'properties' | 'sources'>,
) {
  if (evidence.statedOnly && inferred(edge.properties)) return false;
  if (!evidence.minReliability) return true;
  const graded = new Set(evidence.gradedSources);
  if (edge.type === 'CITES') return graded.has(edge.target);
  return edge.sources.some((s) => graded.has(s.id));
}

/** Sets the evidence filter (in the timeline layout, the columns follow what is drawn). */
export function setEvidence(state: ExplorerState, evidence: EvidenceState): ExplorerState {
  return relayoutTimeline({ ...state, evidence });
}

/** What choosing the evidence filter reads and writes. */
export interface EvidenceDeps {
  explorer: Store<ExplorerState>;
  api: Pick<typeof api, 'gradedSources'>;
}

let asked = 0;

/**
 * The evidence state for `filter`: with a new minimum grade, the ids of the sources that meet it, asked of the
 * server (the canvas then hides what rests on none of them). Null when a later choice overtook this one, whose
 * answer is the one to apply. Both the filter controls and opening a saved view come through here.
 */
export async function evidenceState(
  { explorer, api }: EvidenceDeps,
  filter: EvidenceFilter,
): Promise<EvidenceState | null> {
  const current = explorer.get().evidence;
  const ask = ++asked;
  let gradedSources = current.gradedSources;
  if (filter.minReliability !== current.minReliability)
    gradedSources = filter.minReliability ? await api.gradedSources(filter.minReliability) : [];
  if (ask !== asked) return null;
  return { statedOnly: filter.statedOnly, minReliability: filter.minReliability, gradedSources };
}

/** Applies a new evidence filter to the canvas (an answer overtaken by a later choice is dropped). */
export async function chooseEvidence(deps: EvidenceDeps, filter: EvidenceFilter): Promise<void> {
  const evidence = await evidenceState(deps, filter);
  if (evidence) deps.explorer.set((s) => setEvidence(s, evidence));
}

/** A paragraph cut in three: the words before the span, the span, the words after it. */
export interface PassageCut {
  before: string;
  span: string;
  after: string;
}

/**
 * The paragraph of `text` around [start, end): from the blank line before the span to the blank line after it
 * (the text's ends otherwise), cut where the span begins and ends. Offsets outside the text are clamped; null
 * when the span is empty.
 */
export function paragraphAround(text: string, start: number, end: number): PassageCut | null {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  if (e === s) return null;
  const blank = /\n[ \t]*\n/g;
  let from = 0;
  let to = text.length;
  for (const m of text.matchAll(blank)) {
    const breakEnd = m.index + m[0].length;
    if (breakEnd <= s) from = breakEnd;
    else if (m.index >= e) {
      to = m.index;
      break;
    }
  }
  return {
    before: text.slice(from, s).trimStart(),
    span: text.slice(s, e),
    after: text.slice(e, to).trimEnd(),
  };
}
