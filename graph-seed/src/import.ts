// A document sent as texts (the API's previewDocument and importDocument): its files validated exactly as
// `npm run seed -- --add <folder>` validates a folder, with the documents already in the graph standing in for
// the other folders, so that its links to their actors, meetings and sources resolve and their claims' ids are
// taken. Reads the graph (only the ids the document names); writes nothing.
import { cypher, type Tx } from '../../core/db/database.ts';
import { DOCUMENT_FILES, type SeedError } from './files.ts';
import { normaliseDocuments, referencedIds, type ExistingGraph, type SeedDocument } from './normalise.ts';
import { DOCUMENT_TEXT_FILE, parseDocumentSource } from './read.ts';
import { convertExchangeFiles } from './exchange.ts';

/** A file as text: its name (document.yaml, actors.yaml…, text.txt) and content. */
export interface DocumentText {
  name: string;
  content: string;
}

export type TextsResult =
  { ok: true; document: SeedDocument } | { ok: false; name: string | null; errors: SeedError[] };

/** The names a document's files may have. */
export const DOCUMENT_TEXT_FILES: readonly string[] = [...DOCUMENT_FILES, DOCUMENT_TEXT_FILE];

// The nodes the document names that other documents (or none: an entity kept because something refers to it)
// already hold. What only this document holds (its own claims, the shared entities only it names) is left out:
// a new version of it replaces them, as `--add` reads its folder in place of the one of the same name.
const EXISTING_NODES = cypher(
  'seedExistingNodesNamed',
  `UNWIND $ids AS id
   MATCH (n:Entity {id: id})
   WHERE NOT (n.documents IS NULL AND n.document = $document) AND coalesce(n.documents, []) <> [$document]
   RETURN n.id AS id, n.kind AS kind, coalesce(n.documents[0], n.document, 'none') AS document`,
);
// Relationships of other documents with the ids this one gives its own (a scan, as the loader's check).
const EXISTING_RELATIONSHIPS = cypher(
  'seedExistingRelationshipsNamed',
  `MATCH ()-[r]->()
   WHERE r.id IN $ids AND r.document IS NOT NULL AND r.document <> $document
   RETURN r.id AS id, type(r) AS type, r.document AS document`,
);

/** The document's name: its own source's id without "source:" (source:no-limits-memo → no-limits-memo). */
export function documentNameOf(sourceId: string): string {
  return sourceId.replace(/^source:/, '');
}

/**
 * Validates a document given as texts against the graph read through `tx`: the normalised document, or every
 * error ("file: path: reason", files named as sent). Its name is its own source's id (documentNameOf). A GraphML
 * file or a nodes and relationships CSV pair (with at most a document.yaml) is converted first (exchange.ts).
 */
export async function validateDocumentTexts(tx: Tx, sent: DocumentText[]): Promise<TextsResult> {
  // A GraphML file or a CSV pair becomes the seed format's files first (exchange.ts), then is checked as they are.
  const converted = convertExchangeFiles(sent);
  if (converted && !converted.ok) return { ok: false, name: null, errors: converted.errors };
  const files = converted ? converted.files : sent;
  const errors: SeedError[] = [];
  const byName = new Map<string, string>();
  for (const [i, f] of files.entries()) {
    if (!DOCUMENT_TEXT_FILES.includes(f.name)) {
      errors.push({
        file: f.name,
        path: '(file)',
        reason: `unknown file (files[${i}]): a document holds only ${DOCUMENT_TEXT_FILES.join(', ')}`,
      });
    } else if (byName.has(f.name)) {
      errors.push({ file: f.name, path: '(file)', reason: `sent twice (files[${i}]): send each file once` });
    } else byName.set(f.name, f.content);
  }
  // The name comes from document.yaml, read first under a stand-in.
  const first = parseDocumentSource({
    name: 'document',
    dir: '(sent files)',
    display: (file) => file,
    list: () => [],
    read: (file) => byName.get(file),
  });
  errors.push(...first.errors);
  if (!first.parsed) return { ok: false, name: null, errors };
  const name = documentNameOf(first.parsed.files['document.yaml'].document.id);
  const parsed = { ...first.parsed, name };
  const ids = referencedIds(parsed);
  const existing: ExistingGraph = {
    nodes: await tx.run(EXISTING_NODES, { ids: ids.nodes, document: name }),
    relationships: await tx.run(EXISTING_RELATIONSHIPS, { ids: ids.relationships, document: name }),
  };
  const normalised = normaliseDocuments([parsed], { existing });
  errors.push(...normalised.errors);
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const document = normalised.documents[0];
  return errors.length > 0 || !document ? { ok: false, name, errors } : { ok: true, document };
}
