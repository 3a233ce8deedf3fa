// The seed's entry points for the rest of the project: `seedIfEmpty` (used by `npm start` and the integration
// tests) and re-exports of the reader and loader.
import { type Db, cypher } from '../../core/db/database.ts';
import { changedDocuments, ensureSchema, loadDocuments, relinkViews } from './load.ts';
import { DEFAULT_DOCUMENTS_DIR, readDocuments } from './read.ts';
import { formatSeedError } from './files.ts';

export {
  ensureSchema,
  loadDocument,
  loadDocuments,
  relinkViews,
  resetGraph,
  countGraph,
  SeedLoadError,
} from './load.ts';
export { writeNodes, writeRelationships, writeCitations } from './load.ts';
export { removeDocument, DocumentConflictError } from './documents.ts';
export type { DocumentRemoveResult } from './documents.ts';
export type { NodeInput, RelationshipInput, BatchOptions, LoadOptions, GraphCounts } from './load.ts';
export { readDocuments, DEFAULT_DOCUMENTS_DIR } from './read.ts';
export { formatSeedError } from './files.ts';
export type { SeedError } from './files.ts';
export type { SeedDocument } from './normalise.ts';

const HAS_ENTITY = cypher('seedHasEntity', 'MATCH (n:Entity) RETURN count(n) > 0 AS seeded');

/**
 * Ensures the constraint and indexes, then loads every document of graph-seed/documents when the database
 * holds no Entity node; returns whether it loaded. Throws (writing nothing) when the documents do not validate.
 */
export async function seedIfEmpty(
  db: Db,
  log: (line: string) => void,
  dir = DEFAULT_DOCUMENTS_DIR,
): Promise<boolean> {
  await ensureSchema(db);
  const [row] = await db.read(HAS_ENTITY);
  const read = readDocuments(dir);
  if (row?.seeded === true) {
    // The graph stays as it is; say in one line when the files say something else.
    if (!read.ok) {
      log(
        `the seed documents in ${dir} do not validate (${read.errors.length} errors): npm run seed -- --check lists them`,
      );
    } else {
      const changed = await changedDocuments(db, read.documents);
      if (changed.length > 0) {
        log(
          `seed document(s) ${changed.join(', ')} changed since loaded, or never loaded: npm run seed applies them`,
        );
      }
    }
    return false;
  }
  if (!read.ok) {
    throw new Error(
      `the seed documents do not validate (${read.errors.length} errors; nothing was written):\n` +
        read.errors.map(formatSeedError).join('\n'),
    );
  }
  const started = Date.now();
  const results = await loadDocuments(db, read.documents);
  await relinkViews(db);
  const nodes = results.reduce((s, r) => s + r.nodes, 0);
  const rels = results.reduce((s, r) => s + r.relationships, 0);
  log(
    `seeded ${results.length} document(s): ${nodes} nodes, ${rels} relationships in ${Date.now() - started} ms`,
  );
  return true;
}
