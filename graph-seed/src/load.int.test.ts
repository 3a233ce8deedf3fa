// The loader against the real Neo4j. The integration setup has already seeded the memo (through seedIfEmpty);
// every test leaves the graph as it found it: the memo loaded, nothing else.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDb, cypher } from '../../core/db/database.ts';
import { seedIfEmpty } from './index.ts';
import {
  countGraph,
  loadDocument,
  loadDocuments,
  resetGraph,
  SeedLoadError,
  type GraphCounts,
} from './load.ts';
import { readDocuments } from './read.ts';
import { formatSeedError } from './files.ts';
import type { SeedDocument } from './normalise.ts';
import { MEMO, prefixedMemoCopy, tempSeed, type TempSeed } from '../../test/support/seed-copies.ts';

const uri = inject('neo4jUri');
const db = createDb({ uri });
const SCRATCH = 'scratch-memo';

const CLEAN_SCRATCH = cypher(
  'testSeedCleanScratch',
  `MATCH (n) WHERE (n:Entity AND n.document STARTS WITH 'scratch-') OR (n:SeedDocument AND n.name STARTS WITH 'scratch-')
      OR (n:EntityRecord AND n.document STARTS WITH 'scratch-') OR (n:Document AND n.name STARTS WITH 'scratch-')
   DETACH DELETE n`,
);
const CLEAN_VIEWS = cypher(
  'testSeedCleanViews',
  "MATCH (v:SavedView) WHERE v.id STARTS WITH 'view:seed-test-' DETACH DELETE v",
);
const MAKE_VIEW = cypher(
  'testSeedMakeView',
  `MATCH (x:Entity {id: 'actor:xi-jinping'}), (p:Entity {id: 'actor:vladimir-putin'})
   CREATE (v:SavedView {id: 'view:seed-test-reset', name: 'kept', nodeIds: [x.id, p.id, 'actor:gone']})
   CREATE (v)-[:INCLUDES]->(x), (v)-[:INCLUDES]->(p)`,
);
const MEMBERS = cypher(
  'testSeedViewMembers',
  `MATCH (v:SavedView {id: 'view:seed-test-reset'})-[:INCLUDES]->(n)
   WITH n.id AS id ORDER BY id RETURN collect(id) AS members`,
);
const COUNT_VIEWS = cypher(
  'testSeedCountViews',
  "MATCH (v:SavedView) WHERE v.id STARTS WITH 'view:seed-test-' RETURN count(v) AS n",
);
const COUNT_DOCUMENT = cypher(
  'testSeedCountDocument',
  `MATCH (n:Entity {document: $document})
   OPTIONAL MATCH (n)-[r]->()
   RETURN count(DISTINCT n) AS nodes, count(r) AS relationships`,
);
const SNAPSHOT = cypher(
  'testSeedSnapshot',
  `MATCH (n:Entity)
   OPTIONAL MATCH (n)-[r]->(m:Entity)
   WITH n, r, m ORDER BY n.id, type(r), m.id, r.id
   RETURN n.id AS id, properties(n) AS props, collect([type(r), m.id, properties(r)]) AS out
   ORDER BY id`,
);
const CITED_BY = cypher(
  'testSeedCitedBy',
  'MATCH (:Entity {id: $id})-[:CITES]->(s:Source) RETURN s.id AS id ORDER BY id',
);

let memo: SeedDocument;
let seed: TempSeed | undefined;

beforeAll(() => {
  const read = readDocuments();
  if (!read.ok) throw new Error(read.errors.map(formatSeedError).join('\n'));
  memo = read.documents.find((d) => d.name === MEMO)!;
});
afterEach(async () => {
  seed?.remove();
  seed = undefined;
  await db.write(CLEAN_SCRATCH);
});
afterAll(async () => {
  await db.write(CLEAN_VIEWS);
  await db.close();
});

/** Counts per kind and per type that the memo's files promise (CITES: one per distinct source of a node). */
function expectedCounts(doc: SeedDocument): GraphCounts {
  const nodes: Record<string, number> = {};
  const relationships: Record<string, number> = {};
  for (const n of doc.nodes) nodes[n.kind] = (nodes[n.kind] ?? 0) + 1;
  for (const r of doc.relationships) relationships[r.type] = (relationships[r.type] ?? 0) + 1;
  relationships.CITES = doc.nodes.reduce((s, n) => s + n.sources.length, 0);
  const sorted = (o: Record<string, number>) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return { nodes: sorted(nodes), relationships: sorted(relationships) };
}

