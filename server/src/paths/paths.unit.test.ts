import { describe, expect, it } from 'vitest';
import { FILTER_RELATIONSHIP_TYPES, type NodeKind } from '../../../core/model/index.ts';
import { type GraphEdge, type GraphNode } from '../graph/model.ts';
import { TEMPLATES, citationsOf, explainPath, mention } from './explanation.ts';
import { dateSpanDays, rankPaths, type CandidatePath } from './rank.ts';

function node(id: string, kind: NodeKind, label: string, props: Record<string, unknown> = {}): GraphNode {
  return {
    id,
    kind,
    label,
    date: (props.date as string | undefined) ?? null,
    summary: null,
    properties: { id, kind, ...props },
    sources: [],
    degree: 1,
    basis: 'STATED',
    inferenceNote: null,
    passages: [],
    contested: false,
  };
}

function edge(type: string, source: string, target: string, props: Record<string, unknown> = {}): GraphEdge {
  return {
    id: `rel:${source}-${type}->${target}`,
    type,
    source,
    target,
    properties: props,
    sources: [],
    basis: props.basis === 'inferred' ? 'INFERRED' : 'STATED',
    inferenceNote: null,
    passages: [],
    credibility: null,
    corroboration: 0,
  };
}

const modi = node('actor:narendra-modi', 'ACTOR', 'Narendra Modi', { actorType: 'person' });
const xi = node('actor:xi-jinping', 'ACTOR', 'Xi Jinping', { actorType: 'person' });
const putin = node('actor:vladimir-putin', 'ACTOR', 'Vladimir Putin', { actorType: 'person' });
const sco = node(
  'meeting:sco-summit-samarkand-2022',
  'MEETING',
  'SCO summit in Samarkand (22nd Meeting of the SCO Council of Heads of State)',
  { meetingType: 'summit', date: '2022-09-15', datePrecision: 'day', endDate: '2022-09-16' },
);
const bluff = node('statement:putin-not-a-bluff', 'STATEMENT', 'This is not a bluff.', {
  text: 'This is not a bluff.',
  date: '2022-09-21',
  datePrecision: 'day',
});

