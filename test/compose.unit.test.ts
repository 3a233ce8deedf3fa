// docker-compose.yml cannot run here (no Docker engine), so check what can be checked: it parses, it uses the
// official Neo4j 5.26 image with APOC, a healthcheck and a named volume, and the app, read by the same
// settings reader as `npm start`, starts and logs in to that Neo4j with what `docker compose up` gives it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkListenAccess } from '../server/src/access/tokens.ts';
import { loadConfig } from '../server/src/app/config.ts';

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, unknown>;
  healthcheck?: { test?: unknown };
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition?: string }>;
}

/** Compose's interpolation with nothing set in the shell: `${NAME:-default}` is its default, `$$` a `$`. */
function interpolate(value: unknown): unknown {
  if (typeof value === 'string')
    return value.replace(/\$\$|\$\{\w+:-([^}]*)\}/g, (m, fallback?: string) =>
      m === '$$' ? '$' : fallback!,
    );
  if (Array.isArray(value)) return value.map(interpolate);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v)]));
  return value;
}

const compose = interpolate(parse(readFileSync('docker-compose.yml', 'utf8'))) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const neo4j = compose.services.neo4j!;
const app = compose.services.app!;
/** The app's settings as the server reads them inside its container. */
const appEnv = Object.fromEntries(Object.entries(app.environment ?? {}).map(([k, v]) => [k, String(v)]));
const configSource = ['core/config.ts', 'server/src/app/config.ts']
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('docker-compose.yml', () => {
  it('runs the official Neo4j 5.26 Community image with APOC, a healthcheck and a named volume', () => {
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(JSON.parse(String(neo4j.environment?.NEO4J_PLUGINS))).toEqual(['apoc']);
    expect(neo4j.healthcheck?.test).toEqual([
      'CMD-SHELL',
      expect.stringMatching(/^cypher-shell .*"RETURN 1"/),
    ]);
    expect(neo4j.volumes).toEqual(['neo4j-data:/data']);
    expect(compose.volumes).toHaveProperty('neo4j-data');
  });

  it('builds the app from this folder and starts it with npm start after Neo4j is healthy', () => {
    expect(app.build).toBe('.');
    expect(app.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(readFileSync('Dockerfile', 'utf8')).toMatch(/CMD \["npm", "start"\]/);
  });

  it('gives the app settings that reach the neo4j service and log in with its password', () => {
    const config = loadConfig(appEnv);
    expect(config.neo4jUri).toBe('bolt://neo4j:7687');
    expect(neo4j.ports).toEqual(['127.0.0.1:7687:7687']);
    const [user, password] = String(neo4j.environment?.NEO4J_AUTH).split('/');
    expect({ user: config.neo4jUser, password: config.neo4jPassword }).toEqual({ user, password });
    expect(password).not.toBe('');
    expect(config.neo4jDatabase).toBe('neo4j');
    for (const name of Object.keys(appEnv))
      expect(configSource, `the server reads ${name}`).toMatch(new RegExp(`env\\.${name}\\b|'${name}'`));
  });

  it('lets the app listen beyond loopback inside its container, with tokens, on the port published on loopback', () => {
    const config = loadConfig(appEnv);
    expect(config.host).toBe('0.0.0.0');
    expect(config.apiTokens.length).toBeGreaterThan(0);
    expect(() => checkListenAccess(config.host, config.apiTokens.length)).not.toThrow();
    expect(config.port).toBe(4000);
    expect(app.ports).toEqual([`127.0.0.1:${config.port}:${config.port}`]);
    expect(JSON.stringify(app.healthcheck?.test)).toContain(`http://127.0.0.1:${config.port}/readyz`);
  });
});
