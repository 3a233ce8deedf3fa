// `npm run seed [-- --check] [-- --reset] [-- --dir <folder>]`: validates every document folder, then (unless
// --check) writes each document to Neo4j in one transaction and prints what the graph holds per kind.
// Connection: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, or the local database on NEO4J_PORT.
import path from 'node:path';
import { connectFromEnv, parseOptions, runCli } from '../../core/cli.ts';
import {
  countGraph,
  ensureSchema,
  loadDocuments,
  relinkViews,
  resetGraph,
  SeedLoadError,
  type GraphCounts,
} from './load.ts';
import { DEFAULT_DOCUMENTS_DIR, readDocuments } from './read.ts';
import { formatSeedError } from './files.ts';
import type { SeedDocument } from './normalise.ts';

const USAGE = `usage: npm run seed -- [--check] [--reset] [--dir <folder>]
  --check         validate the documents only; write nothing
  --reset         delete every seeded node (all :Entity nodes; saved views stay, with their members), then load
  --dir <folder>  the folder of document folders (default graph-seed/documents), or one document folder`;

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
    for (const [k, n] of Object.entries(rows)) console.log(`  ${k.padEnd(12)} ${String(n).padStart(6)}`);
  };
  table('nodes per kind', counts.nodes);
  table('relationships per type', counts.relationships);
}

async function main(): Promise<number> {
  const args = parseOptions({ values: ['dir'], flags: ['check', 'reset'] }, USAGE);
  const dir = args.dir ? path.resolve(args.dir) : DEFAULT_DOCUMENTS_DIR;
  const read = readDocuments(dir);
  if (!read.ok) {
    for (const e of read.errors) console.error(formatSeedError(e));
    const rel = path.relative(process.cwd(), dir);
    const shown = rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
    console.error(`${read.errors.length} error(s) in ${shown}; nothing was written`);
    return 1;
  }
  console.log(`valid: ${summarise(read.documents)}`);
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
    const results = await loadDocuments(db, read.documents, {
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
    }
    printCounts(await countGraph(db));
    console.log(`done in ${seconds(started)}`);
    return 0;
  } finally {
    await db.close();
  }
}

runCli(main, [SeedLoadError]);
