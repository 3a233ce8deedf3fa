// `npm run seed:synthetic -- --nodes 1000000`: writes a deterministic synthetic graph (ids `<kind>:syn-<n>`,
// `document: 'synthetic'`) through the seed loader's batch writers, with a progress bar and the final rate, and
// records the rate in bench/results/loader.json for `npm run bench`.
// `npm run seed:synthetic:remove`: deletes every synthetic node and relationship in batches; the memo stays.
// Connection: NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE, or the local database on NEO4J_PORT.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../../core/db/database.ts';
import { CliError, connectFromEnv, parseOptions, runCli } from '../../../core/cli.ts';
import { countGraph, ensureSchema } from '../load.ts';
import { estimateRelationships, planSynthetic, type SyntheticPlan } from './model.ts';
import { duration, progressBar, renderBar, thousands } from './progress.ts';
import { countSynthetic, removeSynthetic, writeSynthetic } from './write.ts';

const USAGE = `usage: npm run seed:synthetic -- [--nodes N] [--seed S] [--hubs H] [--hub-degree D] [--batch R] [--rows Q]
       npm run seed:synthetic:remove            (or: npm run seed:synthetic -- --remove)
  --nodes N        total nodes (default 10000); about 4.8 relationships and 1.25 citations per node
  --seed S         PRNG seed (default 42): the same seed and size write the same graph
  --hubs H         hub actors (default 5 from 100000 nodes, else 3)
  --hub-degree D   relationships each hub owns (default 6% of --nodes: 60000 at 1000000)
  --batch R        relationships per write transaction (default 20000; nodes: half of it)
  --rows Q         rows per query inside a transaction (default 2000)
  --writers W      write transactions at once (default 2; deadlocked batches are retried)
  --results FILE   where to record the loader's rate (default bench/results/loader.json)
  --remove         delete the synthetic graph instead (in batches); the memo's graph is untouched`;

function positiveInt(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0) throw new CliError(`${name} must be a whole number, got "${value}"`);
  return n;
}

async function remove(db: Db): Promise<void> {
  const total = await countSynthetic(db);
  if (total === 0) {
    console.log('no synthetic nodes in the graph: nothing to remove');
    return;
  }
  const bar = progressBar();
  const started = performance.now();
  const result = await removeSynthetic(db, (n) => {
    const s = (performance.now() - started) / 1000;
    bar.update(renderBar(`${thousands(n)}/${thousands(total)} nodes removed`, n, total, n / s, 'nodes'));
  });
  const s = (performance.now() - started) / 1000;
  bar.done(
    `removed ${thousands(result.nodes)} synthetic nodes with their relationships ` +
      `(${thousands(result.hubRelationships)} of them from hubs first) in ${duration(s)}`,
  );
}

