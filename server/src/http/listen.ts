// Binds the app to a port and stops it gracefully: no new connections, requests in flight run to their end, idle
// keep-alive connections are closed, and whatever is still open after the grace period is cut.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

export interface Listening {
  server: Server;
  /** http://host:port as bound (port 0 becomes the port chosen). */
  url: string;
  /**
   * Stops accepting connections and resolves once every request in flight has been answered (or after `graceMs`,
   * when the connections still open are cut).
   */
  close(graceMs?: number): Promise<void>;
}

/** Listens on host:port; rejects if the port cannot be bound. */
export async function listen(app: Express, port: number, host: string): Promise<Listening> {
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(port, host, () => resolve(s));
    s.once('error', reject);
  });
  const { port: bound } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    server,
    url: `http://${shown}:${bound}`,
    close(graceMs = 10_000) {
      closing ??= new Promise<void>((resolve) => {
        // A keep-alive connection becomes idle when its request is answered: close those as they appear.
        const idle = setInterval(() => server.closeIdleConnections(), 50);
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearInterval(idle);
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
