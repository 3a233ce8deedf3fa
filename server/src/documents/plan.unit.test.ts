// What an import does with the analyst's decisions: the ids rewritten for SAME, the proposals taken by default,
// the judgements kept, and every refusal.
import { describe, expect, it } from 'vitest';
import type { SeedDocument } from '../../../core/model/index.ts';
import { planImport, type GraphEntity } from './plan.ts';
import type { Match } from './matching.ts';

const at = { document: 'scratch-d', file: 'f', path: 'p' };
const DOC: SeedDocument = {
  name: 'scratch-d',
  dir: '',
  sourceId: 'source:scratch-d',
  text: null,
  nodes: [
    {
      ...at,
      id: 'source:scratch-d',
      kind: 'SOURCE',
      props: { id: 'source:scratch-d', title: 'D' },
      sources: [],
    },
    {
      ...at,
      id: 'actor:w-putin',
      kind: 'ACTOR',
      props: { id: 'actor:w-putin', name: 'W. Putin' },
      sources: ['source:scratch-d'],
    },
    {
      ...at,
      id: 'actor:xi-jinping',
      kind: 'ACTOR',
      props: { id: 'actor:xi-jinping', name: 'Xi' },
      sources: [],
    },
    { ...at, id: 'statement:s', kind: 'STATEMENT', props: { id: 'statement:s', text: 'T' }, sources: [] },
  ],
  relationships: [
    {
      ...at,
      id: 'rel:a',
      type: 'SAID',
      from: 'actor:w-putin',
      to: 'statement:s',
      props: { id: 'rel:a', sourceIds: ['source:scratch-d'] },
    },
  ],
};
const PROPOSALS: Match[] = [
  { incomingId: 'actor:w-putin', existingId: 'actor:vladimir-putin', reason: 'transliteration', score: 0.8 },
  { incomingId: 'actor:xi-jinping', existingId: 'actor:xi-jinping', reason: 'same id', score: 1 },
];
const GRAPH = new Map<string, GraphEntity>([
  ['actor:vladimir-putin', { kind: 'ACTOR', othersName: true }],
  ['actor:xi-jinping', { kind: 'ACTOR', othersName: true }],
  ['meeting:m', { kind: 'MEETING', othersName: true }],
]);

describe('planImport', () => {
  it('SAME rewrites the incoming id wherever the document names it, and its name becomes an alias', () => {
    const plan = planImport(
      DOC,
      PROPOSALS,
      [{ incomingId: 'actor:w-putin', existingId: 'actor:vladimir-putin', judgement: 'SAME' }],
      GRAPH,
    );
    expect(plan.merged).toEqual({ 'actor:w-putin': 'actor:vladimir-putin' });
    const putin = plan.document.nodes.find((n) => n.id === 'actor:vladimir-putin')!;
    expect(putin.props).toEqual({ id: 'actor:vladimir-putin', name: 'W. Putin', aliases: ['W. Putin'] });
    expect(plan.document.relationships[0]).toMatchObject({ id: 'rel:a', from: 'actor:vladimir-putin' });
    expect(plan.judgements).toEqual([{ a: 'actor:w-putin', b: 'actor:vladimir-putin', judgement: 'SAME' }]);
  });

  it('without decisions takes the same id and keeps the rest new, recording nothing', () => {
    const plan = planImport(DOC, PROPOSALS, [], GRAPH);
    expect(plan.merged).toEqual({});
    expect(plan.document).toBe(DOC);
    expect(plan.judgements).toEqual([]);
  });

  it('UNSURE without an existingId records the pair the preview proposed', () => {
    const plan = planImport(DOC, PROPOSALS, [{ incomingId: 'actor:w-putin', judgement: 'UNSURE' }], GRAPH);
    expect(plan.judgements).toEqual([{ a: 'actor:w-putin', b: 'actor:vladimir-putin', judgement: 'UNSURE' }]);
    expect(plan.merged).toEqual({});
  });

  it('refuses what cannot hold', () => {
    const refused = (decisions: Parameters<typeof planImport>[2]) => () =>
      planImport(DOC, PROPOSALS, decisions, GRAPH);
    expect(refused([{ incomingId: 'actor:xi-jinping', judgement: 'DIFFERENT' }])).toThrow(/rename it/);
    expect(refused([{ incomingId: 'statement:s', judgement: 'UNSURE' }])).toThrow(/not an actor/);
    expect(refused([{ incomingId: 'actor:w-putin', existingId: 'meeting:m', judgement: 'SAME' }])).toThrow(
      /only the same kind/,
    );
    expect(
      refused([{ incomingId: 'actor:w-putin', existingId: 'actor:xi-jinping', judgement: 'SAME' }]),
    ).toThrow(/defines "actor:xi-jinping" too/);
  });
});
