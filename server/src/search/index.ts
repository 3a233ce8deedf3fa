// search(text, kinds, limit, statedOnly, minReliability): full-text over names, aliases, quotes, titles,
// publishers, addresses, summaries, notes, inference notes, a figure's metric, a quote's context and an
// agreement's terms (the `entitySearch` index; names, titles and aliases are asked first in `entityNames`),
// typo-tolerant, in any language the data has; exact names first, then aliases, then everything else. The
// evidence filter is GraphFilter's, so a hit is a node the canvas shows.
import { cypher, int, type Db, type NamedQuery } from '../../../core/db/database.ts';
import { loadNodes, onEvidence } from '../graph/cypher.ts';
import { NODE_KINDS, type NodeKind } from '../../../core/model/index.ts';
import { type GraphNode } from '../graph/model.ts';
import { checkInt, resolveFilter } from '../graph/validate.ts';
import { graphQLModule } from '../graphql/module.ts';
import {
  buildLuceneQuery,
  NAME_MATCH_TIER,
  rankCandidates,
  rankTier,
  searchTerms,
  type Candidate,
} from './lucene.ts';

/** Most hits one search returns. */
export const SEARCH_LIMIT_MAX = 100;

/** A lookup in one full-text index: candidates of the kinds asked for that pass the evidence filter. */
const lookupIn = (name: string, index: string) =>
  cypher(
    name,
    `CALL db.index.fulltext.queryNodes('${index}', $query, {limit: $candidates}) YIELD node, score
     WHERE node.kind IN $kinds AND ${onEvidence('node', 'node')}
     RETURN node.id AS id, coalesce(node.name, node.title) AS name, coalesce(node.aliases, []) AS aliases, score
     LIMIT $candidates`,
  );

// Names, titles and aliases only (asked first), and everything searchable (graph-seed/src/load.ts).
const SEARCH_NAMES = lookupIn('searchEntityNames', 'entityNames');
const SEARCH = lookupIn('searchEntities', 'entitySearch');

/** The evidence filter of a search, as GraphFilter has it (absent: everything). */
export interface SearchEvidence {
  statedOnly?: boolean | null;
  minReliability?: string | null;
}

/** Runs a search: validated arguments, the escaped Lucene query, ranking, then the hits as GraphNodes. */
export async function search(
  db: Db,
  text: string,
  kinds: readonly NodeKind[] | null | undefined,
  limit: number,
  evidence: SearchEvidence = {},
): Promise<GraphNode[]> {
  checkInt(limit, 'limit', 1, SEARCH_LIMIT_MAX);
  // The same checks and the same parameters as a GraphFilter's evidence fields (an unknown grade is refused).
  const filter = resolveFilter({ statedOnly: evidence.statedOnly, minReliability: evidence.minReliability });
  const terms = searchTerms(text);
  const wanted = kinds && kinds.length > 0 ? kinds : NODE_KINDS;
  // The index answers before the kinds and the evidence are filtered: ask it for more when they may leave hits out.
  const everything = wanted.length === NODE_KINDS.length && !filter.statedOnly && !filter.minReliability;
  const candidates = everything ? Math.max(50, limit * 3) : 1000;
  const query = buildLuceneQuery(terms, 1);
  if (query === null) return [];
  const wider = buildLuceneQuery(terms, 2);
  // One read transaction for the lookups and the nodes: one snapshot, one BEGIN and COMMIT.
  return db.readTransaction(async (tx) => {
    const lookup = (index: NamedQuery, q: string) =>
      tx.run<Candidate>(index, {
        query: q,
        kinds: wanted,
        candidates: int(candidates),
        statedOnly: filter.statedOnly,
        minReliability: filter.minReliability,
      });
    // Names first: on a big graph most common words live in quotes and long text, which make the wide index
    // slower (a third more of Neo4j's time on the million-node graph: docs/benchmarks.md). The wide index is
    // asked too unless the names fill the limit and one of them matches every word: a quote that has every word
    // ("West sees Xi and Modi critique") must not lose to names that match a word or two fuzzily.
    const lookupBoth = async (q: string) => {
      const names = await lookup(SEARCH_NAMES, q);
      // Otherwise the wide index's hits (it has the names too, so its scores rank them all alike), and any name it
      // left out beyond its candidates.
      if (names.length >= limit && names.some((h) => rankTier(text, h) <= NAME_MATCH_TIER)) return names;
      const wide = await lookup(SEARCH, q);
      const seen = new Set(wide.map((h) => h.id));
      return [...wide, ...names.filter((h) => !seen.has(h.id))];
    };
    // One edit per word first (a mistyped or swapped letter): two edits cost Lucene several times more on a big
    // index. Words of six letters or more get two edits only when no name or alias matched every word.
    let hits = await lookupBoth(query);
    if (wider !== null && wider !== query && !hits.some((h) => rankTier(text, h) <= NAME_MATCH_TIER)) {
      const seen = new Set(hits.map((h) => h.id));
      hits = [...hits, ...(await lookupBoth(wider)).filter((h) => !seen.has(h.id))];
    }
    const top = rankCandidates(text, hits).slice(0, limit);
    return loadNodes(
      tx,
      top.map((h) => h.id),
    );
  });
}

const typeDefs = /* GraphQL */ `
  type Query {
    """
    Full-text search over names, aliases (any language and script), quotes, titles, publishers, addresses,
    summaries and notes (with a figure's metric, a quote's context, an agreement's terms, an inference's note).
    Typo-tolerant; best first: exact name, exact alias, then other matches. At most ${SEARCH_LIMIT_MAX} hits.
    statedOnly and minReliability are GraphFilter's: with them, only the nodes a neighbourhood with the same
    filter would show (not inferred; a source graded that well, or citing one; an ungraded source counts as F).
    """
    search(
      text: String!
      kinds: [NodeKind!]
      limit: Int = 20
      statedOnly: Boolean
      minReliability: Reliability
    ): [GraphNode!]!
  }
`;

export const searchModule = graphQLModule(typeDefs, {
  Query: {
    search: (_, args, ctx) =>
      search(ctx.db, args.text, args.kinds, args.limit, {
        statedOnly: args.statedOnly,
        minReliability: args.minReliability,
      }),
  },
});
