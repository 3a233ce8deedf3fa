// Writes that retry safely: a write sent again with the same Idempotency-Key (a Retry after a lost answer, or two
// server processes) returns what the first one did and writes nothing again.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { cypher } from '../../../core/db/database.ts';
import { startTestServer, type TestServer } from '../../../test/support/test-server.ts';

let one: TestServer;
let other: TestServer;
beforeAll(async () => {
  one = await startTestServer({ uri: inject('neo4jUri') });
  other = await startTestServer({ uri: inject('neo4jUri') });
});
afterAll(async () => {
  await one.db.write(REMOVE);
  await one.stop();
  await other.stop();
});

const NAMED = cypher(
  'testIdempotencyNamed',
  `MATCH (v:SavedView) WHERE v.name = $name
   RETURN v.id AS id, v.version AS version,
     COUNT { (a:AuditEntry) WHERE a.viewId = v.id } AS audits`,
);
const AUDITS = cypher(
  'testIdempotencyAudits',
  'MATCH (a:AuditEntry {viewId: $id}) RETURN a.action AS action ORDER BY a.at',
);
const REMOVE = cypher(
  'testIdempotencyRemove',
  "MATCH (v:SavedView) WHERE v.name STARTS WITH 'Idempotency ' DETACH DELETE v",
);

const SAVE = 'mutation ($input: SavedViewInput!) { saveView(input: $input) { id name version } }';
const UPDATE = `mutation ($id: ID!, $v: Int!, $input: SavedViewInput!) {
  updateView(id: $id, expectedVersion: $v, input: $input) { id name version }
}`;
const DELETE = 'mutation ($id: ID!) { deleteView(id: $id) }';
const XI = 'actor:xi-jinping';

const input = (name: string) => ({ name, nodeIds: [XI], layout: { zoom: 1 } });
const send = (server: TestServer, query: string, variables: Record<string, unknown>, key?: string) =>
  server.post(query, variables, key ? { 'idempotency-key': key } : {});
const named = async (name: string) =>
  (await one.db.read<{ id: string; version: number; audits: number }>(NAMED, { name })).map((r) => ({
    ...r,
    version: Number(r.version),
    audits: Number(r.audits),
  }));

describe('Idempotency-Key', () => {
  it('saves once when the same save is sent again, to either server process, or five at once', async () => {
    const key = randomUUID();
    const first = await send(one, SAVE, { input: input('Idempotency save') }, key);
    const again = await send(other, SAVE, { input: input('Idempotency save') }, key);
    const burst = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        send(i % 2 ? one : other, SAVE, { input: input('Idempotency save') }, key),
      ),
    );
    for (const r of [first, again, ...burst]) {
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data).toEqual(first.body.data);
    }
    expect(await named('Idempotency save')).toEqual([
      { id: (first.body.data as { saveView: { id: string } }).saveView.id, version: 1, audits: 1 },
    ]);

    // Without a key, or with another one, each save is a new view.
    await send(one, SAVE, { input: input('Idempotency save') });
    await send(one, SAVE, { input: input('Idempotency save') }, randomUUID());
    expect(await named('Idempotency save')).toHaveLength(3);
  });

  it('refuses the same key with a different request, and writes nothing', async () => {
    const key = randomUUID();
    await send(one, SAVE, { input: input('Idempotency first') }, key);
    const reused = await send(one, SAVE, { input: input('Idempotency second') }, key);
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(reused.body.errors?.[0]?.message).toMatch(/already used for a different request/);
    expect(await named('Idempotency second')).toEqual([]);
  });

  it('updates once and deletes once when sent again, also at the same time', async () => {
    const saved = await send(one, SAVE, { input: input('Idempotency update') });
    const id = (saved.body.data as { saveView: { id: string } }).saveView.id;
    const key = randomUUID();
    const update = { id, v: 1, input: input('Idempotency update') };
    const updates = await Promise.all([
      send(one, UPDATE, update, key),
      send(other, UPDATE, update, key),
      send(one, UPDATE, update, key),
    ]);
    for (const r of updates) {
      expect(r.body.errors).toBeUndefined();
      expect(r.body.data).toEqual({ updateView: { id, name: 'Idempotency update', version: 2 } });
    }
    const deleteKey = randomUUID();
    const deletes = await Promise.all([
      send(one, DELETE, { id }, deleteKey),
      send(other, DELETE, { id }, deleteKey),
    ]);
    for (const r of deletes) expect(r.body).toEqual({ data: { deleteView: true } });
    const actions = (await one.db.read<{ action: string }>(AUDITS, { id })).map((r) => r.action);
    expect(actions).toEqual(['SAVE_VIEW', 'UPDATE_VIEW', 'DELETE_VIEW']);
    // A new delete (a new key) of the deleted view is NOT_FOUND, as without keys.
    const later = await send(one, DELETE, { id }, randomUUID());
    expect(later.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('answers a save that outlives the request limit with how it ended, and saves it once', async () => {
    const hasty = await startTestServer({ uri: inject('neo4jUri'), security: { requestTimeoutMs: 1 } });
    try {
      const key = randomUUID();
      const late = await send(hasty, SAVE, { input: input('Idempotency late') }, key);
      expect(late.status).toBe(200);
      expect(late.body.errors).toBeUndefined();
      const again = await send(one, SAVE, { input: input('Idempotency late') }, key);
      expect(again.body.data).toEqual(late.body.data);
      expect(await named('Idempotency late')).toEqual([
        { id: (late.body.data as { saveView: { id: string } }).saveView.id, version: 1, audits: 1 },
      ]);
    } finally {
      await hasty.stop();
    }
  });

  it('refuses a key over 200 characters before anything runs', async () => {
    for (const key of ['x'.repeat(201), 'y'.repeat(5000)]) {
      const r = await one.post(SAVE, { input: input('Idempotency malformed') }, { 'idempotency-key': key });
      expect(r.status, key).toBe(400);
      expect(r.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await named('Idempotency malformed')).toEqual([]);
  });
});
