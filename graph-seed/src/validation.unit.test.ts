import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENTS_DIR, readDocuments, type ReadResult } from './read.ts';
import { BRIEF, BRIEF_DIR } from './fixtures/documents.ts';
import { formatSeedError, parseSeedDate, type SeedError } from './files.ts';
import { MEMO, prefixedMemoCopy, tempSeed, type TempSeed } from '../../test/support/seed-copies.ts';

let seed: TempSeed | undefined;
afterEach(() => {
  seed?.remove();
  seed = undefined;
});

function errorsOf(result: ReadResult): SeedError[] {
  if (result.ok) throw new Error('expected the copy to be rejected, but it validated');
  return result.errors;
}

/** The errors, as the CLI prints them, with the temporary folder cut off. */
function printed(result: ReadResult, root: string): string[] {
  return errorsOf(result).map((e) => formatSeedError(e).replace(`${root}/`, ''));
}

const copy = () => (seed = tempSeed());

/** A copy of the memo with one edit of one of its files, read: its errors, and as the CLI prints them. */
function readEdited(file: string, from: string | RegExp, to: string) {
  const s = copy();
  s.edit(MEMO, file, from, to);
  const result = readDocuments(s.root);
  return { errors: () => errorsOf(result), printed: () => printed(result, s.root) };
}

describe('the memo as shipped', () => {
  it('validates, with every kind of node and all 21 footnotes', () => {
    const result = readDocuments();
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    const [memo] = result.documents;
    const count = (kind: string) => memo!.nodes.filter((n) => n.kind === kind).length;
    expect(result.documents.map((d) => d.name)).toEqual([MEMO]);
    expect(count('ACTOR')).toBeGreaterThan(40);
    expect(count('MEETING')).toBeGreaterThan(15);
    expect(count('STATEMENT')).toBeGreaterThan(30);
    expect(count('AGREEMENT')).toBeGreaterThan(5);
    expect(count('FIGURE')).toBeGreaterThan(10);
    const footnotes = new Set(memo!.nodes.map((n) => n.props.footnote).filter((f) => f !== undefined));
    expect([...footnotes].sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 21 }, (_, i) => i + 1),
    );
  });

  it('normalises dates to a day with their precision, and footnotes to source ids', () => {
    const result = readDocuments();
    if (!result.ok) throw new Error('memo does not validate');
    const byId = new Map(result.documents[0]!.nodes.map((n) => [n.id, n]));
    expect(byId.get('meeting:xi-visit-myanmar-2020-01')!.props).toMatchObject({
      date: '2020-01-01',
      datePrecision: 'month',
    });
    expect(byId.get('meeting:ccp-sixth-plenum-2021')!.props).toMatchObject({
      date: '2021-01-01',
      datePrecision: 'year',
    });
    // footnote 16 holds two references
    expect(byId.get('figure:china-russia-trade-growth-jan-jul-2022')!.sources).toContain(
      'source:no-limits-memo',
    );
    expect(byId.get('figure:china-biggest-market-russian-energy-2022')?.sources).toEqual([
      'source:no-limits-memo-fn16a',
      'source:no-limits-memo-fn16b',
      'source:no-limits-memo',
    ]);
    const rel = result.documents[0]!.relationships.find(
      (r) =>
        r.type === 'ATTENDED' &&
        r.from === 'actor:li-zhanshu' &&
        r.to === 'meeting:li-zhanshu-visit-russia-2022-09',
    );
    expect(rel?.id).toBe('rel:actor:li-zhanshu-ATTENDED->meeting:li-zhanshu-visit-russia-2022-09');
    expect(rel?.props.sourceIds).toContain('source:no-limits-memo-fn07');
  });
});

describe('dates', () => {
  it('reads a day, a month and a year (a YAML number), keeping the precision', () => {
    expect(parseSeedDate('2022-09-15')).toEqual({ date: '2022-09-15', precision: 'day' });
    expect(parseSeedDate('2022-09')).toEqual({ date: '2022-09-01', precision: 'month' });
    expect(parseSeedDate(2022)).toEqual({ date: '2022-01-01', precision: 'year' });
    expect(parseSeedDate('2024-02-29')).toEqual({ date: '2024-02-29', precision: 'day' });
  });

  it('refuses impossible and foreign forms with a reason', () => {
    expect(parseSeedDate('2022-13')).toMatch(/no month 13/);
    expect(parseSeedDate('2022-02-30')).toMatch(/no day 30/);
    expect(parseSeedDate('15/09/2022')).toMatch(/write YYYY-MM-DD/);
    expect(parseSeedDate(20220915.5)).toMatch(/bad date/);
  });
});

