// The analysts' edits as a layer of their own (server/src/edits), in the part the seed loader must know too:
// what a retraction leaves and what a correction keeps, so that reloading a document neither brings a retracted
// claim back nor overwrites a correction silently (graph-seed/src/load.ts, documents.ts).
//
// - A retraction is a `(:Retraction {id, targetId, target: 'NODE' | 'RELATIONSHIP', reason, by, at, changeId})`,
//   not an :Entity: a retracted node loses its :Entity and kind labels (it becomes `:Retracted`, its properties
//   kept) and its relationships; a retracted relationship is deleted. The loader skips every node, relationship,
//   citation and shared-entity record of a document whose id (or an end's id) is retracted, and reports them.
// - A correction (updateNode) is a `(:Correction {id, entityId, properties, base, sources, version})`: the
//   properties the analysts set (JSON, null for a property removed), the values they replaced when first corrected
//   (`base`, JSON), the sources they cited and the node's version. The loader and the derivation of shared entities
//   apply corrections again after writing a node; a document whose value of a corrected property is not the one the
//   correction replaced is reported as a conflict (the correction is kept).
import { CITES } from '../model/index.ts';
import { cypher, int, type Tx } from './database.ts';

/** The label of a retracted node (it keeps its properties, without :Entity or its kind's label). */
export const RETRACTED = 'Retracted';
/** The label of a retraction record. */
export const RETRACTION = 'Retraction';
/** The label of a correction record. */
export const CORRECTION = 'Correction';
/** Properties stored as Neo4j dates (as the seed loader stores them). */
export const DATE_PROPERTIES = ['date', 'endDate', 'accessed'] as const;

const RETRACTED_AMONG = cypher(
  'editLayerRetractedAmong',
  `UNWIND $ids AS id
   MATCH (x:${RETRACTION} {targetId: id})
   RETURN collect(DISTINCT id) AS ids`,
);

/** The ids among `ids` that are retracted (nodes or relationships). */
export async function retractedAmong(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const [row] = await tx.run<{ ids: string[] }>(RETRACTED_AMONG, { ids: [...new Set(ids)] });
  return new Set(row?.ids ?? []);
}

/**
 * The `document` of a CITES a correction adds to node `n`: a document's own claim's (so that removing the document
 * takes it with the claim, rather than refusing because something else rests on its claim), none otherwise.
 */
export const CITATION_DOCUMENT =
  'CASE WHEN n.documents IS NULL THEN coalesce(c.document, n.document) ELSE c.document END';

const CORRECTIONS_OF = cypher(
  'editLayerCorrectionsOf',
  `UNWIND $ids AS id
   MATCH (c:${CORRECTION} {entityId: id})
   RETURN c.entityId AS id, c.properties AS properties, c.base AS base, c.sources AS sources,
     c.version AS version`,
);

// Sets the corrected properties again (a null removes one: SET +=), dates as Neo4j dates, the version, and a CITES to every
// source the corrections cited (see CITATION_DOCUMENT).
const APPLY_CORRECTION = cypher(
  'editLayerApplyCorrection',
  `UNWIND $rows AS row
   MATCH (n:Entity {id: row.id})
   SET n += row.props, n.version = row.version
   SET n.date = CASE WHEN row.props.date IS NULL THEN n.date ELSE date(row.props.date) END,
     n.endDate = CASE WHEN row.props.endDate IS NULL THEN n.endDate ELSE date(row.props.endDate) END,
     n.accessed = CASE WHEN row.props.accessed IS NULL THEN n.accessed ELSE date(row.props.accessed) END
   WITH n, row
   CALL (n, row) {
     UNWIND row.sources AS sid
     MATCH (s:Entity {id: sid}) WHERE s:Source
     MERGE (n)-[c:${CITES}]->(s)
     SET c.document = ${CITATION_DOCUMENT}
   }
   RETURN count(n) AS applied`,
);

/** A correction as stored. */
export interface StoredCorrection {
  id: string;
  /** The corrected properties (null: removed). */
  properties: Record<string, unknown>;
  /** What each corrected property was before its first correction (null: absent). */
  base: Record<string, unknown>;
  sources: string[];
  version: number;
}

const parseObject = (v: unknown): Record<string, unknown> => {
  if (typeof v !== 'string') return {};
  const parsed = JSON.parse(v) as unknown;
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : {};
};

/** The corrections of the nodes `ids`. */
export async function correctionsOf(tx: Tx, ids: readonly string[]): Promise<StoredCorrection[]> {
  if (ids.length === 0) return [];
  const rows = await tx.run<Record<string, unknown>>(CORRECTIONS_OF, { ids: [...new Set(ids)] });
  return rows.map((r) => ({
    id: String(r.id),
    properties: parseObject(r.properties),
    base: parseObject(r.base),
    sources: Array.isArray(r.sources) ? r.sources.map(String) : [],
    version: Number(r.version ?? 1),
  }));
}

/** Applies the corrections of the nodes `ids` again (after a document wrote or derived them). */
export async function applyCorrections(tx: Tx, ids: readonly string[]): Promise<StoredCorrection[]> {
  const corrections = await correctionsOf(tx, ids);
  if (corrections.length === 0) return [];
  const rows = corrections.map((c) => {
    return { id: c.id, props: c.properties, sources: c.sources, version: int(c.version) };
  });
  await tx.run(APPLY_CORRECTION, { rows });
  return corrections;
}

/** A document's value of a corrected property that is not the one the correction replaced. */
export interface CorrectionConflict {
  id: string;
  property: string;
  /** What the correction replaced. */
  base: unknown;
  /** What the analysts set (kept). */
  corrected: unknown;
  /** What the document now says. */
  document: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The conflicts between the corrections and what a document says of the same nodes (`props` by node id): a
 * property the document gives another value than the one the correction replaced.
 */
export function correctionConflicts(
  corrections: readonly StoredCorrection[],
  props: ReadonlyMap<string, Record<string, unknown>>,
): CorrectionConflict[] {
  const out: CorrectionConflict[] = [];
  for (const c of corrections) {
    const said = props.get(c.id);
    if (!said) continue;
    for (const [property, corrected] of Object.entries(c.properties)) {
      const base = c.base[property] ?? null;
      const document = said[property] ?? null;
      if (!same(document, base) && !same(document, corrected)) {
        out.push({ id: c.id, property, base, corrected, document });
      }
    }
  }
  return out;
}
