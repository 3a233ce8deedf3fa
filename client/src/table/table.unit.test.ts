import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, Source } from '../api/types.ts';
import type { GraphData } from '../explorer/graph.ts';
import {
  columnsFor,
  csvField,
  csvFileName,
  filterRows,
  footnotesText,
  nextSort,
  parseDateRange,
  sortRows,
  tableRows,
  toCsv,
  type TableRow,
} from './table.ts';

const source = (footnote: number | null, title = `Footnote ${footnote}`): Source => ({
  id: `source:${title}`,
  title,
  url: null,
  publisher: null,
  date: null,
  footnote,
});

function node(
  id: string,
  kind: GraphNode['kind'],
  label: string,
  props: Record<string, unknown> = {},
  sources: Source[] = [],
): GraphNode {
  const date = typeof props.date === 'string' ? props.date : null;
  return {
    id,
    kind,
    label,
    date,
    summary: null,
    properties: props,
    degree: 1,
    contested: false,
    sources,
  };
}

const MEMO = source(null, 'No Limits memo');
const nodes = [
  node(
    'meeting:sco',
    'MEETING',
    'SCO summit in Samarkand',
    {
      date: '2022-09-15',
      datePrecision: 'day',
      endDate: '2022-09-16',
      place: 'Samarkand, Uzbekistan',
    },
    [source(2), source(6), MEMO],
  ),
  node(
    'meeting:xi-putin',
    'MEETING',
    'Xi Jinping - Vladimir Putin meeting in Samarkand',
    { date: '2022-09-15', datePrecision: 'day', place: 'Samarkand, Uzbekistan' },
    [source(3)],
  ),
  node('meeting:congress', 'MEETING', '20th Party Congress', { date: '2022-10-16', datePrecision: 'day' }),
  node('meeting:sept-month', 'MEETING', 'Talks some time in September', {
    date: '2022-09-01',
    datePrecision: 'month',
  }),
  node('meeting:undated', 'MEETING', 'An undated meeting'),
  node(
    'figure:trade',
    'FIGURE',
    'China-Russia bilateral trade up 30%',
    {
      date: '2022-01-01',
      datePrecision: 'year',
      value: 30,
      unit: 'percent',
      change: '+30%',
      period: 'January-July 2022 vs January-July 2021',
      metric: 'Bilateral trade between China and Russia',
    },
    [source(13), MEMO],
  ),
  node(
    'figure:chips',
    'FIGURE',
    'Chinese semiconductor sales to Russia fell 73%',
    { date: '2022-03-01', datePrecision: 'month', value: -73, unit: 'percent', period: 'March 2022' },
    [source(13)],
  ),
  node('figure:coal', 'FIGURE', 'China more than doubled coal imports', {
    date: '2022-03-01',
    datePrecision: 'month',
    change: 'more than doubled',
  }),
  node('actor:putin', 'ACTOR', 'Vladimir Putin', { actorType: 'person' }),
  node('actor:xi', 'ACTOR', 'Xi Jinping', { actorType: 'person' }),
  node('statement:bluff', 'STATEMENT', 'This is not a bluff.', { date: '2022-09-21', datePrecision: 'day' }),
];
const said = (id: string, from: string, to: string): GraphEdge => ({
  id,
  type: 'SAID',
  source: from,
  target: to,
  properties: {},
  corroboration: 1,
  sources: [],
});
const graph: GraphData = {
  nodes: Object.fromEntries(nodes.map((n) => [n.id, n])),
  edges: { s1: said('s1', 'actor:putin', 'statement:bluff'), s2: said('s2', 'actor:xi', 'statement:gone') },
};
const rows = tableRows(graph, []);
const row = (id: string) => rows.find((r) => r.id === id)!;
const ids = (list: readonly TableRow[]) => list.map((r) => r.id);

describe('table rows', () => {
  it('give the date at its precision, the place, the number of sources and the footnotes', () => {
    expect(row('meeting:sco')).toMatchObject({
      dateText: '15–16 September 2022',
      place: 'Samarkand, Uzbekistan',
      sources: 3,
      footnotes: '2, 6; No Limits memo',
    });
    expect(row('meeting:sept-month').dateText).toBe('September 2022');
    expect(row('figure:trade').dateText).toBe('2022');
    expect(row('meeting:undated')).toMatchObject({ dateText: '', period: null, sources: 0, footnotes: '' });
  });

  it('name a statement’s speakers from the SAID relationships on the canvas', () => {
    expect(row('statement:bluff').speakers).toBe('Vladimir Putin');
    expect(row('actor:xi').speakers).toBe('');
  });

  it('leave out hidden nodes and add the extra nodes (all of a kind) once, marked as not on the canvas', () => {
    const extra = [node('figure:new', 'FIGURE', 'Not loaded yet'), nodes[0]!];
    const withExtra = tableRows(graph, ['actor:xi'], extra);
    expect(ids(withExtra)).not.toContain('actor:xi');
    expect(withExtra.filter((r) => r.id === 'meeting:sco')).toHaveLength(1);
    expect(withExtra.find((r) => r.id === 'figure:new')?.onCanvas).toBe(false);
    expect(withExtra.find((r) => r.id === 'meeting:sco')?.onCanvas).toBe(true);
  });

  it('list footnote numbers once, in order, before sources without one', () => {
    expect(footnotesText([source(16), source(13), source(16), MEMO])).toBe('13, 16; No Limits memo');
    expect(footnotesText([MEMO])).toBe('No Limits memo');
  });
});

