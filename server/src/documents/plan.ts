// What an import does with the analyst's decisions (pure: no database). Each incoming shared entity is either the
// graph's entity it was judged SAME as (its id is rewritten to that entity's everywhere the document names it: its
// claims point at the existing entity, its account becomes a record on it, its name an alias there) or a new
// entity (DIFFERENT, UNSURE, or no decision on a proposal below 1.0). A proposal of score 1.0 (the same id) is
// taken when no decision is given. Every refusal is BAD_USER_INPUT, before anything is written.
import { badInput } from '../../../core/errors.ts';
import { isSharedKind, type PropValue, type SeedDocument } from '../../../core/model/index.ts';
import type { Match } from './matching.ts';

/** A validated document as the seed loader gives it. */
export type IncomingDocument = SeedDocument;

export const JUDGEMENTS = ['SAME', 'DIFFERENT', 'UNSURE'] as const;
export type Judgement = (typeof JUDGEMENTS)[number];

/** The contract's MatchDecision, as sent. */
export interface MatchDecision {
  incomingId: string;
  existingId?: string | null | undefined;
  judgement: string;
}

/** An entity of the graph a decision names: its kind, and whether a document other than this one names it. */
export interface GraphEntity {
  kind: string;
  othersName: boolean;
}

/** A judgement to keep: incoming `a` is, or is not, existing `b`. */
export interface JudgementRecord {
  a: string;
  b: string;
  judgement: Judgement;
}

export interface ImportPlan {
  document: IncomingDocument;
  /** Incoming id → the existing id it is (SAME, ids that differ only). */
  merged: Record<string, string>;
  judgements: JudgementRecord[];
}

/**
 * Checks the decisions against the document, its preview's proposals and the graph's entities (`graph`: the ids
 * the decisions and the document's shared entities name, when the graph holds them), and gives the document to
 * write with the SAME entities' ids rewritten, and the judgements to keep.
 */
export function planImport(
  doc: IncomingDocument,
  proposals: Match[],
  decisions: readonly MatchDecision[],
  graph: ReadonlyMap<string, GraphEntity>,
): ImportPlan {
  const shared = new Map(doc.nodes.filter((n) => isSharedKind(n.kind)).map((n) => [n.id, n] as const));
  const defined = new Set(doc.nodes.map((n) => n.id));
  const proposal = new Map(proposals.map((p) => [p.incomingId, p] as const));
  const decided = new Map<string, { existingId: string | null; judgement: Judgement }>();
  for (const [i, d] of decisions.entries()) {
    const at = `decisions[${i}]`;
    const incoming = shared.get(d.incomingId);
    if (!incoming) {
      throw badInput(
        `${at}.incomingId "${d.incomingId}" is not an actor, meeting, agreement or source of this document.`,
      );
    }
    if (decided.has(d.incomingId)) throw badInput(`${at}: "${d.incomingId}" has two decisions; send one.`);
    if (!(JUDGEMENTS as readonly string[]).includes(d.judgement)) {
      throw badInput(`${at}.judgement "${d.judgement}" is not one of ${JUDGEMENTS.join(', ')}.`);
    }
    const existingId = d.existingId ?? null;
    if (d.judgement === 'SAME' && existingId === null) {
      throw badInput(`${at}: SAME needs the existingId of the graph's entity "${d.incomingId}" is.`);
    }
    if (existingId !== null && existingId !== d.incomingId) {
      const found = graph.get(existingId);
      if (!found) throw badInput(`${at}.existingId "${existingId}" is not an entity of the graph.`);
      if (found.kind !== incoming.kind) {
        throw badInput(
          `${at}: "${d.incomingId}" is a ${incoming.kind}, "${existingId}" a ${found.kind}: only the same kind can be the same entity.`,
        );
      }
    }
    decided.set(d.incomingId, { existingId, judgement: d.judgement as Judgement });
  }

  const merged: Record<string, string> = {};
  const judgements: JudgementRecord[] = [];
  const takenBy = new Map<string, string>();
  for (const id of shared.keys()) {
    const p = proposal.get(id);
    const d =
      decided.get(id) ??
      (p?.score === 1 && p.existingId ? { existingId: p.existingId, judgement: 'SAME' } : null);
    const other = d?.existingId ?? p?.existingId ?? null;
    if (decided.has(id) && other !== null) judgements.push({ a: id, b: other, judgement: d!.judgement });
    if (d?.judgement === 'SAME' && d.existingId !== null && d.existingId !== id) {
      if (defined.has(d.existingId)) {
        throw badInput(
          `"${id}" cannot be "${d.existingId}": the document defines "${d.existingId}" too. Name it once in the files.`,
        );
      }
      const first = takenBy.get(d.existingId);
      if (first)
        throw badInput(`"${first}" and "${id}" are both judged SAME as "${d.existingId}": keep one.`);
      takenBy.set(d.existingId, id);
      merged[id] = d.existingId;
    } else if (d?.judgement !== 'SAME' && graph.get(id)?.othersName) {
      throw badInput(
        `"${id}" is to stay a new entity, but the graph already has an entity with that id: rename it in the document's files (a new id) to keep it apart.`,
      );
    }
  }
  return { document: rewrite(doc, merged), merged, judgements };
}

/** The document with ids rewritten by `merged` wherever it names them; a merged entity's name becomes its alias. */
export function rewrite(doc: IncomingDocument, merged: Record<string, string>): IncomingDocument {
  if (Object.keys(merged).length === 0) return doc;
  const to = (id: string) => merged[id] ?? id;
  const ids = (list: PropValue) => (Array.isArray(list) ? (list as string[]).map(to) : list);
  return {
    ...doc,
    sourceId: to(doc.sourceId),
    nodes: doc.nodes.map((n) => {
      const props = { ...n.props };
      if (merged[n.id]) {
        props.id = to(n.id);
        const aliases = Array.isArray(props.aliases) ? (props.aliases as string[]) : [];
        if (typeof props.name === 'string' && !aliases.includes(props.name)) {
          props.aliases = [...aliases, props.name];
        }
      }
      if (typeof props.ibid === 'string') props.ibid = to(props.ibid);
      return { ...n, id: to(n.id), props, sources: n.sources.map(to) };
    }),
    relationships: doc.relationships.map((r) => ({
      ...r,
      from: to(r.from),
      to: to(r.to),
      props: r.props.sourceIds === undefined ? r.props : { ...r.props, sourceIds: ids(r.props.sourceIds) },
    })),
  };
}
