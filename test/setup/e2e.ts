// End-to-end tier: the whole explorer as `npm start` brings it up (own Neo4j on its own port and data folder,
// seed, built client, HTTP on a free port). Tests reach it through `inject('baseUrl')`.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/src/config.ts';
import { startExplorer } from '../../server/src/explorer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const port = Number(process.env.NEO4J_E2E_PORT ?? 7689);
  const dataDir = `.neo4j/test-e2e-${port}`;
  rmSync(dataDir, { recursive: true, force: true });
  const config = { ...loadConfig({}), port: 0, localNeo4jPort: port, localNeo4jDataDir: dataDir };
  const explorer = await startExplorer(config, { info: () => {}, error: (line) => console.error(line) });
  await explorer.startup;
  project.provide('baseUrl', explorer.url);
  return async () => {
    await explorer.stop();
  };
}
