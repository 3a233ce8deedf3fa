import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import { createStore } from '../shared/store.ts';
import { choosing, draftText, previewDraft, type AddDocumentState } from './addDocument.ts';
import {
  acceptedQuotes,
  draftFilesInput,
  draftProblem,
  draftReview,
  namesUsed,
  plainTextOf,
  proposedMeta,
  seedDate,
  type Draft,
} from './draft.ts';

const text =
  'After Samarkand\n\nOn 15 September 2022 Vladimir Putin said: “We highly value the balanced position.” ' +
  'A diplomat added: “Nothing changed.” In 2021 the talks “went well”.';

const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });

const draft: Draft = {
  quotes: [
    {
      ...at('We highly value the balanced position.'),
      speaker: {
        ...at('Vladimir Putin'),
        entityId: 'actor:vladimir-putin',
        label: 'Vladimir Putin',
        how: 'speech verb',
      },
      date: { text: '15 September 2022', date: '2022-09-15', precision: 'day' },
    },
    {
      ...at('Nothing changed.'),
      speaker: { ...at('A diplomat'), entityId: null, label: null, how: 'speech verb' },
      date: null,
    },
    { ...at('went well'), speaker: null, date: { text: '2021', date: '2021-01-01', precision: 'year' } },
  ],
  dates: [
    { ...at('2021'), date: '2021-01-01', precision: 'year', endDate: null, endPrecision: null },
    { ...at('15 September 2022'), date: '2022-09-15', precision: 'day', endDate: null, endPrecision: null },
  ],
  names: [
    {
      ...at('Vladimir Putin'),
      entityId: 'actor:vladimir-putin',
      kind: 'ACTOR',
      label: 'Vladimir Putin',
      how: 'name',
    },
    {
      ...at('Putin said'),
      entityId: 'actor:vladimir-putin',
      kind: 'ACTOR',
      label: 'Vladimir Putin',
      how: 'alias',
    },
    { ...at('Samarkand'), entityId: 'meeting:sco', kind: 'MEETING', label: 'SCO summit', how: 'alias' },
  ],
};

describe('a draft of a plain text', () => {
  it('proposes the first line as the title and the first full date as the document’s', () => {
    expect(proposedMeta(text, draft)).toEqual({
      title: 'After Samarkand',
      date: '2022-09-15',
      publisher: '',
    });
    expect(seedDate('2022-09-01', 'month')).toBe('2022-09');
    expect(seedDate('2021-01-01', 'year')).toBe('2021');
  });

  it('accepts nothing at first, and says what is missing before files can be made', () => {
    const review = draftReview(text, draft);
    expect(acceptedQuotes(review)).toEqual([]);
    expect(draftProblem(review)).toBe('Accept at least one quote.');
    const untitled = { ...review, meta: { ...review.meta, title: ' ' }, accepted: { 0: true } };
    expect(draftProblem(untitled)).toBe('Give the document a title.');
    const undated = { ...review, accepted: { 1: true }, meta: { ...review.meta, date: '' } };
    expect(draftProblem(undated)).toMatch(/has no date/);
    expect(draftProblem({ ...undated, meta: { ...undated.meta, date: '2022-10' } })).toBeNull();
  });

  it('sends a known speaker by id and an unknown one by the name the text gives, each with its span', () => {
    const review = { ...draftReview(text, draft), accepted: { 0: true, 1: true, 2: false } };
    expect(acceptedQuotes(review)).toEqual([
      {
        start: draft.quotes[0]!.start,
        end: draft.quotes[0]!.end,
        date: '2022-09-15',
        speakerId: 'actor:vladimir-putin',
        speakerName: null,
        speakerStart: text.indexOf('Vladimir Putin'),
        speakerEnd: text.indexOf('Vladimir Putin') + 'Vladimir Putin'.length,
      },
      {
        start: draft.quotes[1]!.start,
        end: draft.quotes[1]!.end,
        date: null,
        speakerId: null,
        speakerName: 'A diplomat',
        speakerStart: text.indexOf('A diplomat'),
        speakerEnd: text.indexOf('A diplomat') + 'A diplomat'.length,
      },
    ]);
    expect(
      draftFilesInput({ ...review, meta: { title: ' Brief ', date: '', publisher: 'Inst' } }),
    ).toMatchObject({
      text,
      document: { title: 'Brief', date: null, publisher: 'Inst' },
    });
  });

  it('counts the graph’s names once each, most used first', () => {
    expect(namesUsed(draft)).toEqual([
      { entityId: 'actor:vladimir-putin', label: 'Vladimir Putin', kind: 'ACTOR', count: 2 },
      { entityId: 'meeting:sco', label: 'SCO summit', kind: 'MEETING', count: 1 },
    ]);
  });

  it('drafts one chosen .txt file, and previews the seed format’s files', () => {
    expect(plainTextOf([{ name: 'brief.TXT' }])).toBe(true);
    expect(plainTextOf([{ name: 'text.txt' }, { name: 'document.yaml' }])).toBe(false);
  });
});

describe('the draft workflow', () => {
  it('drafts the text, makes the accepted quotes into files and previews them', async () => {
    const state = createStore<AddDocumentState>(choosing);
    const files = [{ name: 'document.yaml', content: 'title: After Samarkand' }];
    const preview = {
      id: 'p',
      documentId: 'd',
      valid: true,
      errors: [],
      added: 3,
      changed: 0,
      removed: 0,
      matches: [],
    };
    const api = {
      draftDocument: vi.fn().mockResolvedValue(draft),
      draftFiles: vi.fn().mockResolvedValue(files),
      previewDocument: vi.fn().mockResolvedValue(preview),
    };
    await draftText({ state, api }, text);
    const s = state.get();
    expect(s.step).toBe('draft');
    if (s.step !== 'draft') return;
    state.set(() => ({ ...s, review: { ...s.review, accepted: { 0: true } } }));
    await previewDraft({ state, api });
    expect(api.draftFiles).toHaveBeenCalledWith(
      expect.objectContaining({
        text,
        quotes: [expect.objectContaining({ speakerId: 'actor:vladimir-putin' })],
      }),
    );
    expect(api.previewDocument).toHaveBeenCalledWith(files);
    expect(state.get()).toMatchObject({ step: 'review', preview: { added: 3 } });
  });

  it('keeps the review with the reason when the files cannot be made', async () => {
    const state = createStore<AddDocumentState>(choosing);
    const api = {
      draftDocument: vi.fn().mockResolvedValue(draft),
      draftFiles: vi.fn().mockRejectedValue(new ApiError('quotes[0].date: not a date', 'BAD_USER_INPUT')),
      previewDocument: vi.fn(),
    };
    await draftText({ state, api }, text);
    await previewDraft({ state, api });
    expect(state.get()).toMatchObject({
      step: 'draft',
      busy: false,
      error: expect.stringMatching(/not a date/),
    });
    expect(api.previewDocument).not.toHaveBeenCalled();
  });
});
