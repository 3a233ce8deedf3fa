// For the explorer's integration tests: the real GraphQL server (schema, limits, error normaliser) against the
// integration tier's Neo4j, run through Apollo's executeOperation. Not part of the server.
import type { GraphQLFormattedError } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { createDb, type Db } from '../../core/db/database.ts';
import { createGraphQLServer } from '../../server/src/app/graphql-server.ts';

/** One GraphQL response: data and formatted errors (with their contract codes). */
export interface Result<T = Record<string, unknown>> {
  data?: T | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface TestGraphQL {
  db: Db;
  /** Runs an operation and returns its single result. */
  run<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<Result<T>>;
  /** Runs an operation that must succeed and returns its data. */
  data<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): Promise<void>;
}

/** The codes of a result's errors, e.g. ["BAD_USER_INPUT"]. */
export const codes = (r: Result<unknown>) => (r.errors ?? []).map((e) => e.extensions?.code);

/** Counts the sessions the server opens, for tests of how many queries an answer takes. */
export interface SessionCounter {
  sessions: number;
}

/**
 * Starts the GraphQL server on the database at `uri`. With `counter`, every session @neo4j/graphql opens (one
 * per typed query it runs) adds one to `counter.sessions`.
 */
export async function startTestGraphQL(uri: string, counter?: SessionCounter): Promise<TestGraphQL> {
  const db = createDb({ uri });
  const driver = counter ? countingSessions(db.driver, counter) : db.driver;
  const server = await createGraphQLServer({
    driver,
    production: false,
    errorDetails: true,
    log: () => {},
  });
  const run = async <T>(query: string, variables?: Record<string, unknown>): Promise<Result<T>> => {
    const response = await server.executeOperation<T & Record<string, unknown>>(
      { query, variables: variables ?? {} },
      { contextValue: { db } },
    );
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return response.body.singleResult as Result<T>;
  };
  return {
    db,
    run,
    async data<T>(query: string, variables?: Record<string, unknown>) {
      const result = await run<T>(query, variables);
      if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
      return result.data as T;
    },
    async close() {
      await server.stop();
      await db.close();
    },
  };
}

function countingSessions(driver: Driver, counter: SessionCounter): Driver {
  return new Proxy(driver, {
    get(target, property, receiver) {
      if (property === 'session') {
        return (...args: Parameters<Driver['session']>) => {
          counter.sessions += 1;
          return target.session(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
