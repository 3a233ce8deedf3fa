// npm run document:add against the real Neo4j: the review is printed and nothing written; with --yes and one
// match changed the document is imported as judged; a folder with errors lists them and writes nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb, cypher } from '../core/db/database.ts';
import { removeDocument } from '../graph-seed/src/documents.ts';

const uri = inject('neo4jUri');
const db = createDb({ uri, txTimeoutMs: 120_000 });
const VARIANTS = path.resolve(import.meta.dirname, '../server/src/documents/fixtures/scratch-variants-brief');
const NAME = 'scratch-variants-brief';

const COUNTS = cypher(
  'testDocumentAddCounts',
  `RETURN COUNT { MATCH (n:Entity) } AS nodes, COUNT { MATCH (:Entity)-[r]->(:Entity) } AS relationships,
     COUNT { MATCH (d:Document {name: $name}) } AS documents`,
);
const PUTIN = cypher('testDocumentAddPutin', 'MATCH (n:Entity {id: $id}) RETURN n.documents AS documents');
const counts = async () =>
  (await db.read<{ nodes: number; relationships: number; documents: number }>(COUNTS, { name: NAME }))[0]!;

function run(args: string[]) {
  const r = spawnSync(path.resolve('node_modules/.bin/tsx'), ['scripts/document-add.ts', ...args], {
    env: { ...process.env, NEO4J_URI: uri },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(async () => {
  if ((await counts()).documents > 0) await removeDocument(db, NAME);
  await db.close();
});

describe('npm run document:add', () => {
  it('prints the review and writes nothing, then imports with one match changed', async () => {
    const before = await counts();
    const review = run([VARIANTS]);
    expect(review.stderr).toBe('');
    expect(review.code).toBe(0);
    const lines = review.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^document:scratch-variants-brief: \d+ to add, 0 to change, 0 to remove$/);
    expect(lines).toContain(
      '  actor:xi-jinping ~ actor:xi-jinping (same id, 1.00): SAME as actor:xi-jinping',
    );
    expect(lines.find((l) => l.startsWith('  actor:scratch-wladimir-putin ~ actor:vladimir-putin'))).toMatch(
      /: UNSURE$/,
    );
    expect(lines.at(-1)).toMatch(/^nothing was written/);
    expect(await counts()).toEqual(before);

    const added = run([VARIANTS, '--yes', '--same', 'actor:scratch-wladimir-putin=actor:vladimir-putin']);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toContain(`imported ${NAME}`);
    expect(added.stdout).toMatch(
      /actor:scratch-wladimir-putin ~ actor:vladimir-putin \(.*\): SAME as actor:vladimir-putin/,
    );
    // Wladimir Putin is the memo's Vladimir Putin now, named by both documents.
    const [putin] = await db.read<{ documents: string[] }>(PUTIN, { id: 'actor:vladimir-putin' });
    expect(putin!.documents).toEqual(['no-limits-memo', NAME]);
    expect((await db.read(PUTIN, { id: 'actor:scratch-wladimir-putin' })).length).toBe(0);
    expect((await counts()).documents).toBe(1);

    await removeDocument(db, NAME);
    expect(await counts()).toEqual(before);
  });

  it('lists every error of a broken folder with file, path and reason, and writes nothing', async () => {
    const before = await counts();
    const dir = mkdtempSync(path.join(tmpdir(), 'document-add-'));
    try {
      cpSync(VARIANTS, dir, { recursive: true });
      const file = path.join(dir, 'actors.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('actorType: person', 'actorType: wizard'));
      const broken = run([dir]);
      expect(broken.code).toBe(1);
      const lines = broken.stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^actors\.yaml: actors\[0\]\.actorType: /);
      expect(lines.at(-1)).toMatch(/^1 error\(s\) in .*; nothing was written$/);
      expect(await counts()).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
