import { describe, expect, it } from 'vitest';
import { nameOfId, nodesOf, sidesOf, type Disagreement } from './disagreements.ts';

const source = { id: 's', title: 'Brief', url: null, publisher: null, date: null, footnote: null };
const node = (over: Partial<Disagreement['a']>): Disagreement['a'] => ({
  id: 'meeting:m',
  kind: 'MEETING',
  label: 'Xi-Putin meeting',
  date: '2022-09-15',
  datePrecision: 'day',
  summary: null,
  properties: {},
  degree: 1,
  contested: true,
  sources: [],
  passages: [],
  ...over,
});

describe('a disagreement, side by side', () => {
  it('gives each side its document, what it says at its precision, its own passage and sources', () => {
    const d: Disagreement = {
      id: 'contested:date:meeting:m:no-limits-memo:brief',
      kind: 'DATE',
      reason: 'Documents disagree on the date',
      a: node({ passages: [{ documentId: 'document:no-limits-memo', text: 'on September 15' }] }),
      b: node({
        date: '2022-09-01',
        datePrecision: 'month',
        sources: [source],
        passages: [{ documentId: 'document:brief', text: 'in September' }],
      }),
      aEdge: null,
      bEdge: null,
    };
    const [a, b] = sidesOf(d);
    expect(a).toMatchObject({
      document: 'no-limits-memo',
      says: 'Xi-Putin meeting: 15 September 2022',
      passage: 'on September 15',
    });
    expect(b).toMatchObject({
      document: 'brief',
      says: 'Xi-Putin meeting: September 2022',
      sources: [source],
    });
    expect(nodesOf(d)).toHaveLength(1);
  });

  it('takes a relationship’s side from the relationship: who said it, attended or not', () => {
    const edge = (type: string, sourceId: string, document: string) => ({
      id: `rel:${type}`,
      type,
      source: sourceId,
      target: 'statement:q',
      properties: { document },
      corroboration: 1,
      sources: [],
      passages: [{ documentId: `document:${document}`, text: `${type} passage` }],
    });
    const statement = node({ id: 'statement:q', kind: 'STATEMENT', properties: { text: 'Not a bluff.' } });
    const speaker: Disagreement = {
      id: 'contested:speaker',
      kind: 'SPEAKER',
      reason: 'r',
      a: statement,
      b: statement,
      aEdge: edge('SAID', 'actor:vladimir-putin', 'no-limits-memo'),
      bEdge: edge('SAID', 'actor:xi-jinping', 'brief'),
    };
    const [a, b] = sidesOf(speaker);
    expect(a.says).toBe('“Not a bluff.”, said by Vladimir Putin');
    expect(b).toMatchObject({
      document: 'brief',
      says: '“Not a bluff.”, said by Xi Jinping',
      passage: 'SAID passage',
    });
    const attendance: Disagreement = {
      ...speaker,
      kind: 'ATTENDANCE',
      a: node({ id: 'actor:p', kind: 'ACTOR', label: 'Putin' }),
      b: node({}),
      aEdge: edge('ATTENDED', 'actor:p', 'no-limits-memo'),
      bEdge: edge('DID_NOT_ATTEND', 'actor:p', 'brief'),
    };
    expect(sidesOf(attendance).map((s) => s.says)).toEqual([
      'Putin attended Xi-Putin meeting',
      'Putin did not attend Xi-Putin meeting',
    ]);
    expect(nodesOf(attendance).map((n) => n.id)).toEqual(['actor:p', 'meeting:m']);
    expect(nameOfId('actor:li-zhanshu')).toBe('Li Zhanshu');
  });
});
