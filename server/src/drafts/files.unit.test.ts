// Accepted draft items as the seed format's files: they pass the seed loader's own validation (the one
// previewDocument runs), with the graph's actors standing in as another document's; new speakers become actors,
// known ones are linked by id; ids avoid the graph's; what cannot make a document is BAD_USER_INPUT.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { NamedQuery, Tx } from '../../../core/db/database.ts';
import { validateDocumentTexts } from '../../../graph-seed/src/import.ts';
import { draftFromText, type KnownName } from './draft.ts';
import { draftFiles, passageOf, type AcceptedQuoteInput, type DraftFile } from './files.ts';

/** A transaction that knows the given entities as another document's (what the validator asks the graph). */
function graphWith(entities: Array<{ id: string; kind: string }>): Tx {
  return {
    run: <R extends object>(query: NamedQuery, params: Record<string, unknown> = {}) => {
      if (query.name !== 'seedExistingNodesNamed') return Promise.resolve([] as R[]);
      const ids = new Set(params.ids as string[]);
      return Promise.resolve(
        entities.filter((e) => ids.has(e.id)).map((e) => ({ ...e, document: 'other-document' })) as R[],
      );
    },
  };
}

async function validate(files: DraftFile[], entities: Array<{ id: string; kind: string }> = []) {
  const checked = await validateDocumentTexts(graphWith(entities), files);
  if (!checked.ok) throw new Error(checked.errors.map((e) => `${e.file}: ${e.path}: ${e.reason}`).join('\n'));
  return checked.document;
}

const fileOf = (files: DraftFile[], name: string) => files.find((f) => f.name === name)?.content;

const TEXT = [
  'October 11, 2022 | Memo',
  '',
  'Russian President Vladimir Putin added: “This is not a bluff.” Later, Jane Roe said “we are watching closely,” and',
  'the memo called it “a test of resolve for everyone.”',
].join('\n');
const span = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });

