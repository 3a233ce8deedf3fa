// What both benchmark runners do at the end: write the results as JSON under bench/results/, and close their
// HTTP server.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';

/** Writes `results` to bench/results/<kind>-<timestamp>.json and prints where. */
export function writeResults(kind: 'server' | 'client', results: Record<string, unknown>): void {
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
