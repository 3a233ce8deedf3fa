// docker-compose.yml cannot run here (no Docker engine), so check what can be checked: it parses, it uses the
// official Neo4j 5.26 image with APOC, a healthcheck and a named volume, and the app gets the same settings
// `npm start` reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, unknown>;
  healthcheck?: { test?: unknown };
  volumes?: string[];
  depends_on?: Record<string, { condition?: string }>;
}
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const configSource = ['core/config.ts', 'server/src/app/config.ts']
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('docker-compose.yml', () => {
  it('runs the official Neo4j 5.26 Community image with APOC, a healthcheck and a named volume', () => {
    const neo4j = compose.services.neo4j!;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(String(neo4j.environment?.NEO4J_PLUGINS)).toContain('apoc');
    expect(neo4j.healthcheck?.test).toBeTruthy();
    const volume = neo4j.volumes?.[0]?.split(':')[0];
    expect(volume && compose.volumes).toHaveProperty(volume!);
  });

  it('builds the app and starts it after Neo4j is healthy', () => {
    const app = compose.services.app!;
    expect(app.build).toBeTruthy();
    expect(app.depends_on?.neo4j?.condition).toBe('service_healthy');
    expect(readFileSync('Dockerfile', 'utf8')).toMatch(/CMD \["npm", "start"\]/);
  });

  it('gives the app the settings npm start reads, pointing at the neo4j service', () => {
    const env = compose.services.app!.environment!;
    expect(env.NEO4J_URI).toBe('bolt://neo4j:7687');
    for (const name of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'PORT', 'HOST']) {
      expect(env, name).toHaveProperty(name);
      expect(configSource, `config.ts reads ${name}`).toContain(name);
    }
  });
});
