// The one reader of settings from the environment: the readers of each kind of value (each throws one line
// naming the variable) and the database settings that the server, the command-line tools and the local Neo4j
// launcher share. The server's own settings (server/src/app/config.ts) are read with the same readers. See the
// README's configuration table.

/** Where the database is: NEO4J_URI (an outside Neo4j), or the project's own on NEO4J_PORT and NEO4J_DATA_DIR. */
export interface DatabaseConfig {
  /** Neo4j to use; when NEO4J_URI is unset the project starts its own on `localNeo4jPort`. */
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string | undefined;
  neo4jDatabase: string | undefined;
  localNeo4jPort: number;
  localNeo4jDataDir: string;
  /** NEO4J_HEAP_MIB and NEO4J_PAGECACHE_MIB: memory of the local Neo4j (for big graphs, such as the benchmark's). */
  localNeo4jHeapMiB: number | undefined;
  localNeo4jPagecacheMiB: number | undefined;
}

/** A port number (0 to 65535) from `name`, or `fallback` when unset. */
export function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return n;
}

/** A whole number from `min` to `max` from `name`, or `fallback` when unset. */
export function countFrom(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** true/false (or 1/0) from `name`, or `fallback` when unset. */
export function booleanFrom(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new Error(`${name} must be true or false, got "${env[name]}"`);
}

function optionalMiB(env: NodeJS.ProcessEnv, name: string): number | undefined {
  return env[name] ? countFrom(env, name, 0, 64, 1_048_576) : undefined;
}

/** The database settings from `env`; throws one line when one is invalid. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  return {
    neo4jUri: env.NEO4J_URI || undefined,
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || undefined,
    neo4jDatabase: env.NEO4J_DATABASE || undefined,
    localNeo4jPort: portFrom(env, 'NEO4J_PORT', 7687),
    localNeo4jDataDir: env.NEO4J_DATA_DIR || '.neo4j/dev',
    localNeo4jHeapMiB: optionalMiB(env, 'NEO4J_HEAP_MIB'),
    localNeo4jPagecacheMiB: optionalMiB(env, 'NEO4J_PAGECACHE_MIB'),
  };
}