describe('columns by kind', () => {
  const names = (kind: Parameters<typeof columnsFor>[0]) => columnsFor(kind).map((c) => c.label);

  it('are kind, label, date, place, sources and footnotes for every kind', () => {
    expect(names(null)).toEqual(['Kind', 'Label', 'Date', 'Place', 'Sources', 'Footnotes']);
  });

  it('add a figure’s value, unit, change, period and metric; a statement’s speakers; a meeting’s place', () => {
    expect(names('FIGURE')).toEqual([
      'Label',
      'Value',
      'Unit',
      'Change',
      'Period',
      'Metric',
      'Date',
      'Sources',
      'Footnotes',
    ]);
    expect(names('STATEMENT')).toEqual(['Label', 'Speaker(s)', 'Context', 'Date', 'Sources', 'Footnotes']);
    expect(names('MEETING')).toEqual(['Label', 'Type', 'Date', 'Place', 'Sources', 'Footnotes']);
  });

  it('show a figure’s cells', () => {
    const cells = columnsFor('FIGURE').map((c) => c.text(row('figure:trade')));
    expect(cells).toEqual([
      'China-Russia bilateral trade up 30%',
      '30',
      'percent',
      '+30%',
      'January-July 2022 vs January-July 2021',
      'Bilateral trade between China and Russia',
      '2022',
      '2',
      '13; No Limits memo',
    ]);
  });
});

describe('the date filter', () => {
  it('reads dates as readers write them', () => {
    expect(parseDateRange('September 2022')).toEqual({ since: '2022-09-01', until: '2022-09-30' });
    expect(parseDateRange('sep 2022')).toEqual({ since: '2022-09-01', until: '2022-09-30' });
    expect(parseDateRange('2022-09')).toEqual({ since: '2022-09-01', until: '2022-09-30' });
    expect(parseDateRange('2022')).toEqual({ since: '2022-01-01', until: '2022-12-31' });
    expect(parseDateRange('15 September 2022')).toEqual({ since: '2022-09-15', until: '2022-09-15' });
    expect(parseDateRange('September 15, 2022')).toEqual({ since: '2022-09-15', until: '2022-09-15' });
    expect(parseDateRange('2024-02')).toEqual({ since: '2024-02-01', until: '2024-02-29' });
  });

  it('reads ranges, taking a missing month or year from the other end, in either order', () => {
    expect(parseDateRange('September – October 2022')).toEqual({ since: '2022-09-01', until: '2022-10-31' });
    expect(parseDateRange('15–16 September 2022')).toEqual({ since: '2022-09-15', until: '2022-09-16' });
    expect(parseDateRange('2022-09-10 to 2022-09-20')).toEqual({ since: '2022-09-10', until: '2022-09-20' });
    expect(parseDateRange('2022-10..2022-09')).toEqual({ since: '2022-09-01', until: '2022-10-31' });
  });

  it('is no filter when blank, and "invalid" for text that is no date', () => {
    expect(parseDateRange('  ')).toBeNull();
    for (const bad of ['soon', '2022-13', '31 February 2022', 'September', '1 2 3'])
      expect(parseDateRange(bad)).toBe('invalid');
  });

  it('keeps dates within the range, spans that overlap it, and nothing undated or less precise', () => {
    const kept = filterRows(rows, { kind: null, text: '', dates: 'September 2022' });
    expect(ids(kept).sort()).toEqual([
      'meeting:sco',
      'meeting:sept-month',
      'meeting:xi-putin',
      'statement:bluff',
    ]);
    // The two-day summit overlaps its second day; a month-precise date is not known to fall on one day.
    expect(ids(filterRows(rows, { kind: null, text: '', dates: '16 September 2022' }))).toEqual([
      'meeting:sco',
    ]);
    expect(filterRows(rows, { kind: null, text: '', dates: 'nonsense' })).toEqual([]);
  });
});

