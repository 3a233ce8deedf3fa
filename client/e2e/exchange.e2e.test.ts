// Exchange in headless Chromium (issue 17, item 5): the whole graph exported from the Export menu as GEXF reads
// back with graphology with as many nodes and relationships as the database holds, and the canvas exported as
// GraphML comes back in through "Add document", its preview proposing the memo's own entities (same id). The
// canvas's own GEXF export is analysis.e2e.test.ts's. Starts its own explorer (one Neo4j for the file), since
// the preview writes.
import { readFileSync, rmSync } from 'node:fs';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cypher } from '../../core/db/database.ts';
import { RELATIONSHIP_TYPE_NAMES } from '../../core/model/index.ts';
import { loadConfig } from '../../server/src/app/config.ts';
import { startExplorer, type Explorer } from '../../server/src/app/explorer.ts';
import { browserForFile } from '../../test/support/browser.ts';
import { freshTestDatabase } from '../../test/support/test-database.ts';
import { exportAs, openExplorer } from './support.ts';

// Its own Neo4j: on NEO4J_E2E_PORT (7689) + 111.
const { port: NEO4J_PORT, dataDir: DATA_DIR } = freshTestDatabase('exchange', 'NEO4J_E2E_PORT', 7689, 111);
const COUNTS = cypher(
  'testE2eExchangeCounts',
  `RETURN COUNT { MATCH (n:Entity) } AS nodes,
     COUNT { MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types } AS edges`,
);

let explorer: Explorer;
const browser = browserForFile();

beforeAll(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  const config = { ...loadConfig({}), port: 0, localNeo4jPort: NEO4J_PORT, localNeo4jDataDir: DATA_DIR };
  explorer = await startExplorer(config, { info: () => {}, error: (line) => console.error(line) });
  await explorer.startup;
});
afterAll(async () => {
  await explorer?.stop();
});

describe('exchange', () => {
  it('exports the whole graph as GEXF that graphology reads back with the database’s counts', async () => {
    const { page, errors } = await openExplorer(browser(), explorer.url);
    const download = await exportAs(page, 'Export whole graph as GEXF');
    expect(download.suggestedFilename()).toBe('whole-graph-graph.gexf');
    const graph = parseGexf(Graph, readFileSync((await download.path())!, 'utf8'));
    const [counts] = await explorer.db.read<{ nodes: number; edges: number }>(COUNTS, {
      types: RELATIONSHIP_TYPE_NAMES,
    });
    expect(graph.order).toBe(counts!.nodes);
    expect(graph.size).toBe(counts!.edges);
    expect(graph.getNodeAttributes('actor:xi-jinping')).toMatchObject({ label: 'Xi Jinping', kind: 'ACTOR' });
    expect(errors).toEqual([]);
  });

  it('brings the canvas exported as GraphML back in through Add document, matched to the graph’s entities', async () => {
    const { page, errors } = await openExplorer(browser(), explorer.url);
    const graphml = (await (await exportAs(page, 'Export GraphML')).path())!;
    await page.getByRole('button', { name: 'Add document' }).click();
    const pane = page.getByTestId('add-document');
    await pane.getByLabel(/^Title, for a GraphML file/).fill('The memo’s canvas, exported');
    await pane.locator('input[type=file]').setInputFiles({
      name: 'canvas.graphml',
      mimeType: 'application/graphml+xml',
      buffer: readFileSync(graphml),
    });
    await pane
      .getByText(/^document:the-memo-s-canvas-exported: \d+ to add, 0 to change, 0 to/)
      .waitFor({ timeout: 60_000 });
    const xi = pane.locator('tr[data-id="actor:xi-jinping"]');
    await expect
      .poll(() => xi.locator('td').allTextContents())
      .toEqual(['actor:xi-jinping', 'actor:xi-jinping', 'same id', '1.00', expect.any(String)]);
    expect(errors).toEqual([]);
  });
});
