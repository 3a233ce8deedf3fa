// Builds the client with Vite when client/dist is missing or older than the client's sources.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../../../client');
export const clientDist = path.join(root, 'dist');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** True when the built client is missing or older than a source file. */
export function clientIsStale(): boolean {
  const index = path.join(clientDist, 'index.html');
  if (!existsSync(root)) return false;
  if (!existsSync(index)) return true;
  return newestSource(root) > statSync(index).mtimeMs;
}

/**
 * Builds the client if needed, into a folder of its own that then replaces client/dist, so a server already
 * serving client/dist never sees it half-written.
 */
export async function ensureClientBuilt(log: (line: string) => void): Promise<void> {
  if (!clientIsStale()) return;
  log('building the client (vite build)…');
  const { build } = await import('vite');
  const staging = `${clientDist}.build-${process.pid}`;
  // Always React's production build, whoever asks: Vite takes the mode from NODE_ENV when it is set, and the test
  // runner sets it to "test", which built a development client (React's checks, StrictMode's second run of every
  // effect) that tests then exercised and `npm start` would later serve from the same folder.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: path.join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: staging, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  rmSync(clientDist, { recursive: true, force: true });
  renameSync(staging, clientDist);
  log('client built');
}
