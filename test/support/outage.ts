// For the fault tests: clients writing through the explorer while its Neo4j is killed with SIGKILL and started
// again on the same data. Each client writes its nth write in turn until the run stops; the database is killed once
// `ackedBeforeKill` writes are acknowledged, stays down until the clients met the outage, and the run stops once
// every client has had a write acknowledged after the restart (or two minutes passed). What each test checks of
// the database afterwards is its own.
import type { LocalNeo4j } from '../../neo4j/local.ts';
import type { OwnNeo4j } from './own-neo4j.ts';
import type { TestServer } from './test-server.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Phase = 'before' | 'down' | 'after';

/** The outcomes a server that survives the outage may give: anything else is a failure of the test. */
export const SURVIVABLE = ['200', '503 DATABASE_UNAVAILABLE', 'stopped at its time limit'];

export interface Outage {
  /** The id each acknowledged write returned, with the client and the write's number. */
  acked: Map<string, { c: number; n: number }>;
  /** How many writes ended so, by outcome ("200", "503 DATABASE_UNAVAILABLE", …). */
  outcomes: Map<string, number>;
  /** The same, by the phase the write was sent in ("down: 503 DATABASE_UNAVAILABLE"). */
  outcomesByPhase: Map<string, number>;
  ackedBeforeKill: number;
  /** Clients that had a write acknowledged after the restart. */
  recovered: number;
}

/**
 * Runs `clients` clients, each posting `write(c, n)` (a query and its variables) and reading the written id with
 * `idOf` from an answer's data, while the database is killed and restarted as described above.
 */
export async function writesThroughOutage(o: {
  own: OwnNeo4j;
  neo4j: LocalNeo4j;
  server: TestServer;
  clients: number;
  ackedBeforeKill: number;
  write: (c: number, n: number) => { query: string; variables: Record<string, unknown> };
  idOf: (data: Record<string, unknown> | null | undefined) => string | undefined;
}): Promise<Outage> {
  let phase: Phase = 'before';
  const acked = new Map<string, { c: number; n: number }>();
  const outcomes = new Map<string, number>();
  const outcomesByPhase = new Map<string, number>();
  const recovered = new Set<number>();
  const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  let unavailable = 0;
  let stop = false;

  const client = async (c: number) => {
    for (let n = 0; !stop; n++) {
      const { query, variables } = o.write(c, n);
      const seenIn = phase;
      let key: string;
      try {
        const r = await o.server.post(query, variables);
        const error = r.body.errors?.[0];
        const code = error?.extensions?.code;
        const tooLong =
          code === 'REQUEST_TIMEOUT' && /took too long and was stopped/.test(error?.message ?? '');
        key = tooLong ? 'stopped at its time limit' : `${r.status} ${code ?? ''}`.trim();
        const id = r.status === 200 ? o.idOf(r.body.data) : undefined;
        if (id) {
          acked.set(id, { c, n });
          if (seenIn === 'after') recovered.add(c);
        }
        if (r.status === 503) {
          unavailable++;
          await sleep(200); // as a client honouring Retry-After would, but quicker
        }
      } catch {
        key = 'connection failed';
      }
      count(outcomes, key);
      count(outcomesByPhase, `${seenIn}: ${key}`);
    }
  };
  const running = Array.from({ length: o.clients }, (_, c) => client(c));

  // Mid-way, kill -9 the database; stay down until every client has, on average, met the outage once.
  while (acked.size < o.ackedBeforeKill) await sleep(20);
  phase = 'down';
  o.neo4j.process.kill('SIGKILL');
  await o.neo4j.exited;
  const ackedBeforeKill = acked.size;
  const downSince = unavailable;
  while (unavailable < downSince + o.clients) await sleep(50);

  await o.own.start();
  phase = 'after';
  // Recovered by itself: every client gets writes through again on the same server.
  const deadline = Date.now() + 120_000;
  while (recovered.size < o.clients && Date.now() < deadline) await sleep(100);
  stop = true;
  await Promise.all(running);
  return { acked, outcomes, outcomesByPhase, ackedBeforeKill, recovered: recovered.size };
}
