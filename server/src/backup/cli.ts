// `npm run db:backup -- [file]` and `npm run db:restore -- <file> --yes`: the graph, the saved views and the audit
// log, through Bolt. Uses NEO4J_URI (or the project's own Neo4j on NEO4J_PORT, which must be running: `npm run db`).
// Every failure is one line; a restore checks the whole file before it changes anything (see backup.ts).
import { CliError, connectFromEnv, runCli } from '../../../core/cli.ts';
import { BackupFileError, backup, checkBackup, countAll, restore } from './backup.ts';

async function main(): Promise<number> {
  const [command, ...args] = process.argv.slice(2);
  const db = await connectFromEnv();
  try {
    if (command === 'backup') {
      const file = args[0] ?? `backups/kg-explorer-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`;
      const { mkdirSync } = await import('node:fs');
      const path = await import('node:path');
      mkdirSync(path.dirname(file), { recursive: true });
      const c = await backup(db, file);
      console.log(`backed up ${c.nodes} nodes and ${c.relationships} relationships to ${file}`);
      return 0;
    }
    if (command === 'restore') {
      const file = args.find((a) => !a.startsWith('--'));
      if (!file) throw new CliError('usage: npm run db:restore -- <file> --yes');
      await checkBackup(file);
      const before = await countAll(db);
      if (before.nodes > 0 && !args.includes('--yes')) {
        throw new CliError(
          `the database holds ${before.nodes} nodes, which a restore replaces: add --yes to go ahead (back them up first with npm run db:backup)`,
        );
      }
      const c = await restore(db, file);
      console.log(`restored ${c.nodes} nodes and ${c.relationships} relationships from ${file}`);
      return 0;
    }
    throw new CliError('usage: backup [file] | restore <file> --yes');
  } finally {
    await db.close();
  }
}

runCli(main, [BackupFileError]);
