// `npm run bench:client`: time to the first drawn frame and to a finished layout for 500, 2,000 and 5,000 nodes
// in headless Chromium, the explorer (opening a saved view from its link, /?view=<id>) against a bare Cytoscape
// page given the same saved view in the same run. Two modes: fcose from scratch (the view has no positions) and
// precomputed positions (the view stores them; both pages use a preset layout). Writes
// bench/results/client-<time>.json. Needs a running Neo4j holding the synthetic graph, like `npm run bench`.
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { ensureClientBuilt } from '../../server/src/app/client-build.ts';
import { CliError, connectFromEnv, parseOptions, runCli } from '../../core/cli.ts';
import { countSynthetic } from '../../graph-seed/src/synthetic/write.ts';
import { launchBrowser } from '../../test/support/browser.ts';
import { deleteBenchViews, ordinaryNodes, saveViewRequest } from '../server/cases.ts';
import { machineInfo } from '../machine.ts';
import { closeServer, startBenchServer, writeResults } from '../results.ts';
import { ms, table } from '../stats.ts';
import { BARE_SCRIPTS, COLLECT_MARKS, barePage, probeScript, type Marks } from './page.ts';

const USAGE = `usage: npm run bench:client -- [--sizes 500,2000,5000] [--reps N] [--timeout S] [--modes fcose,preset] [--webgl]
  --sizes    node counts (default 500,2000,5000; a saved view holds at most 5,000)
  --reps     runs per size, page and mode (default 3), alternating explorer and bare
  --timeout  seconds one page may take to finish its layout (default 300)
  --webgl    also run the bare page with Cytoscape's WebGL renderer`;

type Variant = 'explorer' | 'bare' | 'bare-webgl';
type Mode = 'fcose' | 'preset';

interface Run {
  size: number;
  mode: Mode;
  variant: Variant;
  rep: number;
  marks: Marks | null;
  /** ms since navigation start; null when the page did not get there within the timeout. */
  firstFrame: number | null;
  layoutDone: number | null;
  /** layoutDone minus the arrival of the saved view's GraphQL response: the drawing and layout alone. */
  afterData: number | null;
  /** The page's GraphQL requests, in ms since navigation start. */
  graphql?: { operation: string; start: number; end: number }[];
  error?: string;
}

const NEIGHBORHOOD = `query BenchNeighborhood($id: ID!, $depth: Int, $limit: Int) {
  neighborhood(id: $id, depth: $depth, limit: $limit) { nodes { id } edges { id source target } }
}`;

async function gql<T>(url: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors)
    throw new CliError(`GraphQL failed: ${JSON.stringify(body.errors).slice(0, 500)}`);
  return body.data;
}

/**
 * `size` connected nodes and the edges among them, gathered as an analyst would: expanding nodes one by one
 * (depth 1, up to 30 neighbours each, breadth first) from ordinary seed nodes.
 */
async function gather(
  url: string,
  seeds: string[],
  size: number,
): Promise<{ nodeIds: string[]; edgeIds: string[] }> {
  const nodes = new Set<string>();
  const edges = new Map<string, { source: string; target: string }>();
  const queue: string[] = [];
  for (const seed of seeds) {
    if (nodes.size >= size) break;
    if (nodes.has(seed)) continue;
    nodes.add(seed);
    queue.push(seed);
    while (queue.length > 0 && nodes.size < size) {
      const id = queue.shift()!;
      const d = await gql<{
        neighborhood: { nodes: { id: string }[]; edges: { id: string; source: string; target: string }[] };
      }>(url, NEIGHBORHOOD, { id, depth: 1, limit: 30 });
      for (const n of d.neighborhood.nodes) {
        if (nodes.size >= size || nodes.has(n.id)) continue;
        nodes.add(n.id);
        queue.push(n.id);
      }
      for (const e of d.neighborhood.edges) edges.set(e.id, e);
    }
  }
  const edgeIds = [...edges].filter(([, e]) => nodes.has(e.source) && nodes.has(e.target)).map(([id]) => id);
  return { nodeIds: [...nodes], edgeIds };
}

async function saveView(
  url: string,
  nodeIds: string[],
  edgeIds: string[],
  positions?: Record<string, unknown>,
) {
  const req = saveViewRequest(nodeIds, edgeIds);
  const input = (req.variables as { input: Record<string, unknown> }).input;
  input.layout = positions ? { positions, name: 'force' } : null;
  const d = await gql<{ saveView: { id: string } }>(url, req.query, req.variables);
  return d.saveView.id;
}

