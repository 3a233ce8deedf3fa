// End-to-end tier: the whole explorer as `npm start` brings it up (own Neo4j on its own port and data folder,
// seed, built client, HTTP on a free port). Tests reach it through `inject('baseUrl')`.
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../../server/src/app/config.ts';
import { startExplorer } from '../../server/src/app/explorer.ts';
import { freshTestDatabase } from '../support/test-database.ts';

export default async function setup(project: TestProject) {
  const { port, dataDir } = freshTestDatabase('e2e', 'NEO4J_E2E_PORT', 7689);
  const config = { ...loadConfig({}), port: 0, localNeo4jPort: port, localNeo4jDataDir: dataDir };
  const explorer = await startExplorer(config, { info: () => {}, error: (line) => console.error(line) });
  await explorer.startup;
  project.provide('baseUrl', explorer.url);
  return async () => {
    await explorer.stop();
  };
}
