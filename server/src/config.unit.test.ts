import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the local database and port 4000 on loopback', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 4000, host: '127.0.0.1', neo4jUri: undefined, localNeo4jPort: 7687 });
  });

  it('takes NEO4J_URI and credentials for a remote database', () => {
    const c = loadConfig({
      NEO4J_URI: 'neo4j+s://x.databases.neo4j.io',
      NEO4J_USER: 'u',
      NEO4J_PASSWORD: 'p',
    });
    expect(c).toMatchObject({
      neo4jUri: 'neo4j+s://x.databases.neo4j.io',
      neo4jUser: 'u',
      neo4jPassword: 'p',
    });
  });

  it('refuses a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a port number/);
  });
});
