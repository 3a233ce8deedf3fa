import { describe, expect, it, vi } from 'vitest';
import type { Source } from '../api/types.ts';
import { expandRequest } from '../expand/expand.ts';
import { visibleElements } from '../explorer/projection.ts';
import { pathFilter, emptyPathForm } from '../paths/paths.ts';
import { createStore } from '../shared/store.ts';
import { edge, node, run } from '../../../test/support/client-fixtures.ts';
import {
  chooseEvidence,
  edgePasses,
  evidenceFilter,
  gradeLabel,
  nodePasses,
  noEvidenceFilter,
  paragraphAround,
} from './evidence.ts';
import { passagesOf } from '../../../core/model/index.ts';

const source = (id: string): Source => ({
  id,
  title: id,
  url: null,
  publisher: null,
  date: null,
  footnote: null,
});
const kremlin = source('source:kremlin');
const tabloid = source('source:tabloid');
const xi = node('actor:xi', 'ACTOR', { sources: [kremlin] });
const rumour = node('actor:rumour', 'ACTOR', { sources: [tabloid] });
const guess = node('statement:guess', 'STATEMENT', { sources: [kremlin], properties: { basis: 'inferred' } });
const met = { ...edge(xi.id, 'MET_WITH', rumour.id), sources: [kremlin] };
const inferredMet = { ...edge(xi.id, 'SUPPORTS', guess.id, { basis: 'inferred' }), sources: [kremlin] };
const gossip = { ...edge(rumour.id, 'CRITICIZED', xi.id), sources: [tabloid] };
const loaded = run({ type: 'graphLoaded', nodes: [xi, rumour, guess], edges: [met, inferredMet, gossip] });

describe('the evidence filter sent with requests', () => {
  it('names only what is set', () => {
    expect(evidenceFilter(noEvidenceFilter)).toEqual({});
    expect(evidenceFilter({ statedOnly: true, minReliability: null })).toEqual({ statedOnly: true });
    expect(evidenceFilter({ statedOnly: false, minReliability: 'B' })).toEqual({ minReliability: 'B' });
  });

  it('goes with expansions and paths questions', () => {
    const evidence = { statedOnly: true, minReliability: 'C' as const, gradedSources: [] };
    const s = run({ type: 'evidenceSet', evidence });
    expect(expandRequest(s, xi.id).filter).toMatchObject({ statedOnly: true, minReliability: 'C' });
    expect(expandRequest(run(), xi.id).filter).not.toHaveProperty('statedOnly');
    expect(pathFilter({ ...emptyPathForm, types: ['MET_WITH'] }, evidence)).toEqual({
      relationshipTypes: ['MET_WITH'],
      statedOnly: true,
      minReliability: 'C',
    });
  });

  it('gives grades their words', () => {
    expect(gradeLabel('B')).toBe('B — usually reliable');
    expect(gradeLabel('F')).toBe('F — reliability cannot be judged');
  });
});

describe('the evidence filter on the canvas', () => {
  it('hides inferred nodes and relationships with "only what the sources state"', () => {
    const evidence = { statedOnly: true, minReliability: null, gradedSources: [] };
    expect(nodePasses(evidence, guess)).toBe(false);
    expect(edgePasses(evidence, inferredMet)).toBe(false);
    const shown = visibleElements({ ...loaded, evidence });
    expect(shown.nodeIds.sort()).toEqual([rumour.id, xi.id].sort());
    expect(shown.edgeIds.sort()).toEqual([met.id, gossip.id].sort());
  });

  it('hides what rests on no source graded high enough', () => {
    const evidence = { statedOnly: false, minReliability: 'B' as const, gradedSources: [kremlin.id] };
    const shown = visibleElements({ ...loaded, evidence });
    expect(shown.nodeIds.sort()).toEqual([guess.id, xi.id].sort());
    expect(shown.edgeIds).toEqual([inferredMet.id]);
    expect(nodePasses(evidence, node(kremlin.id, 'SOURCE'))).toBe(true);
    expect(edgePasses(evidence, edge(xi.id, 'CITES', tabloid.id))).toBe(false);
  });

  it('shows everything without a filter', () => {
    expect(visibleElements(loaded).nodeIds).toHaveLength(3);
    expect(visibleElements(loaded).edgeIds).toHaveLength(3);
  });
});

