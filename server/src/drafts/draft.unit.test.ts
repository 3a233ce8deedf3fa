// The draft from plain text on small texts with known answers: quotes and their spans, each speaker pattern,
// what is not a quote or not a speaker, dates at each precision and range, years taken from the dateline, names
// and aliases as the graph gives them, and the date proposed for a quote.
import { describe, expect, it } from 'vitest';
import { draftFromText, type KnownName } from './draft.ts';
import { findDates } from './dates.ts';
import { findNames } from './names.ts';
import { layoutOf } from './text.ts';

const quotesOf = (text: string, known: KnownName[] = []) =>
  draftFromText(text, known).quotes.map((q) => ({
    text: q.text,
    speaker: q.speaker?.text ?? null,
    how: q.speaker?.how ?? null,
  }));

const PUTIN: KnownName = {
  id: 'actor:vladimir-putin',
  kind: 'ACTOR',
  label: 'Vladimir Putin',
  names: ['Putin'],
};
const XI: KnownName = { id: 'actor:xi-jinping', kind: 'ACTOR', label: 'Xi Jinping', names: ['Xi', '习近平'] };

describe('quotes', () => {
  it('takes the words between curly or straight double quotation marks, with their exact span', () => {
    const text = 'Putin added: “This is not a bluff.” Later he said "we will see," and left.';
    const { quotes } = draftFromText(text);
    expect(quotes.map((q) => q.text)).toEqual(['This is not a bluff.', 'we will see']);
    for (const q of quotes) expect(text.slice(q.start, q.end)).toBe(q.text);
    expect(quotes[0]).toMatchObject({ start: 14, end: 34 });
  });

  it('leaves out the notes’ titles, unclosed marks, inches and quotations inside web addresses', () => {
    const text = [
      'The envoy said “we agree on everything” and left. A 12" pipe. An “unclosed mark here.',
      '',
      '  1. A. Author, “A title of a report,” Publisher, June 8, 2018. (https://example.org/“x”)',
      '  2. B. Author, “Another title,” Wire, 2019.',
    ].join('\n');
    expect(quotesOf(text).map((q) => q.text)).toEqual(['we agree on everything']);
  });

  it('keeps a one-word quote only when a speech pattern names its speaker', () => {
    const text =
      'The New York Times declared the meeting “subdued.” Xi did not mention the word “Ukraine.” The “Quad” met.';
    expect(quotesOf(text)).toEqual([{ text: 'subdued.', speaker: 'New York Times', how: 'speech verb' }]);
  });
});

describe('speakers', () => {
  it.each([
    ['a speech verb', 'Li declared that “on issues of vital interest we support you.”', 'Li', 'speech verb'],
    ['a colon', 'Then Putin: “though we have spoken about this before.”', 'Putin', 'speech verb'],
    [
      'an appositive',
      'John Kirby, the coordinator, said “only further isolating himself.”',
      'John Kirby',
      'speech verb',
    ],
    ['a verb after the quote', '“We will win the war,” said Zelensky.', 'Zelensky', 'after the quote'],
    [
      'a name and verb after the quote',
      '“We will win the war,” Zelensky said.',
      'Zelensky',
      'after the quote',
    ],
    [
      'according to',
      'According to the Financial Times, the “West sees a shift in view.”',
      'Financial Times',
      'according to',
    ],
    [
      'remarks by',
      'It rested on a single comment by Putin, delivered to Xi: “We appreciate it.”',
      'Putin',
      'remarks by',
    ],
    [
      'a possessive and a noun',
      'Coverage ignored Putin’s comment about “questions and concerns.”',
      'Putin',
      'remarks by',
    ],
    [
      'the subject of a verb',
      'In Samarkand, Xi re-upped his commitment to “work with Russia on trade.”',
      'Xi',
      'subject',
    ],
    [
      'a possessive phrase and a verb',
      'Later, Beijing’s state media said subjects included “the regional conflicts.”',
      'Beijing’s state media',
      'speech verb',
    ],
    [
      'a title dropped',
      'Indian Prime Minister Narendra Modi said “this is not an era of war.”',
      'Narendra Modi',
      'speech verb',
    ],
    [
      'a sentence opener with a speech verb',
      'Biden told reporters: “It is over now.”',
      'Biden',
      'speech verb',
    ],
  ])('finds the speaker by %s', (_, text, speaker, how) => {
    expect(quotesOf(text)).toEqual([{ text: expect.any(String), speaker, how }]);
  });

  it('keeps the name of a body whole, titles and all', () => {
    expect(quotesOf('The General Administration of Customs said “trade grew fast.”')[0]!.speaker).toBe(
      'General Administration of Customs',
    );
    expect(
      quotesOf('U.S. Commerce Secretary Gina Raimondo threatened to “shut down” firms.')[0]!.speaker,
    ).toBe('Gina Raimondo');
  });

  it('prefers a speech verb to a nearer name, and the nearest of equals', () => {
    expect(
      quotesOf('John Kirby, cited Modi’s comments as signs that Putin was “only isolating himself.”'),
    ).toEqual([{ text: 'only isolating himself.', speaker: 'John Kirby', how: 'speech verb' }]);
    expect(quotesOf('Xi said one thing and Putin said “another thing entirely.”')[0]!.speaker).toBe('Putin');
  });

  it('proposes none where no pattern names one', () => {
    for (const text of [
      'Media coverage concluded that the “no limits” partnership was cooling.',
      'He used the term “coordinate strategic responses” with an ally.',
      'The two sides agreed to “always firmly support each other.”',
      'It went to Russia and then “to the end of the road.”',
    ]) {
      expect(quotesOf(text)[0]!.speaker).toBeNull();
    }
  });

  it('gives the graph’s actor when the name is one of its names, with the speaker’s span', () => {
    const text = 'Russian President Vladimir Putin said “this is not a bluff.”';
    const [q] = draftFromText(text, [PUTIN]).quotes;
    expect(q!.speaker).toEqual({
      start: 18,
      end: 32,
      text: 'Vladimir Putin',
      entityId: 'actor:vladimir-putin',
      label: 'Vladimir Putin',
      how: 'speech verb',
    });
    expect(draftFromText(text).quotes[0]!.speaker).toMatchObject({ text: 'Vladimir Putin', entityId: null });
  });

  it('never takes a name inside another quotation', () => {
    expect(quotesOf('“Putin said so,” wrote nobody, and “we agree with that.”')[1]!.speaker).toBeNull();
  });
});

