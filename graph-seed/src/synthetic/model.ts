// The synthetic graph, as pure functions of (seed, kind, index): every node's properties, sources and owned
// relationships come from a PRNG seeded by the node alone, so any slice of the graph can be generated on its
// own, in any batch size, and two runs with the same seed write the same graph. Nothing here touches Neo4j.
//
// The model follows graph-seed/README.md: all five kinds plus figures and sources, dated meetings, statements
// and agreements, sources on every node (CITES) and every relationship (sourceIds), relationship types only
// between the kinds they allow. Degrees follow a power law (skewed target choice, heavy-tailed attendee and
// party counts), and a few actors are hubs that own `hubDegree` relationships each.
import type { NodeKind, RelationshipType } from '../../../core/model/index.ts';
import type { PropValue } from '../normalise.ts';
import type { NodeInput, RelationshipInput } from '../load.ts';

/** The `document` of everything the generator writes; `npm run seed:synthetic:remove` deletes by it. */
export const SYNTHETIC_DOCUMENT = 'synthetic';
/** Every synthetic id's slug starts with this (`actor:syn-12`, `rel:syn-12-3`). */
export const SYNTHETIC_SLUG_PREFIX = 'syn-';

// ---------------------------------------------------------------------------------------------------------------
// PRNG
// ---------------------------------------------------------------------------------------------------------------

