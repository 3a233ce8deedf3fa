// Whether the server and its database answer, checked in the background while the page is visible (/readyz
// every 10 s, every 3 s while down): the state, what one check found, the banner it calls for, and when to
// check next. Pure, but for `checkServer`, which asks /readyz.

/** Why the explorer cannot work now. */
export type DownCause = 'network' | 'database' | 'starting' | 'maintenance' | 'server';

/** What one check of /readyz found. */
export type Check = { ok: true } | { ok: false; cause: DownCause; message: string };

export type Health =
  | { status: 'unknown' }
  | { status: 'up' }
  | { status: 'down'; cause: DownCause; message: string; since: number };

export const initialHealth: Health = { status: 'unknown' };

/** How often to check while all is well, and while something is down. */
export const CHECK_EVERY_MS = { up: 10_000, down: 3_000 };
/** Longest a check may take before it counts as the server not answering. */
export const CHECK_TIMEOUT_MS = 5_000;

/** The health after a check made at `now`. A cause that lasts keeps the time it started. */
export function healthChecked(state: Health, check: Check, now: number): Health {
  if (check.ok) return state.status === 'up' ? state : { status: 'up' };
  if (state.status === 'down' && state.cause === check.cause && state.message === check.message) return state;
  return {
    status: 'down',
    cause: check.cause,
    message: check.message,
    since: state.status === 'down' ? state.since : now,
  };
}

/** Whether going from `before` to `after` is a recovery (something was down, all answers now). */
export function recovered(before: Health, after: Health): boolean {
  return before.status === 'down' && after.status === 'up';
}

/** When to check next. */
export function nextCheckMs(state: Health): number {
  return state.status === 'down' ? CHECK_EVERY_MS.down : CHECK_EVERY_MS.up;
}

/** The banner the state calls for: what is wrong and what happens now; null when nothing is. */
export function bannerOf(state: Health): { title: string; message: string } | null {
  if (state.status !== 'down') return null;
  const then = 'The explorer checks again every few seconds and carries on by itself when it is back.';
  switch (state.cause) {
    case 'network':
      return { title: 'The server cannot be reached.', message: `Check your connection. ${then}` };
    case 'database':
      return { title: 'The database is not answering.', message: then };
    case 'starting':
      return { title: 'The server is starting.', message: `${state.message}. ${then}` };
    case 'maintenance':
      return { title: 'The database is under maintenance.', message: `${state.message}. ${then}` };
    case 'server':
      return { title: 'The server is not answering as it should.', message: `${state.message}. ${then}` };
    default: {
      const never: never = state.cause;
      throw new Error(`unknown cause ${String(never)}`);
    }
  }
}

/** What a /readyz answer says. */
export function checkOfAnswer(status: number, body: unknown): Check {
  if (status === 200) return { ok: true };
  const b = (body ?? {}) as { cause?: unknown; message?: unknown };
  const message = typeof b.message === 'string' ? b.message : `HTTP ${status}`;
  if (status === 503 && b.cause === 'database') return { ok: false, cause: 'database', message };
  if (status === 503 && b.cause === 'startup') return { ok: false, cause: 'starting', message };
  if (status === 503 && b.cause === 'maintenance') return { ok: false, cause: 'maintenance', message };
  return { ok: false, cause: 'server', message };
}

/** Asks /readyz once. Never throws: a request that fails or takes too long means the server cannot be reached. */
export async function checkServer(
  fetchFn: typeof fetch = fetch,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<Check> {
  try {
    const r = await fetchFn('/readyz', {
      cache: 'no-store',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body: unknown = await r.json().catch(() => null);
    return checkOfAnswer(r.status, body);
  } catch (e) {
    return { ok: false, cause: 'network', message: (e as Error).message };
  }
}
