// Reads and validates every document folder without touching the database: either all documents, normalised and
// in load order, or every mistake found (not only the first), each with its file, path and reason.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { isSlug } from '../../core/model/index.ts';
import {
  DOCUMENT_FILES,
  validateFile,
  type DocumentFile,
  type ParsedFiles,
  type SeedError,
} from './files.ts';
import { normaliseDocuments, type ParsedDocument, type SeedDocument } from './normalise.ts';

/** The document's full text, which passages point into (optional; plain UTF-8). */
export const DOCUMENT_TEXT_FILE = 'text.txt';

/** The seed documents shipped with the project: graph-seed/documents. */
export const DEFAULT_DOCUMENTS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'documents',
);

export type ReadResult = { ok: true; documents: SeedDocument[] } | { ok: false; errors: SeedError[] };

/** How a file is named in messages: relative to the working directory when it lies below it. */
function displayName(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

/** The document folders below `root` (or `root` itself when it holds a document.yaml), sorted by name. */
export function documentFolders(root: string): string[] {
  if (existsSync(path.join(root, 'document.yaml'))) return [root];
  return readdirSync(root)
    .filter((name) => !name.startsWith('.') && statSync(path.join(root, name)).isDirectory())
    .sort()
    .map((name) => path.join(root, name));
}

/** Parses one YAML file; syntax errors come back with their line and column. */
function parseYaml(file: string): { ok: true; data: unknown } | { ok: false; errors: SeedError[] } {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  // Only the first syntax error: the ones after it are usually its echoes.
  const first = doc.errors[0];
  if (!first) return { ok: true, data: doc.toJS() };
  const pos = first.linePos?.[0];
  const reason = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return {
    ok: false,
    errors: [
      {
        file: displayName(file),
        path: pos ? `line ${pos.line}, column ${pos.col}` : '(top level)',
        reason: `YAML syntax error: ${reason}`,
      },
    ],
  };
}

export interface ReadOptions {
  /**
   * One more document folder, read beside those of `root` (in place of one of the same name), so that its links to
   * their items resolve: `npm run seed -- --add <folder>` validates this way and loads only that document.
   */
  add?: string;
}

/** Reads and validates every document folder below `root` (default graph-seed/documents); writes nothing. */
export function readDocuments(root: string = DEFAULT_DOCUMENTS_DIR, options: ReadOptions = {}): ReadResult {
  const errors: SeedError[] = [];
  const missing = [root, options.add]
    .filter((f): f is string => f !== undefined)
    .find((f) => !existsSync(f) || !statSync(f).isDirectory());
  if (missing !== undefined) {
    return {
      ok: false,
      errors: [{ file: displayName(missing), path: '(folder)', reason: 'no such folder' }],
    };
  }
  const added = options.add === undefined ? [] : [path.resolve(options.add)];
  const addedNames = new Set(added.map((f) => path.basename(f)));
  const folders = [...documentFolders(root).filter((f) => !addedNames.has(path.basename(f))), ...added];
  if (folders.length === 0) {
    return {
      ok: false,
      errors: [{ file: displayName(root), path: '(folder)', reason: 'holds no document folder' }],
    };
  }
  const parsed: ParsedDocument[] = [];
  let someDocumentUnreadable = false;
  for (const dir of folders) {
    const name = path.basename(dir);
    const fileNames = Object.fromEntries(
      DOCUMENT_FILES.map((f) => [f, displayName(path.join(dir, f))]),
    ) as Record<DocumentFile, string>;
    if (!isSlug(name)) {
      errors.push({
        file: displayName(dir),
        path: '(folder)',
        reason: `bad folder name "${name}": a document folder is named in lower-case letters, digits and hyphens`,
      });
    }
    for (const entry of readdirSync(dir)) {
      if (/\.ya?ml$/.test(entry) && !(DOCUMENT_FILES as readonly string[]).includes(entry)) {
        errors.push({
          file: displayName(path.join(dir, entry)),
          path: '(file)',
          reason: `unknown file: a document folder holds only ${DOCUMENT_FILES.join(', ')}`,
        });
      }
    }
    const files: Partial<ParsedFiles> = {};
    const failed = { ids: [] as string[], footnotes: [] as number[], files: [] as DocumentFile[] };
    for (const file of DOCUMENT_FILES) {
      const full = path.join(dir, file);
      if (!existsSync(full)) {
        if (file === 'document.yaml') {
          errors.push({
            file: fileNames[file],
            path: '(file)',
            reason: 'missing: every document folder has a document.yaml describing the document itself',
          });
        }
        continue;
      }
      const yaml = parseYaml(full);
      if (!yaml.ok) {
        errors.push(...yaml.errors);
        failed.files.push(file);
        continue;
      }
      const checked = validateFile(file, yaml.data, fileNames[file]);
      errors.push(...checked.errors);
      failed.ids.push(...checked.failedIds);
      failed.footnotes.push(...checked.failedFootnotes);
      if (checked.value === undefined) failed.files.push(file);
      else (files as Record<string, unknown>)[file] = checked.value;
    }
    const textPath = path.join(dir, DOCUMENT_TEXT_FILE);
    const text = existsSync(textPath) ? readFileSync(textPath, 'utf8') : undefined;
    if (files['document.yaml']) {
      parsed.push({
        name,
        dir,
        files: files as ParsedFiles,
        fileNames,
        failed,
        ...(text === undefined ? {} : { text }),
      });
    } else someDocumentUnreadable = true;
  }
  const { documents, errors: crossErrors } = normaliseDocuments(parsed, { someDocumentUnreadable });
  errors.push(...crossErrors);
  // Grouped by file (a stable sort: within a file, in the order found).
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return errors.length ? { ok: false, errors } : { ok: true, documents };
}
