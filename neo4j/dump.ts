// `npm run db:dump -- [file]` and `npm run db:load -- <file> --yes`: Neo4j's own offline dump and load of the
// project's own Neo4j (NEO4J_DATA_DIR, default .neo4j/dev), through neo4j-admin from the jars already fetched.
// The whole database, byte for byte, at any size; the database must be stopped (Ctrl-C in npm start or npm run
// db). For a Neo4j of your own (NEO4J_URI) use db:backup and db:restore, which work through Bolt.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDatabaseConfig } from '../core/config.ts';
import { CliError, runCli } from '../core/cli.ts';
import { LocalNeo4jError, runAdminTool } from './local.ts';

/** The database the explorer uses inside the project's own Neo4j. */
const DATABASE = 'neo4j';
const USAGE = 'usage: npm run db:dump -- [file]  |  npm run db:load -- <file> --yes';

/** Dumps the database of `dataDir` to `file` (made anew). */
export function dump(dataDir: string, file: string): void {
  const staging = mkdtempSync(path.join(tmpdir(), 'kg-dump-'));
  try {
    runAdminTool(dataDir, ['database', 'dump', DATABASE, `--to-path=${staging}`]);
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    renameSync(path.join(staging, `${DATABASE}.dump`), file);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Replaces the database of `dataDir` with the dump in `file`. */
export function load(dataDir: string, file: string): void {
  if (!existsSync(file)) throw new CliError(`${file}: no such file`);
  const staging = mkdtempSync(path.join(tmpdir(), 'kg-load-'));
  try {
    copyFileSync(file, path.join(staging, `${DATABASE}.dump`));
    runAdminTool(dataDir, [
      'database',
      'load',
      DATABASE,
      `--from-path=${staging}`,
      '--overwrite-destination=true',
    ]);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const { localNeo4jDataDir: dataDir } = loadDatabaseConfig();
  if (command === 'dump') {
    const file = args[0] ?? `backups/kg-explorer-${new Date().toISOString().replace(/[:.]/g, '-')}.dump`;
    dump(dataDir, file);
    console.log(`dumped the database of ${dataDir} to ${file}`);
    return 0;
  }
  if (command === 'load') {
    const file = args.find((a) => !a.startsWith('--'));
    if (!file) throw new CliError(USAGE);
    if (!args.includes('--yes')) {
      throw new CliError(`a load replaces the whole database of ${dataDir}: add --yes to go ahead`);
    }
    load(dataDir, file);
    console.log(`loaded ${file} into ${dataDir}`);
    return 0;
  }
  throw new CliError(USAGE);
}

if (import.meta.url === `file://${process.argv[1]}`) runCli(main, [LocalNeo4jError]);
