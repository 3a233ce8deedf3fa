// The workflows of a view's versions: open an earlier version (drawn read-only, a banner says which), compare two
// versions, by default one with the current version (both drawn, what was added and removed marked), go back to the current one, and
// restore an earlier version (it becomes the newest; the view then opens at it). Each says what it is doing and
// what happened through the saved-views panel's status (views/status.ts): a restore refused for the token offers
// to sign in, as the other writes do. Plain async functions over their dependencies, tested without a browser.
import { ApiError, newIdempotencyKey } from '../api/client.ts';
import type { api } from '../api/operations.ts';
import type { SavedView, SavedViewSummary } from '../api/types.ts';
import type { ExplorerState } from '../explorer/state.ts';
import type { Store } from '../shared/store.ts';
import { writeFailed, type Status } from './status.ts';
import { comparisonAction, diffWords, earlierVersionAction } from './versions.ts';
import { openSavedView } from './views.ts';

/** What the workflows read and write. */
export interface VersionDeps {
  api: Pick<typeof api, 'view' | 'viewVersion' | 'restoreView' | 'gradedSources'>;
  explorer: Store<ExplorerState>;
  setStatus: (status: Status) => void;
  /** A restore is done: the view opens again, at its new version. */
  onRestored: (view: SavedViewSummary) => void;
}

/** The number of the latest opening: an earlier one answering later changes nothing. */
let latest = 0;

const unknownVersion = (version: number) =>
  new ApiError(`The view has no version ${version} in its history.`, 'NOT_FOUND');

async function versionOf(d: VersionDeps, id: string, version: number): Promise<SavedView> {
  const old = await d.api.viewVersion(id, version);
  if (!old) throw unknownVersion(version);
  return old;
}

/** Draws version `version` of view `id` read-only, marked as an earlier version of `currentVersion`. */
export async function openVersion(
  d: VersionDeps,
  id: string,
  version: number,
  currentVersion: number,
): Promise<void> {
  const mine = ++latest;
  d.setStatus({ type: 'busy', what: `Opening version ${version}…` });
  try {
    const old = await versionOf(d, id, version);
    if (mine !== latest) return;
    await openSavedView(d, old, () => mine === latest, earlierVersionAction(old, currentVersion));
    d.setStatus({ type: 'done', message: `Showing version ${version} (read-only).` });
  } catch (e) {
    if (mine === latest) d.setStatus(writeFailed(e, () => void openVersion(d, id, version, currentVersion)));
  }
}

/**
 * Draws two versions of view `id` together, what changed from `version` to `later` marked: `later` null is the
 * current version. The later version's picture is the base, read-only like any earlier version.
 */
export async function compareViewVersions(
  d: VersionDeps,
  id: string,
  version: number,
  later: number | null = null,
): Promise<void> {
  const mine = ++latest;
  const what = later === null ? 'the current one' : `version ${later}`;
  d.setStatus({ type: 'busy', what: `Comparing version ${version} with ${what}…` });
  try {
    const [old, now] = await Promise.all([
      versionOf(d, id, version),
      later === null ? d.api.view(id) : versionOf(d, id, later),
    ]);
    if (!now) throw new ApiError('The view was deleted meanwhile.', 'NOT_FOUND');
    if (mine !== latest) return;
    const action = comparisonAction(old, now, later === null);
    await openSavedView(d, now, () => mine === latest, action);
    d.setStatus({
      type: 'done',
      message: `Version ${version} → ${now.version}: ${diffWords(action.earlier!.compare!.diff)}.`,
    });
  } catch (e) {
    if (mine === latest) d.setStatus(writeFailed(e, () => void compareViewVersions(d, id, version, later)));
  }
}

/** Makes version `version` of view `id` its newest; the same Idempotency-Key when tried again. */
export async function restoreVersion(
  d: VersionDeps,
  id: string,
  version: number,
  key = newIdempotencyKey(),
): Promise<void> {
  d.setStatus({ type: 'busy', what: `Restoring version ${version}…` });
  try {
    const saved = await d.api.restoreView(id, version, key);
    d.setStatus({ type: 'done', message: `Restored version ${version} as version ${saved.version}.` });
    d.onRestored(saved);
  } catch (e) {
    d.setStatus(writeFailed(e, () => void restoreVersion(d, id, version, key)));
  }
}
