// Quotes attributed to different speakers (attributionConflicts): which pairs of documents disagree, and which
// attribution stands for each side. The Cypher that finds the same words is tested against Neo4j
// (disagreements.int.test.ts).
import { describe, expect, it } from 'vitest';
import { attributionConflicts, type Attribution } from './index.ts';

/** One attribution: `document` says `speaker` SAID `statement` (whose normalised words are `quote`). */
function said(quote: string, document: string, speaker: string, statement: string): Attribution {
  const id = `rel:${document}-${speaker}-said-${statement}`;
  return {
    quote,
    document,
    speaker,
    speakerName: speaker.replace('actor:', ''),
    statement,
    edge: { id, type: 'SAID', source: speaker, target: statement, props: { id, document }, sources: [] },
  };
}

/** A conflict in short: each side's document, statement, chosen speaker and speakers' names. */
const sides = (found: ReturnType<typeof attributionConflicts>) =>
  found.map((c) => ({
    a: [c.a.document, c.a.statement, c.a.speaker, c.aSpeakers.join(', ')],
    b: [c.b.document, c.b.statement, c.b.speaker, c.bSpeakers.join(', ')],
  }));

describe('attributionConflicts', () => {
  it('pairs two documents that give the same words to different speakers, in document name order', () => {
    const found = attributionConflicts([
      said('bestfriend', 'memo', 'actor:xi', 'statement:memo-friend'),
      said('bestfriend', 'brief', 'actor:putin', 'statement:brief-friend'),
    ]);
    expect(sides(found)).toEqual([
      {
        a: ['brief', 'statement:brief-friend', 'actor:putin', 'putin'],
        b: ['memo', 'statement:memo-friend', 'actor:xi', 'xi'],
      },
    ]);
    expect(found[0]!.a.edge.id).toBe('rel:brief-actor:putin-said-statement:brief-friend');
  });

  it('flags nothing where one set of speakers contains the other, or the documents agree', () => {
    expect(
      attributionConflicts([
        said('support', 'memo', 'actor:china', 'statement:memo-support'),
        said('support', 'memo', 'actor:russia', 'statement:memo-support'),
        said('support', 'brief', 'actor:china', 'statement:brief-support'),
        said('bluff', 'memo', 'actor:putin', 'statement:memo-bluff'),
        said('bluff', 'brief', 'actor:putin', 'statement:brief-bluff'),
      ]),
    ).toEqual([]);
  });

  it('flags sets that overlap without either containing the other, with a speaker the other lacks on each side', () => {
    const found = attributionConflicts([
      said('weagree', 'memo', 'actor:china', 'statement:memo-agree'),
      said('weagree', 'memo', 'actor:russia', 'statement:memo-agree'),
      said('weagree', 'other', 'actor:india', 'statement:other-agree'),
      said('weagree', 'other', 'actor:china', 'statement:other-agree'),
    ]);
    expect(sides(found)).toEqual([
      {
        a: ['memo', 'statement:memo-agree', 'actor:russia', 'china, russia'],
        b: ['other', 'statement:other-agree', 'actor:india', 'china, india'],
      },
    ]);
  });

  it('takes one statement for both sides when a document attributes another document’s quote', () => {
    const found = attributionConflicts([
      said('colourrevolutions', 'memo', 'actor:xi', 'statement:memo-colour'),
      said('colourrevolutions', 'brief', 'actor:li', 'statement:memo-colour'),
    ]);
    expect(sides(found)).toEqual([
      {
        a: ['brief', 'statement:memo-colour', 'actor:li', 'li'],
        b: ['memo', 'statement:memo-colour', 'actor:xi', 'xi'],
      },
    ]);
  });

  it('chooses the first attribution by relationship id where a document names several speakers the other lacks', () => {
    const found = attributionConflicts([
      said('q', 'memo', 'actor:b', 'statement:memo-q'),
      said('q', 'memo', 'actor:a', 'statement:memo-q'),
      said('q', 'other', 'actor:c', 'statement:other-q'),
    ]);
    expect(found.map((c) => [c.a.speaker, c.b.speaker])).toEqual([['actor:a', 'actor:c']]);
  });

  it('compares every pair of documents for the same words, and different words not at all', () => {
    const found = attributionConflicts([
      said('q', 'a-doc', 'actor:one', 'statement:a'),
      said('q', 'b-doc', 'actor:two', 'statement:b'),
      said('q', 'c-doc', 'actor:one', 'statement:c'),
      said('otherwords', 'd-doc', 'actor:three', 'statement:d'),
    ]);
    expect(found.map((c) => [c.a.statement, c.b.statement])).toEqual([
      ['statement:a', 'statement:b'],
      ['statement:b', 'statement:c'],
    ]);
  });
});
