// Before the explorer says it is ready, it runs once the queries the page sends when it opens (the same
// documents, client/src/api/operations.ts, with the same variables as client/src/app/opening.ts), so the first
// page after "ready" does not pay for cold query plans and a cold page cache (it waited about 34 s; a reload
// took 1.4 s). Through the GraphQL server itself, so @neo4j/graphql's translation is warmed too.
import type { ApolloServer } from '@apollo/server';
import { NEIGHBORHOOD, NODES, STATS, VIEWER, VIEWS } from '../../../client/src/api/operations.ts';
import { OPENING_MAX_NODES } from '../../../client/src/app/opening.ts';
import { ALL_KINDS } from '../../../client/src/graph/kinds.ts';
import type { Db } from '../../../core/db/database.ts';
import type { Context } from '../graphql/context.ts';

/** Runs the opening queries once; resolves with how long they took, in ms. Throws if one of them fails. */
export async function warmOpeningQueries(graphql: ApolloServer<Context>, db: Db): Promise<number> {
  const started = performance.now();
  const contextValue: Context = {
    db,
    sessionConfig: db.database ? { database: db.database } : undefined,
    transaction: { timeout: db.txTimeoutMs },
  };
  const run = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await graphql.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('unexpected incremental answer');
    const { data, errors } = response.body.singleResult;
    if (errors?.length) throw new Error(errors.map((e) => e.message).join('; '));
    return data as T;
  };
  // One after another: on a busy machine, queries at once on a cold database can pass the transaction limit.
  const filter = { kinds: ALL_KINDS.filter((k) => k !== 'SOURCE') };
  await run(VIEWER);
  await run(STATS);
  await run(VIEWS);
  const { nodes } = await run<{ nodes: { id: string; degree: number }[] }>(NODES, {
    filter,
    limit: 1000,
    offset: 0,
  });
  const hub = nodes.reduce<{ id: string; degree: number } | null>(
    (best, n) => (!best || n.degree > best.degree ? n : best),
    null,
  );
  if (hub) await run(NEIGHBORHOOD, { id: hub.id, depth: 3, filter, limit: OPENING_MAX_NODES });
  return Math.round(performance.now() - started);
}
