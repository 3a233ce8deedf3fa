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

/** Parses one YAML text; syntax errors come back with their line and column, reported under `file`. */
function parseYaml(
  text: string,
  file: string,
): { ok: true; data: unknown } | { ok: false; errors: SeedError[] } {
  const doc = parseDocument(text);
  // Only the first syntax error: the ones after it are usually its echoes.
  const first = doc.errors[0];
  if (!first) return { ok: true, data: doc.toJS() };
  const pos = first.linePos?.[0];
  const reason = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return {
    ok: false,
    errors: [
      {
        file,
        path: pos ? `line ${pos.line}, column ${pos.col}` : '(top level)',
        reason: `YAML syntax error: ${reason}`,
      },
    ],
  };
}

/** One document's files, wherever they are (a folder on disk, or texts sent to the API). */
export interface DocumentSource {
  /** The document's name (its folder name). */
  name: string;
  /** Its folder, or a description of where the files came from. */
  dir: string;
  /** How `file` (a name in DOCUMENT_FILES, or text.txt; '' for the folder itself) is named in messages. */
  display(file: string): string;
  /** The names of the files it holds. */
  list(): string[];
  /** A file's text, or undefined when it has none. */
  read(file: string): string | undefined;
}

/** A folder on disk as a DocumentSource. */
function folderSource(dir: string): DocumentSource {
  return {
    name: path.basename(dir),
    dir,
    display: (file) => displayName(path.join(dir, file)),
    list: () => readdirSync(dir),
    read: (file) => {
      const full = path.join(dir, file);
      return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    },
  };
}

/**
 * Reads and checks one document's files on their own (each file against its schema; references across files and
 * documents are normaliseDocuments'): the parsed document (undefined when its document.yaml is unusable) and every
 * error found.
 */
export function parseDocumentSource(source: DocumentSource): {
  parsed: ParsedDocument | undefined;
  errors: SeedError[];
} {
  const errors: SeedError[] = [];
  const { name, dir } = source;
  const fileNames = Object.fromEntries(DOCUMENT_FILES.map((f) => [f, source.display(f)])) as Record<
    DocumentFile,
    string
  >;
  if (!isSlug(name)) {
    errors.push({
      file: source.display(''),
      path: '(folder)',
      reason: `bad folder name "${name}": a document folder is named in lower-case letters, digits and hyphens`,
    });
  }
  for (const entry of source.list()) {
    if (/\.ya?ml$/.test(entry) && !(DOCUMENT_FILES as readonly string[]).includes(entry)) {
      errors.push({
        file: source.display(entry),
        path: '(file)',
        reason: `unknown file: a document folder holds only ${DOCUMENT_FILES.join(', ')}`,
      });
    }
  }
  const files: Partial<ParsedFiles> = {};
  const failed = { ids: [] as string[], footnotes: [] as number[], files: [] as DocumentFile[] };
  for (const file of DOCUMENT_FILES) {
    const content = source.read(file);
    if (content === undefined) {
      if (file === 'document.yaml') {
        errors.push({
          file: fileNames[file],
          path: '(file)',
          reason: 'missing: every document folder has a document.yaml describing the document itself',
        });
      }
      continue;
    }
    const yaml = parseYaml(content, fileNames[file]);
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
  const text = source.read(DOCUMENT_TEXT_FILE);
  if (!files['document.yaml']) return { parsed: undefined, errors };
  return {
    parsed: {
      name,
      dir,
      files: files as ParsedFiles,
      fileNames,
      failed,
      ...(text === undefined ? {} : { text }),
    },
    errors,
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
    const one = parseDocumentSource(folderSource(dir));
    errors.push(...one.errors);
    if (one.parsed) parsed.push(one.parsed);
    else someDocumentUnreadable = true;
  }
  const { documents, errors: crossErrors } = normaliseDocuments(parsed, { someDocumentUnreadable });
  errors.push(...crossErrors);
  // Grouped by file (a stable sort: within a file, in the order found).
  errors.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return errors.length ? { ok: false, errors } : { ok: true, documents };
}