describe('each kind of mistake gets its own message with file and path', () => {
  it('a bad id', () => {
    expect(
      readEdited('actors.yaml', 'id: actor:karine-jean-pierre', 'id: actor:Karine Jean-Pierre').printed(),
    ).toContain(
      `${MEMO}/actors.yaml: actors[6].id: bad id "actor:Karine Jean-Pierre": an id is actor:<slug>, the slug in ` +
        'lower-case letters, digits and single hyphens',
    );
  });

  it('an id with the prefix of another kind', () => {
    const errors = readEdited(
      'meetings.yaml',
      'id: meeting:xi-visit-myanmar-2020-01',
      'id: actor:xi-visit-myanmar-2020-01',
    ).errors();
    expect(errors[0]).toMatchObject({
      path: 'meetings[5].id',
      reason: expect.stringMatching(/^bad id .*meeting:<slug>/),
    });
  });

  it('an unknown reference, and nothing else', () => {
    expect(
      readEdited(
        'relationships.yaml',
        /to: actor:ccp-politburo-standing-committee/,
        'to: actor:ccp-politbureau',
      ).printed(),
    ).toEqual([
      `${MEMO}/relationships.yaml: relationships[5].to: unknown node "actor:ccp-politbureau": no document defines it`,
    ]);
  });

  it('an unknown source id and an unknown footnote', () => {
    expect(
      readEdited(
        'actors.yaml',
        'sources: [source:no-limits-memo, 7]',
        'sources: [source:no-limits-mem0, 99]',
      ).printed(),
    ).toEqual([
      `${MEMO}/actors.yaml: actors[2].sources[0]: unknown source "source:no-limits-mem0": no document defines it ` +
        '(in sources.yaml or document.yaml)',
      `${MEMO}/actors.yaml: actors[2].sources[1]: unknown footnote 99: no source in this document's sources.yaml ` +
        'has footnote: 99',
    ]);
  });

  it('a bad date', () => {
    expect(readEdited('meetings.yaml', 'date: 2020-01\n', 'date: 2020-13\n').printed()).toEqual([
      `${MEMO}/meetings.yaml: meetings[5].date: bad date "2020-13": there is no month 13`,
    ]);
  });

  it('a missing date where one is required', () => {
    expect(readEdited('meetings.yaml', '    date: 2020-01\n', '').printed()).toEqual([
      `${MEMO}/meetings.yaml: meetings[5].date: missing date (YYYY-MM-DD, YYYY-MM or YYYY)`,
    ]);
  });

  it('missing sources, and empty sources', () => {
    const s = copy();
    const actors = s.read(MEMO, 'actors.yaml');
    s.write(
      MEMO,
      'actors.yaml',
      actors
        .replace('    sources: [7]\n\n  - id: actor:western-press', '\n  - id: actor:western-press')
        .replace('sources: [source:no-limits-memo, 3, 4]', 'sources: []'),
    );
    expect(printed(readDocuments(s.root), s.root)).toEqual([
      `${MEMO}/actors.yaml: actors[57].sources: missing sources: every item names at least one source ` +
        '(a footnote number or a source id)',
      `${MEMO}/actors.yaml: actors[58].sources: empty sources: every item names at least one source ` +
        '(a footnote number or a source id)',
    ]);
  });

  it('a relationship whose ends have the wrong kinds', () => {
    const s = copy();
    s.addRelationship(MEMO, 'ATTENDED', 'meeting:xi-visit-myanmar-2020-01', 'actor:myanmar', '[21]');
    const errors = errorsOf(readDocuments(s.root));
    expect(errors).toHaveLength(2);
    expect(errors[0]!.path).toMatch(/^relationships\[\d+\]\.from$/);
    expect(errors[0]!.reason).toBe(
      'wrong kind for ATTENDED: it goes from Actor to Meeting, but "meeting:xi-visit-myanmar-2020-01" is a Meeting',
    );
    expect(errors[1]!.reason).toBe(
      'wrong kind for ATTENDED: it goes from Actor to Meeting, but "actor:myanmar" is a Actor',
    );
  });

  it('a wrong kind where the type allows several kinds at one end and any kind at the other', () => {
    const s = copy();
    s.addRelationship(MEMO, 'ABOUT', 'actor:russia', 'actor:china', '[21]');
    expect(errorsOf(readDocuments(s.root))).toEqual([
      expect.objectContaining({
        reason:
          'wrong kind for ABOUT: it goes from Statement or Meeting or Agreement or Figure to any kind, but "actor:russia" is a Actor',
      }),
    ]);
  });

  it('a document without its text.txt: one message, counting every claim of every file', () => {
    const memo = readDocuments();
    if (!memo.ok) throw new Error('memo does not validate');
    const [doc] = memo.documents;
    const claimKinds = ['MEETING', 'STATEMENT', 'AGREEMENT', 'FIGURE'];
    expect(new Set(doc!.nodes.map((n) => n.kind))).toEqual(new Set([...claimKinds, 'ACTOR', 'SOURCE']));
    const claims = doc!.nodes.filter((n) => claimKinds.includes(n.kind)).length + doc!.relationships.length;
    const s = copy();
    rmSync(s.file(MEMO, 'text.txt'));
    expect(printed(readDocuments(s.root), s.root)).toEqual([
      `${MEMO}/text.txt: (file): missing text.txt: the passages of its ${claims} claim(s) are looked up in the ` +
        "document's text; put the document's words, as published, in this file",
    ]);
  });

  it('a duplicate id within a file and across documents', () => {
    const s = copy();
    s.edit(MEMO, 'actors.yaml', 'id: actor:western-press', 'id: actor:haohong-cfa');
    prefixedMemoCopy(s, 'second-memo', 'copy');
    s.edit(
      'second-memo',
      'figures.yaml',
      'id: figure:copy-china-russia-trade-growth-jan-jul-2022',
      'id: figure:china-russia-trade-growth-jan-jul-2022',
    );
    const lines = printed(readDocuments(s.root), s.root);
    expect(lines).toContain(
      `${MEMO}/actors.yaml: actors[58].id: duplicate id "actor:haohong-cfa": already defined in ` +
        `${s.root}/${MEMO}/actors.yaml at actors[57]`,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^second-memo\/figures\.yaml: figures\[0\]\.id: duplicate id "figure:china-russia-trade-growth-jan-jul-2022": already defined in .*no-limits-memo\/figures\.yaml at figures\[0\] \(a Figure is a claim of one document: give this one an id of its own\)$/,
      ),
    );
  });

  it('a shared entity (an actor) named by two documents, each with its own account', () => {
    const s = copy();
    prefixedMemoCopy(s, 'second-memo', 'copy');
    const xi = `
  - id: actor:xi-jinping
    name: Xi Jinping
    actorType: person
    aliases: [Chairman Xi]
    sources: [source:copy-no-limits-memo]
`;
    s.write('second-memo', 'actors.yaml', s.read('second-memo', 'actors.yaml') + xi);
    const read = readDocuments(s.root);
    if (!read.ok) throw new Error(read.errors.map(formatSeedError).join('\n'));
    const named = read.documents.map((d) => [
      d.name,
      d.nodes.filter((n) => n.id === 'actor:xi-jinping').map((n) => n.props.aliases),
    ]);
    expect(named).toEqual([
      [MEMO, [expect.any(Array)]],
      ['second-memo', [['Chairman Xi']]],
    ]);
  });

  it('reads one more document folder beside the others (--add): its links resolve, one of the same name is replaced', () => {
    const s = copy();
    const read = readDocuments(DEFAULT_DOCUMENTS_DIR, { add: BRIEF_DIR });
    if (!read.ok) throw new Error(read.errors.map(formatSeedError).join('\n'));
    expect(read.documents.map((d) => d.name)).toEqual([MEMO, BRIEF]);
    // A folder of the same name as one of --dir's stands in its place.
    const added = readDocuments(DEFAULT_DOCUMENTS_DIR, { add: path.join(s.root, MEMO) });
    expect(added.ok && added.documents.map((d) => [d.name, d.dir])).toEqual([
      [MEMO, path.join(s.root, MEMO)],
    ]);
    expect(errorsOf(readDocuments(DEFAULT_DOCUMENTS_DIR, { add: path.join(s.root, 'nothing') }))).toEqual([
      { file: path.join(s.root, 'nothing'), path: '(folder)', reason: 'no such folder' },
    ]);
  });

  it('a claim (a statement) of one document defined again by another', () => {
    const s = copy();
    prefixedMemoCopy(s, 'second-memo', 'copy');
    s.edit('second-memo', 'statements.yaml', /id: statement:copy-/, 'id: statement:');
    expect(printed(readDocuments(s.root), s.root)).toContainEqual(
      expect.stringMatching(
        /^second-memo\/statements\.yaml: statements\[0\]\.id: duplicate id ".*a Statement is a claim of one document/,
      ),
    );
  });

  it('the same link written twice without ids', () => {
    const s = copy();
    s.addRelationship(MEMO, 'LEADS', 'actor:vladimir-putin', 'actor:russia');
    expect(errorsOf(readDocuments(s.root))).toEqual([
      expect.objectContaining({
        reason: expect.stringMatching(
          /^duplicate relationship: actor:vladimir-putin LEADS actor:russia is already in .* at relationships\[2\]; give each an explicit id/,
        ),
      }),
    ]);
  });

  it('a YAML syntax error, with its line', () => {
    const [error, ...rest] = readEdited(
      'meetings.yaml',
      "    name: Xi Jinping's trip to Myanmar\n",
      "    name: Xi Jinping's trip to Myanmar\n   meetingType: [visit\n",
    ).errors();
    expect(rest).toEqual([]);
    expect(error!.file).toMatch(/no-limits-memo\/meetings\.yaml$/);
    // The inserted line (the memo's files grow, so its number is counted rather than written down).
    const lines = seed!.read(MEMO, 'meetings.yaml').split('\n');
    const inserted = lines.indexOf('   meetingType: [visit') + 1;
    expect(inserted).toBeGreaterThan(0);
    expect(error!.path).toMatch(new RegExp(`^line ${inserted}, column \\d+$`));
    expect(error!.reason).toMatch(/^YAML syntax error: /);
  });

  it('an unknown field, an unknown relationship type and an unknown actorType', () => {
    const s = copy();
    s.edit(MEMO, 'actors.yaml', '    name: Western press', '    nmae: Western press');
    s.edit(MEMO, 'relationships.yaml', '  - type: SENT\n', '  - type: SEND\n');
    s.edit(MEMO, 'actors.yaml', /(id: actor:tass\n(?:.*\n)*?\s+actorType:) outlet/, '$1 newspaper');
    const lines = printed(readDocuments(s.root), s.root);
    expect(lines).toContain(
      `${MEMO}/actors.yaml: actors[58].nmae: unknown field "nmae" (check its spelling against graph-seed/README.md)`,
    );
    expect(lines).toContain(`${MEMO}/actors.yaml: actors[58].name: missing: this field is required`);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /actors\.yaml: actors\[\d+\]\.actorType: unknown actorType "newspaper": one of person, state,/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /relationships\.yaml: relationships\[\d+\]\.type: unknown relationship type "SEND": one of ATTENDED,/,
      ),
    );
    expect(lines).toHaveLength(4);
  });

  it('a bad explicit relationship id', () => {
    expect(
      readEdited(
        'relationships.yaml',
        'id: rel:xi-jinping-met-with-vladimir-putin-2022-09-15',
        'id: Xi meets Putin',
      ).errors(),
    ).toEqual([
      expect.objectContaining({
        reason:
          'bad relationship id "Xi meets Putin": write rel:<slug> (lower-case letters, digits, hyphens) or leave it out',
      }),
    ]);
  });

  it('document.yaml as a list, and a folder without document.yaml', () => {
    const s = copy();
    s.write(MEMO, 'document.yaml', 'document:\n  - id: source:no-limits-memo\n    title: x\n');
    prefixedMemoCopy(s, 'other-memo', 'other');
    s.write('other-memo', 'document.yaml', '');
    const errors = errorsOf(readDocuments(s.root));
    expect(errors.map((e) => `${e.path}: ${e.reason}`)).toEqual([
      'document: "document:" holds one mapping (id, title, …), not a list',
      '(top level): the file is empty: it holds "document:" with one mapping',
    ]);
  });

  it('documents that link to each other in a circle', () => {
    const s = copy();
    prefixedMemoCopy(s, 'second-memo', 'copy');
    s.addRelationship('second-memo', 'SUPPORTS', 'actor:copy-china', 'actor:russia');
    s.addRelationship(MEMO, 'SUPPORTS', 'actor:russia', 'actor:copy-china');
    expect(errorsOf(readDocuments(s.root))).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/^documents link to each other in a circle/) }),
    ]);
  });
});

