// `npm run first-page`: how long the first page after "ready" takes to draw the graph. Starts the explorer as
// `npm start` does, but on a fresh data folder (its own Neo4j on FIRST_PAGE_NEO4J_PORT, default 7698; or the
// database NEO4J_URI names), waits for /readyz, opens the page in headless Chromium at once and prints the
// milliseconds until the graph is drawn, then the same for a reload. Exits 1 when the first page takes longer
// than FIRST_PAGE_LIMIT_MS (default 3000).
import { rmSync } from 'node:fs';
import { waitForGraph } from '../client/e2e/support.ts';
import { loadConfig } from '../server/src/app/config.ts';
import { startExplorer } from '../server/src/app/explorer.ts';
import { launchBrowser, VIEWPORT } from '../test/support/browser.ts';

const neo4jPort = Number(process.env.FIRST_PAGE_NEO4J_PORT ?? 7698);
const limitMs = Number(process.env.FIRST_PAGE_LIMIT_MS ?? 3000);
const dataDir = `.neo4j/first-page-${neo4jPort}`;

async function waitReady(url: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    const r = await fetch(`${url}/readyz`).catch(() => null);
    if (r?.status === 200) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main(): Promise<void> {
  const base = loadConfig(process.env);
  if (!base.neo4jUri) rmSync(dataDir, { recursive: true, force: true });
  const config = { ...base, port: 0, localNeo4jPort: neo4jPort, localNeo4jDataDir: dataDir };
  console.log(
    base.neo4jUri
      ? `starting the explorer on ${base.neo4jUri}…`
      : `starting the explorer (a fresh Neo4j on 127.0.0.1:${neo4jPort}, data in ${dataDir})…`,
  );
  const startedAt = Date.now();
  const explorer = await startExplorer(config, {
    info: (line) => console.log(`  ${line}`),
    error: (line) => console.error(`  ${line}`),
  });
  const browser = await launchBrowser();
  try {
    await waitReady(explorer.url);
    console.log(`ready after ${Date.now() - startedAt} ms`);
    const page = await browser.newPage({ viewport: VIEWPORT });
    const timed = async (go: () => Promise<unknown>) => {
      const t = Date.now();
      await go();
      await waitForGraph(page);
      return Date.now() - t;
    };
    const first = await timed(() => page.goto(explorer.url));
    const reload = await timed(() => page.reload());
    const nodes = await page.evaluate(() => window.cy?.nodes().length ?? 0);
    console.log(
      `first page after ready: graph drawn in ${first} ms (${nodes} nodes); a reload: ${reload} ms`,
    );
    if (first > limitMs) {
      console.error(`slower than ${limitMs} ms`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    await explorer.stop();
    if (!base.neo4jUri) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
