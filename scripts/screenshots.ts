// `npm run screenshots`: starts the explorer the way the end-to-end tests do (its own Neo4j on
// SCREENSHOTS_NEO4J_PORT, default 7699, in its own data folder; HTTP on a free port), walks through the main
// states in headless Chromium at 1280x800, and writes docs/screenshots/*.png.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import {
  openExplorer,
  saveNewView,
  searchAndChoose,
  waitForGraph,
  waitForLayout,
} from '../client/e2e/support.ts';
import { loadConfig } from '../server/src/app/config.ts';
import { startExplorer } from '../server/src/app/explorer.ts';
import { launchBrowser } from '../test/support/browser.ts';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'docs/screenshots');
const port = Number(process.env.SCREENSHOTS_NEO4J_PORT ?? 7699);
const dataDir = `.neo4j/screenshots-${port}`;

async function shot(page: Page, name: string): Promise<void> {
  await waitForLayout(page);
  await page.waitForTimeout(400); // animations (centring, fitting) settle
  await page.screenshot({ path: path.join(outDir, `${name}.png`) });
  console.log(`  docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`starting the explorer (Neo4j on 127.0.0.1:${port}, data in ${dataDir})…`);
  const config = { ...loadConfig({}), port: 0, localNeo4jPort: port, localNeo4jDataDir: dataDir };
  const explorer = await startExplorer(config, { info: () => {}, error: (line) => console.error(line) });
  const browser = await launchBrowser();
  try {
    await explorer.startup;
    const base = explorer.url;

    const { page } = await openExplorer(browser, base);
    await shot(page, '01-opening');

    await searchAndChoose(page, 'Li Zhanshu', /^Li Zhanshu\b.*Actor/);
    await page
      .getByTestId('details')
      .getByRole('button', { name: /^For example, as to the current Ukraine problem/ })
      .click();
    await shot(page, '02-statement-details');

    await searchAndChoose(page, 'Xi Jinping', /^Xi Jinping\b.*Actor/);
    await page.getByTestId('details').getByRole('button', { name: 'Expand neighbours' }).click();
    await page.getByTestId('details').getByRole('button', { name: 'Show 25 more' }).waitFor();
    await shot(page, '03-expand');

    const paths = page.locator('.paths');
    await page.locator('body').press('Escape');
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('Modi to Xi');
    const connected = page.getByRole('option', { name: /How Narendra Modi is connected to Xi Jinping/ });
    await connected.waitFor();
    await page.screenshot({ path: path.join(outDir, '14-search-paths.png') });
    console.log('  docs/screenshots/14-search-paths.png');
    await connected.click();
    await page.getByTestId('path-explanation').first().waitFor();
    await shot(page, '04-paths');

    await paths.getByRole('button', { name: 'Shown on graph' }).click();
    const since = page.getByTestId('time-since');
    await since.focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await shot(page, '05-time-window');
    await page.getByRole('button', { name: 'Lay out by date' }).click();
    await shot(page, '06-timeline-layout');
    await page.getByRole('button', { name: 'Back to force layout' }).click();
    await page.getByRole('button', { name: 'All dates' }).click();
    await waitForLayout(page);

    await page.getByRole('button', { name: 'Fit' }).click();
    await saveNewView(
      page,
      'Xi and Putin in Samarkand',
      'The memo’s picture of the September 2022 meetings.',
    );
    const link = await page.getByLabel('Link to this view').inputValue();
    const reopened = await openExplorer(browser, base, link.slice(base.length));
    await reopened.page.getByRole('tab', { name: 'Saved views' }).click();
    await shot(reopened.page, '07-saved-view');

    // A colleague updates the view first; this page's update then meets the conflict.
    await reopened.page.getByRole('button', { name: /^Update “/ }).click();
    await reopened.page.getByText(/Updated “/).waitFor();
    await page.getByRole('button', { name: /^Update “/ }).click();
    await page.getByTestId('conflict').waitFor();
    await shot(page, '08-conflict');

    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.reload();
    await page.getByTestId('load-error').waitFor();
    await page.screenshot({ path: path.join(outDir, '09-api-down.png') });
    console.log('  docs/screenshots/09-api-down.png');
    await page.unroute('**/graphql');
    await page.getByRole('button', { name: 'Retry' }).click();
    await waitForGraph(page);

    await page.getByRole('button', { name: 'Table', exact: true }).click();
    const table = page.getByTestId('results-table');
    await table.getByLabel('Kind').selectOption({ label: 'Meetings' });
    await table.getByLabel('Dates').fill('September 2022');
    await shot(page, '10-table');
    await page.getByRole('button', { name: 'Table', exact: true }).click();

    await searchAndChoose(page, 'West sees Xi and Modi critique', /West sees Xi and Modi critique/);
    await page.getByTestId('contest-pair').first().waitFor({ timeout: 15_000 });
    await shot(page, '11-contested');

    await page.getByTestId('details').getByRole('button', { name: 'Open in the document' }).first().click();
    await page.getByTestId('document-view').waitFor();
    await shot(page, '12-document');
    await page.keyboard.press('Escape');

    await page.getByRole('combobox', { name: 'Layout' }).selectOption('concentric');
    await shot(page, '13-concentric');

    // On a fresh page: the actors ranked by betweenness, nodes sized by it and coloured by community.
    const measured = (await openExplorer(browser, base)).page;
    await measured.getByRole('button', { name: 'Table', exact: true }).click();
    const results = measured.getByTestId('results-table');
    await results.getByLabel('Kind').selectOption({ label: 'Actors' });
    await results.getByRole('button', { name: 'Measures' }).click();
    await results.getByLabel('Size nodes by').selectOption({ label: 'Betweenness' });
    await results.getByLabel('Colour by community').check();
    const betweenness = results.getByRole('columnheader', { name: /Betweenness/ }).getByRole('button');
    await betweenness.click();
    await betweenness.click();
    await shot(measured, '15-measures');
  } finally {
    await browser.close();
    await explorer.stop();
  }
}

main().catch((e: unknown) => {
  console.error(`screenshots failed: ${(e as Error)?.stack ?? e}`);
  process.exit(1);
});