/** Reads the temporary seed's documents and loads them (as `npm run seed` would); returns the first. */
async function loadSeed(): Promise<SeedDocument> {
  const read = readDocuments(seed!.root);
  if (!read.ok) throw new Error(read.errors.map(formatSeedError).join('\n'));
  await loadDocuments(db, read.documents);
  return read.documents[0]!;
}

function runCli(args: string[]) {
  const r = spawnSync(path.resolve('node_modules/.bin/tsx'), ['graph-seed/src/cli.ts', ...args], {
    env: { ...process.env, NEO4J_URI: uri },
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the memo in Neo4j', () => {
  it('holds every node and relationship of the files, per kind and per type', async () => {
    const counts = await countGraph(db);
    expect(counts).toEqual(expectedCounts(memo));
    expect(counts.nodes).toMatchObject({
      SOURCE: 23,
      ACTOR: expect.any(Number),
      STATEMENT: expect.any(Number),
    });
  });

  it('gives every node other than a source, and every relationship other than CITES, a source', async () => {
    const uncited = await db.read(
      cypher(
        'testSeedUncitedNodes',
        'MATCH (n:Entity) WHERE NOT n:Source AND NOT (n)-[:CITES]->(:Source) RETURN n.id AS id',
      ),
    );
    expect(uncited).toEqual([]);
    const unsourced = await db.read(
      cypher(
        'testSeedUnsourcedRelationships',
        `MATCH (:Entity)-[r]->(:Entity) WHERE type(r) <> 'CITES'
         AND (r.sourceIds IS NULL OR size(r.sourceIds) = 0
              OR any(s IN r.sourceIds WHERE NOT EXISTS { MATCH (:Source {id: s}) }))
         RETURN r.id AS id`,
      ),
    );
    expect(unsourced).toEqual([]);
  });

  it('gives every claim its basis and passages that are the memo’s words at their offsets, and every source a grade with its reason', async () => {
    const [doc] = await db.read<{ text: string }>(
      cypher('testSeedMemoText', 'MATCH (d:Document {name: $document}) RETURN d.text AS text'),
      { document: MEMO },
    );
    type Claim = { id: string; p: Record<string, unknown> };
    const nodes = await db.read<Claim>(
      cypher(
        'testSeedClaimNodes',
        `MATCH (n:Entity {document: $document}) WHERE n.kind IN ['MEETING', 'STATEMENT', 'AGREEMENT', 'FIGURE']
         RETURN n.id AS id, properties(n) AS p`,
      ),
      { document: MEMO },
    );
    const relationships = await db.read<Claim>(
      cypher(
        'testSeedClaimRelationships',
        `MATCH (:Entity)-[r]->(:Entity) WHERE type(r) <> 'CITES' AND r.document = $document
         RETURN r.id AS id, properties(r) AS p`,
      ),
      { document: MEMO },
    );
    const claims = [...nodes, ...relationships];
    expect(nodes.length).toBeGreaterThan(90);
    expect(relationships.length).toBeGreaterThan(300);
    const wrong: string[] = [];
    for (const { id, p } of claims) {
      if (p.basis !== undefined && p.basis !== 'stated' && p.basis !== 'inferred') wrong.push(`${id}: basis`);
      if (p.basis === 'inferred' && !p.inferenceNote) wrong.push(`${id}: inference without a note`);
      const passages = (p.passages ?? []) as string[];
      const starts = (p.passageStarts ?? []) as number[];
      const ends = (p.passageEnds ?? []) as number[];
      if (passages.length === 0) wrong.push(`${id}: no passage`);
      passages.forEach((passage, i) => {
        if (doc!.text.slice(Number(starts[i]), Number(ends[i])) !== passage)
          wrong.push(`${id}: passage ${i}`);
      });
    }
    expect(wrong).toEqual([]);
    const ungraded = await db.read(
      cypher(
        'testSeedUngradedSources',
        `MATCH (s:Source {document: $document}) WHERE s.reliability IS NULL OR s.reliabilityNote IS NULL
         RETURN s.id AS id`,
      ),
      { document: MEMO },
    );
    expect(ungraded).toEqual([]);
  });

  it('gives every footnote an address, except footnote 13 whose address the memo cuts off', async () => {
    const rows = await db.read(
      cypher(
        'testSeedSourcesWithoutUrl',
        'MATCH (s:Source) WHERE s.url IS NULL RETURN s.id AS id, s.footnote AS fn ORDER BY id',
      ),
    );
    expect(rows).toEqual([
      { id: 'source:no-limits-memo', fn: null },
      { id: 'source:no-limits-memo-fn13', fn: 13 },
    ]);
  });

  it('stores dates as dates with their precision, and the labels and kind of each node', async () => {
    const [row] = await db.read(
      cypher(
        'testSeedDatePrecision',
        `MATCH (m:Entity {id: 'meeting:patrushev-visit-china-2022-09'})
         RETURN labels(m) AS labels, m.kind AS kind, m.date AS date, m.datePrecision AS precision,
                m.date.month AS month, m.document AS document`,
      ),
    );
    expect(row).toEqual({
      labels: expect.arrayContaining(['Entity', 'Meeting']),
      kind: 'MEETING',
      date: '2022-09-01',
      precision: 'month',
      month: 9,
      document: MEMO,
    });
  });

  it('answers: who attended the meeting(s) of 9 September 2022?', async () => {
    const rows = await db.read(
      cypher(
        'testSeedAttended20220909',
        `MATCH (a:Actor)-[:ATTENDED]->(m:Meeting) WHERE m.date = date('2022-09-09')
         RETURN DISTINCT a.name AS name ORDER BY name`,
      ),
    );
    expect(rows.map((r) => r.name)).toEqual(
      expect.arrayContaining(['Li Zhanshu', 'Vladimir Putin', 'State Duma']),
    );
  });

  it('answers: what was agreed about satellite navigation, by whom, and on what evidence?', async () => {
    const rows = await db.read(
      cypher(
        'testSeedSatelliteNavigation',
        `MATCH (g:Agreement) WHERE toLower(g.name + ' ' + coalesce(g.terms, '')) CONTAINS 'satellite navigation'
         OPTIONAL MATCH (p:Actor)-[:PARTY_TO]->(g)
         OPTIONAL MATCH (g)-[:CITES]->(s:Source)
         RETURN g.name AS name, g.terms AS terms, collect(DISTINCT p.name) AS parties,
                collect(DISTINCT s.title) AS sources`,
      ),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.terms).toMatch(/Beidou and\s+GLONASS/);
    expect(rows[0]!.terms).toMatch(/ground stations/);
    expect(rows[0]!.parties).toEqual(expect.arrayContaining(['China', 'Russia']));
    expect(rows[0]!.sources).toContain(
      'Russia, China sign contracts on mutual deployment of navigation stations',
    );
  });

  it('finds a person by a native-script alias through the full-text index', async () => {
    const rows = await db.read(
      cypher(
        'testSeedFullText',
        "CALL db.index.fulltext.queryNodes('entitySearch', $q) YIELD node RETURN node.id AS id LIMIT 3",
      ),
      { q: 'Ли Чжаньшу' },
    );
    expect(rows[0]).toEqual({ id: 'actor:li-zhanshu' });
  });
});

describe('loading', () => {
  it('changes nothing when the memo is loaded again (npm run seed twice)', async () => {
    const before = await db.read(SNAPSHOT);
    const cli = runCli([]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/loaded no-limits-memo: \d+ nodes, \d+ relationships/);
    expect(cli.stdout).toMatch(/ACTOR\s+\d+/);
    expect(await db.read(SNAPSHOT)).toEqual(before);
    expect(await seedIfEmpty(db, () => {})).toBe(false);
  });

  it('reports all three mistakes of a broken document with file and path, and writes nothing', async () => {
    seed = tempSeed([]);
    prefixedMemoCopy(seed, SCRATCH, 'scratch');
    seed.edit(SCRATCH, 'meetings.yaml', 'date: 2020-01\n', 'date: 2020-13\n');
    seed.edit(
      SCRATCH,
      'relationships.yaml',
      'to: actor:scratch-ccp-politburo-standing-committee',
      'to: actor:scratch-nobody',
    );
    seed.edit(SCRATCH, 'actors.yaml', 'sources: [source:scratch-no-limits-memo, 7]', 'sources: [77]');
    const before = await countGraph(db);
    for (const args of [['--check'], []]) {
      const cli = runCli([...args, '--dir', seed.root]);
      expect(cli.code).toBe(1);
      const lines = cli.stderr.trim().split('\n');
      expect(lines).toEqual([
        expect.stringMatching(/scratch-memo\/actors\.yaml: actors\[2\]\.sources\[0\]: unknown footnote 77/),
        expect.stringMatching(/scratch-memo\/meetings\.yaml: meetings\[5\]\.date: bad date "2020-13"/),
        expect.stringMatching(
          /scratch-memo\/relationships\.yaml: relationships\[5\]\.to: unknown node "actor:scratch-nobody"/,
        ),
        expect.stringMatching(/^3 error\(s\) in .*; nothing was written$/),
      ]);
    }
    expect(await countGraph(db)).toEqual(before);
    expect(await db.read(COUNT_DOCUMENT, { document: SCRATCH })).toEqual([{ nodes: 0, relationships: 0 }]);
  });

  it('leaves no partial document when a write fails halfway', async () => {
    seed = tempSeed([]);
    prefixedMemoCopy(seed, SCRATCH, 'scratch');
    const read = readDocuments(seed.root);
    if (!read.ok) throw new Error(read.errors.map(formatSeedError).join('\n'));
    const doc = read.documents[0]!;
    // After its nodes are written, a relationship to a node that is in no document makes the transaction fail.
    doc.relationships.push({
      ...doc.relationships[0]!,
      id: 'rel:scratch-to-nowhere',
      to: 'actor:scratch-not-in-the-graph',
      props: { ...doc.relationships[0]!.props, id: 'rel:scratch-to-nowhere' },
    });
    const steps: string[] = [];
    await expect(loadDocument(db, doc, { onProgress: (p) => steps.push(p.step) })).rejects.toThrow(
      SeedLoadError,
    );
    expect(steps).toContain('nodes');
    expect(await db.read(COUNT_DOCUMENT, { document: SCRATCH })).toEqual([{ nodes: 0, relationships: 0 }]);
    expect(await countGraph(db)).toEqual(expectedCounts(memo));
  });

  it('updates a changed file in place and removes what was removed from it', async () => {
    seed = tempSeed([]);
    prefixedMemoCopy(seed, SCRATCH, 'scratch');
    const first = await loadSeed();
    expect(await countGraph(db)).toEqual(sumCounts(expectedCounts(memo), expectedCounts(first)));

    // Rename Li Zhanshu and drop his role; remove Xi's trip to Myanmar (and the links to it); move an explicit
    // relationship id to other ends.
    const edit = (
      file: string,
      key: string,
      change: (items: Array<Record<string, unknown>>) => unknown[],
    ) => {
      const data = parse(seed!.read(SCRATCH, file)) as Record<string, Array<Record<string, unknown>>>;
      seed!.write(SCRATCH, file, stringify({ [key]: change(data[key]!) }));
    };
    edit('actors.yaml', 'actors', (items) =>
      items.map((a) => {
        if (a.id !== 'actor:scratch-li-zhanshu') return a;
        const { role: _role, ...rest } = a;
        return { ...rest, name: 'Li Zhanshu (renamed)' };
      }),
    );
    const gone = 'meeting:scratch-xi-visit-myanmar-2020-01';
    edit('meetings.yaml', 'meetings', (items) => items.filter((m) => m.id !== gone));
    // Its place, named by no meeting now, leaves the places too (a place no meeting names is refused).
    edit('places.yaml', 'places', (items) => items.filter((p) => p.name !== 'Myanmar'));
    edit('relationships.yaml', 'relationships', (items) =>
      items
        .filter((r) => r.from !== gone && r.to !== gone && r.type !== 'PART_OF')
        .map((r) =>
          r.id === 'rel:scratch-xi-jinping-met-with-vladimir-putin-2022-09-15'
            ? { ...r, to: 'actor:scratch-narendra-modi' }
            : r,
        ),
    );
    const second = await loadSeed();

    const [li] = await db.read(
      cypher(
        'testSeedRenamed',
        "MATCH (a:Actor {id: 'actor:scratch-li-zhanshu'}) RETURN a.name AS name, a.role AS role, count(*) AS n",
      ),
    );
    expect(li).toEqual({ name: 'Li Zhanshu (renamed)', role: null, n: 1 });
    const [removed] = await db.read(
      cypher(
        'testSeedRemoved',
        `OPTIONAL MATCH (m:Entity {id: $gone})
         OPTIONAL MATCH ()-[p:PART_OF]->() WHERE p.document = $document
         RETURN count(m) AS meetings, count(p) AS partOf`,
      ),
      { gone, document: SCRATCH },
    );
    expect(removed).toEqual({ meetings: 0, partOf: 0 });
    const moved = await db.read(
      cypher(
        'testSeedMovedRelationship',
        'MATCH (a)-[r:MET_WITH {id: $id}]->(b) RETURN a.id AS from, b.id AS to',
      ),
      { id: 'rel:scratch-xi-jinping-met-with-vladimir-putin-2022-09-15' },
    );
    expect(moved).toEqual([{ from: 'actor:scratch-xi-jinping', to: 'actor:scratch-narendra-modi' }]);
    expect(await countGraph(db)).toEqual(sumCounts(expectedCounts(memo), expectedCounts(second)));
    expect(second.nodes.length).toBe(first.nodes.length - 1);
  });

  it('takes a source away from a claim when its file no longer cites it', async () => {
    seed = tempSeed([]);
    prefixedMemoCopy(seed, SCRATCH, 'scratch');
    const cited = async () =>
      (await db.read(CITED_BY, { id: 'statement:scratch-li-zhanshu-duma-russia-cornered' })).map((r) => r.id);
    await loadSeed();
    expect(await cited()).toEqual([
      'source:scratch-no-limits-memo-fn08',
      'source:scratch-no-limits-memo-fn09',
    ]);

    // Li Zhanshu's "Russia was cornered" now cites footnote 8 only.
    seed.edit(SCRATCH, 'statements.yaml', 'sources: [8, 9]', 'sources: [8]');
    await loadSeed();
    expect(await cited()).toEqual(['source:scratch-no-limits-memo-fn08']);
  });

  it('says at start, in one line, when the files changed since they were loaded, and nothing when they did not', async () => {
    seed = tempSeed([]);
    prefixedMemoCopy(seed, SCRATCH, 'scratch');
    const lines: string[] = [];
    await seedIfEmpty(db, (l) => lines.push(l), seed.root);
    expect(lines).toEqual([
      `seed document(s) ${SCRATCH} changed since loaded, or never loaded: npm run seed applies them`,
    ]);
    await loadSeed();
    lines.length = 0;
    expect(await seedIfEmpty(db, (l) => lines.push(l), seed.root)).toBe(false);
    expect(lines).toEqual([]);
    seed.edit(SCRATCH, 'statements.yaml', 'sources: [8, 9]', 'sources: [8]');
    await seedIfEmpty(db, (l) => lines.push(l), seed.root);
    expect(lines).toEqual([
      `seed document(s) ${SCRATCH} changed since loaded, or never loaded: npm run seed applies them`,
    ]);
    seed.write(SCRATCH, 'statements.yaml', 'not: [valid');
    lines.length = 0;
    await seedIfEmpty(db, (l) => lines.push(l), seed.root);
    expect(lines).toEqual([
      expect.stringMatching(/do not validate \(\d+ errors\): npm run seed -- --check lists them$/),
    ]);
  });

  it('--reset clears the seeded graph and reloads it, keeping saved views and their members', async () => {
    const before = await db.read(SNAPSHOT);
    await db.write(MAKE_VIEW);
    const cli = runCli(['--reset']);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/reset: deleted \d+ seeded nodes/);
    expect(await db.read(SNAPSHOT)).toEqual(before);
    expect(await db.read(COUNT_VIEWS)).toEqual([{ n: 1 }]);
    expect(await db.read(MEMBERS)).toEqual([{ members: ['actor:vladimir-putin', 'actor:xi-jinping'] }]);
  });

  it('resetGraph empties the graph of seeded nodes, and seedIfEmpty loads it again', async () => {
    expect(await resetGraph(db)).toBe(memo.nodes.length);
    expect((await countGraph(db)).nodes).toEqual({});
    const lines: string[] = [];
    expect(await seedIfEmpty(db, (l) => lines.push(l))).toBe(true);
    expect(lines.join('\n')).toMatch(/seeded 1 document/);
    expect(await countGraph(db)).toEqual(expectedCounts(memo));
  });
});

function sumCounts(a: GraphCounts, b: GraphCounts): GraphCounts {
  const add = (x: Record<string, number>, y: Record<string, number>) => {
    const out = { ...x };
    for (const [k, n] of Object.entries(y)) out[k] = (out[k] ?? 0) + n;
    return Object.fromEntries(Object.entries(out).sort(([p], [q]) => p.localeCompare(q)));
  };
  return { nodes: add(a.nodes, b.nodes), relationships: add(a.relationships, b.relationships) };
}
