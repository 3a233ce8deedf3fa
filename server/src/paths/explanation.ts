// A path in words: one sentence template per relationship type and direction, dates at the precision the
// source gives, and two steps through the same node with the same type told as one sentence ("Narendra Modi
// attended the SCO summit in Samarkand (16 September 2022), which Xi Jinping also attended (15 September 2022).");
// and the sources it rests on.
import { formatDate } from '../../../core/model/index.ts';
import { shorten } from '../graph/label.ts';
import type { GraphEdge, GraphNode, SourceRef } from '../graph/model.ts';

/** How one relationship type reads: `a <active> b` along its direction, `b <passive> a` against it. */
interface Template {
  active: string;
  passive: string;
  /** The active phrase with "also" in it: "…, which B also attended" / "…, who also attended B". */
  also: string;
  /** Reads the same both ways (MET_WITH, TRADES_WITH). */
  symmetric?: boolean;
  /** Dated by the event at its far end when the relationship itself has no date (an attendance, a quote). */
  eventDated?: boolean;
}

/** One template per relationship type (graph-seed/README.md); unknown types get a neutral one. */
export const TEMPLATES: Record<string, Template> = {
  ATTENDED: { active: 'attended', passive: 'was attended by', also: 'also attended', eventDated: true },
  DID_NOT_ATTEND: {
    active: 'did not attend',
    passive: 'was not attended by',
    also: 'also did not attend',
    eventDated: true,
  },
  HOSTED: { active: 'hosted', passive: 'was hosted by', also: 'also hosted', eventDated: true },
  MET_WITH: { active: 'met with', passive: 'met with', also: 'also met with', symmetric: true },
  SAID: { active: 'said', passive: 'was said by', also: 'also said', eventDated: true },
  SAID_AT: { active: 'was said at', passive: 'heard', also: 'was also said at', eventDated: true },
  ABOUT: { active: 'concerned', passive: 'was the subject of', also: 'also concerned' },
  PARTY_TO: {
    active: 'is a party to',
    passive: 'has among its parties',
    also: 'is also a party to',
    eventDated: true,
  },
  PART_OF: { active: 'was part of', passive: 'included', also: 'was also part of', eventDated: true },
  AGREED_AT: { active: 'was agreed at', passive: 'produced', also: 'was also agreed at', eventDated: true },
  MEMBER_OF: { active: 'is a member of', passive: 'has among its members', also: 'is also a member of' },
  LEADS: { active: 'leads', passive: 'is led by', also: 'also leads' },
  SENT: { active: 'sent', passive: 'was sent by', also: 'also sent' },
  VISITED: { active: 'visited', passive: 'was visited by', also: 'also visited' },
  REPORTED: { active: 'reported', passive: 'was reported by', also: 'also reported' },
  CRITICIZED: { active: 'criticized', passive: 'was criticized by', also: 'also criticized' },
  SUPPORTS: { active: 'supports', passive: 'is supported by', also: 'also supports' },
  SANCTIONED: { active: 'sanctioned', passive: 'was sanctioned by', also: 'also sanctioned' },
  TRADES_WITH: { active: 'trades with', passive: 'trades with', also: 'also trades with', symmetric: true },
  PUBLISHED: { active: 'published', passive: 'was published by', also: 'also published', eventDated: true },
  RESPONDS_TO: { active: 'responds to', passive: 'drew a response from', also: 'also responds to' },
  DISPUTES: { active: 'disputes', passive: 'is disputed by', also: 'also disputes' },
  CORROBORATES: { active: 'bears out', passive: 'is borne out by', also: 'also bears out' },
  CITES: { active: 'cites', passive: 'is cited by', also: 'also cites' },
};

const fallback = (type: string): Template => {
  const words = type.toLowerCase().replace(/_/g, ' ');
  return {
    active: `is linked (${words}) to`,
    passive: `is linked (${words}) from`,
    also: `is also linked (${words}) to`,
  };
};

