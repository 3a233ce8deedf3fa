// Issue 17's map in headless Chromium, with every request that would leave the machine aborted and counted: the
// memo's meetings and states go onto a world outline bundled with the page (Samarkand's summit where Samarkand is,
// east of Moscow's meeting and west of Beijing's), the other nodes beside the map; the map follows pan and zoom,
// a saved view reopens on it from its link, and leaving the map lays the graph out again.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { project, WORLD_BOUNDS } from '../src/map/projection.ts';
import { browserForFile, openPage } from '../../test/support/browser.ts';
import { modelPositions, saveNewView, waitForGraph, waitForLayout } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

const SUMMIT = 'meeting:sco-summit-samarkand-2022';
const MOSCOW = 'meeting:li-zhanshu-visit-russia-2022-09';
const BEIJING = 'meeting:beijing-winter-olympics-2022';
const XI = 'actor:xi-jinping';
const SAMARKAND = project({ latitude: 39.65, longitude: 66.96 });

/** Opens the explorer at `path` with requests to any other origin aborted (and recorded in `outside`). */
async function openOffline(path: string) {
  const opened = await openPage(browser(), baseUrl + path, { consoleErrors: true, blockOutside: true });
  await waitForGraph(opened.page);
  return opened;
}

const mapButton = (page: Page) => page.getByRole('button', { name: 'Map', exact: true });

/**
 * Where the canvas draws nodes, and where, at its pan and zoom, it would draw Samarkand and the world's east and
 * west edges, on the screen (relative to the canvas).
 */
const onScreen = (page: Page, ids: string[], model: { x: number; y: number }) =>
  page.evaluate(
    ({ ids, model, world }) => {
      const cy = window.cy!;
      const nodes = Object.fromEntries(
        ids.map((id) => [id, { ...cy.getElementById(id).renderedPosition() }]),
      );
      const [zoom, pan] = [cy.zoom(), cy.pan()];
      return {
        nodes,
        place: { x: model.x * zoom + pan.x, y: model.y * zoom + pan.y },
        world: { left: world.x1 * zoom + pan.x, right: world.x2 * zoom + pan.x },
        zoom,
      };
    },
    { ids, model, world: WORLD_BOUNDS },
  );

/** The world outline's sea (the projected sphere) on the screen, relative to the canvas. */
const worldBox = async (page: Page) => {
  const sea = (await page.getByTestId('world-map').locator('path').first().boundingBox())!;
  const canvas = (await page.getByTestId('graph-canvas').boundingBox())!;
  return { left: sea.x - canvas.x, right: sea.x + sea.width - canvas.x };
};

describe('the map', () => {
  it('places Samarkand’s summit at Samarkand with outside requests blocked; a saved view reopens on the map', async () => {
    const { page, errors, outside } = await openOffline('/');
    await mapButton(page).click();
    await waitForLayout(page);
    await expect.poll(() => mapButton(page).getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('world-map').waitFor();

    const at = await onScreen(page, [SUMMIT, MOSCOW, BEIJING, XI], SAMARKAND);
    // The summit is at Samarkand (its neighbours at the same place ring it, a node or so away) ...
    const off = Math.hypot(at.nodes[SUMMIT]!.x - at.place.x, at.nodes[SUMMIT]!.y - at.place.y);
    expect(off).toBeLessThan(120 * at.zoom);
    // ... east of Moscow's meeting and west of Beijing's, south of Moscow's.
    expect(at.nodes[SUMMIT]!.x).toBeGreaterThan(at.nodes[MOSCOW]!.x);
    expect(at.nodes[SUMMIT]!.x).toBeLessThan(at.nodes[BEIJING]!.x);
    expect(at.nodes[SUMMIT]!.y).toBeGreaterThan(at.nodes[MOSCOW]!.y);
    // Xi Jinping has no place: beside the map, east of its edge.
    const world = await worldBox(page);
    expect(at.nodes[XI]!.x).toBeGreaterThan(world.right);
    // The outline is drawn where the canvas puts the world, and follows it: zoomed in three times on Samarkand
    // (one change of the viewport: each costs seconds of drawing on a busy machine), the summit is still on it.
    expect(Math.abs(world.left - at.world.left)).toBeLessThan(2);
    expect(Math.abs(world.right - at.world.right)).toBeLessThan(2);
    await page.evaluate(
      ({ model }) => {
        const cy = window.cy!;
        const zoom = cy.zoom() * 3;
        cy.viewport({
          zoom,
          pan: { x: cy.width() / 2 - model.x * zoom, y: cy.height() / 2 - model.y * zoom },
        });
      },
      { model: SAMARKAND },
    );
    const zoomed = await onScreen(page, [SUMMIT], SAMARKAND);
    expect(zoomed.zoom).toBeCloseTo(at.zoom * 3, 5);
    expect(
      Math.hypot(zoomed.nodes[SUMMIT]!.x - zoomed.place.x, zoomed.nodes[SUMMIT]!.y - zoomed.place.y),
    ).toBeLessThan(120 * zoomed.zoom);
    const zoomedWorld = await worldBox(page);
    expect(Math.abs(zoomedWorld.left - zoomed.world.left)).toBeLessThan(2);
    expect(Math.abs(zoomedWorld.right - zoomed.world.right)).toBeLessThan(2);

    // Saved with the view; its link opens it on the map, each node where it was.
    const saved = await modelPositions(page);
    await saveNewView(page, 'E2E: on the map', 'The memo on the world map');
    const link = await page.getByLabel('Link to this view').inputValue();
    const other = await openOffline(link.slice(baseUrl.length));
    await waitForLayout(other.page);
    await expect.poll(() => mapButton(other.page).getAttribute('aria-pressed')).toBe('true');
    await other.page.getByTestId('world-map').waitFor();
    const reopened = await modelPositions(other.page);
    expect(reopened[SUMMIT]).toEqual(saved[SUMMIT]);
    expect(reopened[XI]).toEqual(saved[XI]);

    // Leaving the map lays the graph out again with the layout chosen before (force): no outline, nodes moved.
    await mapButton(other.page).click();
    await waitForLayout(other.page);
    await expect.poll(() => other.page.getByTestId('world-map').count()).toBe(0);
    expect(await other.page.getByLabel('Layout').inputValue()).toBe('force');
    expect((await modelPositions(other.page))[XI]).not.toEqual(saved[XI]);

    expect(outside).toEqual([]);
    expect(other.outside).toEqual([]);
    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await other.page.close();
    await page.close();
  });
});
