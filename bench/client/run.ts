// `npm run bench:client`: time to the first drawn frame and to a finished layout for 500, 2,000 and 5,000 nodes
// in headless Chromium, the explorer (opening a saved view from its link, /?view=<id>) against a bare Cytoscape
// page given the same saved view in the same run. Two modes: fcose from scratch (the view has no positions) and
// precomputed positions (the view stores them; both pages use a preset layout). Writes
// bench/results/client-<time>.json. Needs a running Neo4j holding the synthetic graph, like `npm run bench`.
// Besides the frames: when the page becomes interactive (the first full frame, then no long task for QUIET_MS),
// the longest main-thread task, and, while a layout runs, how long a click waits before the page answers it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { ensureClientBuilt } from '../../server/src/app/client-build.ts';
import { CliError, connectFromEnv, parseOptions, runCli } from '../../core/cli.ts';
import { countSynthetic } from '../../graph-seed/src/synthetic/write.ts';
import { launchBrowser } from '../../test/support/browser.ts';
import { deleteBenchViews, ordinaryNodes, saveViewRequest } from '../server/cases.ts';
import { machineInfo } from '../machine.ts';
import { closeServer, startBenchServer, writeResults } from '../results.ts';
import { ms, table } from '../stats.ts';
import {
  BARE_SCRIPTS,
  COLLECT_MARKS,
  QUIET_MS,
  barePage,
  interactiveAt,
  probeScript,
  type Marks,
} from './page.ts';

const USAGE = `usage: npm run bench:client -- [--sizes 500,2000,5000] [--reps N] [--timeout S] [--modes fcose,preset] [--webgl] [--explorer-dist DIR]
  --sizes          node counts (default 500,2000,5000; a saved view holds at most 5,000)
  --reps           runs per size, page and mode (default 3), alternating explorer and bare
  --timeout        seconds one page may take to finish its layout (default 300)
  --webgl          also run the bare page with Cytoscape's WebGL renderer
  --cpu-profile    write a CPU profile of each explorer page to this folder (npx tsx bench/cpu-profile.ts <file>)
  --explorer-dist  serve the explorer's page from this built client (another commit's client/dist, built with
                   \`vite build\`) instead of client/dist, to measure the code before a change in the same run`;