describe('the folders and files of the seed', () => {
  /** The errors of reading `root`, as `file: path: reason` with the temporary folder cut off. */
  const folderErrors = (root: string, cut = root) =>
    errorsOf(readDocuments(root)).map((e) =>
      formatSeedError(e).replace(`${cut}/`, '').replace(cut, '<root>'),
    );

  it('names a missing folder, an empty one, a badly named document folder and a stray file', () => {
    const s = copy();
    expect(folderErrors(`${s.root}/nowhere`, s.root)).toEqual(['nowhere: (folder): no such folder']);
    s.write(MEMO, 'notes.yml', 'notes: []\n');
    prefixedMemoCopy(s, 'Second Memo', 'second');
    expect(folderErrors(s.root)).toEqual([
      'Second Memo: (folder): bad folder name "Second Memo": a document folder is named in lower-case letters, ' +
        'digits and hyphens',
      `${MEMO}/notes.yml: (file): unknown file: a document folder holds only document.yaml, sources.yaml, ` +
        'actors.yaml, meetings.yaml, statements.yaml, agreements.yaml, figures.yaml, relationships.yaml, places.yaml',
    ]);
    const empty = tempSeed([]);
    try {
      expect(folderErrors(empty.root)).toEqual(['<root>: (folder): holds no document folder']);
    } finally {
      empty.remove();
    }
  });

  it('needs a document.yaml in every document folder, and reads one folder given directly', () => {
    const s = copy();
    expect(readDocuments(`${s.root}/${MEMO}`).ok).toBe(true);
    s.write(MEMO, 'README.txt', 'not a seed file');
    rmSync(s.file(MEMO, 'document.yaml'));
    expect(printed(readDocuments(s.root), s.root)).toContain(
      `${MEMO}/document.yaml: (file): missing: every document folder has a document.yaml describing the document itself`,
    );
  });

  it('reports a YAML syntax error with its line and no echo of it', () => {
    const { errors } = readEdited('figures.yaml', 'figures:\n', 'figures:\n  - id: [\n');
    expect(errors()).toEqual([
      {
        file: expect.stringMatching(/figures\.yaml$/),
        path: expect.stringMatching(/^line \d+, column \d+$/),
        reason: expect.stringMatching(/^YAML syntax error: [^\n]*[^:\d\s]$/),
      },
    ]);
  });

  it('cuts the YAML library’s own position from the reason, for two-digit lines and columns too', () => {
    const { errors } = readEdited('meetings.yaml', '    place: Myanmar\n', '    place: Myanmar: Naypyidaw\n');
    const line = seed!.read(MEMO, 'meetings.yaml').split('\n').indexOf('    place: Myanmar: Naypyidaw') + 1;
    expect(line).toBeGreaterThanOrEqual(10);
    expect(errors()).toEqual([
      {
        file: expect.stringMatching(/meetings\.yaml$/),
        path: `line ${line}, column 12`,
        reason: 'YAML syntax error: Nested mappings are not allowed in compact mappings',
      },
    ]);
  });

  it('reads past what is not a document folder or a seed file: a README, a hidden folder, a backup', () => {
    const s = copy();
    writeFileSync(path.join(s.root, 'README.md'), '# Our documents\n');
    mkdirSync(path.join(s.root, '.drafts'));
    s.write(MEMO, 'actors.yaml.bak', 'actors: []\n');
    const result = readDocuments(s.root);
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    expect(result.documents.map((d) => d.name)).toEqual([MEMO]);
  });

  it('lists the errors file by file', () => {
    const s = copy();
    s.edit(MEMO, 'statements.yaml', '    sources: [1]\n', '');
    s.edit(MEMO, 'actors.yaml', 'sources: [source:no-limits-memo, 7]', 'sources: []');
    s.edit(MEMO, 'meetings.yaml', 'date: 2020-01\n', 'date: 2020-13\n');
    const files = errorsOf(readDocuments(s.root)).map((e) => e.file.split('/').pop());
    expect(files).toEqual(['actors.yaml', 'meetings.yaml', 'statements.yaml']);
  });
});