describe('draftFiles', () => {
  it('writes a document the seed validator accepts: quotes, a known and a new speaker, their passages', async () => {
    const files = draftFiles(TEXT, { title: 'A drafted memo', date: '2022-10-11', documentType: 'memo' }, [
      {
        ...span('This is not a bluff.'),
        date: '2022-09-21',
        speakerId: 'actor:vladimir-putin',
        ...speakerAt('Vladimir Putin'),
      },
      { ...span('we are watching closely'), speakerName: 'Jane Roe', ...speakerAt('Jane Roe') },
      { ...span('a test of resolve for everyone.'), context: 'The memo’s own words.' },
    ]);
    expect(files.map((f) => f.name)).toEqual([
      'document.yaml',
      'actors.yaml',
      'statements.yaml',
      'relationships.yaml',
      'text.txt',
    ]);
    expect(fileOf(files, 'text.txt')).toBe(TEXT);
    const doc = await validate(files, [{ id: 'actor:vladimir-putin', kind: 'ACTOR' }]);
    expect(doc.name).toBe('a-drafted-memo');
    const statements = doc.nodes.filter((n) => n.kind === 'STATEMENT');
    expect(statements.map((n) => [n.id, n.props.text, n.props.date, n.props.datePrecision])).toEqual([
      ['statement:a-drafted-memo-this-is-not-a-bluff', 'This is not a bluff.', '2022-09-21', 'day'],
      ['statement:a-drafted-memo-we-are-watching-closely', 'we are watching closely', '2022-10-11', 'day'],
      [
        'statement:a-drafted-memo-a-test-of-resolve-for-everyone',
        'a test of resolve for everyone.',
        '2022-10-11',
        'day',
      ],
    ]);
    // Each passage is where the text has it, from the speaker to the closing mark.
    expect(statements[0]!.props.passages).toEqual(['Vladimir Putin added: “This is not a bluff.”']);
    expect(statements[0]!.props.passageStarts).toEqual([TEXT.indexOf('Vladimir Putin added')]);
    expect(
      doc.nodes.filter((n) => n.kind === 'ACTOR').map((n) => [n.id, n.props.name, n.props.actorType]),
    ).toEqual([['actor:jane-roe', 'Jane Roe', 'person']]);
    expect(doc.relationships.map((r) => [r.type, r.from, r.to])).toEqual([
      ['SAID', 'actor:vladimir-putin', 'statement:a-drafted-memo-this-is-not-a-bluff'],
      ['SAID', 'actor:jane-roe', 'statement:a-drafted-memo-we-are-watching-closely'],
    ]);
    const source = doc.nodes.find((n) => n.id === 'source:a-drafted-memo')!;
    expect(source.props).toMatchObject({ title: 'A drafted memo', reliability: 'F', documentType: 'memo' });
  });

  it('keeps one actor per new speaker, and ids clear of those the graph holds', async () => {
    const taken = {
      ids: new Set(['statement:brief-this-is-not-a-bluff', 'actor:jane-roe', 'source:brief']),
      documents: new Set(['brief', 'brief-2']),
    };
    const files = draftFiles(
      TEXT,
      { title: 'Brief', date: '2022' },
      [
        { ...span('This is not a bluff.'), speakerName: 'Jane Roe' },
        { ...span('we are watching closely'), speakerName: ' Jane Roe ' },
      ],
      taken,
    );
    const doc = await validate(files);
    expect(doc.name).toBe('brief-3');
    expect(doc.nodes.map((n) => n.id).sort()).toEqual([
      'actor:jane-roe-2',
      'source:brief-3',
      'statement:brief-3-this-is-not-a-bluff',
      'statement:brief-3-we-are-watching-closely',
    ]);
    expect(doc.nodes.find((n) => n.kind === 'STATEMENT')!.props).toMatchObject({
      date: '2022-01-01',
      datePrecision: 'year',
    });
    // A name given is kept as given: importing it replaces that document.
    expect(
      parse(
        fileOf(
          draftFiles(TEXT, { name: 'brief', title: 'Brief', date: '2022' }, [], taken),
          'document.yaml',
        )!,
      ),
    ).toMatchObject({
      document: { id: 'source:brief' },
    });
  });

  it.each<[string, Parameters<typeof draftFiles>[1], AcceptedQuoteInput[], RegExp]>([
    [
      'a span outside the text',
      { title: 'T', date: '2022' },
      [{ start: 5, end: 99_999 }],
      /quotes\[0\]: 5\.\.99999 is not a span/,
    ],
    ['an empty span', { title: 'T', date: '2022' }, [{ start: 5, end: 5 }], /is not a span/],
    ['blank words', { title: 'T', date: '2022' }, [{ start: 23, end: 25 }], /holds no words/],
    ['no date anywhere', { title: 'T' }, [{ start: 0, end: 7 }], /quotes\[0\]\.date: give the quote a date/],
    ['a bad date', { title: 'T', date: '11/10/2022' }, [], /document\.date "11\/10\/2022"/],
    [
      'both speakers',
      { title: 'T', date: '2022' },
      [{ start: 0, end: 7, speakerId: 'actor:x', speakerName: 'X' }],
      /not both/,
    ],
    [
      'a speaker id of another kind',
      { title: 'T', date: '2022' },
      [{ start: 0, end: 7, speakerId: 'meeting:x' }],
      /not an actor id/,
    ],
    ['a name that is not a slug', { name: 'Bad Name', title: 'T' }, [], /not a slug/],
    ['no title', { title: ' ' }, [], /document\.title/],
  ])('refuses %s with BAD_USER_INPUT', (_, doc, quotes, message) => {
    expect(() => draftFiles(TEXT, doc, quotes)).toThrow(message);
    try {
      draftFiles(TEXT, doc, quotes);
    } catch (e) {
      expect((e as { code?: string }).code).toBe('BAD_USER_INPUT');
    }
  });

  it('makes a passage of the quote alone when the speaker is far', () => {
    const far = `Jane Roe spoke. ${'x '.repeat(900)}Then “a quote here.”`;
    const q = {
      start: far.indexOf('a quote'),
      end: far.indexOf('here.') + 5,
      speakerStart: 0,
      speakerEnd: 8,
    };
    expect(passageOf(far, q)).toBe('“a quote here.”');
  });

  it('turns the memo’s whole draft into files the validator accepts', async () => {
    const memoDir = path.resolve(import.meta.dirname, '../../../graph-seed/documents/no-limits-memo');
    const text = readFileSync(path.join(memoDir, 'text.txt'), 'utf8');
    const actors = (
      parse(readFileSync(path.join(memoDir, 'actors.yaml'), 'utf8')) as {
        actors: Array<{ id: string; name: string; aliases?: string[] }>;
      }
    ).actors;
    const known: KnownName[] = actors.map((a) => ({
      id: a.id,
      kind: 'ACTOR',
      label: a.name,
      names: a.aliases ?? [],
    }));
    const draft = draftFromText(text, known);
    const accepted: AcceptedQuoteInput[] = draft.quotes.map((q) => ({
      start: q.start,
      end: q.end,
      date:
        q.date?.date.slice(0, q.date.precision === 'year' ? 4 : q.date.precision === 'month' ? 7 : 10) ??
        null,
      ...(q.speaker?.entityId
        ? { speakerId: q.speaker.entityId }
        : q.speaker
          ? { speakerName: q.speaker.text }
          : {}),
      ...(q.speaker ? { speakerStart: q.speaker.start, speakerEnd: q.speaker.end } : {}),
    }));
    const files = draftFiles(text, { title: 'The memo, drafted', date: '2022-10-11' }, accepted);
    const doc = await validate(
      files,
      known.map((k) => ({ id: k.id, kind: 'ACTOR' })),
    );
    expect(doc.nodes.filter((n) => n.kind === 'STATEMENT')).toHaveLength(draft.quotes.length);
    expect(doc.relationships).toHaveLength(draft.quotes.filter((q) => q.speaker).length);
  });
});

function speakerAt(name: string) {
  const start = TEXT.indexOf(name);
  return { speakerStart: start, speakerEnd: start + name.length };
}