/** How often a click is sent while a layout runs. */
const CLICK_EVERY_MS = 250;

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
  /** The first full frame, or the end of the long tasks that follow it, until QUIET_MS without one. */
  interactive: number | null;
  /** interactive minus the arrival of the view's response. */
  interactiveAfterData: number | null;
  /** The longest main-thread task from the view's response to the end of the layout, in ms. */
  longestTask: number | null;
  /** The longest wait of a click sent while the layout ran (from the view's response to its end), in ms. */
  clickDelay: number | null;
  clicks: number;
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
  explorerDist: string | undefined,
  cpuProfile: string | undefined,
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
    if (explorerDist && variant === 'explorer') await serveExplorerFrom(page, url, explorerDist);
    // Chromium's sampling profiler over the whole page load, written once the page is interactive.
    const profiler =
      cpuProfile && variant === 'explorer' ? await page.context().newCDPSession(page) : undefined;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.send('Profiler.start');
    }
    const target =
      variant === 'explorer' ? `${url}/?view=${encodeURIComponent(viewId)}` : `${url}/__bench/bare.html`;
    await page.goto(target);
    // With fcose, a click on the canvas's corner (empty there; in the explorer it clears a selection there is none
    // of) every CLICK_EVERY_MS from the moment the canvas exists until the layout's first frame: the probe times
    // how long each waited for the page (a click sent while the main thread lays out waits until it is done).
    const canvas = page.locator(variant === 'explorer' ? '#graph-canvas' : '#cy');
    let laidOut = false;
    const clicking = (async () => {
      if (mode !== 'fcose') return;
      const box = await canvas.boundingBox({ timeout: timeoutMs });
      while (box && !laidOut) {
        await page.mouse.click(box.x + 4, box.y + box.height - 4);
        await new Promise((r) => setTimeout(r, CLICK_EVERY_MS));
      }
    })();
    try {
      await page.waitForFunction(
        () => (window as unknown as { __bench: Marks }).__bench.layoutFrame !== null,
        undefined,
        { timeout: timeoutMs, polling: 100 },
      );
    } finally {
      laidOut = true;
      await clicking.catch(() => {});
    }
    // The work that follows a layout (labels, fits) is part of becoming interactive: wait for QUIET_MS without
    // a long task.
    await page.waitForFunction(
      (quiet) => {
        const b = (window as unknown as { __bench: Marks }).__bench;
        const last = Math.max(b.layoutFrame ?? 0, ...b.longTasks.map((t) => t.start + t.duration));
        return performance.now() - last > quiet;
      },
      QUIET_MS,
      { timeout: 60_000, polling: 100 },
    );
    const marks = (await page.evaluate(COLLECT_MARKS)) as Marks;
    if (profiler && cpuProfile) {
      const { profile } = await profiler.send('Profiler.stop');
      mkdirSync(cpuProfile, { recursive: true });
      const file = path.join(cpuProfile, `explorer-${size}-${mode}-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      console.log(`  CPU profile: ${file}`);
    }
    const origin = (await page.evaluate('performance.timeOrigin')) as number;
    const graphql = requests.map((r) => ({ ...r, start: r.start - origin, end: r.end - origin }));
    // The data both pages draw arrives with the saved view (the explorer's ExplorerView document).
    const view = graphql.find((r) => r.operation === 'ExplorerView');
    const dataReady = view?.end ?? marks.dataReady ?? null;
    const layoutDone = marks.layoutFrame;
    const interactive = interactiveAt(marks.firstFrame, marks.longTasks);
    const during = marks.inputs.filter(
      (i) => dataReady !== null && i.at >= dataReady && (layoutDone === null || i.at <= layoutDone),
    );
    const tasks = marks.longTasks.filter(
      (t) =>
        dataReady !== null &&
        t.start + t.duration >= dataReady &&
        (layoutDone === null || t.start <= layoutDone),
    );
    return {
      marks: { ...marks, dataReady },
      firstFrame: marks.firstFrame,
      layoutDone,
      afterData: layoutDone !== null && dataReady !== null ? layoutDone - dataReady : null,
      interactive,
      interactiveAfterData: interactive !== null && dataReady !== null ? interactive - dataReady : null,
      longestTask: tasks.length ? Math.max(...tasks.map((t) => t.duration)) : 0,
      clickDelay: during.length ? Math.max(...during.map((i) => i.delay)) : null,
      clicks: during.length,
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
      interactive: null,
      interactiveAfterData: null,
      longestTask: null,
      clickDelay: null,
      clicks: 0,
      error: (e as Error).message.split('\n')[0],
    };
  } finally {
    await context.close();
  }
}

/**
 * Serves the explorer's page and assets from `dist` (a client built from another commit); GraphQL and the
 * benchmark's own paths still go to the server.
 */
async function serveExplorerFrom(page: Page, url: string, dist: string): Promise<void> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
  };
  await page.route(
    (u) => u.origin === url && !u.pathname.startsWith('/graphql') && !u.pathname.startsWith('/__bench'),
    async (route) => {
      const pathname = new URL(route.request().url()).pathname;
      const file = path.join(dist, pathname === '/' ? 'index.html' : pathname);
      if (!file.startsWith(dist) || !existsSync(file)) return route.continue();
      await route.fulfill({
        contentType: types[path.extname(file)] ?? 'application/octet-stream',
        body: readFileSync(file),
      });
    },
  );
}

const median = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
};

async function main(): Promise<number> {
  const values = parseOptions(
    { values: ['sizes', 'reps', 'timeout', 'modes', 'explorer-dist', 'cpu-profile'], flags: ['webgl'] },
    USAGE,
  );
  const explorerDist = values['explorer-dist'] ? path.resolve(values['explorer-dist']) : undefined;
  const cpuProfile = values['cpu-profile'] ? path.resolve(values['cpu-profile']) : undefined;
  if (explorerDist && !existsSync(path.join(explorerDist, 'index.html')))
    throw new CliError(`no built client in ${explorerDist} (index.html missing)`);
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
            const r = await runPage(
              browser,
              url,
              variant,
              viewId,
              nodeIds.length,
              mode,
              timeoutMs,
              explorerDist,
              cpuProfile,
            );
            runs.push({ size, mode, variant, rep, ...r });
            console.log(
              `  ${mode} ${variant} #${rep + 1}: first frame ${ms(r.firstFrame ?? NaN)} ms, interactive ${ms(r.interactive ?? NaN)} ms, layout done ${ms(r.layoutDone ?? NaN)} ms, longest task ${ms(r.longestTask ?? NaN)} ms` +
                (r.clicks ? `, ${r.clicks} clicks waited up to ${ms(r.clickDelay ?? NaN)} ms` : '') +
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
    const cell = (x: number | null) => ms(x ?? NaN);
    for (const size of sizes) {
      for (const mode of modes) {
        const pick = (v: Variant) =>
          runs.filter((r) => r.size === size && r.mode === mode && r.variant === v);
        const figures = (v: Variant) => {
          const rs = pick(v);
          const m = (f: (r: Run) => number | null) => median(rs.map(f));
          return {
            firstFrame: m((r) => r.firstFrame),
            layoutDone: m((r) => r.layoutDone),
            afterData: m((r) => r.afterData),
            interactive: m((r) => r.interactive),
            interactiveAfterData: m((r) => r.interactiveAfterData),
            longestTask: m((r) => r.longestTask),
            clickDelay: m((r) => r.clickDelay),
          };
        };
        const e = figures('explorer');
        const b = figures('bare');
        const w = pick('bare-webgl').length ? figures('bare-webgl') : undefined;
        const ratio = e.layoutDone !== null && b.layoutDone !== null ? e.layoutDone / b.layoutDone : null;
        const ratioAfterData =
          e.afterData !== null && b.afterData !== null ? e.afterData / b.afterData : null;
        summary.push({ size, mode, explorer: e, bare: b, bareWebgl: w, ratio, ratioAfterData });
        rows.push([
          `${size}`,
          mode,
          cell(e.interactiveAfterData),
          cell(e.afterData),
          cell(e.longestTask),
          cell(e.clickDelay),
          cell(b.interactiveAfterData),
          cell(b.afterData),
          cell(b.longestTask),
          cell(b.clickDelay),
          ...(w ? [cell(w.afterData)] : []),
          ratioAfterData === null ? '–' : ratioAfterData.toFixed(2),
        ]);
      }
    }
    console.log(
      "\nmedian ms after the view's data arrived (explorer: /?view=<id>; bare: plain Cytoscape, same view, same fcose options);" +
        ' "interactive": the first full frame, then no long task for 500 ms; "click": the longest wait of a click sent while the layout ran\n',
    );
    console.log(
      table(
        [
          'nodes',
          'layout',
          'explorer interactive',
          'laid out',
          'longest task',
          'click',
          'bare interactive',
          'laid out',
          'longest task',
          'click',
          ...(variants.includes('bare-webgl') ? ['bare webgl laid out'] : []),
          'explorer/bare laid out',
        ],
        rows,
      ),
    );
    writeResults('client', {
      machine,
      chromium: browser.version(),
      graph: { syntheticNodes: nodes },
      settings: { sizes, reps, modes, variants, explorerDist: explorerDist ?? null, quietMs: QUIET_MS },
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