describe('what is loaded', () => {
  const memo = () => {
    const result = readDocuments();
    if (!result.ok) throw new Error('memo does not validate');
    return result.documents[0]!;
  };

  it('each node’s own fields, its kind and document, without empty ones; statements in English unless told', () => {
    const byId = new Map(memo().nodes.map((n) => [n.id, n]));
    expect(byId.get('source:no-limits-memo')).toMatchObject({
      kind: 'SOURCE',
      sources: [],
      props: { id: 'source:no-limits-memo', kind: 'SOURCE', document: MEMO, datePrecision: 'day' },
    });
    const li = byId.get('actor:li-zhanshu')!;
    expect(li.props).toEqual({
      id: 'actor:li-zhanshu',
      name: 'Li Zhanshu',
      aliases: ['栗战书', '栗戰書', 'Lì Zhànshū', 'Li Zhan-shu', 'Ли Чжаньшу', 'Li'],
      actorType: 'person',
      role: 'Member of the CCP Politburo Standing Committee',
      country: 'China',
      summary: "Described by the memo as a close Xi confidant; Xi's emissary to Moscow in September 2022.",
      kind: 'ACTOR',
      document: MEMO,
    });
    expect(li.sources).toEqual(['source:no-limits-memo', 'source:no-limits-memo-fn07']);
    // A footnote's source cites nothing itself.
    expect(byId.get('source:no-limits-memo-fn07')!.sources).toEqual([]);
    const languages = memo()
      .nodes.filter((n) => n.kind === 'STATEMENT')
      .map((n) => n.props.language);
    expect(new Set(languages).has('en')).toBe(true);
    expect(languages.every((l) => typeof l === 'string' && l !== '')).toBe(true);
    expect(
      memo()
        .nodes.filter((n) => n.kind !== 'STATEMENT')
        .some((n) => 'language' in n.props),
    ).toBe(false);
  });

  it('reads a statement that names no language as English', () => {
    const s = copy();
    s.edit(MEMO, 'statements.yaml', '    date: 2022-09-21\n    language: en\n', '    date: 2022-09-21\n');
    const result = readDocuments(s.root);
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    const quote = result.documents[0]!.nodes.find(
      (n) => n.id === 'statement:putin-nuclear-threat-territorial-integrity',
    );
    expect(quote?.props.language).toBe('en');
    expect(quote?.props.date).toBe('2022-09-21');
  });

  it('keeps the language a statement names', () => {
    const s = copy();
    s.edit(
      MEMO,
      'statements.yaml',
      '    date: 2022-09-21\n    language: en\n',
      '    date: 2022-09-21\n    language: ru\n',
    );
    const result = readDocuments(s.root);
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    const quote = result.documents[0]!.nodes.find(
      (n) => n.id === 'statement:putin-nuclear-threat-territorial-integrity',
    );
    expect(quote?.props.language).toBe('ru');
  });

  it('leaves out a field written without a value (`endDate:`, `place:`)', () => {
    const s = copy();
    s.edit(
      MEMO,
      'meetings.yaml',
      '    date: 2020-01\n    place: Myanmar\n',
      '    date: 2020-01\n    endDate:\n    place:\n',
    );
    // Its place, named by no meeting now, leaves the places too (places.unit.test.ts).
    s.edit(MEMO, 'places.yaml', / {2}- name: Myanmar\n(.*\n){3}/, '');
    const result = readDocuments(s.root);
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    const trip = result.documents[0]!.nodes.find((n) => n.id === 'meeting:xi-visit-myanmar-2020-01')!;
    expect(trip.props).toMatchObject({ date: '2020-01-01', datePrecision: 'month' });
    expect(Object.keys(trip.props).filter((k) => k.startsWith('endDate') || k === 'place')).toEqual([]);
  });

  it('each relationship’s own fields, with its sources as ids', () => {
    const rel = memo().relationships.find(
      (r) => r.id === 'rel:xi-jinping-met-with-vladimir-putin-2022-09-15',
    );
    // The evidence fields (basis, passages, credibility) are the memo's audit's: graph-seed/src/evidence.unit.test.ts.
    expect(rel?.props).toMatchObject({
      id: 'rel:xi-jinping-met-with-vladimir-putin-2022-09-15',
      date: '2022-09-15',
      datePrecision: 'day',
      note: 'In Samarkand, on the sidelines of the SCO summit: their first in-person meeting since the invasion of Ukraine.',
      sourceIds: ['source:no-limits-memo-fn02', 'source:no-limits-memo-fn06', 'source:no-limits-memo'],
      document: MEMO,
    });
    // Its type, ends and written sources are the relationship itself, not properties of it.
    expect(Object.keys(rel!.props).sort()).toEqual([
      'credibility',
      'date',
      'datePrecision',
      'document',
      'id',
      'note',
      'passageEnds',
      'passageStarts',
      'passages',
      'sourceIds',
    ]);
  });

  it('says which documents link in a circle, and where', () => {
    const s = copy();
    prefixedMemoCopy(s, 'second-memo', 'copy');
    s.addRelationship('second-memo', 'SUPPORTS', 'actor:copy-china', 'actor:russia');
    s.addRelationship(MEMO, 'SUPPORTS', 'actor:russia', 'actor:copy-china');
    expect(printed(readDocuments(s.root), s.root)).toEqual([
      `${MEMO}/document.yaml: document: documents link to each other in a circle (${MEMO} → second-memo → ${MEMO}); ` +
        'each document is written in its own transaction after the ones it links to, so keep the links of one ' +
        'direction in one document',
    ]);
  });

  it('refuses an ibid that names no source, and an explicit relationship id used twice', () => {
    const s = copy();
    s.edit(MEMO, 'sources.yaml', 'ibid: source:no-limits-memo-fn07', 'ibid: source:no-such-source');
    s.edit(
      MEMO,
      'relationships.yaml',
      'id: rel:xi-jinping-met-with-vladimir-putin-2022-02-04',
      'id: rel:xi-jinping-met-with-vladimir-putin-2022-09-15',
    );
    const lines = printed(readDocuments(s.root), s.root);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /sources\.yaml: sources\[\d+\]\.ibid: unknown source "source:no-such-source" \(ibid\)$/,
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /relationships\.yaml: relationships\[\d+\]\.id: duplicate relationship id "rel:xi-jinping-met-with-vladimir-putin-2022-09-15": already used in .*relationships\.yaml at relationships\[\d+\]$/,
      ),
    );
    expect(lines).toHaveLength(2);
  });
});

