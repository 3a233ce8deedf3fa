// A document as the seed format gives it once validated and normalised: what the seed loader (graph-seed) writes
// and what the server's import (server/src/documents) reviews and rewrites before handing it back to be written.
import type { NodeKind, RelationshipType } from './kinds.ts';

/** A property value as written to Neo4j (dates as `YYYY-MM-DD` text; the loader makes them Neo4j dates). */
export type PropValue = string | number | boolean | string[] | number[];

/** A node ready to write: its kind decides the label; `sources` are resolved source ids (→ CITES). */
export interface SeedNode {
  id: string;
  kind: NodeKind;
  document: string;
  props: Record<string, PropValue>;
  sources: string[];
  /** Where it is written, for messages. */
  file: string;
  path: string;
}

/** A relationship ready to write; `props` holds id, sourceIds, document and its own fields. */
export interface SeedRelationship {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  document: string;
  props: Record<string, PropValue>;
  file: string;
  path: string;
}

/** One document, validated and normalised. */
export interface SeedDocument {
  /** The folder name; stored as `document` on everything it defines. */
  name: string;
  dir: string;
  /** The id of the document's own Source node (from document.yaml). */
  sourceId: string;
  /** The document's full text (its text.txt), which passages point into; null when the folder has none. */
  text: string | null;
  nodes: SeedNode[];
  relationships: SeedRelationship[];
}
