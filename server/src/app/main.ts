// `npm start`: brings the explorer up (see explorer.ts) and shuts everything down on Ctrl-C or SIGTERM.
// Calendar dates must not shift with the machine's time zone: @neo4j/graphql's Date scalar turns "2022-09-15"
// into a Neo4j date through local-time getters, so the server runs in UTC.
process.env.TZ = 'UTC';
import { LocalNeo4jError } from '../../../neo4j/local.ts';
import { configureSourceMaps, loadConfig } from './config.ts';
import { startExplorer, type Logger } from './explorer.ts';

const log: Logger = {
  info: (line) => console.log(`[explorer] ${line}`),
  error: (line, error) => {
    console.error(`[explorer] ${line}`);
    if (error && process.env.DEBUG) console.error(error);
  },
};

async function main(): Promise<void> {
  const config = loadConfig();
  configureSourceMaps();
  const explorer = await startExplorer(config, log);
  log.info(`serving ${explorer.url} (GraphQL at ${explorer.url}/graphql); Ctrl-C stops`);
  void explorer.startup.then(() => log.info('ready: the graph is loaded'));

  let stopping = false;
  const shutdown = async (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    log.info(`${why}: stopping…`);
    await explorer.stop();
    log.info('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  void explorer.databaseExited?.then((code) => shutdown(`the local Neo4j exited (code ${code})`, 1));
}

main().catch((e: unknown) => {
  log.error(
    `cannot start: ${e instanceof LocalNeo4jError ? e.message : String((e as Error)?.message ?? e)}`,
    e,
  );
  process.exit(1);
});
