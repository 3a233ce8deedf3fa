// How a benchmark knows it measures the server it started: the port it listens on (the one given, checked free,
// or one the OS chooses) and proof that what answers there is that server: for a server in this process, a nonce
// it answers on IDENTITY_PATH; for a child process, the kernel's word that the child holds the listening socket
// (/proc/net/tcp and the child's file descriptors). The parsing and the verdicts are pure and unit-tested.
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { CliError } from '../core/cli.ts';

/** Why a benchmark refuses to measure: a port it cannot bind, or a server that is not the one it started. */
export class BenchServerError extends CliError {}

/** Where a server started by the benchmark answers its nonce (not a path of the explorer). */
export const IDENTITY_PATH = '/__bench-identity';

/** A fresh nonce for one server. */
export const newNonce = (): string => randomUUID();

/**
 * The port a benchmark's server should take: the one `source[name]` gives (an environment variable or a command-line
 * option; a number from 1 to 65535), or undefined when unset or empty, meaning "ask the OS" (port 0).
 */
export function requestedPort(source: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const raw = typeof source[name] === 'string' ? source[name].trim() : undefined;
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new BenchServerError(`${name} must be a port number from 1 to 65535, got "${raw}"`);
  return port;
}

/**
 * Checks that `port` (or, with none, a port the OS chooses) can be bound on `host` by binding it for a moment;
 * returns the port. Rejects with a BenchServerError naming the port and the reason (EADDRINUSE: something else
 * is listening there) when it cannot.
 */
export function choosePort(requested: number | undefined, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new BenchServerError(
          `cannot listen on ${host}:${requested ?? 0}: ${e.code ?? e.message}` +
            (e.code === 'EADDRINUSE' ? ' (another process is listening there; give another port)' : ''),
        ),
      ),
    );
    probe.listen({ port: requested ?? 0, host, exclusive: true }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : Number.NaN;
      probe.close(() => resolve(port));
    });
  });
}

/** The URL in the explorer's start-up line "[explorer] serving http://host:port (GraphQL at …)", if printed. */
export function servingUrl(output: string): string | undefined {
  return /\[explorer\] serving (http:\/\/\S+)/.exec(output)?.[1];
}

/** The port of an http://host:port URL (NaN when it has none). */
export const urlPort = (url: string): number => Number(new URL(url).port);

/**
 * The inodes of the sockets in LISTEN state on `port` in the text of /proc/net/tcp or /proc/net/tcp6 (local
 * address `HEXADDR:HEXPORT`, state 0A, inode in the tenth column).
 */
export function listeningInodes(procNetTcp: string, port: number): string[] {
  const inodes: string[] = [];
  for (const line of procNetTcp.split('\n').slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 10) continue;
    const [, local, , state] = cols;
    const hexPort = local?.split(':')[1];
    if (state === '0A' && hexPort && parseInt(hexPort, 16) === port) inodes.push(cols[9]!);
  }
  return inodes;
}

/** The verdict on a server: null when it is the one started, else why not. */
export type Identity = string | null;

/**
 * Whether process `pid`, whose file descriptors point to `fdLinks` (readlink of /proc/<pid>/fd/*), holds a socket
 * listening on `port`, given the listening inodes on that port. `owners` names the processes that do hold them.
 */
export function checkListener(
  port: number,
  pid: number,
  listening: readonly string[],
  fdLinks: readonly string[],
  owners: readonly number[] = [],
): Identity {
  if (listening.length === 0) return `nothing is listening on port ${port}`;
  const held = new Set(fdLinks.map((l) => /^socket:\[(\d+)\]$/.exec(l)?.[1]).filter(Boolean));
  const others = owners.filter((o) => o !== pid);
  if (listening.some((inode) => !held.has(inode)))
    return (
      `port ${port} is held by ${others.length ? `process ${others.join(', ')}` : 'another process'}, ` +
      `not by the server the benchmark started (pid ${pid})`
    );
  return null;
}

/** The symbolic links of /proc/<pid>/fd; empty when they cannot be read (process gone, another user's). */
function fdLinksOf(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).map((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`);
      } catch {
        return '';
      }
    });
  } catch {
    return [];
  }
}

/** A file of /proc, or undefined where it cannot be read (no /proc, process gone). */
function readProc(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The inodes of the sockets listening on `port` (IPv4 and IPv6), or undefined without /proc/net/tcp. */
function listeningOn(port: number): string[] | undefined {
  const v4 = readProc('/proc/net/tcp');
  if (v4 === undefined) return undefined;
  return [v4, readProc('/proc/net/tcp6') ?? ''].flatMap((t) => listeningInodes(t, port));
}

/** The processes (of those this user may read) that hold a socket listening on `port`. */
export function listenerPids(port: number): number[] {
  const wanted = new Set((listeningOn(port) ?? []).map((i) => `socket:[${i}]`));
  if (wanted.size === 0) return [];
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((p) => fdLinksOf(p).some((l) => wanted.has(l)));
}

/**
 * Asks the kernel whether process `pid` holds every socket listening on `port` (Linux: /proc). Throws a
 * BenchServerError saying who does otherwise; returns false, without judging, where /proc/net/tcp is missing.
 */
export function verifyListenerPid(port: number, pid: number): boolean {
  const listening = listeningOn(port);
  if (listening === undefined) return false;
  const mine = fdLinksOf(pid);
  if (checkListener(port, pid, listening, mine) === null) return true;
  const owners = listenerPids(port).filter((p) => p !== pid);
  throw new BenchServerError(checkListener(port, pid, listening, mine, owners)!);
}

/** User plus system CPU time in clock ticks from the text of /proc/<pid>/stat (fields 14 and 15). */
export function statCpuTicks(stat: string): number {
  // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ")".
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** CPU time a process has used so far, in ms (Linux clock ticks of 10 ms), or undefined where unreadable. */
export function cpuTimeMs(pid: number): number | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  return stat === undefined ? undefined : statCpuTicks(stat) * 10;
}

/** The verdict on the answer to GET IDENTITY_PATH: null when it carries `nonce`, else why it is not ours. */
export function checkNonce(nonce: string, answer: { status: number; body: string } | Error): Identity {
  if (answer instanceof Error) return `it did not answer (${answer.message})`;
  if (answer.status !== 200 || answer.body.trim() !== nonce)
    return `it answered ${answer.status} "${answer.body.slice(0, 120)}" instead of the benchmark's nonce`;
  return null;
}

/** Asks `url` for its nonce; throws a BenchServerError when what answers is not the server holding `nonce`. */
export async function verifyNonce(url: string, nonce: string): Promise<void> {
  const answer = await fetch(`${url}${IDENTITY_PATH}`, { signal: AbortSignal.timeout(10_000) }).then(
    async (r) => ({ status: r.status, body: await r.text() }),
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
  const verdict = checkNonce(nonce, answer);
  if (verdict) throw new BenchServerError(`the server on ${url} is not the benchmark's: ${verdict}`);
}
