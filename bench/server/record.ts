// The apples-to-apples half of the benchmark: a Db that records every named query the API runs for a request
// (text, parameters, read or write, and which ones ran concurrently), and a replay that runs exactly those
// queries again through neo4j-driver alone, with no GraphQL, no Express and no mapping of the results.
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import type { Db, NamedQuery, Params, Tx } from '../../core/db/database.ts';

/** One query as the API ran it. */
export interface RecordedQuery {
  name: string;
  text: string;
  params: Params;
}

/** Queries that ran in one transaction: a read, a write, or a multi-statement write transaction. */
export interface RecordedTransaction {
  mode: 'READ' | 'WRITE';
  queries: RecordedQuery[];
}

/**
 * What one request ran, in waves: the transactions of a wave were in flight at the same time (resolvers running
 * in parallel), and a wave starts only when the previous one has finished.
 */
export type Recording = RecordedTransaction[][];

export interface RecordingDb {
  db: Db;
  /** Starts recording the next request's queries. */
  start(): void;
  /** Stops recording and returns what ran since `start`. */
  stop(): Recording;
}

/** Wraps a Db so that, between start() and stop(), every transaction it runs is recorded. */
export function recordingDb(inner: Db): RecordingDb {
  let recording: Recording | null = null;
  let inFlight = 0;

  async function tracked<T>(tx: RecordedTransaction, run: () => Promise<T>): Promise<T> {
    if (recording) {
      if (inFlight === 0 || recording.length === 0) recording.push([]);
      recording.at(-1)!.push(tx);
    }
    inFlight++;
    try {
      return await run();
    } finally {
      inFlight--;
    }
  }

  /** Runs a multi-query transaction through `run`, recording its queries; a retried one as its last attempt. */
  function recorded<T>(
    mode: RecordedTransaction['mode'],
    run: (attempt: (tx: Tx) => Promise<T>) => Promise<T>,
    work: (tx: Tx) => Promise<T>,
  ): Promise<T> {
    const rec: RecordedTransaction = { mode, queries: [] };
    return tracked(rec, () =>
      run((tx) => {
        rec.queries.length = 0;
        return work({
          run: (query, params) => {
            rec.queries.push({ name: query.name, text: query.text, params: params ?? {} });
            return tx.run(query, params);
          },
        });
      }),
    );
  }

  const db: Db = {
    driver: inner.driver,
    database: inner.database,
    read: (query: NamedQuery, params?: Params) =>
      tracked({ mode: 'READ', queries: [{ name: query.name, text: query.text, params: params ?? {} }] }, () =>
        inner.read(query, params),
      ),
    write: (query: NamedQuery, params?: Params) =>
      tracked(
        { mode: 'WRITE', queries: [{ name: query.name, text: query.text, params: params ?? {} }] },
        () => inner.write(query, params),
      ),
    readTransaction: (work) => recorded('READ', (attempt) => inner.readTransaction(attempt), work),
    writeTransaction: (work) => recorded('WRITE', (attempt) => inner.writeTransaction(attempt), work),
    ping: (timeoutMs) => inner.ping(timeoutMs),
    close: () => inner.close(),
  };
  return {
    db,
    start() {
      recording = [];
    },
    stop() {
      const r = recording ?? [];
      recording = null;
      return r;
    },
  };
}

/** Replaces every string equal to a key of `swap` anywhere in `value` (fresh ids for replayed writes). */
export function swapStrings(value: unknown, swap: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return swap.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => swapStrings(v, swap));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swapStrings(v, swap)]));
  }
  return value;
}

/** The names of the queries a recording ran, in order (for the results file). */
export const queryNames = (recording: Recording) =>
  recording.flat().flatMap((t) => t.queries.map((q) => q.name));

/**
 * Runs a recording's queries through the driver alone: each transaction in its own session (as Db does), the
 * transactions of a wave concurrently. Records are consumed but not converted. Returns the wall time in ms.
 */
export async function replay(
  driver: Driver,
  recording: Recording,
  database: string | undefined,
  swap: ReadonlyMap<string, string> = new Map(),
): Promise<number> {
  const started = performance.now();
  for (const wave of recording) {
    await Promise.all(
      wave.map(async (tx) => {
        const session = driver.session({
          defaultAccessMode: tx.mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
          database,
        });
        try {
          const work = async (t: ManagedTransaction) => {
            for (const q of tx.queries) {
              const params = swap.size > 0 ? (swapStrings(q.params, swap) as Params) : q.params;
              await t.run(q.text, params);
            }
          };
          if (tx.mode === 'READ') await session.executeRead(work);
          else await session.executeWrite(work);
        } finally {
          await session.close();
        }
      }),
    );
  }
  return performance.now() - started;
}

/** One operator of a PROFILE plan, indented by depth. */
export interface PlanLine {
  depth: number;
  operator: string;
  details: string;
  rows: number;
  dbHits: number;
}

/** A query of a recording run once with PROFILE: its plan and totals. */
export interface QueryProfile {
  name: string;
  ms: number;
  dbHits: number;
  plan: PlanLine[];
}

interface ProfiledPlan {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments: Record<string, unknown>;
  children: ProfiledPlan[];
}

function flatten(p: ProfiledPlan, depth = 0, out: PlanLine[] = []): PlanLine[] {
  out.push({
    depth,
    operator: p.operatorType.replace(/@neo4j$/, ''),
    details: String(p.arguments?.Details ?? '').slice(0, 200),
    rows: Number(p.rows),
    dbHits: Number(p.dbHits),
  });
  for (const c of p.children) flatten(c, depth + 1, out);
  return out;
}

/** Renders a plan as indented text (operator, rows, db hits, details). */
export const planText = (plan: PlanLine[]) =>
  plan
    .map((l) => `${'  '.repeat(l.depth)}${l.operator}  rows=${l.rows} dbHits=${l.dbHits}  ${l.details}`)
    .join('\n');

/**
 * Runs each read query of a recording once with PROFILE (writes are skipped: PROFILE would execute them) and
 * returns the plans, so a slow case shows where its time goes.
 */
export async function profileRecording(
  driver: Driver,
  recording: Recording,
  database: string | undefined,
): Promise<QueryProfile[]> {
  const out: QueryProfile[] = [];
  for (const tx of recording.flat()) {
    if (tx.mode !== 'READ') continue;
    for (const q of tx.queries) {
      const session = driver.session({ defaultAccessMode: neo4j.session.READ, database });
      try {
        const started = performance.now();
        const result = await session.executeRead((t) => t.run(`PROFILE ${q.text}`, q.params));
        const ms = performance.now() - started;
        const plan = flatten(result.summary.profile as unknown as ProfiledPlan);
        out.push({ name: q.name, ms, dbHits: plan.reduce((s, l) => s + l.dbHits, 0), plan });
      } finally {
        await session.close();
      }
    }
  }
  return out;
}
