import { describe, expect, it, vi } from 'vitest';
import { computeMeasures, type MeasureInput } from '../analysis/measures.ts';
import { ApiError } from '../api/client.ts';
import type { Viewer } from '../api/types.ts';
import { signInAsked } from '../access/access.ts';
import { putin, savedView, summit, xi, xiAttended } from '../../../test/support/client-fixtures.ts';
import {
  addressChanged,
  clientEvent,
  deletedView,
  loadPage,
  openingKinds,
  pageTitle,
  signedIn,
  signOut,
  viewSaved,
  type PageEnv,
} from './page.ts';
import { createStores } from './stores.ts';

const editor: Viewer = { name: 'ed', role: 'EDITOR', tokensRequired: true };
const stats = { nodeCount: 2, edgeCount: 1, countsByKind: {}, countsByRelationshipType: {} };

/** A page at `search` with an API that answers (each part replaceable) and a token store holding `token`. */
function page(search = '', api: Partial<PageEnv['api']> = {}, token: string | null = null) {
  const stores = createStores();
  const env = {
    api: {
      views: vi.fn().mockResolvedValue([]),
      stats: vi.fn().mockResolvedValue(stats),
      viewer: vi.fn().mockResolvedValue(editor),
      view: vi.fn().mockResolvedValue(savedView({ positions: {} }, {})),
      gradedSources: vi.fn().mockResolvedValue([]),
      ...api,
    },
    loadOpening: vi.fn().mockResolvedValue({ nodes: [xi, summit], edges: [xiAttended] }),
    tokens: { get: vi.fn(() => token), clear: vi.fn() },
    location: { search },
    history: { pushState: vi.fn(), replaceState: vi.fn() },
    setTitle: vi.fn(),
    computeMeasures: vi.fn(async (input: MeasureInput) => ({ values: computeMeasures(input), ms: 1 })),
  } satisfies PageEnv;
  return { stores, env, p: { stores, env } };
}

describe('loading the page', () => {
  it('opens on the memo’s graph, of every kind but sources, with the viewer, counts and views', async () => {
    const { stores, env, p } = page();
    await loadPage(p);
    expect(env.loadOpening).toHaveBeenCalledWith(openingKinds([]));
    expect(openingKinds([])).not.toContain('SOURCE');
    expect(Object.keys(stores.explorer.get().graph.nodes)).toEqual([xi.id, summit.id]);
    expect(stores.connection.get().page.type).toBe('ready');
    expect(env.setTitle).toHaveBeenCalledWith('Knowledge-graph explorer');
    await vi.waitFor(() => expect(stores.stats.get().type).toBe('ready'));
    expect(stores.access.get().viewer.type).toBe('ready');
    expect(stores.views.get().list.type).toBe('ready');
  });

  it('lets only the latest load land: an earlier one answering later neither replaces the graph nor clears a selection', async () => {
    const { stores, env, p } = page();
    let answerFirst: (g: { nodes: (typeof xi)[]; edges: (typeof xiAttended)[] }) => void = () => {};
    env.loadOpening
      .mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)))
      .mockResolvedValueOnce({ nodes: [xi, summit], edges: [xiAttended] });
    const first = loadPage(p);
    await loadPage(p);
    stores.explorer.set((s) => ({ ...s, selection: { type: 'node', id: xi.id } }));
    answerFirst({ nodes: [putin], edges: [] });
    await first;
    expect(Object.keys(stores.explorer.get().graph.nodes)).toEqual([xi.id, summit.id]);
    expect(stores.explorer.get().selection).toEqual({ type: 'node', id: xi.id });
    expect(stores.connection.get().page.type).toBe('ready');
  });

  it('opens the saved view the address names, on the views tab', async () => {
    const { stores, env, p } = page('?view=view%3A1');
    await loadPage(p);
    expect(env.api.view).toHaveBeenCalledWith('view:1');
    expect(stores.views.get().current?.id).toBe('view:1');
    expect(stores.tab.get()).toBe('views');
    expect(env.setTitle).toHaveBeenCalledWith(pageTitle('Samarkand'));
    expect(pageTitle('Samarkand')).toBe('Samarkand · Knowledge-graph explorer');
  });

  it('opens the saved view with the evidence filter it was saved with', async () => {
    const { stores, env, p } = page('?view=view%3A1', {
      view: vi
        .fn()
        .mockResolvedValue(savedView({ positions: {} }, { statedOnly: true, minReliability: 'C' })),
      gradedSources: vi.fn().mockResolvedValue(['source:graded']),
    });
    await loadPage(p);
    expect(env.api.gradedSources).toHaveBeenCalledWith('C');
    expect(stores.explorer.get().evidence).toEqual({
      statedOnly: true,
      minReliability: 'C',
      gradedSources: ['source:graded'],
    });
  });

  it('opens the saved view sized and coloured by the measures it was saved with, computed again', async () => {
    const layout = { positions: {}, analysis: { sizeBy: 'betweenness', colourByCommunity: true } };
    const { stores, env, p } = page('?view=view%3A1', {
      view: vi.fn().mockResolvedValue(savedView(layout, {})),
    });
    await loadPage(p);
    await vi.waitFor(() => expect(stores.analysis.get().measures.type).toBe('ready'));
    expect(stores.style.get()).toEqual({
      sizeBy: 'measure:betweenness',
      colourBy: 'measure:community',
      captionBy: null,
    });
    const measured = stores.analysis.get().measures;
    expect(measured.type === 'ready' && Object.keys(measured.value.values).sort()).toEqual(
      [xi.id, putin.id, summit.id].sort(),
    );
    // A view saved without them opens without, and computes nothing.
    const plain = page('?view=view%3A1');
    plain.stores.style.set((s) => ({ ...s, sizeBy: 'measure:degree' }));
    await loadPage(plain.p);
    expect(plain.stores.style.get()).toEqual({ colourBy: null, sizeBy: null, captionBy: null });
    expect(plain.env.computeMeasures).not.toHaveBeenCalled();
    expect(env.computeMeasures).toHaveBeenCalledTimes(1);
  });

  it('says when the saved view is gone, and why the graph cannot load', async () => {
    const gone = page('?view=view%3Agone', { view: vi.fn().mockResolvedValue(null) });
    await loadPage(gone.p);
    expect(gone.stores.connection.get().page).toMatchObject({ type: 'error', code: 'NOT_FOUND' });
    const down = page('?view=view%3A1', {
      view: vi.fn().mockRejectedValue(new ApiError('no', 'UNAUTHENTICATED')),
    });
    await loadPage(down.p);
    expect(down.stores.connection.get().page).toMatchObject({ type: 'error', code: 'UNAUTHENTICATED' });
  });
});

