import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client.ts';
import { createStore } from '../shared/store.ts';
import {
  documentLine,
  documentName,
  documentsToggled,
  initialDocuments,
  reloadDocuments,
  removeConfirmed,
  type DocumentsState,
  type GraphDocument,
} from './documents.ts';

const memo: GraphDocument = {
  id: 'document:no-limits-memo',
  title: '‘No Limits’ memo',
  publisher: null,
  date: '2022-10-11',
  url: null,
  nodeCount: 178,
  edgeCount: 365,
  addedAt: '2026-12-02T21:00:00Z',
  addedBy: null,
};
const brief: GraphDocument = {
  ...memo,
  id: 'document:brief',
  title: 'After Samarkand',
  publisher: 'Fixture Institute',
  nodeCount: 1,
  edgeCount: 1,
  addedBy: 'ed',
};

describe('the documents list', () => {
  it('says of each document where it is from, what it makes and who added it when', () => {
    expect(documentLine(memo)).toBe(
      '11 October 2022 · 178 nodes, 365 relationships · added from the command line on 2 December 2026',
    );
    expect(documentLine(brief)).toBe(
      'Fixture Institute, 11 October 2022 · 1 node, 1 relationship · added by ed on 2 December 2026',
    );
  });

  it('removes the document confirmed, then loads the graph and the list again', async () => {
    const state = createStore<DocumentsState>(initialDocuments);
    const api = {
      documents: vi.fn().mockResolvedValueOnce([memo, brief]).mockResolvedValueOnce([memo]),
      removeDocument: vi.fn().mockResolvedValue(true),
    };
    await reloadDocuments({ state, api });
    state.set((s) => ({ ...s, confirming: brief.id }));
    const reloadGraph = vi.fn();
    await removeConfirmed({ state, api }, reloadGraph);
    expect(api.removeDocument).toHaveBeenCalledWith(brief.id);
    expect(reloadGraph).toHaveBeenCalledTimes(1);
    expect(state.get()).toEqual({
      list: { type: 'ready', value: [memo] },
      confirming: null,
      status: { type: 'removed', title: 'After Samarkand' },
    });
  });

  it('says why a removal was refused, and changes nothing else', async () => {
    const state = createStore<DocumentsState>(initialDocuments);
    const api = {
      documents: vi.fn().mockResolvedValue([memo, brief]),
      removeDocument: vi.fn().mockRejectedValue(new ApiError('needs an editor', 'FORBIDDEN')),
    };
    await reloadDocuments({ state, api });
    state.set((s) => ({ ...s, confirming: brief.id }));
    const reloadGraph = vi.fn();
    await removeConfirmed({ state, api }, reloadGraph);
    expect(reloadGraph).not.toHaveBeenCalled();
    expect(state.get().status).toEqual({
      type: 'error',
      message: 'Your access token does not allow this: needs an editor',
    });
    expect(state.get().list).toEqual({ type: 'ready', value: [memo, brief] });
  });
});

describe('choosing the documents drawn', () => {
  const all = ['memo', 'brief', 'notes'];
  it('leaves one out, brings it back, and never leaves none', () => {
    expect(documentsToggled(null, all, 'memo', false)).toEqual(['brief', 'notes']);
    expect(documentsToggled(['brief', 'notes'], all, 'memo', true)).toBeNull();
    expect(documentsToggled(['brief'], all, 'brief', false)).toBeNull();
    expect(documentsToggled(['brief'], all, 'notes', true)).toEqual(['brief', 'notes']);
    expect(documentName('document:no-limits-memo')).toBe('no-limits-memo');
  });
});
