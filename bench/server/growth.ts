// `npm run bench:growth -- FILE...`: how each case's cost grows with the graph (issue 18, item 6). Reads results
// files that `npm run bench` wrote for graphs of different sizes (one file per size; the newest when several are
// given for one size) and prints one row per case: p50 / p95 through /graphql at each size, what the driver alone
// took at p50, and the answer's size; then the throughput runs. A Markdown table, for docs/benchmarks.md.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CliError, runCli } from '../../core/cli.ts';
import { ms } from '../stats.ts';

/** What this script reads of a results file (bench/server/run.ts `writeResults('server', …)`). */
export interface GrowthInput {
  measuredAt: string;
  machine: { loadAverage: number[]; loadAverageAtEnd?: number[] };
  graph: { syntheticNodes: number };
  latency: {
    key: string;
    name: string;
    inputs: number;
    degree?: string;
    graphql: { p50: number; p95: number };
    driver: { p50: number };
    apiAdds: { p50: number };
    errors: number;
    responseKiB: number;
  }[];
  throughput: {
    via: 'graphql' | 'driver';
    connections: number;
    requestsPerSecond: number;
    failed: string | null;
    latency: { p99: number };
  }[];
}

const USAGE = 'usage: npm run bench:growth -- bench/results/server-A.json bench/results/server-B.json ...';

/** One file per graph size, the newest of each size, smallest graph first. */
export function bySize(files: readonly GrowthInput[]): GrowthInput[] {
  const newest = new Map<number, GrowthInput>();
  for (const f of files) {
    const n = f.graph.syntheticNodes;
    const seen = newest.get(n);
    if (!seen || seen.measuredAt < f.measuredAt) newest.set(n, f);
  }
  return [...newest.values()].sort((a, b) => a.graph.syntheticNodes - b.graph.syntheticNodes);
}

/** "10k", "100k", "1M". */
export function sizeName(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000}k`;
  return n.toLocaleString('en-US');
}

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const rule = (n: number) => row(Array.from({ length: n }, (_, i) => (i === 0 ? '---' : '---:')));
/** A Markdown table: the header, its rule (the first column left-aligned, the others right), then the rows. */
const markdown = (header: readonly string[], rows: readonly (readonly string[])[]) =>
  [row(header), rule(header.length), ...rows.map(row)].join('\n');

/**
 * The growth table: a row per case (in the first file's order; a case missing at a size reads "–"), and for each
 * size p50 / p95 through the API, the driver's p50 and the answer's KiB; a case with failed requests is marked.
 */
export function growthTable(files: readonly GrowthInput[]): string {
  const sizes = bySize(files);
  const keys: { key: string; name: string }[] = [];
  for (const f of sizes)
    for (const c of f.latency)
      if (!isLadder(c.key) && !keys.some((k) => k.key === c.key)) keys.push({ key: c.key, name: c.name });
  const header = [
    'case',
    ...sizes.flatMap((f) => {
      const s = sizeName(f.graph.syntheticNodes);
      return [`${s}: API p50 / p95`, `${s}: driver p50`, `${s}: KiB`];
    }),
  ];
  const lines = [row(header), rule(header.length)];
  for (const { key, name } of keys) {
    const cells = [name.trim()];
    for (const f of sizes) {
      const c = f.latency.find((x) => x.key === key);
      if (!c) {
        cells.push('–', '–', '–');
        continue;
      }
      const failed = c.errors > 0 ? ` (${c.errors} failed)` : '';
      cells.push(`${ms(c.graphql.p50)} / ${ms(c.graphql.p95)}${failed}`, ms(c.driver.p50), ms(c.responseKiB));
    }
    lines.push(row(cells));
  }
  return lines.join('\n');
}

/** The degree ladder's cases (depth 1 at degrees near 10, 100, 1,000…): each size has its own degrees. */
const isLadder = (key: string) => key.startsWith('ladder-');

/** The degree ladder at each size: a row per size, each rung's degree with its p50 / p95 through the API. */
export function ladderTable(files: readonly GrowthInput[]): string {
  const header = ['graph', 'depth 1, limit 200, by degree: API p50 / p95'];
  return markdown(
    header,
    bySize(files).map((f) => [
      sizeName(f.graph.syntheticNodes),
      f.latency
        .filter((c) => isLadder(c.key))
        .map((c) => ({ degree: Number(c.key.slice('ladder-'.length)), c }))
        .sort((a, b) => a.degree - b.degree)
        .map(
          ({ degree, c }) => `${degree.toLocaleString('en-US')}: ${ms(c.graphql.p50)} / ${ms(c.graphql.p95)}`,
        )
        .join(' · '),
    ]),
  );
}

/** Throughput at each size and concurrency: API and driver requests per second, their ratio, the API's p99. */
export function throughputTable(files: readonly GrowthInput[]): string {
  const sizes = bySize(files).filter((f) => f.throughput.length > 0);
  if (sizes.length === 0) return '';
  const header = ['graph', 'clients', 'API req/s', 'driver req/s', 'API / driver', 'API p99 ms'];
  const lines = [row(header), rule(header.length)];
  for (const f of sizes) {
    const clients = [...new Set(f.throughput.map((t) => t.connections))].sort((a, b) => a - b);
    for (const c of clients) {
      const api = f.throughput.find((t) => t.via === 'graphql' && t.connections === c);
      const driver = f.throughput.find((t) => t.via === 'driver' && t.connections === c);
      const rate = (t: typeof api) =>
        !t ? '–' : t.failed ? 'FAILED' : String(Math.round(t.requestsPerSecond));
      const ratio =
        api && driver && !api.failed && !driver.failed
          ? (api.requestsPerSecond / driver.requestsPerSecond).toFixed(2)
          : '–';
      lines.push(
        row([
          sizeName(f.graph.syntheticNodes),
          String(c),
          rate(api),
          rate(driver),
          ratio,
          api && !api.failed ? ms(api.latency.p99) : '–',
        ]),
      );
    }
  }
  return lines.join('\n');
}

/** When and under what load each size was measured. */
export function runsTable(files: readonly GrowthInput[]): string {
  const header = ['graph', 'measured (UTC)', 'load (1 min, start → end)'];
  return markdown(
    header,
    bySize(files).map((f) => [
      sizeName(f.graph.syntheticNodes),
      f.measuredAt.slice(0, 16).replace('T', ' '),
      `${f.machine.loadAverage[0]?.toFixed(1) ?? '–'} → ${f.machine.loadAverageAtEnd?.[0]?.toFixed(1) ?? '–'}`,
    ]),
  );
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.length === 0) throw new CliError(USAGE);
  const files = argv.map((file) => {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<GrowthInput>;
    if (!parsed.graph?.syntheticNodes || !Array.isArray(parsed.latency))
      throw new CliError(`${file}: not a results file of npm run bench (no graph size or latency cases)`);
    return parsed as GrowthInput;
  });
  console.log(runsTable(files));
  console.log('\n' + growthTable(files));
  console.log('\n' + ladderTable(files));
  const throughput = throughputTable(files);
  if (throughput) console.log('\n' + throughput);
  return 0;
}

// Run as a command, not when the unit test imports the tables.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runCli(main);
