// Node kinds and relationship types: the graph's fixed lists, defined once. The seed loader writes only these
// labels and types, the server checks user input against them, and the GraphQL schema publishes them (NodeKind,
// RelationshipType) so that the client's lists are generated rather than copied.

/** Every node kind: its id prefix, Neo4j label, `kind` property, and the seed file and top-level key that list it. */
export const KINDS = {
  actor: { kind: 'ACTOR', label: 'Actor', file: 'actors.yaml', key: 'actors' },
  meeting: { kind: 'MEETING', label: 'Meeting', file: 'meetings.yaml', key: 'meetings' },
  statement: { kind: 'STATEMENT', label: 'Statement', file: 'statements.yaml', key: 'statements' },
  agreement: { kind: 'AGREEMENT', label: 'Agreement', file: 'agreements.yaml', key: 'agreements' },
  figure: { kind: 'FIGURE', label: 'Figure', file: 'figures.yaml', key: 'figures' },
  source: { kind: 'SOURCE', label: 'Source', file: 'sources.yaml', key: 'sources' },
} as const;

export type IdPrefix = keyof typeof KINDS;
export type NodeKind = (typeof KINDS)[IdPrefix]['kind'];
export const ID_PREFIXES = Object.keys(KINDS) as IdPrefix[];

/** Every kind of node (the contract's `NodeKind`; FIGURE is one of the "more kinds"), in display order. */
export const NODE_KINDS: readonly NodeKind[] = ID_PREFIXES.map((p) => KINDS[p].kind);

/** Kinds shown by default in neighbourhoods and paths: sources only when asked for. */
export const DOMAIN_KINDS: readonly NodeKind[] = NODE_KINDS.filter((k) => k !== 'SOURCE');

/** The Neo4j label of each kind (no label is ever taken from input). */
export const KIND_LABELS: Record<NodeKind, string> = Object.fromEntries(
  ID_PREFIXES.map((p) => [KINDS[p].kind, KINDS[p].label]),
) as Record<NodeKind, string>;

/**
 * Kinds of things in the world, shared between documents: one node per id whichever documents name it, each
 * document's own account of it kept beside the node (graph-seed/src/shared.ts). The other kinds (statements,
 * figures) are claims, and like every relationship belong to the one document that makes them.
 */
export const SHARED_KINDS: readonly NodeKind[] = ['ACTOR', 'MEETING', 'AGREEMENT', 'SOURCE'];

/** True when nodes of `kind` are shared between documents (SHARED_KINDS). */
export const isSharedKind = (kind: NodeKind): boolean => SHARED_KINDS.includes(kind);

const ANY: readonly NodeKind[] = NODE_KINDS;
/** The kinds that make claims (everything but actors and sources): the ends of DISPUTES and CORROBORATES. */
const CLAIM_KINDS: readonly NodeKind[] = ['STATEMENT', 'MEETING', 'AGREEMENT', 'FIGURE'];

/** Every relationship type an analyst may write, with the kinds allowed at each end (graph-seed/README.md). */
export const RELATIONSHIP_TYPES = {
  ATTENDED: { from: ['ACTOR'], to: ['MEETING'], meaning: 'took part in a meeting or event' },
  DID_NOT_ATTEND: {
    from: ['ACTOR'],
    to: ['MEETING'],
    meaning:
      'did not take part in a meeting or event (a denial: contested where another document says ATTENDED)',
  },
  HOSTED: { from: ['ACTOR'], to: ['MEETING'], meaning: 'hosted or organised it' },
  MET_WITH: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'met in person' },
  SAID: { from: ['ACTOR'], to: ['STATEMENT'], meaning: 'the speaker or author of a quote' },
  SAID_AT: { from: ['STATEMENT'], to: ['MEETING'], meaning: 'where the quote was said' },
  ABOUT: { from: ['STATEMENT', 'MEETING', 'AGREEMENT', 'FIGURE'], to: ANY, meaning: 'what it concerns' },
  PARTY_TO: { from: ['ACTOR'], to: ['AGREEMENT'], meaning: 'a signatory or party' },
  AGREED_AT: { from: ['AGREEMENT'], to: ['MEETING'], meaning: 'where it was agreed or announced' },
  PART_OF: {
    from: ['MEETING', 'STATEMENT', 'AGREEMENT'],
    to: ['MEETING'],
    meaning: 'a meeting within a larger one (a bilateral on a summit’s sidelines), or a part of an event',
  },
  MEMBER_OF: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'membership of an organisation or body' },
  LEADS: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'heads a state, party, body or organisation' },
  SENT: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'sent an emissary' },
  VISITED: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'travelled to a state' },
  REPORTED: {
    from: ['ACTOR'],
    to: ['MEETING', 'STATEMENT', 'FIGURE'],
    meaning: 'an outlet or official reported it',
  },
  CRITICIZED: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'criticised publicly' },
  SUPPORTS: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'declared support' },
  SANCTIONED: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'imposed sanctions or blacklisted' },
  TRADES_WITH: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'trade between states' },
  PUBLISHED: { from: ['ACTOR'], to: ['SOURCE'], meaning: 'the publisher of a source' },
  RESPONDS_TO: { from: ['STATEMENT'], to: ['STATEMENT'], meaning: 'a quote that answers or echoes another' },
  DISPUTES: {
    from: CLAIM_KINDS,
    to: CLAIM_KINDS,
    meaning: 'a claim that says another is wrong (both become contested)',
  },
  CORROBORATES: { from: CLAIM_KINDS, to: CLAIM_KINDS, meaning: 'a claim that bears another out' },
} as const satisfies Record<string, { from: readonly NodeKind[]; to: readonly NodeKind[]; meaning: string }>;

/** A relationship type between domain nodes. */
export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;
/** The domain relationship types, in the order of the table above. */
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];

/** The bookkeeping relationship from a node to what it rests on (a Source); hidden unless asked for. */
export const CITES = 'CITES';

/** Every relationship type a user may name in a filter: the domain types and CITES. */
export const FILTER_RELATIONSHIP_TYPES: readonly string[] = [...RELATIONSHIP_TYPE_NAMES, CITES];