describe('the address', () => {
  it('follows a saved view, and goes back to the memo’s graph when the open view is deleted', () => {
    const { stores, env, p } = page();
    viewSaved(p, { ...savedView(null, null), version: 3 });
    expect(stores.views.get().current).toMatchObject({ id: 'view:1', version: 3 });
    expect(env.history.replaceState).toHaveBeenLastCalledWith(null, '', '/?view=view%3A1');
    deletedView(p, 'view:other');
    expect(env.history.replaceState).toHaveBeenCalledTimes(1);
    deletedView(p, 'view:1');
    expect(stores.views.get().current).toBeNull();
    expect(env.history.replaceState).toHaveBeenLastCalledWith(null, '', '/');
  });
  it('loads again on back or forward to another view, but not on a #fragment (a skip link)', async () => {
    const { stores, env, p } = page();
    await loadPage(p);
    stores.explorer.set((s) => ({ ...s, selection: { type: 'node', id: xi.id } }));
    addressChanged(p); // "#graph-canvas": same address otherwise
    expect(env.loadOpening).toHaveBeenCalledTimes(1);
    expect(stores.explorer.get().selection).toEqual({ type: 'node', id: xi.id });

    env.location.search = '?view=view%3A1';
    addressChanged(p);
    await vi.waitFor(() => expect(stores.views.get().current?.id).toBe('view:1'));
    expect(env.api.view).toHaveBeenCalledWith('view:1');
    addressChanged(p);
    expect(env.api.view).toHaveBeenCalledTimes(1);

    env.location.search = '';
    addressChanged(p);
    await vi.waitFor(() => expect(stores.views.get().current).toBeNull());
    expect(env.loadOpening).toHaveBeenCalledTimes(2);
  });
});

describe('signing in and out', () => {
  it('retries the load that failed for want of a token', async () => {
    const { stores, env, p } = page('', { view: vi.fn() }, 'token');
    env.loadOpening.mockRejectedValueOnce(new ApiError('who?', 'UNAUTHENTICATED'));
    await loadPage(p);
    expect(stores.connection.get().page.type).toBe('error');
    stores.access.set((s) => signInAsked(s, 'refused'));
    signedIn(p, editor);
    expect(stores.access.get().signIn).toBeNull();
    await vi.waitFor(() => expect(stores.connection.get().page.type).toBe('ready'));
  });

  it('else reloads the views (and the counts if they failed)', async () => {
    const views = vi.fn().mockResolvedValue([]);
    const stats = vi.fn().mockRejectedValueOnce(new ApiError('down', 'DATABASE_UNAVAILABLE'));
    const { stores, env, p } = page('', { views, stats });
    await loadPage(p);
    await vi.waitFor(() => expect(stores.stats.get().type).toBe('error'));
    views.mockClear();
    stats.mockResolvedValue({ nodeCount: 0, edgeCount: 0, countsByKind: {}, countsByRelationshipType: {} });
    signedIn(p, editor);
    expect(views).toHaveBeenCalledTimes(1);
    expect(stats).toHaveBeenCalledTimes(2);
    expect(env.loadOpening).toHaveBeenCalledTimes(1);
  });

  it('signing out forgets the token and what it showed, then loads again', async () => {
    const { stores, env, p } = page();
    await loadPage(p);
    viewSaved(p, savedView(null, null));
    signOut(p);
    expect(env.tokens.clear).toHaveBeenCalled();
    expect(stores.views.get().current).toBeNull();
    expect(stores.access.get().viewer.type).toBe('loading');
    expect(stores.connection.get().page.type).toBe('loading');
    await vi.waitFor(() => expect(stores.connection.get().page.type).toBe('ready'));
  });

  it('a refused token opens the sign-in; rate-limit waits are counted', () => {
    const { stores, p } = page('', {}, 'stale-token');
    clientEvent(p, { type: 'unauthenticated', error: new ApiError('who?', 'UNAUTHENTICATED') });
    expect(stores.access.get().signIn).toBe('refused');
    clientEvent(p, { type: 'waiting', seconds: 3 });
    expect(stores.connection.get().waiting).toEqual({ count: 1, seconds: 3 });
    clientEvent(p, { type: 'waited' });
    expect(stores.connection.get().waiting.count).toBe(0);
  });
});
