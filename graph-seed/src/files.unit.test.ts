// What an analyst reads when one item of a seed file is wrong: each kind of mistake in one field, its path and
// its reason, as `npm run seed -- --check` prints them (the whole-memo cases are in validation.unit.test.ts).
import { describe, expect, it } from 'vitest';
import { formatPath, parseSeedDate, validateFile, type DocumentFile } from './files.ts';

/** The errors of a file holding `data`, as `path: reason`. */
const mistakes = (file: DocumentFile, data: unknown) =>
  validateFile(file, data, file).errors.map((e) => `${e.path}: ${e.reason}`);

const li = { id: 'actor:li-zhanshu', name: 'Li Zhanshu', actorType: 'person', sources: [7] };
/** The mistakes of actors.yaml holding Li Zhanshu with `change` applied. */
const actor = (change: Record<string, unknown>) =>
  mistakes('actors.yaml', { actors: [{ ...li, ...change }] });

/** What the format requires of every claim and every source (whole-document cases: evidence.unit.test.ts). */
const CLAIM = { passages: ['the words'] };
const GRADE = { reliability: 'B', reliabilityNote: 'Usually right.' };

const ID_RULE = 'an id is actor:<slug>, the slug in lower-case letters, digits and single hyphens';
const SOURCE_RULE = 'write a footnote number of this document (7) or a source id (source:<slug>)';

