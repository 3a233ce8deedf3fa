// search(text, kinds, limit): full-text over names, aliases, quotes, titles, publishers, addresses, summaries,
// a figure's metric, a quote's context and an agreement's terms (the `entitySearch` index), typo-tolerant, in
// any language the data has; exact names first, then aliases, then everything else.
import { cypher, int, type Db } from '../../../core/db/database.ts';
import { loadNodes } from '../graph/cypher.ts';
import { NODE_KINDS, type NodeKind } from '../../../core/model/index.ts';
import { type GraphNode } from '../graph/model.ts';
import { checkInt } from '../graph/validate.ts';
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

const SEARCH = cypher(
  'searchEntities',
  `CALL db.index.fulltext.queryNodes('entitySearch', $query, {limit: $candidates}) YIELD node, score
   WHERE node.kind IN $kinds
   RETURN node.id AS id, coalesce(node.name, node.title) AS name, coalesce(node.aliases, []) AS aliases, score
   LIMIT $candidates`,
);

/** Runs a search: validated arguments, the escaped Lucene query, ranking, then the hits as GraphNodes. */
export async function search(
  db: Db,
  text: string,
  kinds: readonly NodeKind[] | null | undefined,
  limit: number,
): Promise<GraphNode[]> {
  checkInt(limit, 'limit', 1, SEARCH_LIMIT_MAX);
  const terms = searchTerms(text);
  const wanted = kinds && kinds.length > 0 ? kinds : NODE_KINDS;
  // The index answers before the kinds are filtered: ask it for more when only some kinds are wanted.
  const candidates = wanted.length === NODE_KINDS.length ? Math.max(50, limit * 3) : 1000;
  const query = buildLuceneQuery(terms, 1);
  if (query === null) return [];
  const wider = buildLuceneQuery(terms, 2);
  // One read transaction for the lookups and the nodes: one snapshot, one BEGIN and COMMIT.
  return db.readTransaction(async (tx) => {
    const lookup = (q: string) =>
      tx.run<Candidate>(SEARCH, { query: q, kinds: wanted, candidates: int(candidates) });
    // One edit per word first (a mistyped or swapped letter): two edits cost Lucene several times more on a big
    // index. Words of six letters or more get two edits only when no name or alias matched every word.
    let hits = await lookup(query);
    if (wider !== null && wider !== query && !hits.some((h) => rankTier(text, h) <= NAME_MATCH_TIER)) {
      const seen = new Set(hits.map((h) => h.id));
      hits = [...hits, ...(await lookup(wider)).filter((h) => !seen.has(h.id))];
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
    Full-text search over names, aliases (any language and script), quotes, titles, publishers, addresses and
    summaries (with a figure's metric, a quote's context, an agreement's terms). Typo-tolerant; best first: exact
    name, exact alias, then other matches. At most ${SEARCH_LIMIT_MAX} hits.
    """
    search(text: String!, kinds: [NodeKind!], limit: Int = 20): [GraphNode!]!
  }
`;

export const searchModule = graphQLModule(typeDefs, {
  Query: { search: (_, args, ctx) => search(ctx.db, args.text, args.kinds, args.limit) },
});
