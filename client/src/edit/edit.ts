// The edit pane's state: which form is open (and on what), what the last write is doing or how it failed, and
// the notice left after a write (after a merge: with "Undo merge"). Pure transitions; the flows (flows.ts) run the
// writes, the pane (EditPane.tsx) renders them.
import { ERROR_CODES, ERROR_TABLE } from '../../../core/errors.ts';
import { ApiError, describeError, type ApiErrorCode } from '../api/client.ts';
import type { GraphEdge, GraphNode } from '../api/types.ts';

/** A form open on its target. */
export type EditTarget =
  | { type: 'addEdge'; node: GraphNode }
  | { type: 'correct'; node: GraphNode }
  | { type: 'retract'; item: GraphNode | GraphEdge; label: string }
  | { type: 'merge'; node: GraphNode }
  | { type: 'addNode'; near: GraphNode | null };

export type EditStatus =
  | { type: 'idle' }
  | { type: 'busy'; what: string }
  | { type: 'info'; message: string }
  | { type: 'error'; message: string; retry?: () => void }
  /** Refused for the token: sign in with an editor's, then try again. */
  | { type: 'denied'; message: string; forbidden: boolean; retry: () => void }
  /** The node changed since it was read: load it again, or send the correction again over the new version. */
  | { type: 'conflict'; message: string; reload: () => void; reapply: () => void };

/** What a merge leaves to undo it: the kept node and the names of both. */
export interface UndoMerge {
  keptId: string;
  keptLabel: string;
  mergedLabel: string;
}

export interface EditNotice {
  message: string;
  undo: UndoMerge | null;
}

export interface EditState {
  open: EditTarget | null;
  status: EditStatus;
  notice: EditNotice | null;
}

export const idle: EditStatus = { type: 'idle' };
export const initialEdit: EditState = { open: null, status: idle, notice: null };

/** Opens a form (closing any other, and the last notice). */
export const opened = (_s: EditState, target: EditTarget): EditState => ({
  open: target,
  status: idle,
  notice: null,
});

/** Closes the form (and forgets the status of its write). */
export const closed = (s: EditState): EditState => ({ ...s, open: null, status: idle });

/** A write is done: the form closes and the notice says what happened. */
export const written = (_s: EditState, notice: EditNotice): EditState => ({
  open: null,
  status: idle,
  notice,
});

export const statusSet = (s: EditState, status: EditStatus): EditState => ({ ...s, status });

/** The node a form is open on changed (loaded again): the form keeps its entries, on the new copy. */
export function targetReloaded(s: EditState, node: GraphNode): EditState {
  const open = s.open;
  if (!open || !('node' in open) || open.node.id !== node.id) return s;
  return { ...s, open: { ...open, node } };
}

/** Failures worth simply trying again: the codes the error table calls retryable, and NETWORK. */
const TRANSIENT: ApiErrorCode[] = [...ERROR_CODES.filter((c) => ERROR_TABLE[c].retryable), 'NETWORK'];

/**
 * Why a write failed, with the way on: sign in with an editor token, or try again when that may help. The
 * server's BAD_USER_INPUT message is shown as it is (it says what is missing).
 */
export function writeFailed(e: unknown, retry: () => void): EditStatus {
  const code = e instanceof ApiError ? e.code : undefined;
  if (code === 'FORBIDDEN')
    return {
      type: 'denied',
      message: `Your token can read but not edit: ${(e as ApiError).message}`,
      forbidden: true,
      retry,
    };
  if (code === 'UNAUTHENTICATED')
    return { type: 'denied', message: 'Editing needs an editor token.', forbidden: false, retry };
  if (code === 'BAD_USER_INPUT') return { type: 'error', message: (e as ApiError).message };
  return { type: 'error', message: describeError(e), ...(code && TRANSIENT.includes(code) ? { retry } : {}) };
}

/** True for the CONFLICT of a stale expectedVersion. */
export const isConflict = (e: unknown): boolean => e instanceof ApiError && e.code === 'CONFLICT';
