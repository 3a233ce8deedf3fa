// Test helper: copies of the seed documents in a temporary folder, edited as text, so a test can break one
// thing and see what the reader says about it. Used by the unit and integration tests only.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_DOCUMENTS_DIR } from '../../graph-seed/src/read.ts';
import { DOCUMENT_FILES } from '../../graph-seed/src/files.ts';

export const MEMO = 'no-limits-memo';

/** A temporary folder of document folders; `remove()` deletes it. */
export interface TempSeed {
  root: string;
  /** The path of a file of a document in the copy. */
  file(document: string, name: string): string;
  /** Replaces text in a file (the text must occur: a test that edits nothing cannot fail). */
  edit(document: string, name: string, from: string | RegExp, to: string): void;
  write(document: string, name: string, text: string): void;
  read(document: string, name: string): string;
  /** Appends a relationship to the document's relationships.yaml; `sources` as YAML (default `[1]`). */
  addRelationship(document: string, type: string, from: string, to: string, sources?: string): void;
  remove(): void;
}

/**
 * Copies the named documents of graph-seed/documents (default: the memo), or of the folder `from` (a test's own
 * fixture documents), into a fresh temporary folder.
 */
export function tempSeed(documents: string[] = [MEMO], from: string = DEFAULT_DOCUMENTS_DIR): TempSeed {
  const root = mkdtempSync(path.join(tmpdir(), 'kg-seed-'));
  for (const d of documents) cpSync(path.join(from, d), path.join(root, d), { recursive: true });
  const file = (document: string, name: string) => path.join(root, document, name);
  return {
    root,
    file,
    read: (document, name) => readFileSync(file(document, name), 'utf8'),
    write: (document, name, text) => writeFileSync(file(document, name), text),
    edit(document, name, from, to) {
      const text = readFileSync(file(document, name), 'utf8');
      const next = text.replace(from, to);
      if (next === text)
        throw new Error(`test edit found nothing to replace in ${document}/${name}: ${String(from)}`);
      writeFileSync(file(document, name), next);
    },
    addRelationship(document, type, from, to, sources = '[1]') {
      const text = readFileSync(file(document, 'relationships.yaml'), 'utf8');
      // Every claim needs a passage of its document's text; any words of the memo will do for these tests.
      const item = `\n  - type: ${type}\n    from: ${from}\n    to: ${to}\n    passages: ['Xi Jinping']\n    sources: ${sources}\n`;
      writeFileSync(file(document, 'relationships.yaml'), text + item);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * Makes a copy of the memo that collides with nothing: folder `name`, every id's slug prefixed with `prefix`,
 * the same ids and links otherwise. Good for writing and removing a second document in a test.
 */
export function prefixedMemoCopy(seed: TempSeed, name: string, prefix: string): void {
  cpSync(path.join(DEFAULT_DOCUMENTS_DIR, MEMO), path.join(seed.root, name), { recursive: true });
  for (const f of DOCUMENT_FILES) {
    const text = seed.read(name, f);
    seed.write(
      name,
      f,
      text.replace(/\b(actor|meeting|statement|agreement|figure|source|rel):([a-z0-9])/g, `$1:${prefix}-$2`),
    );
  }
}
