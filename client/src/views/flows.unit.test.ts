import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { SavedViewInput, SavedViewSummary } from '../api/types.ts';
import { savedView } from '../../../test/support/client-fixtures.ts';
import { overwrite, remove, rename, saveNew, updateCurrent, type ViewFlowDeps } from './flows.ts';
import {
  currentSet,
  initialSavedViews,
  listLoaded,
  listLoading,
  viewDeleted,
  viewsCleared,
} from './savedViews.ts';
import { updateFailed, writeFailed, type Status } from './status.ts';

const input: SavedViewInput = { name: 'Samarkand', description: null, nodeIds: ['actor:xi-jinping'] };
const stored = savedView({ positions: {} }, {});
const summary = (version: number): SavedViewSummary => ({ ...stored, version }) as SavedViewSummary;

/** Dependencies with a fake API; the statuses set are kept in order. */
function deps(api: Partial<ViewFlowDeps['api']>, current: ViewFlowDeps['current'] = null) {
  const statuses: Status[] = [];
  const d = {
    api: { saveView: vi.fn(), updateView: vi.fn(), view: vi.fn(), deleteView: vi.fn(), ...api },
    current,
    snapshot: vi.fn(() => input),
    onSaved: vi.fn(),
    onDeleted: vi.fn(),
    reloadViews: vi.fn(),
    setStatus: (s: Status) => statuses.push(s),
    formSaved: vi.fn(),
    renamed: vi.fn(),
    deleted: vi.fn(),
  } satisfies ViewFlowDeps;
  return { d, statuses, last: () => statuses[statuses.length - 1]! };
}

describe('what the panel says about a failed write', () => {
  const retry = () => {};
  it('offers another token for a refusal, and trying again only for passing trouble', () => {
    expect(writeFailed(new ApiError('no', 'FORBIDDEN'), retry)).toMatchObject({ type: 'denied', retry });
    expect(writeFailed(new ApiError('no', 'UNAUTHENTICATED'), retry).type).toBe('denied');
    expect(writeFailed(new ApiError('slow down', 'RATE_LIMITED'), retry)).toMatchObject({
      type: 'error',
      retry,
    });
    expect(writeFailed(new ApiError('bad', 'BAD_USER_INPUT'), retry)).not.toHaveProperty('retry');
  });

  it('turns a conflict on update into the choice between their version and mine', () => {
    const status = updateFailed(
      new ApiError('stale', 'CONFLICT'),
      { id: 'view:1', name: 'Samarkand', input },
      retry,
    );
    expect(status).toMatchObject({ type: 'conflict', id: 'view:1', input });
    expect(
      updateFailed(new ApiError('no', 'FORBIDDEN'), { id: 'view:1', name: 'x', input }, retry).type,
    ).toBe('denied');
  });
});