describe('choosing the evidence filter', () => {
  it('asks which sources meet a new minimum grade, and only then', async () => {
    const explorer = createStore(loaded);
    const api = { gradedSources: vi.fn().mockResolvedValue([kremlin.id]) };
    await chooseEvidence({ explorer, api }, { statedOnly: false, minReliability: 'B' });
    expect(api.gradedSources).toHaveBeenCalledWith('B');
    expect(explorer.get().evidence).toEqual({
      statedOnly: false,
      minReliability: 'B',
      gradedSources: [kremlin.id],
    });
    await chooseEvidence({ explorer, api }, { statedOnly: true, minReliability: 'B' });
    expect(api.gradedSources).toHaveBeenCalledTimes(1);
    expect(explorer.get().evidence.statedOnly).toBe(true);
    await chooseEvidence({ explorer, api }, { statedOnly: true, minReliability: null });
    expect(explorer.get().evidence).toEqual({ statedOnly: true, minReliability: null, gradedSources: [] });
  });

  it('drops an answer overtaken by a later choice', async () => {
    const explorer = createStore(loaded);
    let answer: (ids: string[]) => void = () => {};
    const api = {
      gradedSources: vi.fn().mockReturnValueOnce(new Promise<string[]>((r) => (answer = r))),
    };
    const slow = chooseEvidence({ explorer, api }, { statedOnly: false, minReliability: 'A' });
    await chooseEvidence({ explorer, api }, { statedOnly: true, minReliability: null });
    answer([kremlin.id]);
    await slow;
    expect(explorer.get().evidence).toEqual({ statedOnly: true, minReliability: null, gradedSources: [] });
  });
});

describe('a passage in its paragraph', () => {
  const text = 'Title\n\nFirst paragraph. The span is here, and more.\nSame paragraph.\n\nNext paragraph.';
  const start = text.indexOf('The span');
  const end = start + 'The span is here'.length;

  it('cuts the paragraph around the span and marks the span', () => {
    expect(paragraphAround(text, start, end)).toEqual({
      before: 'First paragraph. ',
      span: 'The span is here',
      after: ', and more.\nSame paragraph.',
    });
  });

  it('takes the text from its start or to its end when there is no blank line', () => {
    expect(paragraphAround('one two three', 4, 7)).toEqual({ before: 'one ', span: 'two', after: ' three' });
    expect(paragraphAround(text, 0, 5)).toEqual({ before: '', span: 'Title', after: '' });
    expect(paragraphAround(text, text.indexOf('Next'), text.length)).toEqual({
      before: '',
      span: 'Next paragraph.',
      after: '',
    });
  });

  it('keeps a span that crosses a paragraph break whole, and refuses an empty one', () => {
    const cut = paragraphAround(text, start, text.indexOf('Next') + 4);
    expect(cut?.before).toBe('First paragraph. ');
    expect(cut?.span).toContain('\n\nNext');
    expect(cut?.after).toBe(' paragraph.');
    expect(paragraphAround(text, 3, 3)).toBeNull();
    expect(paragraphAround(text, text.length + 5, text.length + 9)).toBeNull();
  });

  it('reads a claim’s passages from its stored lists', () => {
    expect(
      passagesOf({
        document: 'no-limits-memo',
        passages: ['a', 'b'],
        passageStarts: [1, 5],
        passageEnds: [2, 6],
      }),
    ).toEqual([
      { documentId: 'document:no-limits-memo', start: 1, end: 2, text: 'a' },
      { documentId: 'document:no-limits-memo', start: 5, end: 6, text: 'b' },
    ]);
    expect(passagesOf({ passages: ['a'], passageStarts: [1], passageEnds: [2] })).toEqual([]);
    expect(passagesOf({})).toEqual([]);
  });
});