describe('one wrong field of an item', () => {
  it('an id: missing, malformed, or not text', () => {
    expect(actor({ id: undefined })).toEqual(['actors[0].id: missing id: write one as actor:<slug>']);
    expect(actor({ id: 'Li' })).toEqual([`actors[0].id: bad id "Li": ${ID_RULE}`]);
    expect(actor({ id: 42 })).toEqual([`actors[0].id: bad id 42: ${ID_RULE}`]);
    expect(
      mistakes('relationships.yaml', {
        relationships: [{ type: 'LEADS', to: 'actor:x', sources: [1], ...CLAIM }],
      }),
    ).toEqual([
      'relationships[0].from: missing id: write one as <kind>:<slug> (kind: actor, meeting, statement, agreement, figure, source)',
    ]);
  });

  it('text: empty, blank or missing; a YAML number is taken as its text', () => {
    expect(actor({ name: '' })).toEqual(['actors[0].name: must be non-empty text, got ""']);
    expect(actor({ name: '  ' })).toEqual(['actors[0].name: must be non-empty text, got "  "']);
    expect(actor({ name: undefined })).toEqual(['actors[0].name: missing: this field is required']);
    expect(actor({ name: ['Li'] })).toEqual(['actors[0].name: must be non-empty text, got ["Li"]']);
    expect(actor({ aliases: 'Li' })).toEqual(['actors[0].aliases: must be a list of texts, got "Li"']);
    const parsed = validateFile('actors.yaml', { actors: [{ ...li, name: 2022 }] }, 'actors.yaml');
    expect(parsed.value?.actors[0]?.name).toBe('2022');
  });

  it('sources: none, not a list, or an entry that is neither a footnote nor a source id', () => {
    expect(actor({ sources: 'source:no-limits-memo' })).toEqual([
      'actors[0].sources: sources must be a list, got "source:no-limits-memo"',
    ]);
    for (const bad of [0, -3, 1.5, 'source:No Limits', 'no-limits-memo'])
      expect(actor({ sources: [7, bad] }), String(bad)).toEqual([
        `actors[0].sources[1]: bad source ${JSON.stringify(bad)}: ${SOURCE_RULE}`,
      ]);
    expect(
      validateFile('actors.yaml', { actors: [{ ...li, sources: [7, 'source:fn-7'] }] }, 'a').errors,
    ).toEqual([]);
  });

  it('a choice from a list: missing or unknown', () => {
    expect(actor({ actorType: undefined })).toEqual([
      'actors[0].actorType: missing actorType: one of person, state, organisation, government-body, party, outlet, company, military-alliance',
    ]);
    expect(
      mistakes('relationships.yaml', {
        relationships: [{ from: 'actor:a', to: 'actor:b', sources: [1], ...CLAIM }],
      }),
    ).toEqual([
      expect.stringMatching(
        /^relationships\[0\]\.type: missing type: one of ATTENDED, DID_NOT_ATTEND, HOSTED, /,
      ),
    ]);
  });

  it('an address, a footnote, a language and a figure’s value', () => {
    const source = (change: Record<string, unknown>) =>
      mistakes('sources.yaml', { sources: [{ id: 'source:fn-1', title: 'A', ...GRADE, ...change }] });
    expect(source({ url: 'https://tass.com/politics/1506545' })).toEqual([]);
    for (const url of ['ftp://tass.com', 'see https://tass.com', 'https://tass.com and more'])
      expect(source({ url })).toEqual([
        `sources[0].url: bad url "${url}": an address starts with http:// or https://`,
      ]);
    expect(source({ footnote: 'seven' })).toEqual([
      'sources[0].footnote: bad footnote "seven": a whole number from 1',
    ]);
    const statement = { id: 'statement:s', text: 'No limits.', date: '2022-02-04', sources: [1], ...CLAIM };
    expect(mistakes('statements.yaml', { statements: [{ ...statement, language: 'English' }] })).toEqual([
      'statements[0].language: bad language: a language code such as en, ru, zh',
    ]);
    expect(mistakes('statements.yaml', { statements: [{ ...statement, language: 5 }] })).toEqual([
      'statements[0].language: bad language 5: a language code such as en, ru, zh',
    ]);
    const figure = { id: 'figure:f', name: 'Trade', metric: 'trade', sources: [1], ...CLAIM };
    expect(mistakes('figures.yaml', { figures: [{ ...figure, value: '12%' }] })).toEqual([
      'figures[0].value: bad value "12%": a number (unquoted)',
    ]);
  });

  it('an item that is not a mapping, or an empty entry ("- " alone)', () => {
    expect(mistakes('actors.yaml', { actors: ['Li Zhanshu'] })).toEqual([
      'actors[0]: must be a mapping (field: value), got "Li Zhanshu"',
    ]);
    const check = validateFile('actors.yaml', { actors: [null, li] }, 'actors.yaml');
    expect(check.errors.map((e) => `${e.path}: ${e.reason}`)).toEqual([
      'actors[0]: must be a mapping (field: value), got null',
    ]);
    expect(check.value?.actors.map((a) => a.id)).toEqual(['actor:li-zhanshu']);
  });

  it('a value written as a one-item list ([…]) where one value belongs', () => {
    expect(actor({ id: ['actor:li-zhanshu'] })).toEqual([
      `actors[0].id: bad id ["actor:li-zhanshu"]: ${ID_RULE}`,
    ]);
    expect(actor({ sources: [['source:no-limits-memo']] })).toEqual([
      `actors[0].sources[0]: bad source ["source:no-limits-memo"]: ${SOURCE_RULE}`,
    ]);
    expect(
      mistakes('sources.yaml', {
        sources: [{ id: 'source:fn-1', title: 'A', url: ['https://tass.com'], ...GRADE }],
      }),
    ).toEqual(['sources[0].url: bad url ["https://tass.com"]: an address starts with http:// or https://']);
    const rel = { type: 'LEADS', from: 'actor:xi-jinping', to: 'actor:china', sources: [1], ...CLAIM };
    expect(mistakes('relationships.yaml', { relationships: [{ ...rel, type: ['LEADS'] }] })).toEqual([
      expect.stringMatching(
        /^relationships\[0\]\.type: unknown relationship type \["LEADS"\]: one of ATTENDED, /,
      ),
    ]);
    expect(
      mistakes('relationships.yaml', { relationships: [{ ...rel, id: ['rel:xi-leads-china'] }] }),
    ).toEqual([
      'relationships[0].id: bad relationship id ["rel:xi-leads-china"]: write rel:<slug> (lower-case letters, digits, hyphens) or leave it out',
    ]);
    expect(parseSeedDate(['2022-09'])).toBe(
      'bad date ["2022-09"]: write YYYY-MM-DD, YYYY-MM (only the month is known) or YYYY (only the year)',
    );
  });
});

