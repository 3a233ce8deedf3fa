// Adding a document through the explorer: the files chosen are read as text and previewed (validated, matched to
// the graph's entities, nothing written); the analyst confirms or changes each match; the import writes it all in
// one transaction. The state of the pane, its transitions and the workflow that talks to the API.
import { ApiError, describeError } from '../api/client.ts';
import type { api } from '../api/operations.ts';
import { slugOf } from '../../../core/model/index.ts';
import type { ExplorerPreviewDocumentMutation } from '../generated/graphql.ts';
import type { Store } from '../shared/store.ts';
import { draftFilesInput, draftReview, type DraftReview } from './draft.ts';

export type Preview = ExplorerPreviewDocumentMutation['previewDocument'];
export type Judgement = 'SAME' | 'DIFFERENT' | 'UNSURE';

export type AddDocumentState =
  | { step: 'closed' }
  | { step: 'choose'; busy: boolean; error: string | null }
  | { step: 'draft'; review: DraftReview; busy: boolean; error: string | null }
  | {
      step: 'review';
      preview: Preview;
      judgements: Record<string, Judgement>;
      busy: boolean;
      error: string | null;
    }
  | { step: 'done'; title: string; nodeCount: number; edgeCount: number };

export const closedAdd: AddDocumentState = { step: 'closed' };
export const choosing: AddDocumentState = { step: 'choose', busy: false, error: null };

/** The file names the seed format knows (graph-seed/README.md). */
export const DOCUMENT_FILES = [
  'document.yaml',
  'actors.yaml',
  'meetings.yaml',
  'statements.yaml',
  'agreements.yaml',
  'figures.yaml',
  'sources.yaml',
  'relationships.yaml',
  'places.yaml',
  'text.txt',
] as const;

/**
 * What the analyst is first offered for each match: the same entity when the document names it by its id (score
 * 1), else "unsure" (kept apart, the pair flagged) until they say more.
 */
export function proposedJudgements(preview: Preview): Record<string, Judgement> {
  return Object.fromEntries(
    preview.matches
      .filter((m) => m.existingId)
      .map((m) => [m.incomingId, m.score >= 1 ? 'SAME' : 'UNSURE'] as const),
  );
}

/** The decisions sent with the import: one per match with a candidate. */
export function decisionsOf(preview: Preview, judgements: Record<string, Judgement>) {
  return preview.matches
    .filter((m) => m.existingId)
    .map((m) => ({
      incomingId: m.incomingId,
      existingId: m.existingId,
      judgement: judgements[m.incomingId] ?? 'UNSURE',
    }));
}

/** The files to send: the seed format's, by their base name; a file of another name is sent too (and refused). */
export async function filesOf(
  files: readonly { name: string; text: () => Promise<string> }[],
): Promise<{ name: string; content: string }[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, content: await f.text() })));
}

/** A GraphML file or a nodes and relationships CSV pair, which the server turns into a document (exchange files). */
export const isExchangeFile = (name: string) =>
  /\.graphml$/i.test(name) || /(^|[.\-_ ])(nodes|edges|relationships)\.csv$/i.test(name);

/**
 * Exchange files with the title the analyst gave: a document.yaml naming the document (JSON is YAML), graded F
 * (not graded yet) until someone grades it. Without a title, a GraphML file's own title is used; other files go
 * as they are.
 */
export function withTitle(files: { name: string; content: string }[], title: string) {
  const slug = slugOf(title);
  const exchange = files.filter((f) => isExchangeFile(f.name));
  if (!slug || exchange.length === 0 || files.some((f) => f.name === 'document.yaml')) return files;
  const document = {
    id: `source:${slug}`,
    title: title.trim(),
    documentType: 'other',
    reliability: 'F',
    reliabilityNote: `Brought in from ${exchange.map((f) => f.name).join(' and ')}: not graded yet.`,
  };
  return [...files, { name: 'document.yaml', content: JSON.stringify({ document }, null, 2) }];
}

type Api = typeof api;

interface Deps {
  state: Store<AddDocumentState>;
  api: Pick<Api, 'previewDocument' | 'importDocument'>;
}

interface DraftDeps {
  state: Store<AddDocumentState>;
  api: Pick<Api, 'previewDocument' | 'draftDocument' | 'draftFiles'>;
}

/** Asks the server for a draft of a document's plain text (nothing is written). */
export async function draftText({ state, api }: DraftDeps, text: string) {
  state.set(() => ({ step: 'choose', busy: true, error: null }));
  try {
    const draft = await api.draftDocument(text);
    state.set(() => ({ step: 'draft', review: draftReview(text, draft), busy: false, error: null }));
  } catch (e) {
    state.set(() => ({ step: 'choose', busy: false, error: describeError(e) }));
  }
}

/** Turns the accepted quotes into the seed format's files and previews them as any document's. */
export async function previewDraft(deps: DraftDeps) {
  const { state, api } = deps;
  const s = state.get();
  if (s.step !== 'draft') return;
  state.set(() => ({ ...s, busy: true, error: null }));
  let files: { name: string; content: string }[];
  try {
    files = await api.draftFiles(draftFilesInput(s.review));
  } catch (e) {
    state.set(() => ({ ...s, busy: false, error: describeError(e) }));
    return;
  }
  await previewFiles(deps, files);
}

/** Previews the chosen files. */
export async function previewFiles(
  { state, api }: { state: Store<AddDocumentState>; api: Pick<Api, 'previewDocument'> },
  files: { name: string; content: string }[],
) {
  state.set(() => ({ step: 'choose', busy: true, error: null }));
  try {
    const preview = await api.previewDocument(files);
    state.set(() => ({
      step: 'review',
      preview,
      judgements: proposedJudgements(preview),
      busy: false,
      error: null,
    }));
  } catch (e) {
    state.set(() => ({ step: 'choose', busy: false, error: describeError(e) }));
  }
}

/** Imports the previewed document with the analyst's decisions; `onImported` then reloads the graph. */
export async function importPreview({ state, api }: Deps, onImported: () => void) {
  const s = state.get();
  if (s.step !== 'review') return;
  state.set(() => ({ ...s, busy: true, error: null }));
  try {
    const doc = await api.importDocument(s.preview.id, decisionsOf(s.preview, s.judgements));
    state.set(() => ({ step: 'done', title: doc.title, nodeCount: doc.nodeCount, edgeCount: doc.edgeCount }));
    onImported();
  } catch (e) {
    const stale = e instanceof ApiError && e.code === 'CONFLICT';
    const error = stale
      ? 'The graph changed since this preview (another document was added or removed): choose the files again.'
      : describeError(e);
    state.set(() => ({ ...s, busy: false, error }));
  }
}
