// Access control as a client sees it: open mode on loopback, tokens with reader and editor roles, who made each
// change, the audit log (same transaction as the write, kept in backups), and the refusal to listen beyond
// loopback without tokens.
import { request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runScript } from '../../../test/support/process.ts';
import { parseApiTokens, tokenStore } from '../access/tokens.ts';
import { backup } from '../backup/backup.ts';
import type { Db, Tx } from '../../../core/db/database.ts';
import { saveView, view } from '../views/index.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';

const EDITOR = 'ana:editor:editor-token-ana-0123456789';
const EDITOR2 = 'cy:editor:editor-token-cy-0123456789';
const READER = 'bo:reader:reader-token-bo-0123456789';
const bearer = (entry: string) => ({ authorization: `Bearer ${entry.split(':').slice(2).join(':')}` });
const tokens = tokenStore(parseApiTokens([EDITOR, EDITOR2, READER].join(',')));

const SAVE = `mutation ($input: SavedViewInput!) {
  saveView(input: $input) { id name version createdBy updatedBy }
}`;
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: SavedViewInput!) {
  updateView(id: $id, expectedVersion: $v, input: $input) { id version createdBy updatedBy }
}`;
const DELETE = 'mutation ($id: ID!) { deleteView(id: $id) }';
const VIEW = 'query ($id: ID!) { view(id: $id) { id name version createdBy updatedBy } }';
const AUDIT = `query ($viewId: ID) { auditLog(limit: 20, viewId: $viewId) { id at actor action viewId version viewName } }`;
const STATS = '{ stats { nodeCount } }';
const input = (name: string) => ({ name, nodeIds: ['actor:xi-jinping', 'actor:vladimir-putin'] });

interface AuditRow {
  actor: string;
  action: string;
  viewId: string;
  version: number | null;
  viewName: string | null;
  at: string;
}

/** A request with a chosen Host header (fetch does not let one set it). */
function withHost(url: string, host: string): Promise<{ status: number; body: string }> {
  const u = new URL(`${url}/graphql`);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        headers: { host, 'content-type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query: STATS }));
  });
}

let open: TestServer;
let guarded: TestServer;
let publicReads: TestServer;
const made: string[] = [];

beforeAll(async () => {
  const uri = inject('neo4jUri');
  open = await startTestServer({ uri });
  guarded = await startTestServer({ uri, security: { tokens } });
  publicReads = await startTestServer({ uri, security: { tokens, anonymousReads: true } });
});
afterAll(async () => {
  for (const id of made) await open.post(DELETE, { id });
  await open?.stop();
  await guarded?.stop();
  await publicReads?.stop();
});

describe('open mode (no tokens, loopback only)', () => {
  it('lets anyone on this machine read and write, recorded as "local"', async () => {
    const r = await open.post(SAVE, { input: input('open mode view') });
    expect(r.status).toBe(200);
    const saved = r.body.data?.saveView as { id: string; createdBy: string; updatedBy: string };
    made.push(saved.id);
    expect(saved).toMatchObject({ createdBy: 'local', updatedBy: 'local' });
  });

  it('answers only requests addressed to a loopback name (no DNS rebinding)', async () => {
    const port = new URL(open.url).port;
    expect((await withHost(open.url, `127.0.0.1:${port}`)).status).toBe(200);
    expect((await withHost(open.url, `localhost:${port}`)).status).toBe(200);
    const rebound = await withHost(open.url, `attacker.example:${port}`);
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('with API tokens', () => {
  it('refuses reads without a token, with an unknown token or a malformed header: 401 UNAUTHENTICATED', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer not-a-configured-token-at-all' },
      { authorization: 'Basic abc' },
    ];
    for (const headers of attempts) {
      const r = await guarded.post(STATS, {}, headers);
      expect(r.status, JSON.stringify(headers)).toBe(401);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(r.body.data).toBeUndefined();
    }
  });

  it('lets a reader read but not write (403 FORBIDDEN, nothing saved)', async () => {
    expect((await guarded.post(STATS, {}, bearer(READER))).status).toBe(200);
    const before = await guarded.post('{ views(limit: 1000) { id } }', {}, bearer(READER));
    const r = await guarded.post(SAVE, { input: input('reader tries') }, bearer(READER));
    expect(r.status).toBe(403);
    expect(r.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.body.errors?.[0]?.message).toContain('editor');
    const after = await guarded.post('{ views(limit: 1000) { id } }', {}, bearer(READER));
    expect(after.body.data).toEqual(before.body.data);
  });

  it('lets editors save, update and delete, recording who created and who last changed each view', async () => {
    const saved = await guarded.post(SAVE, { input: input('Samarkand by Ana') }, bearer(EDITOR));
    expect(saved.status).toBe(200);
    const v = saved.body.data?.saveView as { id: string; version: number };
    made.push(v.id);
    expect(saved.body.data?.saveView).toMatchObject({ createdBy: 'ana', updatedBy: 'ana', version: 1 });

    const forbidden = await guarded.post(UPDATE, { id: v.id, v: 1, input: input('x') }, bearer(READER));
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await guarded.post(DELETE, { id: v.id });
    expect(anonymous.status).toBe(401);

    const updated = await guarded.post(
      UPDATE,
      { id: v.id, v: 1, input: input('Samarkand, edited by Cy') },
      bearer(EDITOR2),
    );
    expect(updated.body.data?.updateView).toMatchObject({ version: 2, createdBy: 'ana', updatedBy: 'cy' });
    const read = await guarded.post(VIEW, { id: v.id }, bearer(READER));
    expect(read.body.data?.view).toMatchObject({
      name: 'Samarkand, edited by Cy',
      createdBy: 'ana',
      updatedBy: 'cy',
    });

    expect(
      (await guarded.post(DELETE, { id: v.id }, bearer(READER))).body.errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await guarded.post(DELETE, { id: v.id }, bearer(EDITOR))).body.data).toEqual({
      deleteView: true,
    });

    // The audit log, newest first: who, what, when, which view, which version.
    const denied = await guarded.post(AUDIT, { viewId: v.id }, bearer(READER));
    expect(denied.status).toBe(403); // a refusal that leaves no data is the answer's status, as documented
    expect(denied.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const log = await guarded.post(AUDIT, { viewId: v.id }, bearer(EDITOR));
    const entries = log.body.data?.auditLog as AuditRow[];
    expect(
      entries.map(({ actor, action, version, viewName }) => ({ actor, action, version, viewName })),
    ).toEqual([
      { actor: 'ana', action: 'DELETE_VIEW', version: 2, viewName: 'Samarkand, edited by Cy' },
      { actor: 'cy', action: 'UPDATE_VIEW', version: 2, viewName: 'Samarkand, edited by Cy' },
      { actor: 'ana', action: 'SAVE_VIEW', version: 1, viewName: 'Samarkand by Ana' },
    ]);
    expect(entries.every((e) => e.viewId === v.id && !Number.isNaN(Date.parse(e.at)))).toBe(true);
    // Refused writes left no entry (three entries only).
  });

  it('with anonymous reads on, reads need no token but writes still need an editor', async () => {
    expect((await publicReads.post(STATS)).status).toBe(200);
    const write = await publicReads.post(SAVE, { input: input('anonymous') });
    expect(write.status).toBe(401);
    expect(write.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // A wrong token is still refused, even for a read.
    expect(
      (await publicReads.post(STATS, {}, { authorization: 'Bearer wrong-token-0123456789' })).status,
    ).toBe(401);
  });
});

describe('the audit log', () => {
  it('is written in the same transaction as the write: if the entry cannot be written, neither is the view', async () => {
    const db = open.db;
    const failingAudit: Db = {
      ...db,
      writeTransaction: (work, options) =>
        db.writeTransaction(
          (tx) =>
            work({
              run: (query, params) => {
                if (query.name === 'auditRecord') throw new Error('audit entry refused');
                return tx.run(query, params);
              },
            } satisfies Tx),
          options,
        ),
    };
    const before = (await open.post('{ views(limit: 1000) { id } }')).body.data?.views as unknown[];
    await expect(saveView(failingAudit, input('never saved'), 'tester')).rejects.toThrow();
    const after = (await open.post('{ views(limit: 1000) { id } }')).body.data?.views as unknown[];
    expect(after).toHaveLength(before.length);
  });

  it('is part of a backup', async () => {
    const saved = await saveView(open.db, input('backed-up view'), 'tester');
    made.push(saved.id);
    expect((await view(open.db, saved.id))?.createdBy).toBe('tester');
    const dir = mkdtempSync(path.join(tmpdir(), 'kg-audit-'));
    try {
      const file = path.join(dir, 'backup.jsonl');
      await backup(open.db, file);
      const entries = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"AuditEntry"'))
        .map((l) => (JSON.parse(l) as { node: { props: Record<string, unknown> } }).node.props);
      expect(entries).toContainEqual(
        expect.objectContaining({
          action: 'SAVE_VIEW',
          actor: 'tester',
          viewId: saved.id,
          viewName: 'backed-up view',
        }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('starting beyond loopback', () => {
  it('refuses to start on 0.0.0.0 without API_TOKENS, in one line, and starts with them', async () => {
    const refused = runScript('server/src/app/main.ts', {
      HOST: '0.0.0.0',
      PORT: '0',
      NEO4J_URI: 'bolt://127.0.0.1:1',
    });
    expect(await refused.exited).toBe(1);
    const lines = refused.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[explorer\] cannot start: HOST=0\.0\.0\.0 .*needs API_TOKENS/);

    const started = runScript('server/src/app/main.ts', {
      HOST: '0.0.0.0',
      PORT: '0',
      NEO4J_URI: 'bolt://127.0.0.1:1',
      API_TOKENS: EDITOR,
    });
    try {
      await started.waitFor(/serving http:\/\/0\.0\.0\.0:\d+/, 60_000);
      expect(started.output()).toContain('writes need an editor token');
    } finally {
      started.child.kill('SIGINT');
      await started.exited;
    }
  });
});
