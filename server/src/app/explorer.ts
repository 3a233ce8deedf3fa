// Starts the whole explorer: the local Neo4j when no NEO4J_URI is given, the seed on an empty database, the
// client build, and the HTTP server. `npm start` and the end-to-end tests both come through here.
import { startLocalNeo4j, type LocalNeo4j } from '../../../neo4j/local.ts';
import { seedIfEmpty } from '../../../graph-seed/src/index.ts';
import { checkDevSwitch, checkListenAccess, tokenStore } from '../access/tokens.ts';
import { clientDist, ensureClientBuilt } from './client-build.ts';
import type { Config } from './config.ts';
import { createDb, isMissingDatabase, type Db } from '../../../core/db/database.ts';
import { createGraphQLServer } from './graphql-server.ts';
import { createApp, type Readiness } from '../http/app.ts';
import { maintenanceUnderway } from '../backup/pause.ts';
import { listen } from '../http/listen.ts';
import { warmOpeningQueries } from './warmup.ts';
import { graphDownloads } from '../export/index.ts';

export interface Explorer {
  url: string;
  db: Db;
  /** Drains HTTP requests in flight, closes the driver and stops the local Neo4j if this process started it. */
  stop(): Promise<void>;
  /** Settles when start-up work (waiting for the database, seeding) is done. */
  startup: Promise<void>;
  /** Resolves if the local Neo4j exits on its own. */
  databaseExited: Promise<number | null> | undefined;
}

export interface Logger {
  info(line: string): void;
  error(line: string, error?: unknown): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts the explorer. Resolves once HTTP listens; database start-up work goes on in `startup`. */
export async function startExplorer(config: Config, log: Logger): Promise<Explorer> {
  // Beyond loopback, tokens are required: refuse to start (one line) before anything else happens.
  checkListenAccess(config.host, config.apiTokens.length);
  checkDevSwitch(config.host, config.errorDetails);
  let local: LocalNeo4j | undefined;
  if (!config.neo4jUri) {
    log.info(
      `starting the local Neo4j on 127.0.0.1:${config.localNeo4jPort} (data in ${config.localNeo4jDataDir})…`,
    );
    local = await startLocalNeo4j({
      port: config.localNeo4jPort,
      dataDir: config.localNeo4jDataDir,
      onLine: (line) => {
        if (line.startsWith('NEO4J_FAILED')) log.error(`[neo4j] ${line}`);
        else if (line.startsWith('a Neo4j left running')) log.info(`[neo4j] ${line}`);
      },
    });
    log.info(`local Neo4j ready at ${local.uri}`);
  }
  const uri = config.neo4jUri ?? local!.uri;
  const db = createDb({
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
  });

  try {
    await ensureClientBuilt(log.info);
    const readiness: Readiness = {
      starting: 'waiting for the database',
      maintenance: () => maintenanceUnderway(db),
    };
    const graphql = await createGraphQLServer({
      driver: db.driver,
      production: config.production,
      errorDetails: config.errorDetails,
      log: log.error,
      introspection: config.introspection,
    });
    const app = createApp({
      db,
      graphql,
      readiness,
      clientDir: clientDist,
      log: log.error,
      downloads: graphDownloads(db),
      security: {
        tokens: tokenStore(config.apiTokens),
        anonymousReads: config.anonymousReads,
        corsOrigins: config.corsOrigins,
        rateLimit: config.rateLimit,
        requestTimeoutMs: config.requestTimeoutMs,
        trustProxy: config.trustProxy,
      },
    });
    const http = await listen(app, config.port, config.host);
    const url = http.url;
    if (config.apiTokens.length === 0) log.info('no API_TOKENS: open mode, reachable from this machine only');
    else {
      log.info(
        `${config.apiTokens.length} API token(s): writes need an editor token, reads ${config.anonymousReads ? 'are open' : 'need a token'}`,
      );
    }
    let stopped = false;

    const startup = (async () => {
      // Wait for the database (a remote one may be down now), then load the seed into an empty database.
      for (let attempt = 0; !stopped; attempt++) {
        try {
          await db.ping(3_000);
          break;
        } catch (e) {
          if (attempt === 0 && isMissingDatabase(e)) {
            log.error(
              `Neo4j at ${uri} answers, but it has no database "${config.neo4jDatabase}" (NEO4J_DATABASE): create it, or unset NEO4J_DATABASE to use the default one. Trying again every 5 s; /readyz answers 503 until it exists.`,
            );
          } else if (attempt === 0) {
            log.error(
              `cannot reach Neo4j at ${uri}: ${(e as Error).message} Retrying every 5 s; /readyz answers 503 until it answers.`,
            );
          }
          await sleep(5_000);
        }
      }
      if (stopped) return;
      readiness.starting = 'loading the seed graph';
      try {
        await seedIfEmpty(db, log.info);
      } catch (e) {
        log.error(`could not load the seed graph: ${(e as Error).message}`, e);
      }
      if (stopped) return;
      readiness.starting = 'warming up the queries';
      // A first attempt on a cold database can pass the transaction limit; the next one finds it warmer.
      for (let attempt = 1; attempt <= 3 && !stopped; attempt++) {
        try {
          log.info(`queries warmed up in ${await warmOpeningQueries(graphql, db)} ms`);
          break;
        } catch (e) {
          if (attempt === 3) log.error(`could not warm up the queries: ${(e as Error).message}`, e);
        }
      }
      readiness.starting = null;
    })();

    const stop = async () => {
      stopped = true;
      // Requests in flight finish first (up to 10 s), then the GraphQL server, the driver and the database stop.
      await http.close(10_000);
      await graphql.stop();
      await db.close();
      await local?.stop();
    };
    return { url, db, stop, startup, databaseExited: local?.exited };
  } catch (e) {
    await db.close();
    await local?.stop();
    throw e;
  }
}