describe('explanations', () => {
  it('tells two attendances of one meeting as one sentence with both dates', () => {
    const text = explainPath(
      [modi, sco, xi],
      [
        edge('ATTENDED', modi.id, sco.id, { date: '2022-09-16', datePrecision: 'day' }),
        edge('ATTENDED', xi.id, sco.id, { date: '2022-09-15', datePrecision: 'day' }),
      ],
    );
    expect(text).toBe(
      'Narendra Modi attended the SCO summit in Samarkand (16 September 2022), which Xi Jinping also attended (15 September 2022).',
    );
  });

  it('reads an edge against its direction in the passive, dated by the event when the edge has no date', () => {
    const text = explainPath([sco, modi], [edge('ATTENDED', modi.id, sco.id)]);
    expect(text).toBe('The SCO summit in Samarkand was attended by Narendra Modi (15–16 September 2022).');
  });

  it('says "(inferred)" after an inferred step, in a joined sentence too, and nothing after a stated one', () => {
    const inferred = { basis: 'inferred' };
    expect(explainPath([sco, modi], [edge('ATTENDED', modi.id, sco.id, inferred)])).toBe(
      'The SCO summit in Samarkand was attended by Narendra Modi (15–16 September 2022) (inferred).',
    );
    expect(
      explainPath(
        [modi, sco, xi],
        [
          edge('ATTENDED', modi.id, sco.id, { date: '2022-09-16', datePrecision: 'day' }),
          edge('ATTENDED', xi.id, sco.id, { ...inferred, date: '2022-09-15', datePrecision: 'day' }),
        ],
      ),
    ).toBe(
      'Narendra Modi attended the SCO summit in Samarkand (16 September 2022), which Xi Jinping also attended (15 September 2022) (inferred).',
    );
  });

  it('writes a date at its precision', () => {
    const text = explainPath(
      [xi, putin],
      [edge('MET_WITH', xi.id, putin.id, { date: '2018-06-01', datePrecision: 'month' })],
    );
    expect(text).toBe('Xi Jinping met with Vladimir Putin (June 2018).');
  });

  it('reads symmetric relationships the same both ways and joins a pair through a person with "who"', () => {
    const text = explainPath(
      [modi, putin, xi],
      [
        edge('MET_WITH', modi.id, putin.id, { date: '2022-09-16' }),
        edge('MET_WITH', xi.id, putin.id, { date: '2022-09-15' }),
      ],
    );
    expect(text).toBe(
      'Narendra Modi met with Vladimir Putin (16 September 2022), who also met with Xi Jinping (15 September 2022).',
    );
  });

  it('quotes statements and does not double the full stop', () => {
    const text = explainPath([putin, bluff], [edge('SAID', putin.id, bluff.id)]);
    expect(text).toBe('Vladimir Putin said “This is not a bluff.” (21 September 2022).');
    expect(explainPath([bluff, putin], [edge('SAID', putin.id, bluff.id)])).toBe(
      '“This is not a bluff.” was said by Vladimir Putin (21 September 2022).',
    );
  });

  it('makes one sentence per step when the types differ', () => {
    const text = explainPath(
      [modi, putin, xi],
      [edge('CRITICIZED', modi.id, putin.id, { date: '2022-09-16' }), edge('MET_WITH', putin.id, xi.id)],
    );
    expect(text).toBe(
      'Narendra Modi criticized Vladimir Putin (16 September 2022). Vladimir Putin met with Xi Jinping.',
    );
  });

  it('has a template for every relationship type in the seed format, and reads unknown ones neutrally', () => {
    for (const type of FILTER_RELATIONSHIP_TYPES) expect(TEMPLATES[type], type).toBeDefined();
    expect(explainPath([xi, putin], [edge('ADMIRES', xi.id, putin.id)])).toBe(
      'Xi Jinping is linked (admires) to Vladimir Putin.',
    );
    expect(explainPath([putin, xi], [edge('LOOKS_UP_TO', xi.id, putin.id)])).toBe(
      'Vladimir Putin is linked (looks up to) from Xi Jinping.',
    );
    expect(
      explainPath(
        [modi, putin, xi],
        [edge('LOOKS_UP_TO', modi.id, putin.id), edge('LOOKS_UP_TO', xi.id, putin.id)],
      ),
    ).toBe(
      'Narendra Modi is linked (looks up to) to Vladimir Putin, whom Xi Jinping is also linked (looks up to) to.',
    );
  });

  it('reads A ← M → B as one sentence: "… was attended by M, who also attended B"', () => {
    const duma = node('actor:state-duma', 'ACTOR', 'State Duma', { actorType: 'government-body' });
    const text = explainPath(
      [sco, modi, duma],
      [
        edge('ATTENDED', modi.id, sco.id),
        edge('ATTENDED', modi.id, duma.id, { date: '2022-09-01', datePrecision: 'month' }),
      ],
    );
    expect(text).toBe(
      'The SCO summit in Samarkand was attended by Narendra Modi (15–16 September 2022), who also attended the State Duma (September 2022).',
    );
    const twoVisits = explainPath(
      [modi, sco, duma],
      [edge('ATTENDED', modi.id, sco.id, { date: '2022-09-16' }), edge('ATTENDED', sco.id, duma.id)],
    );
    expect(twoVisits).toBe(
      'Narendra Modi attended the SCO summit in Samarkand (16 September 2022). The SCO summit in Samarkand attended the State Duma (15–16 September 2022).',
    );
  });

  it('dates a relationship by the event at its far end, never by a person or a figure', () => {
    const figure = node('figure:trade', 'FIGURE', 'Trade grew by 31%', {
      date: '2022-08-01',
      datePrecision: 'month',
    });
    expect(explainPath([xi, figure], [edge('REPORTED', xi.id, figure.id)])).toBe(
      'Xi Jinping reported Trade grew by 31%.',
    );
    const tass = node('source:tass', 'SOURCE', 'TASS');
    expect(explainPath([tass, figure], [edge('PUBLISHED', tass.id, figure.id)])).toBe(
      '“TASS” published Trade grew by 31%.',
    );
    const dated = { ...putin, date: '2022-09-01' };
    expect(explainPath([dated, bluff], [edge('SAID', putin.id, bluff.id)])).toBe(
      'Vladimir Putin said “This is not a bluff.” (21 September 2022).',
    );
    expect(explainPath([modi, putin], [edge('MET_WITH', modi.id, putin.id)])).toBe(
      'Narendra Modi met with Vladimir Putin.',
    );
    expect(explainPath([sco, xi], [edge('ABOUT', sco.id, xi.id)])).toBe(
      'The SCO summit in Samarkand concerned Xi Jinping.',
    );
  });

  it('names sources, figures and quotes as a reader writes them', () => {
    const memo = node('source:no-limits-memo', 'SOURCE', "'No Limits': Xi's Support For Putin Is Unwavering");
    expect(mention(memo)).toBe("“'No Limits': Xi's Support For Putin Is Unwavering”");
    expect(mention(node('figure:f', 'FIGURE', 'Trade grew by 31%'))).toBe('Trade grew by 31%');
    expect(mention(node('statement:s', 'STATEMENT', 'label', { text: '  “Russia was cornered.”  ' }))).toBe(
      '“Russia was cornered.”',
    );
    expect(mention(node('statement:s', 'STATEMENT', 'The label', { text: '' }))).toBe('“The label”');
    expect(mention(node('statement:s', 'STATEMENT', 'x', { text: 'He said “no” twice' }))).toBe(
      '“He said “no” twice”',
    );
    expect(
      mention(node('meeting:m', 'MEETING', 'Summit (Samarkand) in 2022', { meetingType: 'summit' })),
    ).toBe('the Summit (Samarkand) in 2022');
    expect(
      mention(node('meeting:m', 'MEETING', 'Eastern Economic Forum  (EEF) ', { meetingType: 'summit' })),
    ).toBe('the Eastern Economic Forum');
    expect(mention(node('meeting:m', 'MEETING', 'Other Summit', { meetingType: 'summit' }))).toBe(
      'the Other Summit',
    );
    expect(mention(node('meeting:m', 'MEETING', 'Beijing and the summit', { meetingType: 'summit' }))).toBe(
      'the Beijing and the summit',
    );
    expect(mention(node('actor:e', 'ACTOR', 'European Union the bloc', { actorType: 'organisation' }))).toBe(
      'the European Union the bloc',
    );
    expect(mention(node('actor:f', 'ACTOR', 'Five Eyes', { actorType: 'organisation' }))).toBe('Five Eyes');
    expect(mention(node('actor:t', 'ACTOR', 'The Kremlin', { actorType: 'government-body' }))).toBe(
      'The Kremlin',
    );
  });

  it('says "who" after a person, "which" after anything else, and joins only steps of one type', () => {
    const duma = node('actor:state-duma', 'ACTOR', 'State Duma', { actorType: 'government-body' });
    expect(
      explainPath([modi, duma, xi], [edge('MET_WITH', modi.id, duma.id), edge('MET_WITH', xi.id, duma.id)]),
    ).toBe('Narendra Modi met with the State Duma, which also met with Xi Jinping.');
    expect(
      explainPath(
        [modi, putin, xi],
        [edge('CRITICIZED', modi.id, putin.id), edge('CRITICIZED', xi.id, putin.id)],
      ),
    ).toBe('Narendra Modi criticized Vladimir Putin, whom Xi Jinping also criticized.');
    expect(
      explainPath(
        [modi, putin, xi],
        [edge('MET_WITH', modi.id, putin.id), edge('CRITICIZED', xi.id, putin.id)],
      ),
    ).toBe('Narendra Modi met with Vladimir Putin. Vladimir Putin was criticized by Xi Jinping.');
  });

  it('names what has no type or text by its label, and an agreement without its date', () => {
    expect(mention(node('statement:s', 'STATEMENT', 'Not a bluff.'))).toBe('“Not a bluff.”');
    expect(mention(node('meeting:m', 'MEETING', 'Victory parade'))).toBe('the Victory parade');
    expect(mention(node('actor:p', 'ACTOR', 'Vladimir Putin'))).toBe('Vladimir Putin');
    expect(mention(node('agreement:a', 'AGREEMENT', 'Joint Statement (4 February 2022)'))).toBe(
      'the Joint Statement',
    );
  });

  it('ends each sentence once, after closing quotes or brackets', () => {
    const undated = node('statement:u', 'STATEMENT', 'u', { text: 'This is not a bluff.' });
    expect(explainPath([putin, undated], [edge('SAID', putin.id, undated.id)])).toBe(
      'Vladimir Putin said “This is not a bluff.”',
    );
    const said = node('statement:q', 'STATEMENT', 'q', { text: 'Is this a bluff?”' });
    expect(explainPath([said, putin], [edge('SAID', putin.id, said.id)])).toBe(
      '“Is this a bluff?” was said by Vladimir Putin.',
    );
    const exclaim = node('meeting:m', 'MEETING', 'Victory!', { meetingType: 'announcement' });
    expect(explainPath([putin, exclaim], [edge('HOSTED', putin.id, exclaim.id)])).toBe(
      'Vladimir Putin hosted Victory!',
    );
  });

  it('puts "the" before organisations and events, not before possessives or people', () => {
    expect(mention(node('actor:ccp', 'ACTOR', 'Chinese Communist Party', { actorType: 'party' }))).toBe(
      'the Chinese Communist Party',
    );
    expect(mention(node('actor:nato', 'ACTOR', 'NATO', { actorType: 'military-alliance' }))).toBe('NATO');
    expect(
      mention(node('meeting:v', 'MEETING', "Li Zhanshu's visit to Russia", { meetingType: 'visit' })),
    ).toBe("Li Zhanshu's visit to Russia");
    expect(
      mention(node('meeting:t', 'MEETING', 'TASS announces contracts', { meetingType: 'announcement' })),
    ).toBe('TASS announces contracts');
  });
});

