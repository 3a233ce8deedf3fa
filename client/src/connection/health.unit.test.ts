import { describe, expect, it } from 'vitest';
import * as health from './health.ts';

const down = { ok: false as const, cause: 'network' as const, message: 'Failed to fetch' };

describe('the server’s status', () => {
  it('shows no banner until a check fails, a banner with the cause while down, none again on recovery', () => {
    let s = health.initialHealth;
    expect(health.bannerOf(s)).toBeNull();
    s = health.healthChecked(s, { ok: true }, 0);
    expect(s).toEqual({ status: 'up' });
    expect(health.bannerOf(s)).toBeNull();
    const before = s;
    s = health.healthChecked(s, down, 1000);
    expect(s).toMatchObject({ status: 'down', cause: 'network', since: 1000 });
    expect(health.bannerOf(s)?.title).toBe('The server cannot be reached.');
    expect(health.recovered(before, s)).toBe(false);
    const database = health.healthChecked(
      s,
      { ok: false, cause: 'database', message: 'connection refused' },
      4000,
    );
    expect(database).toMatchObject({ status: 'down', cause: 'database', since: 1000 });
    expect(health.bannerOf(database)?.title).toBe('The database is not answering.');
    const back = health.healthChecked(database, { ok: true }, 7000);
    expect(health.recovered(database, back)).toBe(true);
    expect(health.bannerOf(back)).toBeNull();
    expect(health.recovered(back, health.healthChecked(back, { ok: true }, 8000))).toBe(false);
  });

  it('keeps the same state for the same failure, and checks more often while down', () => {
    const s = health.healthChecked({ status: 'up' }, down, 0);
    expect(health.healthChecked(s, down, 3000)).toBe(s);
    expect(health.nextCheckMs(s)).toBe(health.CHECK_EVERY_MS.down);
    expect(health.nextCheckMs({ status: 'up' })).toBe(health.CHECK_EVERY_MS.up);
    expect(health.nextCheckMs(health.initialHealth)).toBe(health.CHECK_EVERY_MS.up);
    expect(health.CHECK_EVERY_MS.up + health.CHECK_TIMEOUT_MS).toBeLessThanOrEqual(15_000);
  });

  it('reads /readyz: 200 is up, 503 names the database, the start-up or maintenance', () => {
    expect(health.checkOfAnswer(200, { status: 'ready' })).toEqual({ ok: true });
    expect(health.checkOfAnswer(503, { cause: 'database', message: 'refused' })).toEqual({
      ok: false,
      cause: 'database',
      message: 'refused',
    });
    expect(health.checkOfAnswer(503, { cause: 'startup', message: 'loading the seed graph' })).toMatchObject({
      cause: 'starting',
    });
    expect(health.checkOfAnswer(503, { cause: 'maintenance', message: 'restore' })).toMatchObject({
      cause: 'maintenance',
    });
    expect(health.checkOfAnswer(502, null)).toEqual({ ok: false, cause: 'server', message: 'HTTP 502' });
  });

  it('asks /readyz and never throws: a failed request means the server cannot be reached', async () => {
    const ok = (async () => new Response('{"status":"ready"}', { status: 200 })) as typeof fetch;
    expect(await health.checkServer(ok)).toEqual({ ok: true });
    const refused = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await health.checkServer(refused)).toEqual(down);
    const unavailable = (async () =>
      new Response('{"cause":"database","message":"gone"}', { status: 503 })) as typeof fetch;
    expect(await health.checkServer(unavailable)).toMatchObject({ ok: false, cause: 'database' });
  });
});