async function runPage(
  browser: Browser,
  url: string,
  variant: Variant,
  viewId: string,
  size: number,
  mode: Mode,
  timeoutMs: number,
): Promise<Omit<Run, 'size' | 'mode' | 'variant' | 'rep'>> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // Every GraphQL request the page makes: its operation and when it started and finished (epoch ms).
  const requests: { operation: string; start: number; end: number }[] = [];
  page.on('requestfinished', (req) => {
    if (!req.url().endsWith('/graphql')) return;
    const t = req.timing();
    const operation = /\b(?:query|mutation)\s+(\w+)/.exec(req.postData() ?? '')?.[1] ?? '(anonymous)';
    requests.push({ operation, start: t.startTime, end: t.startTime + t.responseEnd });
  });
  try {
    await page.addInitScript(probeScript(size));
    await page.route(`${url}/__bench/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.replace('/__bench/', '');
      if (name === 'bare.html') {
        await route.fulfill({
          contentType: 'text/html',
          body: barePage(viewId, mode === 'preset', variant === 'bare-webgl'),
        });
      } else if (name in BARE_SCRIPTS) {
        await route.fulfill({
          contentType: 'text/javascript',
          body: readFileSync(BARE_SCRIPTS[name as keyof typeof BARE_SCRIPTS], 'utf8'),
        });
      } else await route.fulfill({ status: 404, body: 'not found' });
    });
    const target =
      variant === 'explorer' ? `${url}/?view=${encodeURIComponent(viewId)}` : `${url}/__bench/bare.html`;
    await page.goto(target);
    // With stored positions the explorer runs no layout: its first full frame is the finished picture.
    await page.waitForFunction(
      (preset) => {
        const b = (window as unknown as { __bench: Marks }).__bench;
        return (
          b.layoutFrame !== null ||
          (preset && b.firstFrame !== null && b.layoutStop === null && b.renders > 1)
        );
      },
      mode === 'preset' && variant === 'explorer',
      { timeout: timeoutMs, polling: 100 },
    );
    const marks = (await page.evaluate(COLLECT_MARKS)) as Marks;
    const origin = (await page.evaluate('performance.timeOrigin')) as number;
    const graphql = requests.map((r) => ({ ...r, start: r.start - origin, end: r.end - origin }));
    // The data both pages draw arrives with the saved view (the explorer's ExplorerView document).
    const view = graphql.find((r) => r.operation === 'ExplorerView');
    const dataReady = view?.end ?? marks.dataReady ?? null;
    const layoutDone = marks.layoutFrame ?? (mode === 'preset' ? marks.firstFrame : null);
    return {
      marks: { ...marks, dataReady },
      firstFrame: marks.firstFrame,
      layoutDone,
      afterData: layoutDone !== null && dataReady !== null ? layoutDone - dataReady : null,
      graphql,
    };
  } catch (e) {
    const marks = await page
      .evaluate(() => (window as unknown as { __bench?: Marks }).__bench ?? null)
      .catch(() => null);
    return {
      marks,
      firstFrame: marks?.firstFrame ?? null,
      layoutDone: null,
      afterData: null,
      error: (e as Error).message.split('\n')[0],
    };
  } finally {
    await context.close();
  }
}

const median = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
};

async function main(): Promise<number> {
  const values = parseOptions({ values: ['sizes', 'reps', 'timeout', 'modes'], flags: ['webgl'] }, USAGE);
  const sizes = (values.sizes ?? '500,2000,5000').split(',').map(Number);
  const reps = Number(values.reps ?? 3);
  const timeoutMs = Number(values.timeout ?? 300) * 1000;
  const modes = (values.modes ?? 'fcose,preset').split(',') as Mode[];
  const variants: Variant[] = values.webgl ? ['explorer', 'bare', 'bare-webgl'] : ['explorer', 'bare'];

  const db = await connectFromEnv();
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    const nodes = await countSynthetic(db);
    if (nodes === 0)
      throw new CliError('the database holds no synthetic graph: run `npm run seed:synthetic` first');
    await ensureClientBuilt((line) => console.log(line));
    const started = await startBenchServer(db);
    server = started.server;
    const url = started.url;
    const machine = await machineInfo(db);
    browser = await launchBrowser();
    console.log(
      `bench:client on ${url}: ${machine.cpus} cores, ${machine.memoryGiB} GiB, Chromium ${browser.version()}`,
    );

    const seeds = (await ordinaryNodes(db, nodes, 40)).map((n) => n.id);
    const runs: Run[] = [];
    const views: Record<number, { nodes: number; edges: number; fcose: string; preset?: string }> = {};
    for (const size of sizes) {
      const { nodeIds, edgeIds } = await gather(url, seeds, size);
      if (nodeIds.length < size) console.log(`  only ${nodeIds.length} nodes found for ${size}`);
      const fcoseView = await saveView(url, nodeIds, edgeIds);
      views[size] = { nodes: nodeIds.length, edges: edgeIds.length, fcose: fcoseView };
      console.log(`${size} nodes: ${nodeIds.length} nodes, ${edgeIds.length} edges`);
      for (const mode of modes) {
        let viewId = fcoseView;
        if (mode === 'preset') {
          // Positions precomputed once (fcose in a bare page), stored with the view as the explorer stores them.
          const context = await browser.newContext();
          const page = await context.newPage();
          await page.addInitScript(probeScript(nodeIds.length));
          await page.route(`${url}/__bench/**`, async (route) => {
            const name = new URL(route.request().url()).pathname.replace('/__bench/', '');
            if (name === 'bare.html')
              await route.fulfill({ contentType: 'text/html', body: barePage(fcoseView, false, false) });
            else
              await route.fulfill({
                contentType: 'text/javascript',
                body: readFileSync(BARE_SCRIPTS[name as keyof typeof BARE_SCRIPTS], 'utf8'),
              });
          });
          await page.goto(`${url}/__bench/bare.html`);
          await page.waitForFunction(
            () => (window as unknown as { __bench: Marks }).__bench.layoutStop !== null,
            undefined,
            {
              timeout: timeoutMs,
              polling: 200,
            },
          );
          const positions = await page.evaluate(() =>
            Object.fromEntries(
              (window as unknown as { cy: import('cytoscape').Core }).cy
                .nodes()
                .map((n) => [n.id(), { ...n.position() }]),
            ),
          );
          await context.close();
          viewId = await saveView(url, nodeIds, edgeIds, positions);
          views[size]!.preset = viewId;
        }
        for (let rep = 0; rep < reps; rep++) {
          const order = rep % 2 === 0 ? variants : [...variants].reverse();
          for (const variant of order) {
            const r = await runPage(browser, url, variant, viewId, nodeIds.length, mode, timeoutMs);
            runs.push({ size, mode, variant, rep, ...r });
            console.log(
              `  ${mode} ${variant} #${rep + 1}: first frame ${ms(r.firstFrame ?? NaN)} ms, layout done ${ms(r.layoutDone ?? NaN)} ms` +
                (r.marks
                  ? ` (${r.marks.nodes} nodes, ${r.marks.edges} edges drawn${r.marks.webgl ? ', webgl' : ''})`
                  : '') +
                (r.error ? ` — ${r.error}` : ''),
            );
          }
        }
      }
    }
    await deleteBenchViews(db);

    const rows: string[][] = [];
    const summary = [];
    for (const size of sizes) {
      for (const mode of modes) {
        const pick = (v: Variant) =>
          runs.filter((r) => r.size === size && r.mode === mode && r.variant === v);
        const e = pick('explorer');
        const b = pick('bare');
        const ef = median(e.map((r) => r.firstFrame));
        const el = median(e.map((r) => r.layoutDone));
        const bf = median(b.map((r) => r.firstFrame));
        const bl = median(b.map((r) => r.layoutDone));
        const w = pick('bare-webgl');
        const wl = median(w.map((r) => r.layoutDone));
        const ea = median(e.map((r) => r.afterData));
        const ba = median(b.map((r) => r.afterData));
        const ratio = el !== null && bl !== null ? el / bl : null;
        const ratioAfterData = ea !== null && ba !== null ? ea / ba : null;
        summary.push({
          size,
          mode,
          explorer: { firstFrame: ef, layoutDone: el, afterData: ea },
          bare: { firstFrame: bf, layoutDone: bl, afterData: ba },
          bareWebgl: w.length ? { layoutDone: wl } : undefined,
          ratio,
          ratioAfterData,
        });
        rows.push([
          `${size}`,
          mode,
          ms(ef ?? NaN),
          ms(el ?? NaN),
          ms(ea ?? NaN),
          ms(bf ?? NaN),
          ms(bl ?? NaN),
          ms(ba ?? NaN),
          ...(variants.includes('bare-webgl') ? [ms(wl ?? NaN)] : []),
          ratio === null ? '–' : ratio.toFixed(2),
          ratioAfterData === null ? '–' : ratioAfterData.toFixed(2),
        ]);
      }
    }
    console.log(
      '\nmedian ms since navigation start (explorer: /?view=<id>; bare: plain Cytoscape, same view, same fcose options)\n',
    );
    console.log(
      table(
        [
          'nodes',
          'layout',
          'explorer 1st frame',
          'laid out',
          'after data',
          'bare 1st frame',
          'laid out',
          'after data',
          ...(variants.includes('bare-webgl') ? ['bare webgl laid out'] : []),
          'explorer/bare',
          'after data',
        ],
        rows,
      ),
    );
    writeResults('client', {
      machine,
      chromium: browser.version(),
      graph: { syntheticNodes: nodes },
      settings: { sizes, reps, modes, variants },
      views,
      summary,
      runs,
    });
    return 0;
  } finally {
    await browser?.close();
    await closeServer(server);
    await db.close();
  }
}

runCli(main);