describe('citations', () => {
  const source = (footnote: number) => ({
    id: `source:no-limits-memo-fn0${footnote}`,
    title: `Footnote ${footnote}`,
    url: null,
    publisher: null,
    date: null,
    footnote,
    reliability: 'F' as const,
    reliabilityNote: null,
  });
  const cited = (e: GraphEdge, ...footnotes: number[]): GraphEdge => ({
    ...e,
    sources: footnotes.map(source),
  });

  it('are the sources of every step, the last one too, in path order and each once', () => {
    const steps = [
      cited(edge('ATTENDED', modi.id, sco.id), 5, 2),
      cited(edge('ATTENDED', xi.id, sco.id), 2, 6),
    ];
    expect(citationsOf(steps).map((s) => s.footnote)).toEqual([5, 2, 6]);
    expect(citationsOf([])).toEqual([]);
  });
});

describe('path ranking', () => {
  const path = (
    ids: string[],
    degrees: number[],
    edgeIds: string[],
    datedEdges = 0,
    span = 0,
  ): CandidatePath => ({
    nodes: ids.map((id, i) => ({ id, degree: degrees[i] ?? 0 })),
    edgeIds,
    datedEdges,
    dateSpanDays: span,
  });

  it('orders shortest first, then through less connected nodes, then by ids', () => {
    const long = path(['a', 'b', 'c', 'z'], [1, 1, 1, 1], ['e1', 'e2', 'e3']);
    const viaHub = path(['a', 'hub', 'z'], [1, 90, 1], ['e4', 'e5']);
    const viaMeeting = path(['a', 'm', 'z'], [1, 5, 1], ['e6', 'e7']);
    expect(rankPaths([long, viaHub, viaMeeting], 3)).toEqual([viaMeeting, viaHub, long]);
  });

  it('keeps one path per sequence of nodes, the dated one whose dates lie closest together', () => {
    const old = path(['a', 'p', 'z'], [1, 5, 1], ['x1', 'x2'], 2, 1500);
    const recent = path(['a', 'p', 'z'], [1, 5, 1], ['x1', 'x3'], 2, 1);
    const undated = path(['a', 'p', 'z'], [1, 5, 1], ['x0', 'x4'], 0, 0);
    expect(rankPaths([old, undated, recent], 3)).toEqual([recent]);
  });

  it('drops paths that visit a node twice and stops at the limit', () => {
    const shortLoop = path(['a', 'a', 'z'], [1, 1, 1], ['0', '9']);
    expect(
      rankPaths([shortLoop, path(['a', 'b', 'c', 'z'], [1, 1, 1, 1], ['1', '2', '3'])], 1)[0]?.edgeIds,
    ).toEqual(['1', '2', '3']);
    const loop = path(['a', 'z', 'b', 'z'], [1, 1, 1, 1], ['1', '2', '3']);
    const ok = [path(['a', 'b', 'z'], [1, 1, 1], ['4', '5']), path(['a', 'c', 'z'], [1, 2, 1], ['6', '7'])];
    expect(rankPaths([loop, ...ok], 1)).toEqual([ok[0]]);
  });

  it('weighs only the inner nodes, then compares ids step by step, a shorter list first', () => {
    const viaB = path(['a', 'b', 'z'], [100, 5, 1], ['e1', 'e2']);
    const viaC = path(['a', 'c', 'z'], [1, 6, 1], ['e3', 'e4']);
    expect(rankPaths([viaC, viaB], 2)).toEqual([viaB, viaC]);
    const viaD = path(['a', 'd', 'z'], [1, 5, 1], ['e5', 'e6']);
    expect(rankPaths([viaD, viaB], 2)).toEqual([viaB, viaD]);
    expect(rankPaths([viaB, viaD], 2)).toEqual([viaB, viaD]);
    const viaDD = path(['a', 'd', 'y', 'z'], [1, 5, 0, 1], ['e7', 'e8', 'e9']);
    const viaDy = path(['a', 'd', 'x', 'z'], [1, 5, 0, 1], ['e7', 'e8', 'e10']);
    expect(rankPaths([viaDD, viaDy], 2)).toEqual([viaDy, viaDD]);
    expect(rankPaths([viaDy, viaDD], 2)).toEqual([viaDy, viaDD]);
    const split1 = path(['a', 'bc', 'z'], [1, 5, 1], ['e11', 'e12']);
    const split2 = path(['ab', 'c', 'z'], [1, 5, 1], ['e13', 'e14']);
    expect(rankPaths([split1, split2], 3)).toEqual([split1, split2]);
    const same1 = path(['a', 'm', 'z'], [1, 5, 1], ['x2', 'x9'], 1, 0);
    const same2 = path(['a', 'm', 'z'], [1, 5, 1], ['x2', 'x10'], 1, 0);
    expect(rankPaths([same1, same2], 3)).toEqual([same2]);
    expect(
      rankPaths(
        [path(['b', 'm', 'z'], [1, 5, 1], ['1', '2']), path(['a', 'n', 'z'], [1, 5, 1], ['3', '4'])],
        1,
      )[0]?.nodes[0]?.id,
    ).toBe('a');
  });

  it('measures the span of dates in days', () => {
    expect(dateSpanDays(['2022-09-15', '2022-09-16'])).toBe(1);
    expect(dateSpanDays(['2022-09-20T10:00:00', 'not a date', '2022-09-15'])).toBe(5);
    expect(dateSpanDays(['not a date', '2022-09-15'])).toBe(0);
    expect(dateSpanDays([])).toBe(0);
    expect(dateSpanDays(['2022-09-15'])).toBe(0);
  });
});
