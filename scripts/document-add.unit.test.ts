import { describe, expect, it } from 'vitest';
import { CliError } from '../core/cli.ts';
import { decisionsFor, reviewLines } from './document-add.ts';

const matches = [
  { incomingId: 'actor:xi-jinping', existingId: 'actor:xi-jinping', reason: 'same id', score: 1 },
  {
    incomingId: 'actor:scratch-wladimir-putin',
    existingId: 'actor:vladimir-putin',
    reason: 'same name',
    score: 0.9,
  },
  { incomingId: 'actor:scratch-desk', existingId: null, reason: 'new', score: 0 },
];

describe('npm run document:add: the judgements', () => {
  it('takes a sure match as the same entity and keeps the others apart, flagged, unless told otherwise', () => {
    expect(decisionsFor(matches, {})).toEqual([
      { incomingId: 'actor:xi-jinping', existingId: 'actor:xi-jinping', judgement: 'SAME' },
      { incomingId: 'actor:scratch-wladimir-putin', existingId: 'actor:vladimir-putin', judgement: 'UNSURE' },
    ]);
    expect(decisionsFor(matches, { same: 'actor:scratch-wladimir-putin=actor:vladimir-putin' })[1]).toEqual({
      incomingId: 'actor:scratch-wladimir-putin',
      existingId: 'actor:vladimir-putin',
      judgement: 'SAME',
    });
    expect(decisionsFor(matches, { different: 'actor:scratch-wladimir-putin' })[1]?.judgement).toBe(
      'DIFFERENT',
    );
  });

  it('refuses a word on an entity with nothing to judge, a malformed pair, or two words on one', () => {
    expect(() => decisionsFor(matches, { unsure: 'actor:scratch-desk' })).toThrow(CliError);
    expect(() => decisionsFor(matches, { same: 'actor:scratch-wladimir-putin' })).toThrow(
      /<incoming id>=<existing id>/,
    );
    expect(() =>
      decisionsFor(matches, { different: 'actor:xi-jinping', unsure: 'actor:xi-jinping' }),
    ).toThrow(/judged twice/);
  });

  it('prints the counts and each match with its reason, score and judgement', () => {
    const preview = { documentId: 'document:b', added: 3, changed: 0, removed: 0, matches };
    expect(reviewLines(preview, decisionsFor(matches, {}))).toEqual([
      'document:b: 3 to add, 0 to change, 0 to remove',
      '  actor:xi-jinping ~ actor:xi-jinping (same id, 1.00): SAME as actor:xi-jinping',
      '  actor:scratch-wladimir-putin ~ actor:vladimir-putin (same name, 0.90): UNSURE',
    ]);
  });
});
