// Matching a document's shared entities to the graph's: each reason, its score, the thresholds, and the pairs an
// analyst judged different.
import { describe, expect, it } from 'vitest';
import {
  compareNames,
  foldToken,
  matchEntities,
  normaliseName,
  pairKey,
  tokenSetSimilarity,
  type MatchEntity,
} from './matching.ts';

const xi: MatchEntity = {
  id: 'actor:xi-jinping',
  kind: 'ACTOR',
  names: ['Xi Jinping', 'Xi', 'Xí Jìnpíng', 'President Xi'],
};
const putin: MatchEntity = { id: 'actor:vladimir-putin', kind: 'ACTOR', names: ['Vladimir Putin', 'Putin'] };
const zelensky: MatchEntity = {
  id: 'actor:volodymyr-zelensky',
  kind: 'ACTOR',
  names: ['Volodymyr Zelensky'],
};
const li: MatchEntity = { id: 'actor:li-zhanshu', kind: 'ACTOR', names: ['Li Zhanshu'] };
const summit: MatchEntity = { id: 'meeting:samarkand', kind: 'MEETING', names: ['SCO summit, Samarkand'] };
const EXISTING = [xi, putin, zelensky, li, summit];

const one = (e: MatchEntity, different?: Set<string>) =>
  matchEntities([e], EXISTING, different ? { different } : {})[0];

describe('normalising and folding names', () => {
  it('ignores case, punctuation, diacritics and spacing', () => {
    expect(normaliseName('  Xí  Jìnpíng ')).toBe('xi jinping');
    expect(normaliseName("People's Republic of China")).toBe('peoples republic of china');
    expect(normaliseName('SCO summit, Samarkand')).toBe('sco summit samarkand');
  });

  it('folds transliteration variants to one spelling', () => {
    expect(foldToken('wladimir')).toBe(foldToken('vladimir'));
    expect(new Set(['zelensky', 'zelenskyy', 'zelenskiy', 'zelenskij'].map(foldToken)).size).toBe(1);
    expect(foldToken('poutine')).toBe(foldToken('putin'));
    expect(foldToken('jewgeni')).toBe(foldToken('yevgeni'));
    expect(foldToken('li')).not.toBe(foldToken('lu'));
  });

  it('measures token sets by Jaccard similarity', () => {
    expect(tokenSetSimilarity(['vladimir', 'putin'], ['vladimir', 'vladimirovich', 'putin'])).toEqual({
      similarity: 2 / 3,
      shared: 2,
    });
  });
});

describe('compareNames', () => {
  it('a name equal after normalisation: same name, 0.9', () => {
    expect(compareNames('XI JINPING.', 'Xi Jinping')).toEqual({ reason: 'same name', score: 0.9 });
    expect(compareNames('Xi Jinping', 'Xí Jìnpíng')).toEqual({ reason: 'same name', score: 0.9 });
  });

  it('spelling variants of transliteration: transliteration, 0.8', () => {
    expect(compareNames('Wladimir Putin', 'Vladimir Putin')).toEqual({
      reason: 'transliteration',
      score: 0.8,
    });
    expect(compareNames('Volodymyr Zelenskyy', 'Volodymyr Zelensky')).toEqual({
      reason: 'transliteration',
      score: 0.8,
    });
    expect(compareNames('Volodymyr Zelenskiy', 'Volodymyr Zelenskyy')?.reason).toBe('transliteration');
  });

  it('a title or the word order: name written differently, 0.75', () => {
    expect(compareNames('President Xi Jinping', 'Xi Jinping')).toEqual({
      reason: 'name written differently',
      score: 0.75,
    });
    expect(compareNames('Jinping Xi', 'Xi Jinping')?.score).toBe(0.75);
  });

  it('more or fewer words: 0.75 × the token-set similarity, from two shared tokens and a similarity of 0.5', () => {
    expect(compareNames('Vladimir Vladimirovich Putin', 'Vladimir Putin')).toEqual({
      reason: 'name written differently',
      score: 0.5,
    });
    expect(compareNames('Kim Jong Un', 'Kim Jong Il')).toEqual({
      reason: 'name written differently',
      score: 0.38,
    });
    // One shared token (a surname) is not enough; nor are two of five.
    expect(compareNames('Li Keqiang', 'Li Zhanshu')).toBeNull();
    expect(
      compareNames('Shanghai Cooperation Organisation summit Astana', 'Shanghai Cooperation'),
    ).toBeNull();
    expect(compareNames('Xi', 'Xi Jinping')).toBeNull();
  });
});

