// Which node kinds and relationship types a traversal may use, from a validated filter. CITES is bookkeeping
// (node → the source it rests on): traversals leave it and Source nodes out unless the filter asks for them.
import {
  CITES,
  DOMAIN_KINDS,
  RELATIONSHIP_TYPE_NAMES,
  NODE_KINDS,
  FILTER_RELATIONSHIP_TYPES,
  type NodeKind,
} from '../../../core/model/index.ts';
import { type ResolvedFilter } from './model.ts';

/** The kinds a traversal may step onto and the relationship types it may follow. */
export interface Scope {
  kinds: NodeKind[];
  types: string[];
}

/**
 * The scope of a neighbourhood: sources and CITES appear when the filter names SOURCE or CITES, or when the
 * start node is itself a source (its neighbourhood is what cites it).
 */
export function neighborhoodScope(filter: ResolvedFilter, startKind: NodeKind | null): Scope {
  const withSources =
    (filter.kinds?.includes('SOURCE') ?? false) ||
    (filter.relationshipTypes?.includes(CITES) ?? false) ||
    startKind === 'SOURCE';
  return {
    kinds: filter.kinds ?? [...(withSources ? NODE_KINDS : DOMAIN_KINDS)],
    types: filter.relationshipTypes ?? [
      ...(withSources ? FILTER_RELATIONSHIP_TYPES : RELATIONSHIP_TYPE_NAMES),
    ],
  };
}

/**
 * The scope of a path search: never CITES (a citation is not a connection between two facts); Source nodes in
 * the middle of a path only when the filter names SOURCE (they are reached through PUBLISHED).
 */
export function pathScope(filter: ResolvedFilter): Scope {
  return {
    kinds: filter.kinds ?? [...DOMAIN_KINDS],
    types: (filter.relationshipTypes ?? [...RELATIONSHIP_TYPE_NAMES]).filter((t) => t !== CITES),
  };
}