describe('dates', () => {
  const dated = (text: string) =>
    findDates(text).map((d) => [d.text, d.date, d.precision, d.endDate, d.endPrecision, d.yearInferred]);

  it('reads days, months, years and ranges at their precision', () => {
    const text =
      'On 15 September 2022, on September 16, 2022 and on Sept. 5, 2021; in May 2021; in 2018; ' +
      'from 15–16 September 2022, January-July 2022, May 2021 – July 2022 and 2021–2022; ISO 2022-09-15.';
    expect(dated(text)).toEqual([
      ['15 September 2022', '2022-09-15', 'day', null, null, false],
      ['September 16, 2022', '2022-09-16', 'day', null, null, false],
      ['Sept. 5, 2021', '2021-09-05', 'day', null, null, false],
      ['May 2021', '2021-05-01', 'month', null, null, false],
      ['2018', '2018-01-01', 'year', null, null, false],
      ['15–16 September 2022', '2022-09-15', 'day', '2022-09-16', 'day', false],
      ['January-July 2022', '2022-01-01', 'month', '2022-07-01', 'month', false],
      ['May 2021 – July 2022', '2021-05-01', 'month', '2022-07-01', 'month', false],
      ['2021–2022', '2021-01-01', 'year', '2022-01-01', 'year', false],
      ['2022-09-15', '2022-09-15', 'day', null, null, false],
    ]);
  });

  it('gives a date without its year the dateline’s year, or the year before when it would fall after it', () => {
    const text =
      'March 3, 2023 | Brief\n\nOn September 9 the envoy arrived. In February he left; mid-January too.';
    expect(dated(text)).toEqual([
      ['March 3, 2023', '2023-03-03', 'day', null, null, false],
      ['September 9', '2022-09-09', 'day', null, null, true],
      ['February', '2023-02-01', 'month', null, null, true],
      ['January', '2023-01-01', 'month', null, null, true],
    ]);
  });

  it('reads no date without its year when the text has no dateline', () => {
    expect(dated('On September 9 the envoy arrived. ' + 'x'.repeat(600) + ' On 1 May 2022 he left.')).toEqual(
      [['1 May 2022', '2022-05-01', 'day', null, null, false]],
    );
  });

  it('reads no quantity, impossible date, month used as a word or date inside an address as a date', () => {
    const text =
      'It sent 2000 troops and 1,945 tanks, 15 percent of all; February 30, 2022; it may end; ' +
      'May’s cabinet; see https://example.org/2022/09/15/story and www.example.org/March-2022.';
    expect(findDates(text, layoutOf(text).urls)).toEqual([]);
  });
});