describe('matchEntities', () => {
  it('the same id: 1.0, whatever the name', () => {
    expect(one({ id: 'actor:xi-jinping', kind: 'ACTOR', names: ['Someone else'] })).toEqual({
      incomingId: 'actor:xi-jinping',
      existingId: 'actor:xi-jinping',
      reason: 'same id',
      score: 1,
    });
  });

  it('an alias equal to an existing alias or name', () => {
    expect(one({ id: 'actor:chairman-xi', kind: 'ACTOR', names: ['Chairman Xi', 'President Xi'] })).toEqual({
      incomingId: 'actor:chairman-xi',
      existingId: 'actor:xi-jinping',
      reason: 'same name',
      score: 0.9,
    });
  });

  it('a transliteration and a name written differently', () => {
    expect(one({ id: 'actor:wladimir-putin', kind: 'ACTOR', names: ['Wladimir Putin'] })).toMatchObject({
      existingId: 'actor:vladimir-putin',
      reason: 'transliteration',
      score: 0.8,
    });
    expect(one({ id: 'actor:zelenskiy', kind: 'ACTOR', names: ['Volodymyr Zelenskiy'] })).toMatchObject({
      existingId: 'actor:volodymyr-zelensky',
      reason: 'transliteration',
    });
    expect(one({ id: 'actor:president-xi', kind: 'ACTOR', names: ['President Xi Jinping'] })).toMatchObject({
      existingId: 'actor:xi-jinping',
      reason: 'name written differently',
      score: 0.75,
    });
  });

  it('keeps to the same kind, and says new when nothing matches', () => {
    expect(one({ id: 'actor:samarkand', kind: 'ACTOR', names: ['SCO summit, Samarkand'] })).toEqual({
      incomingId: 'actor:samarkand',
      existingId: null,
      reason: 'new',
      score: 0,
    });
    expect(
      one({ id: 'meeting:sco-samarkand', kind: 'MEETING', names: ['SCO Summit Samarkand'] }),
    ).toMatchObject({
      existingId: 'meeting:samarkand',
      reason: 'same name',
    });
  });

  it('does not propose a pair judged different, either way round, and proposes the next best instead', () => {
    const incoming: MatchEntity = { id: 'actor:wladimir-putin', kind: 'ACTOR', names: ['Wladimir Putin'] };
    const judged = new Set([pairKey('actor:vladimir-putin', 'actor:wladimir-putin')]);
    expect(one(incoming, judged)).toMatchObject({ existingId: null, reason: 'new' });
  });

  it('proposes at 1.0 what an analyst judged the same before', () => {
    const incoming: MatchEntity = { id: 'actor:wp', kind: 'ACTOR', names: ['W. P.'] };
    const [m] = matchEntities([incoming], EXISTING, { same: new Map([['actor:wp', putin.id]]) });
    expect(m).toEqual({
      incomingId: 'actor:wp',
      existingId: putin.id,
      reason: 'judged the same before',
      score: 1,
    });
  });

  it('takes the best score, then the smaller id', () => {
    const twin: MatchEntity = { id: 'actor:a-xi-jinping', kind: 'ACTOR', names: ['Xi Jinping'] };
    const [m] = matchEntities([{ id: 'actor:xj', kind: 'ACTOR', names: ['Xi Jinping'] }], [xi, twin]);
    expect(m).toMatchObject({ existingId: 'actor:a-xi-jinping', score: 0.9 });
  });
});
