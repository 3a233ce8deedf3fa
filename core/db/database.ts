// The one module that owns the Neo4j driver. Everything else runs named, parameterised queries through
// `read`/`write`, and sees Neo4j's failures only as the project's error codes (mapped here and nowhere else).
import neo4j, {
  Neo4jError,
  isDate,
  isDateTime,
  isLocalDateTime,
  isNode,
  isRelationship,
  type Driver,
  type ManagedTransaction,
} from 'neo4j-driver';
import { AppError } from '../errors.ts';

/** A Cypher query with a name, so that logs, errors and the EXPLAIN test can refer to it. */
export interface NamedQuery {
  readonly name: string;
  readonly text: string;
}

const registry = new Map<string, NamedQuery>();

/** Declares a named query. Names are unique across the project; every declared query is EXPLAINed in tests. */
export function cypher(name: string, text: string): NamedQuery {
  if (registry.has(name)) throw new Error(`duplicate query name ${name}`);
  const q = { name, text };
  registry.set(name, q);
  return q;
}

/** Every query declared so far (the EXPLAIN test imports all query modules first). */
export function declaredQueries(): NamedQuery[] {
  return [...registry.values()];
}

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface DbOptions {
  uri: string;
  user?: string;
  password?: string | undefined;
  database?: string | undefined;
  /** Upper bound for one transaction, in milliseconds (default 15 s). */
  txTimeoutMs?: number;
}

