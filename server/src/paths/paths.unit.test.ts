import { describe, expect, it } from 'vitest';
import { FILTER_RELATIONSHIP_TYPES, type NodeKind } from '../../../core/model/index.ts';
import { type GraphEdge, type GraphNode } from '../graph/model.ts';
import { TEMPLATES, explainPath, mention } from './explanation.ts';
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
  };
}

function edge(type: string, source: string, target: string, props: Record<string, unknown> = {}): GraphEdge {
  return { id: `rel:${source}-${type}->${target}`, type, source, target, properties: props, sources: [] };
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
    const loop = path(['a', 'z', 'b', 'z'], [1, 1, 1, 1], ['1', '2', '3']);
    const ok = [path(['a', 'b', 'z'], [1, 1, 1], ['4', '5']), path(['a', 'c', 'z'], [1, 2, 1], ['6', '7'])];
    expect(rankPaths([loop, ...ok], 1)).toEqual([ok[0]]);
  });

  it('measures the span of dates in days', () => {
    expect(dateSpanDays(['2022-09-15', '2022-09-16'])).toBe(1);
    expect(dateSpanDays(['2022-09-15'])).toBe(0);
  });
});