describe('the evidence fields of one item', () => {
  const rel = { type: 'LEADS', from: 'actor:xi-jinping', to: 'actor:china', sources: [1], ...CLAIM };
  const relationship = (change: Record<string, unknown>) =>
    mistakes('relationships.yaml', { relationships: [{ ...rel, ...change }] });
  const source = (change: Record<string, unknown>) =>
    mistakes('sources.yaml', { sources: [{ id: 'source:fn-1', title: 'A', ...GRADE, ...change }] });

  it('a credibility: a whole number from 1 to 6, 6 included', () => {
    for (const credibility of [1, 6]) expect(relationship({ credibility }), String(credibility)).toEqual([]);
    for (const credibility of [0, -1, 2.5, '3'])
      expect(relationship({ credibility }), String(credibility)).toEqual([
        `relationships[0].credibility: credibility ${JSON.stringify(credibility)} is outside the scale: a whole number from 1 (confirmed) to 6 (cannot be judged)`,
      ]);
  });

  it('a reliabilityNote: empty, blank, left without a value, or not text', () => {
    expect(source({ reliabilityNote: '' })).toEqual([
      'sources[0].reliabilityNote: reliabilityNote must be non-empty text, got ""',
    ]);
    expect(source({ reliabilityNote: '  ' })).toEqual([
      'sources[0].reliabilityNote: reliabilityNote must be non-empty text, got "  "',
    ]);
    expect(source({ reliabilityNote: null })).toEqual([
      'sources[0].reliabilityNote: missing reliabilityNote: one line on why the source has its grade',
    ]);
    expect(source({ reliabilityNote: ['Usually right.'] })).toEqual([
      'sources[0].reliabilityNote: reliabilityNote must be non-empty text, got ["Usually right."]',
    ]);
  });

  it('passages written as one quotation rather than a list of them', () => {
    expect(relationship({ passages: 'Xi Jinping leads China' })).toEqual([
      `relationships[0].passages: passages must be a list of exact quotations from the document's text.txt, got "Xi Jinping leads China"`,
    ]);
  });
});

describe('a file as a whole', () => {
  it('a list of items without the key above it', () => {
    expect(mistakes('actors.yaml', [li])).toEqual([
      `(top level): must be a mapping (field: value), got [${JSON.stringify(li)}]`,
    ]);
    expect(mistakes('document.yaml', ['the memo'])).toEqual([
      '(top level): must be a mapping (field: value), got ["the memo"]',
    ]);
  });

  it('empty, without its key, with another key, or not a list', () => {
    expect(mistakes('actors.yaml', null)).toEqual([
      '(top level): the file is empty: it holds "actors:" with a list of items',
    ]);
    expect(mistakes('actors.yaml', {})).toEqual([
      'actors: missing the top-level key "actors:" (a list of items)',
    ]);
    expect(mistakes('actors.yaml', { actors: [], people: [] })).toEqual([
      'people: unknown top-level key "people": this file holds only "actors:"',
    ]);
    expect(mistakes('actors.yaml', { actors: 'Li Zhanshu' })).toEqual([
      'actors: "actors:" must hold a list of items (each starting with "- "), got "Li Zhanshu"',
    ]);
    expect(mistakes('document.yaml', {})).toEqual([
      'document: missing the top-level key "document:" (one mapping: id, title, …)',
    ]);
    expect(mistakes('document.yaml', { document: 'the memo' })).toEqual([
      'document: "document:" holds one mapping (id, title, …), not "the memo"',
    ]);
  });

  it('keeps the valid items and names the failed ones, so that links to them raise no second error', () => {
    const check = validateFile(
      'sources.yaml',
      {
        sources: [
          { id: 'source:fn-1', title: 'A', footnote: 1, ...GRADE },
          { id: 'source:fn-2', title: '', footnote: 2, ...GRADE },
          'not an item',
        ],
      },
      'sources.yaml',
    );
    expect(check.value?.sources.map((s) => s.id)).toEqual(['source:fn-1']);
    expect(check.failedIds).toEqual(['source:fn-2']);
    expect(check.failedFootnotes).toEqual([2]);
    const document = { id: 'source:memo', title: 'No Limits', ...GRADE };
    expect(validateFile('document.yaml', { document }, 'document.yaml')).toEqual({
      value: { document },
      errors: [],
      failedIds: [],
      failedFootnotes: [],
    });
  });

  it('writes paths as the files read', () => {
    expect(formatPath(['actors', 3, 'sources', 0])).toBe('actors[3].sources[0]');
    expect(formatPath([])).toBe('(top level)');
  });
});

describe('dates at their precision', () => {
  it('reads the edges of the calendar, and text around spaces', () => {
    expect(parseSeedDate('2022-12')).toEqual({ date: '2022-12-01', precision: 'month' });
    expect(parseSeedDate('2022-01-31')).toEqual({ date: '2022-01-31', precision: 'day' });
    expect(parseSeedDate(' 2022-09 ')).toEqual({ date: '2022-09-01', precision: 'month' });
    expect(parseSeedDate('2022-00')).toBe('bad date "2022-00": there is no month 00');
    expect(parseSeedDate('2022-09-00')).toBe('bad date "2022-09-00": that month has no day 00');
    expect(parseSeedDate('2023-02-29')).toBe('bad date "2023-02-29": that month has no day 29');
    expect(parseSeedDate(true)).toMatch(/^bad date true: write YYYY-MM-DD/);
  });
});
