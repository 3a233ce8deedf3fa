// `npm run db`: runs the local Neo4j in the foreground until Ctrl-C (or SIGTERM), then shuts it down cleanly.
// `npm run db:fetch`: only fetches the jars. Settings: NEO4J_PORT (7687), NEO4J_DATA_DIR (.neo4j/dev),
// NEO4J_HEAP_MIB (1024), NEO4J_PAGECACHE_MIB (256).
import { loadDatabaseConfig } from '../core/config.ts';
import { fetchJars, startLocalNeo4j } from './local.ts';

const log = (line: string) => console.log(`[neo4j] ${line}`);

async function main(): Promise<void> {
  if (process.argv.includes('--fetch-only')) {
    fetchJars(log);
    log('jars are in neo4j/lib');
    return;
  }
  const config = loadDatabaseConfig();
  const db = await startLocalNeo4j({
    port: config.localNeo4jPort,
    dataDir: config.localNeo4jDataDir,
    ...(config.localNeo4jHeapMiB ? { heapMiB: config.localNeo4jHeapMiB } : {}),
    ...(config.localNeo4jPagecacheMiB ? { pagecacheMiB: config.localNeo4jPagecacheMiB } : {}),
    onLine: (line) => {
      if (!line.startsWith('NEO4J_')) log(line);
    },
  });
  log(`ready: ${db.uri} (data in ${db.dataDir}); Ctrl-C stops it`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down…`);
    void db.stop().then(() => {
      log('stopped cleanly');
      process.exit(0);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const code = await db.exited;
  if (!stopping) {
    log(`Neo4j exited unexpectedly (code ${code})`);
    process.exit(1);
  }
}

main().catch((e: unknown) => {
  console.error(`[neo4j] error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
