// Settings from the environment, read once at start-up. See the README's configuration table.

export interface Config {
  /** HTTP port of the explorer (PORT, default 4000). */
  port: number;
  /** Address the HTTP server listens on (HOST, default 127.0.0.1). */
  host: string;
  /** Neo4j to use; when NEO4J_URI is unset the project starts its own on `localNeo4jPort`. */
  neo4jUri: string | undefined;
  neo4jUser: string;
  neo4jPassword: string | undefined;
  neo4jDatabase: string | undefined;
  localNeo4jPort: number;
  localNeo4jDataDir: string;
  production: boolean;
}

function intFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return n;
}

/** Reads the configuration from `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: intFrom(env, 'PORT', 4000),
    host: env.HOST || '127.0.0.1',
    neo4jUri: env.NEO4J_URI || undefined,
    neo4jUser: env.NEO4J_USER || 'neo4j',
    neo4jPassword: env.NEO4J_PASSWORD || undefined,
    neo4jDatabase: env.NEO4J_DATABASE || undefined,
    localNeo4jPort: intFrom(env, 'NEO4J_PORT', 7687),
    localNeo4jDataDir: env.NEO4J_DATA_DIR || '.neo4j/dev',
    production: env.NODE_ENV === 'production',
  };
}
