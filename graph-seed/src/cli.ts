// `npm run seed [-- --check] [-- --reset] [-- --dir <folder>] [-- --add <folder>] [-- --remove <name>]`: validates
// every document folder, then (unless --check) writes each document to Neo4j in one transaction and prints what the
// graph holds per kind. --add validates one more folder beside the others and loads only it; --remove removes one
// loaded document (its claims, and the shared entities nothing else names).
// Connection: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, or the local database on NEO4J_PORT.
import path from 'node:path';
import { CliError, connectFromEnv, parseOptions, runCli } from '../../core/cli.ts';
import { isSlug } from '../../core/model/index.ts';
import {
  countGraph,
  ensureSchema,
  loadDocuments,
  relinkViews,
  resetGraph,
  SeedLoadError,
  type GraphCounts,
} from './load.ts';
import { removeDocument } from './documents.ts';
import { DEFAULT_DOCUMENTS_DIR, readDocuments } from './read.ts';
import { formatSeedError } from './files.ts';
import type { SeedDocument } from './normalise.ts';

const USAGE = `usage: npm run seed -- [--check] [--reset] [--dir <folder>] [--add <folder>] [--remove <name>]
  --check          validate the documents only; write nothing
  --reset          delete every seeded node (all :Entity nodes; saved views stay, with their members), then load
  --dir <folder>   the folder of document folders (default graph-seed/documents), or one document folder
  --add <folder>   validate one document folder beside those of --dir (its links to them resolve) and load only
                   it, beside the documents already loaded, without touching them (with --check: validate only)
  --remove <name>  remove one loaded document (a folder name, or document:<name>): its statements, figures,
                   relationships and citations, its account of shared entities, and the shared entities no other
                   document names; nothing else changes`;

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Thrown for a problem the user fixes; printed as its message alone. */

function summarise(docs: SeedDocument[]): string {
  const kinds: Record<string, number> = {};
  let rels = 0;
  for (const d of docs) {
    for (const n of d.nodes) kinds[n.kind] = (kinds[n.kind] ?? 0) + 1;
    rels += d.relationships.length;
  }
  const parts = Object.entries(kinds).map(([k, n]) => `${n} ${k}`);
  return `${docs.length} document(s): ${parts.join(', ')}; ${rels} relationships`;
}

function printCounts(counts: GraphCounts): void {
  const table = (title: string, rows: Record<string, number>) => {
    const total = Object.values(rows).reduce((s, n) => s + n, 0);
    console.log(`${title} (${total}):`);
    for (const [k, n] of Object.entries(rows)) console.log(`  ${k.padEnd(14)} ${String(n).padStart(6)}`);
  };
  table('nodes per kind', counts.nodes);
  table('relationships per type', counts.relationships);
}

/** `--remove <name>`: removes one loaded document in one transaction and says what went. */
async function remove(name: string): Promise<number> {
  const folder = name.replace(/^document:/, '');
  if (!isSlug(folder)) {
    throw new CliError(`bad document name "${name}": a folder name (lower-case letters, digits, hyphens)`);
  }
  const db = await connectFromEnv({ txTimeoutMs: 600_000 });
  try {
    const r = await removeDocument(db, folder);
    console.log(
      `removed ${r.document}: ${r.nodes} of its own nodes, ${r.relationships} relationships, ${r.citations} ` +
        `citations; of the shared entities it named, ${r.sharedRemoved} deleted (no other document names them), ` +
        `${r.sharedKept} kept`,
    );
    printCounts(await countGraph(db));
    return 0;
  } finally {
    await db.close();
  }
}

async function main(): Promise<number> {
  const args = parseOptions({ values: ['dir', 'add', 'remove'], flags: ['check', 'reset'] }, USAGE);
  if (args.remove !== undefined) {
    if (args.add !== undefined || args.reset || args.check) {
      throw new CliError('--remove goes alone (not with --add, --reset or --check)');
    }
    return remove(args.remove);
  }
  if (args.add !== undefined && args.reset)
    throw new CliError('--add loads beside the others: not with --reset');
  const dir = args.dir ? path.resolve(args.dir) : DEFAULT_DOCUMENTS_DIR;
  const added = args.add === undefined ? undefined : path.resolve(args.add);
  const read = readDocuments(dir, added === undefined ? {} : { add: added });
  if (!read.ok) {
    for (const e of read.errors) console.error(formatSeedError(e));
    const checked = added ?? dir;
    const rel = path.relative(process.cwd(), checked);
    const shown = rel === '' ? '.' : rel.startsWith('..') ? checked : rel;
    console.error(`${read.errors.length} error(s) in ${shown}; nothing was written`);
    return 1;
  }
  // With --add, only the added document is written; the others were read so that its links to them resolve.
  const toLoad =
    added === undefined ? read.documents : read.documents.filter((d) => d.name === path.basename(added));
  console.log(`valid: ${summarise(toLoad)}`);
  if (args.check) return 0;

  const started = Date.now();
  const db = await connectFromEnv({ txTimeoutMs: 600_000 });
  try {
    await ensureSchema(db);
    console.log(`schema ready (constraint and indexes) in ${seconds(started)}`);
    if (args.reset) {
      const deleted = await resetGraph(db, (n) => console.log(`reset: ${n} nodes deleted…`));
      console.log(`reset: deleted ${deleted} seeded nodes`);
    }
    const loadStarted = Date.now();
    let lastPrinted = 0;
    const results = await loadDocuments(db, toLoad, {
      onProgress: (p) => {
        // Long loads only: a line at most every two seconds.
        if (Date.now() - lastPrinted < 2_000 || p.total < 5_000) return;
        lastPrinted = Date.now();
        console.log(`  ${p.document}: ${p.step} ${p.done}/${p.total}`);
      },
    });
    await relinkViews(db);
    console.log(`written in ${seconds(loadStarted)}`);
    for (const r of results) {
      const removed =
        r.removedNodes + r.removedRelationships > 0
          ? ` (removed ${r.removedNodes} nodes and ${r.removedRelationships} relationships no longer in the files)`
          : '';
      console.log(
        `loaded ${r.document}: ${r.nodes} nodes, ${r.relationships} relationships, ${r.citations} citations${removed}`,
      );
      if (r.retracted.length > 0) {
        console.log(`  not written, retracted by analysts: ${r.retracted.join(', ')}`);
      }
      for (const c of r.conflicts) {
        console.log(
          `  conflict: ${c.id} ${c.property}: the document now says ${JSON.stringify(c.document)}, an analyst ` +
            `corrected ${JSON.stringify(c.base)} to ${JSON.stringify(c.corrected)} (the correction is kept)`,
        );
      }
    }
    printCounts(await countGraph(db));
    console.log(`done in ${seconds(started)}`);
    return 0;
  } finally {
    await db.close();
  }
}

runCli(main, [SeedLoadError]);