describe('one mistake, one message', () => {
  it('links to an item that failed its own checks raise no second error', () => {
    const s = copy();
    s.edit(
      MEMO,
      'sources.yaml',
      /(id: source:no-limits-memo-fn07\n\s+footnote: 7\n\s+title:) .*\n/,
      '$1 ""\n',
    );
    s.edit(MEMO, 'actors.yaml', 'name: Li Zhanshu\n', 'name: ""\n');
    expect(printed(readDocuments(s.root), s.root)).toEqual([
      `${MEMO}/actors.yaml: actors[2].name: must be non-empty text, got ""`,
      expect.stringMatching(
        /^no-limits-memo\/sources\.yaml: sources\[\d+\]\.title: must be non-empty text, got ""$/,
      ),
    ]);
  });

  it('a document whose document.yaml cannot be read: links to what it defines raise no second error', () => {
    const s = copy();
    prefixedMemoCopy(s, 'second-memo', 'copy');
    s.write('second-memo', 'document.yaml', 'document: the second memo\n');
    s.addRelationship(MEMO, 'SUPPORTS', 'actor:russia', 'actor:copy-china');
    expect(printed(readDocuments(s.root), s.root)).toEqual([
      'second-memo/document.yaml: document: "document:" holds one mapping (id, title, …), not "the second memo"',
    ]);
  });

  it('a footnote unknown in one document is reported, whatever failed in another', () => {
    const s = copy();
    prefixedMemoCopy(s, 'second-memo', 'copy');
    s.write(MEMO, 'sources.yaml', 'sources: 7\n');
    s.edit(
      'second-memo',
      'actors.yaml',
      'sources: [source:copy-no-limits-memo, 7]',
      'sources: [source:copy-no-limits-memo, 99]',
    );
    expect(printed(readDocuments(s.root), s.root)).toEqual([
      `${MEMO}/sources.yaml: sources: "sources:" must hold a list of items (each starting with "- "), got 7`,
      "second-memo/actors.yaml: actors[2].sources[1]: unknown footnote 99: no source in this document's sources.yaml has footnote: 99",
    ]);
  });

  it('a file that cannot be read raises no error about what it would have defined', () => {
    const s = copy();
    s.write(MEMO, 'sources.yaml', 'sources: 7\n');
    s.write(MEMO, 'meetings.yaml', 'meetings:\n  - [\n');
    expect(printed(readDocuments(s.root), s.root)).toEqual([
      `${MEMO}/meetings.yaml: line 3, column 1: YAML syntax error: Flow sequence in block collection must be sufficiently indented and end with a ]`,
      `${MEMO}/sources.yaml: sources: "sources:" must hold a list of items (each starting with "- "), got 7`,
    ]);
  });
});

