import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BenchServerError,
  checkListener,
  checkNonce,
  choosePort,
  listeningInodes,
  requestedPort,
  servingUrl,
  statCpuTicks,
  urlPort,
  verifyListenerPid,
} from './listener.ts';

// /proc/net/tcp as Linux prints it: 127.0.0.1:4000 (0FA0) listening with inode 5001, 0.0.0.0:2024 (07E8)
// listening with inode 1045, and an established connection to port 4000 (state 01) that must not count.
const PROC_NET_TCP = `  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 0100007F:0FA0 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5001 1 0000000000000000 100 0 0 10 0
   1: 00000000:07E8 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1045 1 0000000000000000 100 0 0 10 0
   2: 0100007F:9C40 0100007F:0FA0 01 00000000:00000000 00:00000000 00000000     0        0 7002 1 0000000000000000 20 4 30 10 -1
`;

describe('the port a benchmark server takes', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  });

  it('reads the port given, or none (ask the OS), and refuses anything else', () => {
    expect(requestedPort({ PORT: '4191' }, 'PORT')).toBe(4191);
    expect(requestedPort({ port: ' 4191 ' }, 'port')).toBe(4191);
    expect(requestedPort({}, 'PORT')).toBeUndefined();
    expect(requestedPort({ PORT: '' }, 'PORT')).toBeUndefined();
    expect(() => requestedPort({ PORT: '0' }, 'PORT')).toThrow(BenchServerError);
    expect(() => requestedPort({ PORT: '70000' }, 'PORT')).toThrow(/PORT must be a port number/);
    expect(() => requestedPort({ PORT: 'four' }, 'PORT')).toThrow(/"four"/);
  });

  it('asks the OS for a free port when none is given', async () => {
    const port = await choosePort(undefined);
    expect(port).toBeGreaterThan(0);
    // It was free: it can be bound again.
    expect(await choosePort(port)).toBe(port);
  });

  it('refuses a port another process listens on, naming it', async () => {
    const taken = createServer();
    servers.push(taken);
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    await expect(choosePort(port)).rejects.toThrow(
      new RegExp(`cannot listen on 127.0.0.1:${port}: EADDRINUSE \\(another process is listening there`),
    );
    await expect(choosePort(port)).rejects.toBeInstanceOf(BenchServerError);
  });

  it('reads where the explorer says it listens from its start-up line', () => {
    const out =
      '[explorer] no API_TOKENS: open mode\n[explorer] serving http://127.0.0.1:44131 (GraphQL at http://127.0.0.1:44131/graphql); Ctrl-C stops\n';
    expect(servingUrl(out)).toBe('http://127.0.0.1:44131');
    expect(urlPort(servingUrl(out)!)).toBe(44131);
    expect(
      servingUrl('[explorer] cannot start: listen EADDRINUSE: address already in use 127.0.0.1:4000'),
    ).toBe(undefined);
  });
});

describe('who answers: the listening socket', () => {
  it('finds the sockets listening on a port, and only those', () => {
    expect(listeningInodes(PROC_NET_TCP, 4000)).toEqual(['5001']);
    expect(listeningInodes(PROC_NET_TCP, 2024)).toEqual(['1045']);
    expect(listeningInodes(PROC_NET_TCP, 40000)).toEqual([]); // 9C40 is a client end, not listening
    expect(listeningInodes('', 4000)).toEqual([]);
  });

  it('accepts the process that holds the listening socket', () => {
    const fds = ['/dev/null', 'pipe:[11424]', 'socket:[5001]', 'anon_inode:[eventpoll]'];
    expect(checkListener(4000, 8514, ['5001'], fds)).toBeNull();
  });

  it('refuses when another process holds it, and says which', () => {
    const fds = ['/dev/null', 'socket:[6000]'];
    expect(checkListener(4000, 8514, ['5001'], fds, [777])).toBe(
      'port 4000 is held by process 777, not by the server the benchmark started (pid 8514)',
    );
    expect(checkListener(4000, 8514, ['5001'], fds)).toMatch(/held by another process/);
    // Ours and a second listener (SO_REUSEPORT): connections may go to either, so it is refused too.
    expect(checkListener(4000, 8514, ['5001', '5002'], ['socket:[5001]'], [777])).toMatch(/process 777/);
  });

  it('refuses when nothing listens', () => {
    expect(checkListener(4000, 8514, [], ['socket:[5001]'])).toBe('nothing is listening on port 4000');
  });
});

describe('who answers: the nonce of a server in this process', () => {
  const nonce = '3f0c7a3e-0d8b-4a53-9d39-5a9b4b7f1e11';

  it('accepts the answer that carries the nonce', () => {
    expect(checkNonce(nonce, { status: 200, body: `${nonce}\n` })).toBeNull();
  });

  it('refuses another explorer, another nonce, or no answer', () => {
    // Another explorer answers an unknown path with its client page or a 404.
    expect(checkNonce(nonce, { status: 404, body: 'Cannot GET /__bench-identity' })).toMatch(
      /answered 404 "Cannot GET/,
    );
    expect(checkNonce(nonce, { status: 200, body: '<!doctype html><title>Explorer</title>' })).toMatch(
      /instead of the benchmark's nonce/,
    );
    expect(checkNonce(nonce, { status: 200, body: '0f5e2f6c-another-benchmark' })).not.toBeNull();
    expect(checkNonce(nonce, new Error('connect ECONNREFUSED 127.0.0.1:4000'))).toBe(
      'it did not answer (connect ECONNREFUSED 127.0.0.1:4000)',
    );
  });
});

describe.skipIf(!existsSync('/proc/net/tcp'))('who answers: the kernel, on this machine', () => {
  it('confirms this process holds its own socket, and names it when another pid is claimed', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      expect(verifyListenerPid(port, process.pid)).toBe(true);
      const other = process.ppid;
      expect(() => verifyListenerPid(port, other)).toThrow(
        `port ${port} is held by process ${process.pid}, not by the server the benchmark started (pid ${other})`,
      );
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('CPU time of a process', () => {
  it('reads user and system ticks from /proc/<pid>/stat, whatever the command name holds', () => {
    const stat = (comm: string) =>
      `25270 (${comm}) R 25216 25216 4120 0 -1 4194304 124 0 0 0 731 112 0 0 20 0 1 0 1103144 3133440 414`;
    expect(statCpuTicks(stat('node'))).toBe(843);
    expect(statCpuTicks(stat('node (x) y'))).toBe(843);
  });
});