export interface Db {
  /** The driver, for libraries that need it (the generated per-kind GraphQL queries). */
  readonly driver: Driver;
  readonly database: string | undefined;
  /** The time limit of every transaction, in milliseconds (also given to the generated per-kind queries). */
  readonly txTimeoutMs?: number;
  /**
   * Runs a read query (routable to followers in a cluster) and returns plain rows, of the shape `R` the query's
   * RETURN clause gives (declared by the caller, not checked).
   */
  read<R extends object = Row>(query: NamedQuery, params?: Params): Promise<R[]>;
  /** Runs a write query in its own transaction and returns plain rows (as `read`). */
  write<R extends object = Row>(query: NamedQuery, params?: Params): Promise<R[]>;
  /**
   * Runs several read queries in one read transaction: one snapshot, and one round of session, BEGIN and COMMIT
   * instead of one per query.
   */
  readTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs several statements in one write transaction: all or nothing. `timeoutMs` overrides the default limit. */
  writeTransaction<T>(work: (tx: Tx) => Promise<T>, options?: { timeoutMs?: number }): Promise<T>;
  /** Resolves when the database answers a trivial query; throws DATABASE_UNAVAILABLE otherwise. */
  ping(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A transaction handle that speaks named queries and plain rows (of the shape `R`, as `Db.read`). */
export interface Tx {
  run<R extends object = Row>(query: NamedQuery, params?: Params): Promise<R[]>;
}

/** Where a read can run: on its own (Db) or inside a transaction (Tx). */
export type Reader = Db | Tx;

/** Runs a read query on a Db (its own read transaction) or in the given transaction. */
export function readRows<R extends object = Row>(
  reader: Reader,
  query: NamedQuery,
  params?: Params,
): Promise<R[]> {
  return 'read' in reader ? reader.read<R>(query, params) : reader.run<R>(query, params);
}

/** A Neo4j integer parameter (JavaScript numbers are sent as floats, which LIMIT and SKIP refuse). */
/**
 * Runs schema statements (constraints, indexes: they may not share a transaction with data) once per database
 * handle, one after the other; a failure is forgotten, so the next call tries again.
 */
export function schemaOnce(statements: readonly NamedQuery[]): (db: Db) => Promise<unknown> {
  const ready = new WeakMap<Db, Promise<unknown>>();
  return (db) => {
    let done = ready.get(db);
    if (!done) {
      done = (async () => {
        for (const q of statements) await db.write(q);
      })().catch((e: unknown) => {
        ready.delete(db);
        throw e;
      });
      ready.set(db, done);
    }
    return done;
  };
}

export const int = (n: number) => neo4j.int(Math.trunc(n));

/** Creates the driver. It connects lazily: a database that is down now may be up by the first query. */
export function createDb(options: DbOptions): Db {
  // No password: no credentials (the project's own Neo4j runs without auth, on loopback only).
  const auth =
    options.password === undefined ? undefined : neo4j.auth.basic(options.user ?? 'neo4j', options.password);
  const driver = neo4j.driver(options.uri, auth, {
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    maxTransactionRetryTime: 2_000,
    userAgent: 'kg-explorer',
  });
  const txTimeout = options.txTimeoutMs ?? 15_000;
  const database = options.database;
  const sessionFor = (mode: 'READ' | 'WRITE') =>
    driver.session({
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      database,
    });

  // The one place rows get their declared shape: the driver's values made plain, as the query returned them.
  const runIn = async <R>(tx: ManagedTransaction, query: NamedQuery, params: Params = {}): Promise<R[]> => {
    const result = await tx.run(query.text, params);
    return result.records.map((r) => toPlain(r.toObject()) as R);
  };

  const execute = async <T>(
    mode: 'READ' | 'WRITE',
    label: string,
    work: (tx: ManagedTransaction) => Promise<T>,
    timeout = txTimeout,
  ): Promise<T> => {
    const session = sessionFor(mode);
    try {
      const config = { timeout, metadata: { query: label } };
      return mode === 'READ'
        ? await session.executeRead(work, config)
        : await session.executeWrite(work, config);
    } catch (e) {
      throw mapDatabaseError(e, label);
    } finally {
      await session.close().catch(() => {});
    }
  };

  return {
    driver,
    database,
    txTimeoutMs: txTimeout,
    read: (query, params) => execute('READ', query.name, (tx) => runIn(tx, query, params)),
    write: (query, params) => execute('WRITE', query.name, (tx) => runIn(tx, query, params)),
    readTransaction: (work) =>
      execute('READ', 'read transaction', (tx) => work({ run: (query, params) => runIn(tx, query, params) })),
    writeTransaction: (work, options) =>
      execute(
        'WRITE',
        'transaction',
        (tx) => work({ run: (query, params) => runIn(tx, query, params) }),
        options?.timeoutMs,
      ),
    async ping(timeoutMs = 3_000) {
      const session = sessionFor('READ');
      try {
        await Promise.race([
          session.run('RETURN 1', {}, { timeout: timeoutMs }).then(() => undefined),
          new Promise((_, reject) =>
            setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs),
          ),
        ]);
      } catch (e) {
        const mapped = mapDatabaseError(e, 'ping');
        throw mapped.code === 'DATABASE_UNAVAILABLE'
          ? mapped
          : new AppError('DATABASE_UNAVAILABLE', `Neo4j does not answer: ${messageOf(e)}`);
      } finally {
        await session.close().catch(() => {});
      }
    },
    close: () => driver.close(),
  };
}

/** A read transaction whose rows arrive as they are read, for results too large to hold (the whole-graph export). */
export interface StreamTx {
  rows<R extends object = Row>(query: NamedQuery, params?: Params): AsyncGenerator<R>;
}

/**
 * Runs `work` in one read transaction (one snapshot) of at most `timeoutMs`, its rows pulled from the database as
 * `work` consumes them, so that memory stays flat whatever the size of the result. Never retried (part of it may
 * already have been sent on); failures are the project's error codes, as for `read`.
 */
export async function streamRead<T>(
  db: Db,
  timeoutMs: number,
  work: (tx: StreamTx) => Promise<T>,
): Promise<T> {
  const session = db.driver.session({ defaultAccessMode: neo4j.session.READ, database: db.database });
  const tx = session.beginTransaction({ timeout: timeoutMs, metadata: { query: 'stream' } });
  let label = 'stream';
  try {
    const out = await work({
      rows: async function* <R>(query: NamedQuery, params: Params = {}) {
        label = query.name;
        for await (const record of tx.run(query.text, params)) yield toPlain(record.toObject()) as R;
      },
    });
    await tx.commit();
    return out;
  } catch (e) {
    await tx.rollback().catch(() => {});
    throw mapDatabaseError(e, label);
  } finally {
    await session.close().catch(() => {});
  }
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);
const DATABASE_NOT_FOUND = 'Neo.ClientError.Database.DatabaseNotFound';

/** True when `e` (as mapDatabaseError gives it) says the database named by NEO4J_DATABASE does not exist. */
export function isMissingDatabase(e: unknown): boolean {
  return e instanceof AppError && e.cause instanceof Neo4jError && e.cause.code === DATABASE_NOT_FOUND;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Maps anything the driver throws to an AppError; the original stays as `cause` for the server log. */
export function mapDatabaseError(e: unknown, label: string): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof Neo4jError) {
    if (e.code === DATABASE_NOT_FOUND) {
      const err = new AppError(
        'DATABASE_UNAVAILABLE',
        `Neo4j has no database of the name NEO4J_DATABASE gives (${e.message.trim()}).`,
      );
      err.cause = e;
      return err;
    }
    if (
      UNAVAILABLE_CODES.has(e.code) ||
      /connection acquisition timed out|failed to connect|ECONNREFUSED|Pool is closed/i.test(e.message)
    ) {
      const err = new AppError('DATABASE_UNAVAILABLE', 'The graph database cannot be reached right now.');
      err.cause = e;
      return err;
    }
    // What the query was about to change was deleted by a transaction it waited for (a race on one item).
    if (e.code === 'Neo.ClientError.Statement.EntityNotFound') {
      const err = new AppError(
        'NOT_FOUND',
        'What this request changes was deleted by another request meanwhile.',
      );
      err.cause = e;
      return err;
    }
    // A transaction stopped at its time limit; while waiting for a lock that shows as LockClientStopped.
    if (
      e.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') ||
      e.code === 'Neo.ClientError.Transaction.LockClientStopped'
    ) {
      const err = new AppError('REQUEST_TIMEOUT', `The query ${label} took too long and was stopped.`);
      err.cause = e;
      return err;
    }
  }
  const err = new AppError('INTERNAL_SERVER_ERROR', `The database query ${label} failed.`);
  err.cause = e;
  return err;
}

/** Converts driver values (integers, temporal types, nodes, relationships) into plain JSON-ready values. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Most values are strings, numbers and booleans, then arrays and maps (the driver's records and properties are
  // plain objects): those first, before the driver's type guards, which each probe the value (issue 18).
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (Object.getPrototypeOf(value) === Object.prototype) return plainRecord(value as Record<string, unknown>);
  if (neo4j.isInt(value)) {
    const n = value as { toNumber(): number; inSafeRange(): boolean; toString(): string };
    return n.inSafeRange() ? n.toNumber() : n.toString();
  }
  if (isDate(value as never) || isDateTime(value as never) || isLocalDateTime(value as never)) {
    return String(value);
  }
  if (isNode(value as never)) {
    const node = value as unknown as { labels: string[]; properties: Record<string, unknown> };
    return { labels: node.labels, properties: toPlain(node.properties) };
  }
  if (isRelationship(value as never)) {
    const rel = value as unknown as { type: string; properties: Record<string, unknown> };
    return { type: rel.type, properties: toPlain(rel.properties) };
  }
  return plainRecord(value as Record<string, unknown>);
}

function plainRecord(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value)) out[k] = toPlain(value[k]);
  return out;
}