describe('every mistake at once', () => {
  it('reports three mistakes in three files, not only the first', () => {
    const s = copy();
    s.edit(MEMO, 'meetings.yaml', 'date: 2020-01\n', 'date: 2020-1\n');
    s.edit(MEMO, 'relationships.yaml', /to: actor:ccp-politburo-standing-committee/, 'to: actor:nobody');
    s.edit(MEMO, 'statements.yaml', '    sources: [1]\n', '');
    const errors = errorsOf(readDocuments(s.root));
    expect(errors.map((e) => `${e.file.split('/').pop()}: ${e.path}`)).toEqual([
      'meetings.yaml: meetings[5].date',
      'relationships.yaml: relationships[5].to',
      'statements.yaml: statements[0].sources',
    ]);
  });

  it('orders documents so that one is written after the documents it links to', () => {
    const s = copy();
    prefixedMemoCopy(s, 'a-later-memo', 'later');
    s.addRelationship(
      'a-later-memo',
      'SUPPORTS',
      'actor:later-china',
      'actor:russia',
      '[source:no-limits-memo]',
    );
    const result = readDocuments(s.root);
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    expect(result.documents.map((d) => d.name)).toEqual([MEMO, 'a-later-memo']);
  });

  it('orders a document after one whose source it cites, with no relationship between them', () => {
    const s = copy();
    prefixedMemoCopy(s, 'a-later-memo', 'later');
    s.edit(
      'a-later-memo',
      'actors.yaml',
      'sources: [source:later-no-limits-memo, 7]',
      'sources: [source:no-limits-memo, 7]',
    );
    const result = readDocuments(s.root);
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    expect(result.documents.map((d) => d.name)).toEqual([MEMO, 'a-later-memo']);
  });

  it('names only the documents of a circle, at the document.yaml of the one where it closes', () => {
    const s = copy();
    prefixedMemoCopy(s, 'a-memo', 'a');
    prefixedMemoCopy(s, 'b-memo', 'b');
    // a-memo → b-memo, which is in a circle with the memo; a-memo is not part of it.
    s.addRelationship('a-memo', 'SUPPORTS', 'actor:a-china', 'actor:b-russia');
    s.addRelationship('b-memo', 'SUPPORTS', 'actor:b-china', 'actor:russia');
    s.addRelationship(MEMO, 'SUPPORTS', 'actor:russia', 'actor:b-china');
    expect(printed(readDocuments(s.root), s.root)).toEqual([
      `b-memo/document.yaml: document: documents link to each other in a circle (b-memo → ${MEMO} → b-memo); ` +
        'each document is written in its own transaction after the ones it links to, so keep the links of one ' +
        'direction in one document',
    ]);
  });
});