describe('names', () => {
  const KNOWN: KnownName[] = [
    XI,
    PUTIN,
    { id: 'actor:united-states', kind: 'ACTOR', label: 'United States', names: ['U.S.'] },
    {
      id: 'actor:commerce',
      kind: 'ACTOR',
      label: 'U.S. Department of Commerce',
      names: ['U.S. Commerce Department', 'Commerce'],
    },
    { id: 'actor:francois-chimits', kind: 'ACTOR', label: 'François Chimits', names: [] },
    { id: 'actor:the-west', kind: 'ACTOR', label: 'The West', names: ['West'] },
    { id: 'actor:west-bank', kind: 'ACTOR', label: 'West Bank', names: ['West'] },
    {
      id: 'meeting:sco-summit',
      kind: 'MEETING',
      label: 'SCO summit in Samarkand',
      names: ['Samarkand summit'],
    },
  ];
  const found = (text: string) =>
    findNames(text, KNOWN, layoutOf(text).urls).map((n) => [
      n.text,
      n.entityId,
      n.how,
      text.slice(n.start, n.end),
    ]);

  it('finds names and aliases as whole words, the longest where they overlap', () => {
    expect(
      found(
        'Xi Jinping met Vladimir Putin; Putin’s aide and Xi spoke. Xinhua and the U.S. Commerce Department.',
      ),
    ).toEqual([
      ['Xi Jinping', 'actor:xi-jinping', 'name', 'Xi Jinping'],
      ['Vladimir Putin', 'actor:vladimir-putin', 'name', 'Vladimir Putin'],
      ['Putin', 'actor:vladimir-putin', 'alias', 'Putin'],
      ['Xi', 'actor:xi-jinping', 'alias', 'Xi'],
      ['U.S. Commerce Department', 'actor:commerce', 'alias', 'U.S. Commerce Department'],
    ]);
  });

  it('matches case and accents written otherwise only for names of four letters or more, written with a capital', () => {
    expect(found('FRANCOIS CHIMITS wrote; Francois Chimits too; commerce grew; XI spoke.')).toEqual([
      ['FRANCOIS CHIMITS', 'actor:francois-chimits', 'name (case or accents differ)', 'FRANCOIS CHIMITS'],
      ['Francois Chimits', 'actor:francois-chimits', 'name (case or accents differ)', 'Francois Chimits'],
    ]);
  });

  it('gives both entities of a shared name, names in other scripts, meetings, line breaks; skips addresses', () => {
    expect(
      found('The West and the Samarkand\nsummit; 习近平讲话. See https://example.org/Putin for more.'),
    ).toEqual([
      ['The West', 'actor:the-west', 'name', 'The West'],
      ['Samarkand\nsummit', 'meeting:sco-summit', 'alias', 'Samarkand\nsummit'],
      ['习近平', 'actor:xi-jinping', 'alias', '习近平'],
    ]);
    expect(found('Troops in the West moved.').map((n) => n[1])).toEqual([
      'actor:the-west',
      'actor:west-bank',
    ]);
  });
});

describe('a quote’s date', () => {
  it('is the nearest date in its sentence, else in the note its sentence cites, else earlier in its paragraph', () => {
    const text = [
      'October 11, 2022 | Memo',
      '',
      'In a September 21 speech, Putin threatened “to use every means.” Putin added: “This is not a bluff.”1',
      '',
      'Xi told Putin: “We support you.”2 Kirby said “nothing at all.”',
      '',
      '  1. Kremlin, “Address,” September 21, 2022. (http://kremlin.ru/1)',
      '  2. Ministry, “Meeting,” September 15, 2022. (http://example.org/2)',
    ].join('\n');
    const quotes = draftFromText(text).quotes.map((q) => [q.text, q.date?.text ?? null]);
    expect(quotes).toEqual([
      ['to use every means.', 'September 21'],
      ['This is not a bluff.', 'September 21, 2022'],
      ['We support you.', 'September 15, 2022'],
      ['nothing at all.', null],
    ]);
  });
});

describe('draftFromText', () => {
  it('gives the same draft for the same text and names, every list in the order of the text', () => {
    const text = 'March 3, 2023\n\nXi said “we agree” on 2 March; Putin said “so do we.”';
    const a = draftFromText(text, [PUTIN, XI]);
    expect(draftFromText(text, [XI, PUTIN])).toEqual(a);
    for (const list of [a.quotes, a.dates, a.names]) {
      expect(list.map((x) => x.start)).toEqual([...list.map((x) => x.start)].sort((x, y) => x - y));
    }
    expect(draftFromText('')).toEqual({ quotes: [], dates: [], names: [] });
  });
});
