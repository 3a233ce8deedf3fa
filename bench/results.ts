// What the benchmark runners share: the explorer's HTTP app on a free port of this process, results written as
// JSON under bench/results/, and closing the server.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../core/db/database.ts';
import { clientDist } from '../server/src/app/client-build.ts';
import { createGraphQLServer } from '../server/src/app/graphql-server.ts';
import { createApp } from '../server/src/http/app.ts';
import path from 'node:path';

/** Writes `results` to bench/results/<kind>-<timestamp>.json and prints where. */
export function writeResults(kind: 'server' | 'client' | 'attack', results: Record<string, unknown>): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(`bench/results/${kind}-${stamp}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, 2) + '\n');
  console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
}

/** Closes an HTTP server and its open connections. */
export function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Starts the explorer (production answers, no rate limit) on a free port of 127.0.0.1 in this process. Its
 * resolvers use `appDb` (default `db`), e.g. one that records the Cypher each request runs.
 */
export async function startBenchServer(db: Db, appDb: Db = db): Promise<{ server: Server; url: string }> {
  const graphql = await createGraphQLServer({
    driver: db.driver,
    production: true,
    errorDetails: false,
    log: () => {},
  });
  const app = createApp({ db: appDb, graphql, readiness: { starting: null }, clientDir: clientDist });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
