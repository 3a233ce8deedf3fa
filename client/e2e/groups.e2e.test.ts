// Issue 17, groups, in headless Chromium: the memo's graph grouped by community (the measures computed on the
// way), one community collapsed into a node with its count, its members gone and its relationships merged into
// lines with their counts; saved as a view, reopened from its link with the same grouping and the same group
// collapsed; a double-click expands it again.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../../test/support/browser.ts';
import { openExplorer, saveNewView, waitForGraph, waitForLayout } from './support.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

const GROUP = 'group:community:1';

/** What the canvas shows of one group and the lines that stand for its relationships. */
const groupOnCanvas = (page: Page, id: string) =>
  page.evaluate((gid) => {
    const cy = window.cy!;
    const g = cy.getElementById(gid);
    return {
      exists: g.nonempty(),
      visible: g.nonempty() && g.visible(),
      label: g.nonempty() ? String(g.style('label')) : '',
      children: g.nonempty() ? g.children().map((n) => n.id()) : [],
      merged: cy
        .edges('.group-edge:visible')
        .map((e) => ({
          ends: [e.source().id(), e.target().id()],
          label: String(e.style('label')),
        }))
        .filter((e) => e.ends.includes(gid))
        .map((e) => ({ ends: e.ends.sort().join(' – '), label: e.label }))
        .sort((a, b) => a.ends.localeCompare(b.ends)),
    };
  }, id);

/** Ids among `ids` that are drawn now. */
const visibleAmong = (page: Page, ids: string[]) =>
  page.evaluate((list) => list.filter((id) => window.cy!.getElementById(id).visible()), ids);

/**
 * The number of drawn relationships between `members` and each node outside them, as the merged lines should
 * count them (one line per outside node, whatever the relationships' directions).
 */
const expectedMerges = (page: Page, members: string[]) =>
  page.evaluate((inside) => {
    const set = new Set(inside);
    const counts = new Map<string, number>();
    window
      .cy!.edges(':visible')
      .filter((e) => !e.data('grouping'))
      .forEach((e) => {
        const [s, t] = [e.source().id(), e.target().id()];
        if (set.has(s) === set.has(t)) return;
        const other = set.has(s) ? t : s;
        counts.set(other, (counts.get(other) ?? 0) + 1);
      });
    return [...counts.entries()].map(([other, count]) => ({ other, count }));
  }, members);

const groupsBox = (page: Page) => page.getByTestId('group-controls');

describe('groups on the canvas', () => {
  it('groups the memo’s graph by community, collapses one; a saved view reopens with it collapsed', async () => {
    const { page, errors } = await openExplorer(browser(), baseUrl);
    await groupsBox(page).getByLabel('Group by').selectOption({ label: 'Community (measure)' });
    // Communities come from the measures, which the control offers to compute.
    await groupsBox(page).getByRole('button', { name: 'Compute the measures' }).click();
    await groupsBox(page)
      .getByRole('button', { name: 'Collapse Community 1', exact: true })
      .waitFor({ timeout: 30_000 });
    await waitForLayout(page);

    // Expanded: a box around its members, named with their count.
    const expanded = await groupOnCanvas(page, GROUP);
    const members = expanded.children;
    expect(members.length).toBeGreaterThan(1);
    expect(expanded.label).toBe(`Community 1 (${members.length})`);
    const merges = await expectedMerges(page, members);
    expect(merges.length).toBeGreaterThan(0);

    await groupsBox(page).getByRole('button', { name: 'Collapse Community 1', exact: true }).click();
    await groupsBox(page).getByRole('button', { name: 'Expand Community 1', exact: true }).waitFor();
    const collapsed = await groupOnCanvas(page, GROUP);
    // One node with the name and count, its members gone, one line per neighbour with the count of relationships.
    expect(collapsed).toMatchObject({
      visible: true,
      label: `Community 1 (${members.length})`,
      children: [],
    });
    expect(await visibleAmong(page, members)).toEqual([]);
    const want = merges
      .map(({ other, count }) => ({ ends: [GROUP, other].sort().join(' – '), label: String(count) }))
      .sort((a, b) => a.ends.localeCompare(b.ends));
    expect(collapsed.merged).toEqual(want);
    expect(want.some((m) => Number(m.label) > 1)).toBe(true);

    await saveNewView(page, 'E2E: grouped by community', '');
    const link = await page.getByLabel('Link to this view').inputValue();
    const other = await openExplorer(browser(), baseUrl, link.slice(baseUrl.length));
    await waitForGraph(other.page);
    // The measures are computed again on opening; then the same group is collapsed, with the same lines.
    await expect
      .poll(() => groupOnCanvas(other.page, GROUP), { timeout: 30_000 })
      .toMatchObject({
        visible: true,
        label: `Community 1 (${members.length})`,
      });
    expect((await groupOnCanvas(other.page, GROUP)).merged).toEqual(want);
    expect(await visibleAmong(other.page, members)).toEqual([]);
    expect(await groupsBox(other.page).getByLabel('Group by').inputValue()).toBe('community');

    // A double-click on the group's node expands it: the members come back, inside its box.
    await waitForLayout(other.page);
    const at = await other.page.evaluate((gid) => {
      const p = window.cy!.getElementById(gid).renderedPosition();
      const box = document.getElementById('graph-canvas')!.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    }, GROUP);
    await other.page.mouse.dblclick(at.x, at.y);
    await expect.poll(() => visibleAmong(other.page, members)).toHaveLength(members.length);
    expect((await groupOnCanvas(other.page, GROUP)).children.sort()).toEqual([...members].sort());

    expect(errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await other.page.close();
    await page.close();
  });
});
