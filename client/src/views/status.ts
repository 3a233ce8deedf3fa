// What the saved-views panel says about the last write: busy, done, failed (and whether trying again may help),
// refused for the token (sign in with another), or in conflict with someone else's update. Pure.
import { ERROR_CODES, ERROR_TABLE } from '../../../core/errors.ts';
import { ApiError, describeError, type ApiErrorCode } from '../api/client.ts';
import type { SavedViewInput } from '../api/types.ts';

export type Status =
  | { type: 'idle' }
  | { type: 'busy'; what: string }
  | { type: 'done'; message: string }
  | { type: 'error'; message: string; retry?: () => void }
  | { type: 'denied'; message: string; retry: () => void }
  | { type: 'conflict'; id: string; name: string; input: SavedViewInput; message: string };

export const idleStatus: Status = { type: 'idle' };

/** Failures worth simply trying again a little later: the codes the error table calls retryable, and NETWORK. */
const TRANSIENT: ApiErrorCode[] = [...ERROR_CODES.filter((c) => ERROR_TABLE[c].retryable), 'NETWORK'];

/** Why a write failed, with the way on: sign in with another token, or try again. */
export function writeFailed(e: unknown, retry: () => void): Status {
  const code = e instanceof ApiError ? e.code : undefined;
  if (code === 'FORBIDDEN') {
    return { type: 'denied', message: `Your token can read but not save: ${(e as ApiError).message}`, retry };
  }
  if (code === 'UNAUTHENTICATED') {
    return { type: 'denied', message: 'Saving needs an editor token, and none was accepted.', retry };
  }
  return { type: 'error', message: describeError(e), ...(code && TRANSIENT.includes(code) ? { retry } : {}) };
}

/** Why an update of an existing view failed: a conflict offers the choice, anything else as `writeFailed`. */
export function updateFailed(
  e: unknown,
  target: { id: string; name: string; input: SavedViewInput },
  retry: () => void,
): Status {
  if (e instanceof ApiError && e.code === 'CONFLICT') {
    return {
      type: 'conflict',
      ...target,
      message: `Someone else changed “${target.name}” after you opened it. Your changes are not saved yet.`,
    };
  }
  return writeFailed(e, retry);
}
