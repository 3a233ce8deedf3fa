// Where a test tier's own Neo4j lives: a port from the environment (or a default) and a data folder of its own,
// emptied first, so that no run sees another's data and tests never touch the development database.
import { rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';

declare module 'vitest' {
  /** What the tiers' global set-up hands the tests (`inject(...)`). */
  export interface ProvidedContext {
    /** The integration tier's seeded Neo4j. */
    neo4jUri: string;
    /** The end-to-end tier's running explorer. */
    baseUrl: string;
  }
}

/** The port (`portVariable`, else `defaultPort`, plus `offset`) and an emptied data folder `.neo4j/test-<name>-<port>`. */
export function freshTestDatabase(
  name: string,
  portVariable: string,
  defaultPort: number,
  offset = 0,
): { port: number; dataDir: string } {
  const port = Number(process.env[portVariable] ?? defaultPort) + offset;
  const dataDir = `.neo4j/test-${name}-${port}`;
  rmSync(dataDir, { recursive: true, force: true });
  return { port, dataDir };
}

/** A TCP port of 127.0.0.1 that nothing listens on now (the system picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
