// The draft of the memo's text against its hand-made graph: the figures `npm run measure:draft` prints and
// docs/draft-from-text.md quotes. A change to the draft that moves any of them fails here; update the figures in
// the docs with the test when the change is meant.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparableName, measure, measureMemo, report, type Gold } from './draft-measure.ts';

const root = path.resolve(import.meta.dirname, '..');

describe('the memo drafted from its text', () => {
  const { emptied, withNames, gold } = measureMemo();

  it('reads the hand-made graph: 21 quoted statements (20 with a speaker), 37 distinct dates, 91 names', () => {
    expect(gold.quotes).toHaveLength(21);
    expect(gold.quotes.filter((q) => q.speakers.length > 0)).toHaveLength(20);
    expect(new Set(gold.dates.map((d) => d.key)).size).toBe(37);
    expect(gold.names).toHaveLength(91);
  });

  it('measures the draft with the graph emptied of the memo (no names known)', () => {
    expect(emptied).toEqual({
      quotes: { proposed: 29, right: 22, handMade: 21, found: 21 },
      speakers: { handMade: 20, proposedOnFound: 19, right: 19, noneRight: 1 },
      dates: { proposed: 42, right: 41, distinct: 37, distinctFound: 32 },
      quoteDates: { found: 21, right: 14 },
    });
  });

  it("measures the draft with the memo's names known", () => {
    expect(withNames).toEqual({
      quotes: { proposed: 30, right: 22, handMade: 21, found: 21 },
      speakers: { handMade: 20, proposedOnFound: 19, right: 19, noneRight: 1 },
      dates: { proposed: 42, right: 41, distinct: 37, distinctFound: 32 },
      quoteDates: { found: 21, right: 14 },
    });
  });

  it('prints these figures (npm run measure:draft)', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/draft-measure.ts'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toContain(report('graph emptied of the memo (no names known)', emptied));
    expect(out).toContain(report("the memo's names known (actors, meetings, agreements)", withNames));
    expect(out).toContain(
      'quotes     proposed 29, right 22 (precision 76%); hand-made 21, found 21 (recall 100%)',
    );
  });
});

describe('the measure', () => {
  const gold: Gold = {
    text: 'Xi said “one two” and “three four”; 5 May 2022.',
    quotes: [
      {
        id: 's1',
        spans: [{ start: 9, end: 16 }],
        speakers: [{ id: 'actor:xi', names: ['Xi Jinping', 'Xi'] }],
        date: '2022-05-05/day',
      },
      { id: 's2', spans: [{ start: 23, end: 33 }], speakers: [], date: '2022-05-05/day' },
    ],
    dates: [
      { key: '2022-05-05/day', spans: [{ start: 0, end: 20 }] },
      { key: '2021/year', spans: null },
    ],
    names: [],
  };
  const date = (start: number, value: string) => ({
    start,
    end: start + 10,
    text: '',
    date: value,
    precision: 'day' as const,
    endDate: null,
    endPrecision: null,
    yearInferred: false,
  });

  it('counts a quote right by overlap, a speaker by entity or name, a date by value, precision and place', () => {
    const speaker = (entityId: string | null, text: string) => ({
      start: 0,
      end: 2,
      text,
      entityId,
      label: null,
      how: 'speech verb' as const,
    });
    const f = measure(
      {
        quotes: [
          { start: 10, end: 14, text: '', speaker: speaker(null, 'XI'), date: date(36, '2022-05-05') },
          { start: 23, end: 33, text: '', speaker: speaker('actor:xi', 'Xi'), date: null },
          { start: 40, end: 45, text: '', speaker: null, date: null },
        ],
        dates: [date(5, '2022-05-05'), date(36, '2022-05-05'), date(38, '2020-01-01')],
        names: [],
      },
      gold,
    );
    expect(f).toEqual({
      quotes: { proposed: 3, right: 2, handMade: 2, found: 2 },
      speakers: { handMade: 1, proposedOnFound: 2, right: 1, noneRight: 0 },
      dates: { proposed: 3, right: 1, distinct: 2, distinctFound: 1 },
      quoteDates: { found: 2, right: 1 },
    });
    expect(comparableName('The  Financial Times')).toBe(comparableName('financial times'));
  });
});
