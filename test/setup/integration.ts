// Integration tier: one real Neo4j for the whole run, on its own port and data folder (never the development
// database), emptied at the start and loaded with the seed documents. Tests reach it through `inject('neo4jUri')`.
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../neo4j/local.ts';
import { createDb } from '../../core/db/database.ts';
import { seedIfEmpty } from '../../graph-seed/src/index.ts';
import { freshTestDatabase } from '../support/test-database.ts';

export default async function setup(project: TestProject) {
  const { port, dataDir } = freshTestDatabase('integration', 'NEO4J_TEST_PORT', 7688);
  const neo4j = await startLocalNeo4j({ port, dataDir, heapMiB: 768, pagecacheMiB: 128 });
  const db = createDb({ uri: neo4j.uri });
  try {
    await seedIfEmpty(db, () => {});
  } finally {
    await db.close();
  }
  project.provide('neo4jUri', neo4j.uri);
  return async () => {
    await neo4j.stop();
  };
}