describe('the kind and text filters', () => {
  it('keep one kind', () => {
    const meetings = filterRows(rows, { kind: 'MEETING', text: '', dates: 'September 2022' });
    expect(ids(meetings).sort()).toEqual(['meeting:sco', 'meeting:sept-month', 'meeting:xi-putin']);
  });

  it('match every word, in any cell or property, without regard to case or accents', () => {
    expect(ids(filterRows(rows, { kind: 'FIGURE', text: 'TRADE', dates: '' }))).toEqual(['figure:trade']);
    expect(ids(filterRows(rows, { kind: null, text: 'samarkand putin', dates: '' }))).toEqual([
      'meeting:xi-putin',
    ]);
    expect(ids(filterRows(rows, { kind: null, text: 'samarkánd uzbekistan', dates: '' })).sort()).toEqual([
      'meeting:sco',
      'meeting:xi-putin',
    ]);
    expect(ids(filterRows(rows, { kind: 'STATEMENT', text: 'putin', dates: '' }))).toEqual([
      'statement:bluff',
    ]);
  });
});

describe('sorting', () => {
  const figures = filterRows(rows, { kind: 'FIGURE', text: '', dates: '' });
  const cols = columnsFor('FIGURE');

  it('sorts numbers as numbers, empty cells last both ways', () => {
    expect(ids(sortRows(figures, { column: 'value', direction: 'asc' }, cols))).toEqual([
      'figure:chips',
      'figure:trade',
      'figure:coal',
    ]);
    expect(ids(sortRows(figures, { column: 'value', direction: 'desc' }, cols))).toEqual([
      'figure:trade',
      'figure:chips',
      'figure:coal',
    ]);
  });

  it('sorts dates by the day they start, and ties by label', () => {
    const meetings = filterRows(rows, { kind: 'MEETING', text: '', dates: '' });
    expect(ids(sortRows(meetings, { column: 'date', direction: 'asc' }, columnsFor('MEETING')))).toEqual([
      'meeting:sept-month',
      'meeting:sco',
      'meeting:xi-putin',
      'meeting:congress',
      'meeting:undated',
    ]);
    expect(ids(sortRows(meetings, { column: 'date', direction: 'desc' }, columnsFor('MEETING')))).toEqual([
      'meeting:congress',
      'meeting:sco',
      'meeting:xi-putin',
      'meeting:sept-month',
      'meeting:undated',
    ]);
  });

  it('sorts text without regard to case, and the number of sources as a number', () => {
    expect(ids(sortRows(figures, { column: 'label', direction: 'asc' }, cols))).toEqual([
      'figure:coal',
      'figure:trade',
      'figure:chips',
    ]);
    const bySources = sortRows(rows, { column: 'sources', direction: 'desc' }, columnsFor(null));
    expect(bySources.slice(0, 2).map((r) => r.sources)).toEqual([3, 2]);
  });

  it('turns round on a second click of the same header, and starts ascending on another', () => {
    expect(nextSort({ column: 'date', direction: 'asc' }, 'date')).toEqual({
      column: 'date',
      direction: 'desc',
    });
    expect(nextSort({ column: 'date', direction: 'desc' }, 'date')).toEqual({
      column: 'date',
      direction: 'asc',
    });
    expect(nextSort({ column: 'date', direction: 'desc' }, 'label')).toEqual({
      column: 'label',
      direction: 'asc',
    });
  });
});

describe('CSV', () => {
  it('quotes fields with commas, quotes, line breaks and edge spaces, doubling inner quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Samarkand, Uzbekistan')).toBe('"Samarkand, Uzbekistan"');
    expect(csvField('the "no limits" partnership')).toBe('"the ""no limits"" partnership"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('')).toBe('');
  });

  it('keeps numbers and signed changes, and defuses text a spreadsheet would run as a formula', () => {
    expect(csvField('-73')).toBe('-73');
    expect(csvField('-73%')).toBe('-73%');
    expect(csvField('+30%')).toBe("'+30%");
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('- a dash')).toBe("'- a dash");
  });

  it('gives a header and one CRLF-ended line per row shown, in the order shown', () => {
    const shown = sortRows(
      filterRows(rows, { kind: 'MEETING', text: 'samarkand', dates: 'September 2022' }),
      { column: 'label', direction: 'asc' },
      columnsFor('MEETING'),
    );
    expect(toCsv(shown, columnsFor('MEETING'))).toBe(
      'Label,Type,Date,Place,Sources,Footnotes\r\n' +
        'SCO summit in Samarkand,,15–16 September 2022,"Samarkand, Uzbekistan",3,"2, 6; No Limits memo"\r\n' +
        'Xi Jinping - Vladimir Putin meeting in Samarkand,,15 September 2022,"Samarkand, Uzbekistan",1,3\r\n',
    );
  });

  it('names the file after the kind and the dates', () => {
    expect(csvFileName({ kind: 'MEETING', text: '', dates: 'September 2022' })).toBe(
      'meetings-2022-09-01-2022-09-30.csv',
    );
    expect(csvFileName({ kind: null, text: 'x', dates: '' })).toBe('table.csv');
  });
});