describe('the saved-views workflows', () => {
  it('save a new view: busy, then done, the form emptied and the list reloaded', async () => {
    const { d, statuses, last } = deps({ saveView: vi.fn().mockResolvedValue(summary(1)) });
    await saveNew(d, { name: 'Samarkand', description: '' });
    expect(statuses[0]).toEqual({ type: 'busy', what: 'Saving…' });
    expect(last()).toEqual({ type: 'done', message: 'Saved “Samarkand”.' });
    expect(d.onSaved).toHaveBeenCalledWith(summary(1));
    expect(d.formSaved).toHaveBeenCalled();
    expect(d.reloadViews).toHaveBeenCalled();
  });

  it('keep the form when a save is refused, and save once when tried again', async () => {
    const saveView = vi
      .fn()
      .mockRejectedValueOnce(new ApiError('reader', 'FORBIDDEN'))
      .mockResolvedValue(summary(1));
    const { d, last } = deps({ saveView });
    await saveNew(d, { name: 'Samarkand', description: '' });
    const denied = last();
    expect(denied.type).toBe('denied');
    expect(d.formSaved).not.toHaveBeenCalled();
    if (denied.type !== 'denied') return;
    denied.retry();
    await vi.waitFor(() => expect(last().type).toBe('done'));
    expect(saveView).toHaveBeenCalledTimes(2);
  });

  it('send "Try again" as the same write with the same Idempotency-Key, and each new write with a new one', async () => {
    const lost = () => new ApiError('took too long', 'REQUEST_TIMEOUT');
    const saveView = vi.fn().mockRejectedValueOnce(lost()).mockResolvedValue(summary(1));
    const updateView = vi.fn().mockRejectedValueOnce(lost()).mockResolvedValue(summary(3));
    const deleteView = vi.fn().mockRejectedValueOnce(lost()).mockResolvedValue(true);
    const current = { id: 'view:1', name: 'Samarkand', description: null, version: 2 };
    const { d, last } = deps({ saveView, updateView, deleteView }, current);
    const tryAgain = async (calls: () => number) => {
      const failed = last();
      if (failed.type !== 'error' || !failed.retry)
        throw new Error(`no Try again: ${JSON.stringify(failed)}`);
      failed.retry();
      await vi.waitFor(() => expect(calls()).toBe(2));
    };

    await saveNew(d, { name: 'Samarkand', description: '' });
    await tryAgain(() => saveView.mock.calls.length);
    await updateCurrent(d);
    await tryAgain(() => updateView.mock.calls.length);
    await remove(d, summary(3));
    await tryAgain(() => deleteView.mock.calls.length);

    const keys = [saveView, updateView, deleteView].map((f) => {
      const [first, again] = f.mock.calls as unknown[][];
      expect(again).toEqual(first);
      return first!.at(-1);
    });
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(keys).size).toBe(3);
    await saveNew(d, { name: 'Samarkand', description: '' });
    expect(saveView.mock.calls[2]!.at(-1)).not.toBe(keys[0]);
  });

  it('update the open view from its version, and offer the choice on a conflict', async () => {
    const current = { id: 'view:1', name: 'Samarkand', description: null, version: 2 };
    const updateView = vi.fn().mockRejectedValue(new ApiError('stale', 'CONFLICT'));
    const { d, last } = deps({ updateView }, current);
    await updateCurrent(d);
    expect(updateView).toHaveBeenCalledWith('view:1', 2, input, expect.any(String));
    expect(last()).toMatchObject({ type: 'conflict', id: 'view:1', name: 'Samarkand' });
  });

  it('overwrite their version from the latest one', async () => {
    const current = { id: 'view:1', name: 'Samarkand', description: null, version: 2 };
    const updateView = vi.fn().mockResolvedValue(summary(4));
    const { d, last } = deps(
      { view: vi.fn().mockResolvedValue({ ...stored, version: 3 }), updateView },
      current,
    );
    await overwrite(d, 'view:1', input);
    expect(updateView).toHaveBeenCalledWith('view:1', 3, input, expect.any(String));
    expect(d.onSaved).toHaveBeenCalledWith(summary(4));
    expect(last()).toEqual({
      type: 'done',
      message: 'Overwrote “Samarkand” with your version (now version 4).',
    });
  });

  it('rename a view keeping what it holds, and say so when it was deleted meanwhile', async () => {
    const updateView = vi.fn().mockResolvedValue({ ...summary(3), name: 'Tashkent' });
    const { d, last } = deps({ view: vi.fn().mockResolvedValue(stored), updateView });
    await rename(d, summary(2), ' Tashkent ', '');
    expect(updateView).toHaveBeenCalledWith(
      'view:1',
      2,
      {
        name: 'Tashkent',
        description: null,
        nodeIds: stored.nodeIds,
        edgeIds: stored.edgeIds,
        layout: stored.layout,
        filter: stored.filter,
      },
      expect.any(String),
    );
    expect(d.renamed).toHaveBeenCalled();
    expect(d.onSaved).not.toHaveBeenCalled();
    expect(last()).toEqual({ type: 'done', message: 'Renamed to “Tashkent”.' });

    const gone = deps({ view: vi.fn().mockResolvedValue(null) });
    await rename(gone.d, summary(2), 'Tashkent', '');
    expect(gone.last()).toMatchObject({ type: 'error' });
  });

  it('delete a view', async () => {
    const { d, last } = deps({ deleteView: vi.fn().mockResolvedValue(true) });
    await remove(d, summary(2));
    expect(d.deleted).toHaveBeenCalled();
    expect(d.onDeleted).toHaveBeenCalledWith('view:1');
    expect(last()).toEqual({ type: 'done', message: 'Deleted “Samarkand”.' });
  });
});

describe('the saved views the page knows', () => {
  it('keep a shown list while it reloads, and forget the open view when it is deleted or on sign-out', () => {
    const listed = listLoaded(initialSavedViews, [summary(1)]);
    expect(listLoading(listed)).toBe(listed);
    expect(listLoading(initialSavedViews).list.type).toBe('loading');
    const open = currentSet(listed, stored);
    expect(open.current).toEqual({ id: 'view:1', name: 'Samarkand', description: null, version: 2 });
    expect(viewDeleted(open, 'view:2')).toBe(open);
    expect(viewDeleted(open, 'view:1').current).toBeNull();
    expect(viewsCleared(open)).toEqual({ list: { type: 'loading' }, current: null });
  });
});