async function generate(db: Db, plan: SyntheticPlan, values: Record<string, string | boolean | undefined>) {
  const existing = await countSynthetic(db);
  if (existing > 0 && existing !== plan.nodes) {
    throw new CliError(
      `the graph already holds ${thousands(existing)} synthetic nodes (asked for ${thousands(plan.nodes)}): ` +
        'run `npm run seed:synthetic:remove` first',
    );
  }
  await ensureSchema(db);
  console.log(
    `synthetic graph: ${thousands(plan.nodes)} nodes (` +
      Object.entries(plan.counts)
        .map(([k, n]) => `${thousands(n)} ${k.toLowerCase()}`)
        .join(', ') +
      `), ${plan.hubs} hubs owning ${thousands(plan.hubDegree)} relationships each, seed ${plan.seed}` +
      (existing > 0 ? ' — already present: rewriting in place (MERGE on id)' : ''),
  );
  const expectedRels = estimateRelationships(plan);
  const bar = progressBar();
  const started = performance.now();
  let phaseStart = started;
  let phase = 'nodes';
  let nodesWritten = 0;
  const relsPerTx = positiveInt(values.batch as string | undefined, '--batch', 20_000)!;
  const result = await writeSynthetic(db, plan, {
    relationshipsPerTransaction: relsPerTx,
    nodesPerTransaction: Math.max(1, Math.floor(relsPerTx / 2)),
    rowsPerQuery: positiveInt(values.rows as string | undefined, '--rows', 2_000)!,
    writers: positiveInt(values.writers as string | undefined, '--writers', 2)!,
    onProgress: (p) => {
      if (p.phase !== phase) {
        const s = (performance.now() - phaseStart) / 1000;
        bar.done(
          `nodes: ${thousands(nodesWritten)} written with their citations in ${duration(s)} ` +
            `(${thousands(nodesWritten / s)} nodes/s)`,
        );
        phase = p.phase;
        phaseStart = performance.now();
      }
      if (p.phase === 'nodes') nodesWritten = p.written;
      const s = (performance.now() - phaseStart) / 1000;
      const unit = p.phase === 'nodes' ? 'nodes' : 'rels';
      bar.update(
        p.phase === 'nodes'
          ? renderBar(
              `nodes: ${thousands(p.written)}/${thousands(p.total)}`,
              p.written,
              p.total,
              s > 1 ? p.written / s : 0,
              unit,
            )
          : renderBar(
              `relationships: ${thousands(p.written)}/~${thousands(expectedRels)}`,
              p.written,
              expectedRels,
              s > 1 ? p.written / s : 0,
              unit,
            ),
      );
    },
  });
  bar.done(
    `relationships: ${thousands(result.relationships)} in ${duration(result.relationshipSeconds)} = ` +
      `${thousands(result.relationshipsPerSecond)} relationships/s`,
  );
  const total = (performance.now() - started) / 1000;
  console.log(
    `loaded ${thousands(result.nodes)} nodes, ${thousands(result.relationships)} relationships and ` +
      `${thousands(result.citations)} citations in ${duration(total)} (${result.transactions} transactions); ` +
      `loader rate ${thousands(result.relationshipsPerSecond)} relationships/s ` +
      `(${thousands(result.allRelationshipsPerSecond)}/s counting citations over the whole load)`,
  );
  const counts = await countGraph(db);
  const nodeTotal = Object.values(counts.nodes).reduce((s, n) => s + n, 0);
  const relTotal = Object.values(counts.relationships).reduce((s, n) => s + n, 0);
  console.log(
    `the graph now holds ${thousands(nodeTotal)} nodes and ${thousands(relTotal)} relationships (CITES included)`,
  );

  const file = path.resolve((values.results as string | undefined) ?? 'bench/results/loader.json');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify(
      {
        measuredAt: new Date().toISOString(),
        machine: {
          cpus: os.cpus().length,
          cpuModel: os.cpus()[0]?.model,
          memoryGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
        },
        plan,
        options: {
          relationshipsPerTransaction: relsPerTx,
          rowsPerQuery: Number(values.rows ?? 2_000),
          writers: Number(values.writers ?? 2),
        },
        result: { ...result, totalSeconds: total },
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`recorded in ${path.relative(process.cwd(), file)}`);
}

async function main(): Promise<number> {
  const values = parseOptions(
    {
      values: ['nodes', 'seed', 'hubs', 'hub-degree', 'batch', 'rows', 'writers', 'results'],
      flags: ['remove'],
    },
    USAGE,
  );
  let plan: SyntheticPlan | undefined;
  if (!values.remove) {
    try {
      plan = planSynthetic({
        nodes: positiveInt(values.nodes, '--nodes', 10_000)!,
        seed: positiveInt(values.seed, '--seed'),
        hubs: positiveInt(values.hubs, '--hubs'),
        hubDegree: positiveInt(values['hub-degree'], '--hub-degree'),
      });
    } catch (e) {
      if (e instanceof RangeError) throw new CliError(e.message);
      throw e;
    }
  }
  const db = await connectFromEnv({ txTimeoutMs: 600_000 });
  try {
    if (plan) await generate(db, plan, values);
    else await remove(db);
    return 0;
  } finally {
    await db.close();
  }
}

runCli(main);
