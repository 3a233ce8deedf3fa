// The memo's coordinates in the real Neo4j: the integration setup has seeded the memo (seedIfEmpty), so its meetings
// in Samarkand carry their place's latitude and longitude, and its states their capital's; the same files sent as
// texts (the API's path, validateDocumentTexts) give the same coordinates. Reads only.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb, cypher } from '../../core/db/database.ts';
import { formatSeedError } from './files.ts';
import { validateDocumentTexts } from './import.ts';
import { DEFAULT_DOCUMENTS_DIR } from './read.ts';
import { MEMO } from '../../test/support/seed-copies.ts';

const db = createDb({ uri: inject('neo4jUri') });
afterAll(() => db.close());

const LOCATED = cypher(
  'testPlacesLocated',
  `MATCH (n:Entity) WHERE n.latitude IS NOT NULL
   RETURN n.id AS id, n.kind AS kind, n.place AS place, n.capital AS capital, n.latitude AS latitude,
     n.longitude AS longitude
   ORDER BY id`,
);

interface Located {
  id: string;
  kind: string;
  place: string | null;
  capital: string | null;
  latitude: number;
  longitude: number;
}

describe('the memo’s places in the graph', () => {
  it('puts its three meetings in Samarkand at Samarkand, and its states at their capitals', async () => {
    const rows = await db.read<Located>(LOCATED);
    const inSamarkand = rows.filter((r) => r.place === 'Samarkand, Uzbekistan');
    expect(inSamarkand.map((r) => r.id)).toEqual([
      'meeting:sco-summit-samarkand-2022',
      'meeting:xi-address-sco-council-2022-09-16',
      'meeting:xi-putin-samarkand-2022-09-15',
    ]);
    for (const r of inSamarkand) expect([r.latitude, r.longitude]).toEqual([39.65, 66.96]);
    expect(rows.find((r) => r.id === 'actor:russia')).toMatchObject({
      capital: 'Moscow',
      latitude: 55.75,
      longitude: 37.62,
    });
    // A place that is only a country: at its capital (Astana for Kazakhstan).
    expect(rows.find((r) => r.id === 'meeting:xi-visit-kazakhstan-2022-09')).toMatchObject({
      latitude: 51.18,
      longitude: 71.45,
    });
    expect(rows.filter((r) => r.kind === 'ACTOR')).toHaveLength(13);
    expect(rows.every((r) => r.kind === 'ACTOR' || r.kind === 'MEETING')).toBe(true);
  });

  it('gives the same coordinates to the memo’s files sent as texts, as the API validates them', async () => {
    const dir = path.join(DEFAULT_DOCUMENTS_DIR, MEMO);
    const files = readdirSync(dir).map((name) => ({
      name,
      content: readFileSync(path.join(dir, name), 'utf8'),
    }));
    expect(files.map((f) => f.name)).toContain('places.yaml');
    const checked = await db.readTransaction((tx) => validateDocumentTexts(tx, files));
    if (!checked.ok) throw new Error(checked.errors.map(formatSeedError).join('\n'));
    const summit = checked.document.nodes.find((n) => n.id === 'meeting:sco-summit-samarkand-2022');
    expect(summit?.props).toMatchObject({ latitude: 39.65, longitude: 66.96 });
  });
});
