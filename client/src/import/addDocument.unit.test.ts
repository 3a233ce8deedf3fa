import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import { createStore } from '../shared/store.ts';
import {
  choosing,
  decisionsOf,
  filesOf,
  importPreview,
  previewFiles,
  proposedJudgements,
  withTitle,
  type AddDocumentState,
  type Preview,
} from './addDocument.ts';

const preview: Preview = {
  id: 'preview:1',
  documentId: 'document:brief',
  valid: true,
  errors: [],
  added: 8,
  changed: 0,
  removed: 0,
  conflicts: [],
  matches: [
    { incomingId: 'actor:xi-jinping', existingId: 'actor:xi-jinping', reason: 'same id', score: 1 },
    {
      incomingId: 'actor:wladimir-putin',
      existingId: 'actor:vladimir-putin',
      reason: 'transliteration',
      score: 0.8,
    },
    { incomingId: 'actor:wire-a', existingId: null, reason: 'new', score: 0 },
  ],
};

describe('adding a document', () => {
  it('proposes the same entity only for the same id, and sends one decision per candidate', () => {
    const proposed = proposedJudgements(preview);
    expect(proposed).toEqual({ 'actor:xi-jinping': 'SAME', 'actor:wladimir-putin': 'UNSURE' });
    expect(decisionsOf(preview, { ...proposed, 'actor:wladimir-putin': 'SAME' })).toEqual([
      { incomingId: 'actor:xi-jinping', existingId: 'actor:xi-jinping', judgement: 'SAME' },
      { incomingId: 'actor:wladimir-putin', existingId: 'actor:vladimir-putin', judgement: 'SAME' },
    ]);
  });

  it('reads the chosen files as text under their names', async () => {
    const files = [{ name: 'document.yaml', text: async () => 'source: source:brief' }];
    expect(await filesOf(files)).toEqual([{ name: 'document.yaml', content: 'source: source:brief' }]);
  });

  it('reviews the preview, imports with the decisions, and reloads the graph', async () => {
    const state = createStore<AddDocumentState>(choosing);
    const api = {
      previewDocument: vi.fn().mockResolvedValue(preview),
      importDocument: vi
        .fn()
        .mockResolvedValue({ id: 'document:brief', title: 'Brief', nodeCount: 8, edgeCount: 7 }),
    };
    await previewFiles({ state, api }, [{ name: 'document.yaml', content: '' }]);
    expect(state.get()).toMatchObject({ step: 'review', judgements: { 'actor:xi-jinping': 'SAME' } });
    const reload = vi.fn();
    await importPreview({ state, api }, reload);
    expect(api.importDocument).toHaveBeenCalledWith(
      'preview:1',
      decisionsOf(preview, proposedJudgements(preview)),
    );
    expect(state.get()).toEqual({ step: 'done', title: 'Brief', nodeCount: 8, edgeCount: 7 });
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('says a stale preview must be made again, keeps the review, and reloads nothing', async () => {
    const state = createStore<AddDocumentState>(choosing);
    const api = {
      previewDocument: vi.fn().mockResolvedValue(preview),
      importDocument: vi.fn().mockRejectedValue(new ApiError('the graph changed', 'CONFLICT')),
    };
    await previewFiles({ state, api }, []);
    const reload = vi.fn();
    await importPreview({ state, api }, reload);
    const s = state.get();
    expect(s.step).toBe('review');
    expect(s.step === 'review' && s.error).toMatch(/^The graph changed since this preview/);
    expect(reload).not.toHaveBeenCalled();
  });

  it('keeps the file choice with the reason when the preview cannot be asked', async () => {
    const state = createStore<AddDocumentState>(choosing);
    const api = {
      previewDocument: vi.fn().mockRejectedValue(new ApiError('no', 'FORBIDDEN')),
      importDocument: vi.fn(),
    };
    await previewFiles({ state, api }, []);
    expect(state.get()).toMatchObject({
      step: 'choose',
      busy: false,
      error: expect.stringMatching(/does not allow/),
    });
  });

  it('names a GraphML file or a CSV pair by the title given, and leaves other files alone', () => {
    const pair = [
      { name: 'memo.nodes.csv', content: 'id\r\n' },
      { name: 'memo.relationships.csv', content: 'id,source,target\r\n' },
    ];
    const [, , doc] = withTitle(pair, 'Xi’s neighbourhood, Café edition');
    expect(doc?.name).toBe('document.yaml');
    expect(JSON.parse(doc!.content)).toMatchObject({
      document: {
        id: 'source:xi-s-neighbourhood-cafe-edition',
        title: 'Xi’s neighbourhood, Café edition',
        reliability: 'F',
      },
    });
    expect(withTitle(pair, '  ')).toEqual(pair);
    const seed = [{ name: 'actors.yaml', content: 'actors: []' }];
    expect(withTitle(seed, 'A title')).toEqual(seed);
  });
});
