// What every resolver receives.
import type { Db } from '../db/database.ts';

export interface Context {
  db: Db;
  /** Read by @neo4j/graphql: which database its generated queries run in. */
  sessionConfig?: { database: string } | undefined;
}
