// What the benchmark runners share: the explorer's HTTP app in this process (on a free port or the one given,
// checked to be what answers there), results written as JSON under bench/results/, and closing the server.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Db } from '../core/db/database.ts';
import { clientDist } from '../server/src/app/client-build.ts';
import { createGraphQLServer } from '../server/src/app/graphql-server.ts';
import { createApp } from '../server/src/http/app.ts';
import path from 'node:path';
import { BenchServerError, IDENTITY_PATH, newNonce, verifyNonce } from './listener.ts';

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
 * Starts the explorer (production answers, no rate limit) in this process on 127.0.0.1, on `port` (default: one
 * the OS chooses). Its resolvers use `appDb` (default `db`), e.g. one that records the Cypher each request runs.
 * Rejects loudly when the port cannot be bound, and checks that what answers on the URL is this server (a nonce
 * on IDENTITY_PATH) before returning it.
 */
export async function startBenchServer(
  db: Db,
  appDb: Db = db,
  port?: number,
): Promise<{ server: Server; url: string }> {
  const graphql = await createGraphQLServer({
    driver: db.driver,
    production: true,
    errorDetails: false,
    log: () => {},
  });
  const app = createApp({ db: appDb, graphql, readiness: { starting: null }, clientDir: clientDist });
  const nonce = newNonce();
  const server = createServer((req, res) => {
    if (req.url === IDENTITY_PATH) res.end(nonce);
    else app(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new BenchServerError(
          `the benchmark's server cannot listen on 127.0.0.1:${port ?? 0}: ${e.code ?? e.message}`,
        ),
      ),
    );
    server.listen({ port: port ?? 0, host: '127.0.0.1', exclusive: true }, resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await verifyNonce(url, nonce);
  } catch (e) {
    await closeServer(server);
    throw e;
  }
  return { server, url };
}