/** A 32-bit integer hash (Murmur3's finaliser): spreads seeds so neighbouring indexes get unrelated streams. */
export function hash32(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    h = Math.imul(h ^ (v | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A small deterministic PRNG (mulberry32): `next()` in [0, 1). */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }
  /**
   * An index in [0, n) drawn from a power law: P(index < x) = (x / n)^(1 / skew), so low indexes are chosen far
   * more often (skew 1 is uniform; skew 3 gives index 0 about n^(-1/3) of all draws).
   */
  skewed(n: number, skew: number): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), skew)));
  }
  /** A heavy-tailed count ≥ min: a Pareto draw with the given shape (smaller shape, heavier tail), capped. */
  pareto(min: number, shape: number, cap: number): number {
    return Math.min(cap, Math.floor(min / Math.pow(1 - this.next(), 1 / shape)));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------------------------------------------

/** The node kinds in the order they are laid out and written (sources first: everything cites them). */
export const SYNTHETIC_KINDS = [
  'SOURCE',
  'ACTOR',
  'MEETING',
  'STATEMENT',
  'AGREEMENT',
  'FIGURE',
] as const satisfies readonly NodeKind[];
export type SyntheticKind = (typeof SYNTHETIC_KINDS)[number];

const SHARE: Record<SyntheticKind, number> = {
  SOURCE: 0.04,
  ACTOR: 0.16,
  MEETING: 0.2,
  STATEMENT: 0.4,
  AGREEMENT: 0.05,
  FIGURE: 0.15,
};

const PREFIX: Record<SyntheticKind, string> = {
  SOURCE: 'source',
  ACTOR: 'actor',
  MEETING: 'meeting',
  STATEMENT: 'statement',
  AGREEMENT: 'agreement',
  FIGURE: 'figure',
};

export interface SyntheticOptions {
  /** Total nodes (default 10,000). */
  nodes: number;
  /** PRNG seed (default 42). */
  seed?: number;
  /** Hub actors (default 5 from 100,000 nodes, else 3). */
  hubs?: number;
  /** Relationships each hub owns (default 60,000 at 1,000,000 nodes: 6 % of the node count, at least 20). */
  hubDegree?: number;
}

/** How many nodes of each kind, the hubs, and the seed: everything else follows from these. */
export interface SyntheticPlan {
  seed: number;
  nodes: number;
  counts: Record<SyntheticKind, number>;
  hubs: number;
  hubDegree: number;
}

/** Turns the options into counts per kind (each kind at least a few nodes) and the hub settings. */
export function planSynthetic(options: SyntheticOptions): SyntheticPlan {
  const nodes = Math.floor(options.nodes);
  if (!Number.isFinite(nodes) || nodes < 100) throw new RangeError('--nodes must be at least 100');
  const counts = {} as Record<SyntheticKind, number>;
  let left = nodes;
  for (const kind of SYNTHETIC_KINDS) {
    if (kind === 'FIGURE') counts[kind] = left;
    else left -= counts[kind] = Math.max(4, Math.round(nodes * SHARE[kind]));
  }
  const hubs = options.hubs ?? (nodes >= 100_000 ? 5 : 3);
  if (hubs < 0 || hubs > counts.ACTOR) throw new RangeError(`--hubs must be between 0 and ${counts.ACTOR}`);
  const hubDegree = options.hubDegree ?? Math.max(20, Math.round(nodes * 0.06));
  return { seed: options.seed ?? 42, nodes, counts, hubs, hubDegree };
}

/** The id of the index-th node of a kind, e.g. `actor:syn-17`. */
export const syntheticId = (kind: SyntheticKind, index: number) =>
  `${PREFIX[kind]}:${SYNTHETIC_SLUG_PREFIX}${index}`;

/** The id of the k-th relationship owned by a node. */
const relId = (kind: SyntheticKind, index: number, k: number) =>
  `rel:${SYNTHETIC_SLUG_PREFIX}${PREFIX[kind]}-${index}-${k}`;

// ---------------------------------------------------------------------------------------------------------------
// Words, names, dates
// ---------------------------------------------------------------------------------------------------------------

const SYLLABLES = [
  'ka',
  'lo',
  'mir',
  'va',
  'den',
  'tor',
  'sha',
  'ri',
  'ven',
  'go',
  'ste',
  'lan',
  'bor',
  'zi',
  'mar',
  'ko',
  'nel',
  'dra',
  'pe',
  'tu',
  'ros',
  'hal',
  'vin',
  'sa',
  'qui',
  'fen',
  'dor',
  'al',
  'ber',
  'cas',
  'el',
  'gar',
  'is',
  'jo',
  'kel',
  'len',
  'mo',
  'nor',
  'ov',
  'pri',
  'ran',
  'sol',
  'tam',
  'ul',
  'vas',
  'wen',
  'yar',
  'zen',
];
const WORDS = (
  'we the our partners support strategic cooperation between nations will never accept pressure from outside ' +
  'sanctions energy trade security sovereignty dialogue stability region friendship mutual respect interests ' +
  'development economy investment growth borders defence military exercise agreement summit talks peace ' +
  'crisis conflict unilateral hegemony multipolar world order principles charter united nations council ' +
  'historic unprecedented relations deepen expand firmly oppose interference internal affairs grain oil gas ' +
  'pipeline payments currency technology supply chain export import tariffs commitment future generation ' +
  'people prosperity shared vision no limits partnership comprehensive coordination new era'
).split(' ');
const COUNTRIES = [
  'Arvenia',
  'Borland',
  'Cassaria',
  'Drovnia',
  'Estmark',
  'Fennoria',
  'Galdor',
  'Halvania',
  'Istria',
  'Jorvik',
  'Kaledon',
  'Lutavia',
  'Morvania',
  'Norhold',
  'Ostrava',
  'Pellar',
  'Quenmark',
  'Rusovia',
  'Sarnia',
  'Tavria',
];
const ACTOR_TYPES = [
  'person',
  'person',
  'person',
  'person',
  'organisation',
  'government-body',
  'outlet',
  'company',
  'party',
  'state',
] as const;
const MEETING_TYPES = [
  'summit',
  'bilateral-meeting',
  'visit',
  'speech',
  'briefing',
  'press-conference',
  'announcement',
] as const;
const AGREEMENT_TYPES = ['joint-statement', 'partnership', 'contract', 'commitment', 'treaty'] as const;
const METRICS = [
  'bilateral trade',
  'oil exports',
  'gas exports',
  'grain imports',
  'arms sales',
  'investment',
] as const;
const PUBLISHERS = [
  'Synthetic Wire',
  'Daily Chronicle',
  'State Gazette',
  'Policy Review',
  'Global Monitor',
] as const;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const word = (rng: Rng, syllables: number) => {
  let w = '';
  for (let i = 0; i < syllables; i++) w += rng.pick(SYLLABLES);
  return cap(w);
};
const sentence = (rng: Rng, words: number) => {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(rng.pick(WORDS));
  return `${cap(out.join(' '))}.`;
};

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(2000, 0, 1);
const DAYS = 26 * 365;

/** A date between 2000 and 2025, mostly to the day, sometimes only the month or the year. */
function randomDate(rng: Rng): { date: string; datePrecision: 'day' | 'month' | 'year' } {
  const d = new Date(EPOCH + rng.int(DAYS) * DAY_MS).toISOString().slice(0, 10);
  const p = rng.next();
  if (p < 0.85) return { date: d, datePrecision: 'day' };
  if (p < 0.95) return { date: `${d.slice(0, 7)}-01`, datePrecision: 'month' };
  return { date: `${d.slice(0, 4)}-01-01`, datePrecision: 'year' };
}

// ---------------------------------------------------------------------------------------------------------------
// Nodes and their relationships
// ---------------------------------------------------------------------------------------------------------------

/** One node as the loader takes it, plus the relationships it owns (written after every node exists). */
export interface SyntheticRecord {
  node: NodeInput;
  relationships: RelationshipInput[];
}

const KIND_CODE: Record<SyntheticKind, number> = {
  SOURCE: 1,
  ACTOR: 2,
  MEETING: 3,
  STATEMENT: 4,
  AGREEMENT: 5,
  FIGURE: 6,
};

/** The PRNG of one node: seeded by the plan's seed, the kind and the index only. */
const rngFor = (plan: SyntheticPlan, kind: SyntheticKind, index: number) =>
  new Rng(hash32(plan.seed, KIND_CODE[kind], index));

/** Skew of target choice per kind: how strongly low indexes attract relationships. */
const SKEW: Record<SyntheticKind, number> = {
  SOURCE: 2,
  ACTOR: 2.2,
  MEETING: 1.6,
  STATEMENT: 1.3,
  AGREEMENT: 1.5,
  FIGURE: 1.2,
};

/** Builds the synthetic node (kind, index) and the relationships it owns. Pure: same plan, same record. */
export function syntheticRecord(plan: SyntheticPlan, kind: SyntheticKind, index: number): SyntheticRecord {
  const rng = rngFor(plan, kind, index);
  const id = syntheticId(kind, index);
  const rels: RelationshipInput[] = [];
  const target = (k: SyntheticKind) => syntheticId(k, rng.skewed(plan.counts[k], SKEW[k]));
  const sourceIds = () => {
    const n = rng.chance(0.3) ? 2 : 1;
    const ids = new Set<string>();
    while (ids.size < n) ids.add(target('SOURCE'));
    return [...ids];
  };
  const add = (type: RelationshipType, from: string, to: string, extra: Record<string, PropValue> = {}) => {
    if (from === to) return;
    rels.push({
      type,
      from,
      to,
      props: {
        id: relId(kind, index, rels.length),
        sourceIds: sourceIds(),
        document: SYNTHETIC_DOCUMENT,
        ...extra,
      },
    });
  };
  const actor = () => target('ACTOR');
  const anyNode = () =>
    target(rng.pick(['ACTOR', 'ACTOR', 'MEETING', 'AGREEMENT', 'STATEMENT', 'FIGURE'] as const));

  let props: Record<string, PropValue>;
  switch (kind) {
    case 'SOURCE': {
      const d = randomDate(rng);
      props = {
        title: `${sentence(rng, 6).slice(0, -1)} (${d.date.slice(0, 4)})`,
        publisher: rng.pick(PUBLISHERS),
        url: `https://example.org/synthetic/${index}`,
        footnote: index + 1,
        ...d,
      };
      // Its publisher: an outlet-like actor (the actor's own type is whatever its index drew).
      add('PUBLISHED', actor(), id);
      break;
    }
    case 'ACTOR': {
      const hub = index < plan.hubs;
      const actorType = hub ? 'state' : rng.pick(ACTOR_TYPES);
      const country = rng.pick(COUNTRIES);
      const name =
        actorType === 'person'
          ? `${word(rng, 2)} ${word(rng, 3)}`
          : actorType === 'state'
            ? `${hub ? 'Hub ' : ''}Republic of ${word(rng, 3)}`
            : `${word(rng, 2)} ${actorType === 'outlet' ? 'News' : actorType === 'company' ? 'Holdings' : 'Council'}`;
      props = {
        name,
        actorType,
        country,
        aliases: [name.toUpperCase(), name.split(' ').reverse().join(' ')],
      };
      if (rng.chance(0.5))
        props.role = `${cap(rng.pick(WORDS))} ${rng.pick(['minister', 'envoy', 'chair', 'spokesperson'])}`;
      const peer = (type: RelationshipType) => add(type, id, actor(), randomDate(rng));
      for (let i = rng.pareto(1, 1.6, 200) - 1; i > 0; i--) peer('MET_WITH');
      if (rng.chance(0.5)) add('MEMBER_OF', id, actor());
      if (rng.chance(0.1)) add('LEADS', id, actor());
      for (const type of [
        'SUPPORTS',
        'CRITICIZED',
        'SANCTIONED',
        'TRADES_WITH',
        'VISITED',
        'SENT',
      ] as const) {
        if (rng.chance(0.25)) peer(type);
      }
      if (actorType === 'outlet')
        for (let i = rng.pareto(1, 1.3, 300); i > 0; i--)
          add('REPORTED', id, target(rng.pick(['MEETING', 'STATEMENT', 'FIGURE'] as const)));
      if (hub) {
        // A hub's own relationships: distinct targets by stepping through each kind with a stride.
        const kinds = ['MEETING', 'ACTOR', 'ACTOR', 'AGREEMENT'] as const;
        for (let k = 0; k < plan.hubDegree; k++) {
          const tk = kinds[k % kinds.length]!;
          const n = plan.counts[tk];
          const to = syntheticId(tk, (index * 7919 + k * 104_729) % n);
          const type: RelationshipType =
            tk === 'MEETING'
              ? 'ATTENDED'
              : tk === 'AGREEMENT'
                ? 'PARTY_TO'
                : k % 8 === 1
                  ? 'SUPPORTS'
                  : 'TRADES_WITH';
          const before = rels.length;
          add(type, id, to, tk === 'ACTOR' ? randomDate(rng) : {});
          if (rels.length === before)
            add('TRADES_WITH', id, syntheticId('ACTOR', (index + 1) % plan.counts.ACTOR));
        }
      }
      break;
    }
    case 'MEETING': {
      const d = randomDate(rng);
      const place = rng.pick(COUNTRIES);
      props = {
        name: `${word(rng, 2)} ${rng.pick(MEETING_TYPES).replace('-', ' ')} in ${place}`,
        meetingType: rng.pick(MEETING_TYPES),
        place,
        ...d,
      };
      if (rng.chance(0.1)) props.endDate = d.date;
      add('HOSTED', actor(), id, { date: d.date, datePrecision: d.datePrecision });
      for (let i = rng.pareto(2, 1.5, 400); i > 0; i--)
        add('ATTENDED', actor(), id, { date: d.date, datePrecision: d.datePrecision });
      for (let i = rng.pareto(1, 2, 20); i > 0; i--) add('ABOUT', id, anyNode());
      if (rng.chance(0.1)) add('PART_OF', id, target('MEETING'));
      break;
    }
    case 'STATEMENT': {
      const at = rng.chance(0.8) ? rng.skewed(plan.counts.MEETING, SKEW.MEETING) : -1;
      const d = at >= 0 ? syntheticMeetingDate(plan, at) : randomDate(rng);
      const language = rng.pick(['en', 'en', 'en', 'ru', 'zh']);
      props = { text: sentence(rng, 8 + rng.int(10)), language, ...d };
      if (rng.chance(0.3)) props.context = sentence(rng, 5);
      add('SAID', actor(), id, { date: d.date, datePrecision: d.datePrecision });
      if (at >= 0) add('SAID_AT', id, syntheticId('MEETING', at));
      for (let i = rng.pareto(1, 1.6, 30); i > 0; i--) add('ABOUT', id, anyNode());
      if (rng.chance(0.3)) add('RESPONDS_TO', id, target('STATEMENT'));
      break;
    }
    case 'AGREEMENT': {
      const at = rng.skewed(plan.counts.MEETING, SKEW.MEETING);
      const d = syntheticMeetingDate(plan, at);
      props = {
        name: `${word(rng, 2)} ${rng.pick(AGREEMENT_TYPES).replace('-', ' ')}`,
        agreementType: rng.pick(AGREEMENT_TYPES),
        terms: sentence(rng, 10),
        ...d,
      };
      for (let i = rng.pareto(2, 1.5, 200); i > 0; i--)
        add('PARTY_TO', actor(), id, { date: d.date, datePrecision: d.datePrecision });
      if (rng.chance(0.8)) add('AGREED_AT', id, syntheticId('MEETING', at));
      for (let i = rng.pareto(1, 2, 10); i > 0; i--) add('ABOUT', id, anyNode());
      break;
    }
    case 'FIGURE': {
      const d = randomDate(rng);
      const metric = rng.pick(METRICS);
      props = {
        name: `${cap(metric)}, ${word(rng, 2)}`,
        metric,
        value: Math.round(rng.next() * 100_000) / 10,
        unit: rng.pick(['USD bn', 'tonnes', '%', 'barrels/day']),
        change: `${rng.chance(0.5) ? '+' : '-'}${rng.int(60)}%`,
        period: d.date.slice(0, 4),
        date: d.date.slice(0, 7) + '-01',
        datePrecision: 'month',
      };
      for (let i = rng.pareto(1, 2.5, 10); i > 0; i--) add('ABOUT', id, actor());
      if (rng.chance(0.3)) add('REPORTED', actor(), id);
      break;
    }
  }
  props.document = SYNTHETIC_DOCUMENT;
  if (rng.chance(0.2)) props.summary = sentence(rng, 12);
  const node: NodeInput = { id, kind, props, document: SYNTHETIC_DOCUMENT };
  // Sources cite nothing, as in the seed format; every other node rests on one or two sources.
  if (kind !== 'SOURCE') node.sources = sourceIds();
  return { node, relationships: rels };
}

/** A meeting's date, drawn first from its own PRNG (so statements and agreements can share it). */
export function syntheticMeetingDate(plan: SyntheticPlan, index: number): ReturnType<typeof randomDate> {
  return randomDate(rngFor(plan, 'MEETING', index));
}

/**
 * About how many relationships the plan holds, from a sample of `perKind` nodes of each kind (the hubs counted
 * exactly): for a progress bar, without generating the whole graph first.
 */
export function estimateRelationships(plan: SyntheticPlan, perKind = 500): number {
  let total = 0;
  for (const kind of SYNTHETIC_KINDS) {
    const first = kind === 'ACTOR' ? plan.hubs : 0;
    for (let i = 0; i < first; i++) total += syntheticRecord(plan, kind, i).relationships.length;
    const n = plan.counts[kind] - first;
    const k = Math.min(n, perKind);
    let sum = 0;
    for (let j = 0; j < k; j++)
      sum += syntheticRecord(plan, kind, first + Math.floor((j * n) / k)).relationships.length;
    total += k > 0 ? (sum / k) * n : 0;
  }
  return Math.round(total);
}

/** Every (kind, index) of the plan in write order: sources first, then actors, meetings, statements… */
export function* syntheticSlots(plan: SyntheticPlan): Generator<[SyntheticKind, number]> {
  for (const kind of SYNTHETIC_KINDS) for (let i = 0; i < plan.counts[kind]; i++) yield [kind, i];
}

/** Every synthetic node with the relationships it owns, in write order (the offline importer's input). */
export function* syntheticRecords(plan: SyntheticPlan): Generator<SyntheticRecord> {
  for (const [kind, i] of syntheticSlots(plan)) yield syntheticRecord(plan, kind, i);
}

/** Every synthetic node, in write order. */
export function* syntheticNodes(plan: SyntheticPlan): Generator<NodeInput> {
  for (const [kind, i] of syntheticSlots(plan)) yield syntheticRecord(plan, kind, i).node;
}

/** Every synthetic relationship, grouped by the node that owns it, in write order. */
export function* syntheticRelationships(plan: SyntheticPlan): Generator<RelationshipInput> {
  for (const [kind, i] of syntheticSlots(plan)) yield* syntheticRecord(plan, kind, i).relationships;
}

/** Groups a stream into arrays of `size` (the last one shorter). */
export function* batches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
