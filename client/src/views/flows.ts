// The saved-views panel's five workflows: save as new, update the open view, overwrite after a conflict,
// rename, delete. Each says what it is doing, then what happened (views/status.ts); a failure keeps the way to
// try again. Each write carries an Idempotency-Key, and "Try again" sends the same write with the same key: if
// the first one was done (its answer lost), the server returns it instead of writing twice. Plain async
// functions over their dependencies, so they are tested without a browser.
import { ApiError, newIdempotencyKey } from '../api/client.ts';
import type { api } from '../api/operations.ts';
import type { SavedViewInput, SavedViewSummary } from '../api/types.ts';
import type { CurrentView } from './savedViews.ts';
import { updateFailed, writeFailed, type Status } from './status.ts';

/** What the workflows read and write. */
export interface ViewFlowDeps {
  api: Pick<typeof api, 'saveView' | 'updateView' | 'view' | 'deleteView'>;
  current: CurrentView | null;
  /** The current picture as a view input (needs the canvas for positions and viewport). */
  snapshot: (meta: { name: string; description: string }) => SavedViewInput | null;
  onSaved: (view: SavedViewSummary) => void;
  onDeleted: (id: string) => void;
  reloadViews: () => void;
  setStatus: (status: Status) => void;
  /** The save form's entries are saved: it empties. */
  formSaved: () => void;
  /** The rename is done: its form closes. */
  renamed: () => void;
  /** The delete is done: its confirmation closes. */
  deleted: () => void;
}

const deletedMeanwhile = () => new ApiError('The view was deleted meanwhile.', 'NOT_FOUND');

/** Saves the picture as a new view. */
export async function saveNew(d: ViewFlowDeps, meta: { name: string; description: string }): Promise<void> {
  const input = d.snapshot(meta);
  if (input) await sendNew(d, input, newIdempotencyKey());
}

async function sendNew(d: ViewFlowDeps, input: SavedViewInput, key: string): Promise<void> {
  d.setStatus({ type: 'busy', what: 'Saving…' });
  try {
    const saved = await d.api.saveView(input, key);
    d.onSaved(saved);
    d.formSaved();
    d.setStatus({ type: 'done', message: `Saved “${saved.name}”.` });
    d.reloadViews();
  } catch (e) {
    d.setStatus(writeFailed(e, () => void sendNew(d, input, key)));
  }
}

/** Updates the open view with the picture, from the version opened. */
export async function updateCurrent(d: ViewFlowDeps): Promise<void> {
  const current = d.current;
  if (!current) return;
  const input = d.snapshot({ name: current.name, description: current.description ?? '' });
  if (input) await sendUpdate(d, current, input, newIdempotencyKey());
}

async function sendUpdate(
  d: ViewFlowDeps,
  current: CurrentView,
  input: SavedViewInput,
  key: string,
): Promise<void> {
  d.setStatus({ type: 'busy', what: 'Updating…' });
  try {
    const saved = await d.api.updateView(current.id, current.version, input, key);
    d.onSaved(saved);
    d.setStatus({ type: 'done', message: `Updated “${saved.name}” (version ${saved.version}).` });
    d.reloadViews();
  } catch (e) {
    const target = { id: current.id, name: current.name, input };
    d.setStatus(updateFailed(e, target, () => void sendUpdate(d, current, input, key)));
  }
}

/** After a conflict: writes `input` over the latest version. */
export async function overwrite(d: ViewFlowDeps, id: string, input: SavedViewInput): Promise<void> {
  d.setStatus({ type: 'busy', what: 'Overwriting…' });
  try {
    const latest = await d.api.view(id);
    if (!latest) throw deletedMeanwhile();
    // A new key each time: each attempt writes over the latest version it read.
    const saved = await d.api.updateView(id, latest.version, input, newIdempotencyKey());
    if (d.current?.id === id) d.onSaved(saved);
    d.setStatus({
      type: 'done',
      message: `Overwrote “${saved.name}” with your version (now version ${saved.version}).`,
    });
    d.reloadViews();
  } catch (e) {
    d.setStatus(updateFailed(e, { id, name: input.name, input }, () => void overwrite(d, id, input)));
  }
}

/** Renames a view (and changes its description), keeping what it holds. */
export async function rename(
  d: ViewFlowDeps,
  view: SavedViewSummary,
  name: string,
  description: string,
  key = newIdempotencyKey(),
): Promise<void> {
  d.setStatus({ type: 'busy', what: 'Renaming…' });
  let input: SavedViewInput | null = null;
  try {
    const full = await d.api.view(view.id);
    if (!full) throw deletedMeanwhile();
    const { nodeIds, edgeIds, layout, filter } = full;
    input = { name: name.trim(), description: description.trim() || null, nodeIds, edgeIds, layout, filter };
    const saved = await d.api.updateView(view.id, view.version, input, key);
    if (d.current?.id === view.id) d.onSaved(saved);
    d.renamed();
    d.setStatus({ type: 'done', message: `Renamed to “${saved.name}”.` });
    d.reloadViews();
  } catch (e) {
    const retry = () => void rename(d, view, name, description, key);
    d.setStatus(
      input ? updateFailed(e, { id: view.id, name: view.name, input }, retry) : writeFailed(e, retry),
    );
  }
}

/** Deletes a view. */
export async function remove(
  d: ViewFlowDeps,
  view: SavedViewSummary,
  key = newIdempotencyKey(),
): Promise<void> {
  d.setStatus({ type: 'busy', what: 'Deleting…' });
  try {
    await d.api.deleteView(view.id, key);
    d.deleted();
    d.onDeleted(view.id);
    d.setStatus({ type: 'done', message: `Deleted “${view.name}”.` });
    d.reloadViews();
  } catch (e) {
    d.setStatus(writeFailed(e, () => void remove(d, view, key)));
  }
}
