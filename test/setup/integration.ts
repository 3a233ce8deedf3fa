// Integration tier: one real Neo4j for the whole run, on its own port and data folder (never the development
// database), emptied at the start and loaded with the seed documents. Tests reach it through `inject('neo4jUri')`.
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j } from '../../neo4j/local.ts';
import { createDb } from '../../server/src/db/database.ts';
import { seedIfEmpty } from '../../graph-seed/src/index.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject) {
  const port = Number(process.env.NEO4J_TEST_PORT ?? 7688);
  const dataDir = `.neo4j/test-integration-${port}`;
  rmSync(dataDir, { recursive: true, force: true });
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