const NO_ARTICLE_MEETING_TYPES = new Set(['announcement', 'sanctions-action', 'ceremony']);
const ARTICLE_ACTOR_TYPES = new Set([
  'organisation',
  'government-body',
  'party',
  'military-alliance',
  'outlet',
]);

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');
const possessive = (s: string) => /['’]s\b/u.test(s);

/** How a node is named inside a sentence: quotes in quotation marks, "the" where English wants one. */
export function mention(node: GraphNode): string {
  const p = node.properties;
  switch (node.kind) {
    case 'STATEMENT':
      return `“${shorten(text(p.text) || node.label).replace(/^["“]|["”]$/gu, '')}”`;
    case 'SOURCE':
      return `“${node.label}”`;
    case 'MEETING':
    case 'AGREEMENT': {
      const name = node.label.replace(/\s*\([^()]*\)\s*$/u, '');
      const bare =
        possessive(name) || /^the\b/iu.test(name) || NO_ARTICLE_MEETING_TYPES.has(text(p.meetingType));
      return bare ? name : `the ${name}`;
    }
    case 'ACTOR': {
      const name = node.label;
      const article =
        ARTICLE_ACTOR_TYPES.has(text(p.actorType)) && /\s/u.test(name) && !/^(the|five|\d)/iu.test(name);
      return article ? `the ${name}` : name;
    }
    case 'FIGURE':
      return node.label;
    default: {
      const exhaustive: never = node.kind;
      return String(exhaustive);
    }
  }
}

const isPerson = (n: GraphNode) => n.kind === 'ACTOR' && n.properties.actorType === 'person';

/** " (16 September 2022)" for a dated relationship, else the date of the event it links, else "". */
export function edgeDate(edge: GraphEdge, byId: ReadonlyMap<string, GraphNode>): string {
  const p = edge.properties;
  let formatted = formatDate(p.date, p.datePrecision, p.endDate, p.endDatePrecision);
  const template = TEMPLATES[edge.type];
  if (!formatted && template?.eventDated) {
    // The event nearest the subject: a quote rather than the meeting it was said at, a part rather than the whole.
    const event = [byId.get(edge.source), byId.get(edge.target)].find(
      (n) => n && n.kind !== 'ACTOR' && n.kind !== 'FIGURE' && n.date,
    );
    const q = event?.properties ?? {};
    formatted = formatDate(q.date, q.datePrecision, q.endDate, q.endDatePrecision);
  }
  return formatted ? ` (${formatted})` : '';
}

/** " (inferred)" for a step the encoder inferred rather than read in its sources. */
export const inferredMark = (edge: GraphEdge): string => (edge.basis === 'INFERRED' ? ' (inferred)' : '');

function sentence(s: string): string {
  const capital = s.charAt(0).toUpperCase() + s.slice(1);
  return /[.!?…]["”’)]*$/u.test(capital) ? capital : `${capital}.`;
}

/**
 * Explains a path (nodes from source to target, edges in path order with their stored direction) as sentences.
 * Two consecutive edges of one type that meet at a node (A→M←B or A←M→B) make one sentence with "also".
 */
export function explainPath(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): string {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const sentences: string[] = [];
  let i = 0;
  while (i < edges.length) {
    const edge = edges[i]!;
    const from = nodes[i]!;
    const to = nodes[i + 1]!;
    const t = TEMPLATES[edge.type] ?? fallback(edge.type);
    const forward = edge.source === from.id;
    const d1 = edgeDate(edge, byId) + inferredMark(edge);
    const next = edges[i + 1];
    const after = nodes[i + 2];
    if (next && after && next.type === edge.type) {
      const nextForward = next.source === to.id;
      const d2 = edgeDate(next, byId) + inferredMark(next);
      if (t.symmetric) {
        sentences.push(
          `${mention(from)} ${t.active} ${mention(to)}${d1}, ${isPerson(to) ? 'who' : 'which'} ${t.also} ${mention(after)}${d2}`,
        );
        i += 2;
        continue;
      }
      if (forward && !nextForward) {
        // A → M ← B: "A attended M, which B also attended".
        sentences.push(
          `${mention(from)} ${t.active} ${mention(to)}${d1}, ${isPerson(to) ? 'whom' : 'which'} ${mention(after)} ${t.also}${d2}`,
        );
        i += 2;
        continue;
      }
      if (!forward && nextForward) {
        // A ← M → B: "A was attended by M, who also attended B".
        sentences.push(
          `${mention(from)} ${t.passive} ${mention(to)}${d1}, ${isPerson(to) ? 'who' : 'which'} ${t.also} ${mention(after)}${d2}`,
        );
        i += 2;
        continue;
      }
    }
    sentences.push(`${mention(from)} ${forward ? t.active : t.passive} ${mention(to)}${d1}`);
    i += 1;
  }
  return sentences.map(sentence).join(' ');
}

/** The sources a path rests on: those of every relationship, in path order, each once. */
export function citationsOf(edges: readonly GraphEdge[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const e of edges) for (const s of e.sources) if (!seen.has(s.id)) seen.set(s.id, s);
  return [...seen.values()];
}
