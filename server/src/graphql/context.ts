// What every resolver receives.
import type { Access } from '../access/index.ts';
import type { Db } from '../../../core/db/database.ts';

export interface Context {
  db: Db;
  /** Read by @neo4j/graphql: which database its generated queries run in. */
  sessionConfig?: { database: string } | undefined;
  /** Read by @neo4j/graphql: the time limit of its generated queries' transactions (as `db`'s own). */
  transaction?: { timeout?: number } | undefined;
  /** Who is calling (set by the HTTP layer). Absent means open mode: everyone may read and write, as "local". */
  access?: Access | undefined;
  /**
   * The request's Idempotency-Key header: a write sent again with the same key (by the same caller) returns what
   * the first one did and writes nothing again (server/src/views).
   */
  idempotencyKey?: string | undefined;
}
