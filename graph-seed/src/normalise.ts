// Normalisation: the parsed files of every document folder become one list of nodes and relationships for the
// loader, with the checks that span files and documents (references, relationship directions, footnotes, unique
// ids). The per-file schemas are files.ts; the model is core/model.
import {
  ID_PREFIXES,
  KINDS,
  KIND_LABELS,
  NODE_KINDS,
  RELATIONSHIP_TYPES,
  defaultRelationshipId,
  isSharedKind,
  type IdPrefix,
  type NodeKind,
  type PropValue,
  type RelationshipType,
  type SeedDocument,
  type SeedNode,
  type SeedRelationship,
} from '../../core/model/index.ts';
import type { DocumentFile, ParsedFiles, PlaceItem, SeedDate, SeedError, SourceRef } from './files.ts';
import { locatePassage, passageHoldsQuote, searchableText, type SearchableText } from './passages.ts';

// The normalised document's shapes are the model's (core/model/documents.ts): the server's import rewrites them.
export type { PropValue, SeedDocument, SeedNode, SeedRelationship } from '../../core/model/index.ts';

/** A document folder whose document.yaml passed its schema, with the valid items of its other files. */
export interface ParsedDocument {
  name: string;
  dir: string;
  files: ParsedFiles;
  /** The document's full text (text.txt), when the folder has one. */
  text?: string;
  /** The name each file is reported under in messages. */
  fileNames: Record<DocumentFile, string>;
  /** What failed its own file's checks: references to it raise no second error. */
  failed?: { ids: string[]; footnotes: number[]; files: DocumentFile[] };
}

/** What the graph already holds of other documents, for validating a document beside them (previewDocument). */
export interface ExistingGraph {
  /** Nodes, with their kind and the document that defined them (first, for shared entities). */
  nodes: Array<{ id: string; kind: NodeKind; document: string }>;
  /** Relationships' ids, with their type and the document that made them. */
  relationships: Array<{ id: string; type: RelationshipType; document: string }>;
}

/**
 * Every id a parsed document defines or refers to (items' ids, their sources and ibid, relationships' ends and
 * ids, default ids included): what to look up in the graph to validate it beside the documents already loaded.
 */
export function referencedIds(doc: ParsedDocument): { nodes: string[]; relationships: string[] } {
  const nodes = new Set<string>([doc.files['document.yaml'].document.id]);
  const relationships = new Set<string>();
  const refs = (item: { sources?: SourceRef[]; ibid?: unknown }) => {
    for (const s of item.sources ?? []) if (typeof s === 'string') nodes.add(s);
    if (typeof item.ibid === 'string') nodes.add(item.ibid);
  };
  for (const prefix of ID_PREFIXES) {
    const { file, key } = KINDS[prefix];
    const content = doc.files[file] as
      Record<string, Array<{ id: string; sources?: SourceRef[] }>> | undefined;
    for (const item of content?.[key] ?? []) {
      nodes.add(item.id);
      refs(item);
    }
  }
  for (const r of doc.files['relationships.yaml']?.relationships ?? []) {
    nodes.add(r.from);
    nodes.add(r.to);
    refs(r);
    relationships.add(r.id ?? defaultRelationshipId(r.type, r.from, r.to));
  }
  return { nodes: [...nodes], relationships: [...relationships] };
}

/** The fields stored as dates (each also gets `<field>Precision`). */
export const DATE_FIELDS = ['date', 'endDate', 'accessed'] as const;

function toProps(item: Record<string, unknown>, skip: readonly string[]): Record<string, PropValue> {
  const props: Record<string, PropValue> = {};
  for (const [k, v] of Object.entries(item)) {
    if (v === null || v === undefined || skip.includes(k)) continue;
    if ((DATE_FIELDS as readonly string[]).includes(k)) {
      const d = v as SeedDate;
      props[k] = d.date;
      props[`${k}Precision`] = d.precision;
    } else {
      props[k] = v as PropValue;
    }
  }
  return props;
}

/**
 * Finds a claim's passages in its document's text and stores them as three parallel lists: `passages` (each
 * span exactly as the text has it), `passageStarts` and `passageEnds` (character offsets). For a statement, one
 * passage must hold its quote. Every passage not found, and a quote in none, is an error at `<path>.passages`.
 */
function placePassages(
  written: unknown,
  props: Record<string, PropValue>,
  text: SearchableText | null,
  textFile: string,
  report: (path: string, reason: string) => void,
  path: string,
): void {
  if (!Array.isArray(written) || written.length === 0) return;
  const passages = written as string[];
  // Reported once for the whole document (normaliseDocuments).
  if (text === null) return;
  const spans: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const [i, passage] of passages.entries()) {
    const found = locatePassage(text, passage);
    if (!found) {
      const shown = passage.length > 80 ? `${passage.slice(0, 77)}...` : passage;
      report(
        `${path}.passages[${i}]`,
        `passage not found in ${textFile}: "${shown}" (copy the words exactly; quotes and line breaks may differ)`,
      );
      continue;
    }
    spans.push(found.text);
    starts.push(found.start);
    ends.push(found.end);
  }
  if (spans.length !== passages.length) return;
  const quote = props.kind === 'STATEMENT' ? props.text : undefined;
  if (typeof quote === 'string' && !passages.some((p) => passageHoldsQuote(p, quote))) {
    const shown = quote.length > 60 ? `${quote.slice(0, 57)}...` : quote;
    report(
      `${path}.passages`,
      `the quote is in none of its passages: one passage must contain the statement's text "${shown}"`,
    );
    return;
  }
  props.passages = spans;
  props.passageStarts = starts;
  props.passageEnds = ends;
}

/**
 * A document's places (places.yaml) by name, each name once; a place no meeting of the document names is an error
 * (most likely a spelling that differs from the meeting's, which would leave the meeting off the map silently).
 */
function placesOf(
  doc: ParsedDocument,
  report: (path: string, reason: string) => void,
): Map<string, PlaceItem> {
  const places = new Map<string, PlaceItem>();
  const at = new Map<string, number>();
  const named = new Set((doc.files['meetings.yaml']?.meetings ?? []).map((m) => m.place));
  // A meeting that failed its own checks may be the one naming a place: no second message then.
  const meetingsFailed =
    doc.failed?.files.includes('meetings.yaml') === true ||
    (doc.failed?.ids ?? []).some((id) => id.startsWith('meeting:'));
  for (const [i, place] of (doc.files['places.yaml']?.places ?? []).entries()) {
    const first = at.get(place.name);
    if (first !== undefined) {
      report(`places[${i}].name`, `duplicate place "${place.name}": already at places[${first}]`);
      continue;
    }
    at.set(place.name, i);
    places.set(place.name, place);
    if (!named.has(place.name) && !meetingsFailed) {
      report(
        `places[${i}].name`,
        `no meeting of this document has place: ${place.name} (write the name exactly as the meetings do, or remove the place)`,
      );
    }
  }
  return places;
}

/**
 * Where the map puts an item (client/src/map): a state at its capital, a meeting at its place; nothing for the
 * rest. The capital's name is kept as `capital`; coordinates as `latitude` and `longitude`.
 */
function coordinatesOf(
  item: Record<string, unknown>,
  places: ReadonlyMap<string, PlaceItem>,
): Record<string, PropValue> {
  const capital = item.capital as { name: string; latitude: number; longitude: number } | null | undefined;
  if (capital) return { capital: capital.name, latitude: capital.latitude, longitude: capital.longitude };
  const place = typeof item.place === 'string' ? places.get(item.place) : undefined;
  return place ? { latitude: place.latitude, longitude: place.longitude } : {};
}

const kindName = (k: NodeKind) => KIND_LABELS[k];
const kindList = (ks: readonly NodeKind[]) =>
  ks.length === NODE_KINDS.length ? 'any kind' : ks.map(kindName).join(' or ');

/**
 * Checks what no single file can: ids unique across all documents, footnotes and source ids that exist,
 * relationship ends that exist and have the kinds their type allows. Returns the documents in load order
 * (a document after the documents it links to) or every error found.
 */
export function normaliseDocuments(
  parsed: ParsedDocument[],
  options: { someDocumentUnreadable?: boolean; existing?: ExistingGraph } = {},
): { documents: SeedDocument[]; errors: SeedError[] } {
  const errors: SeedError[] = [];
  const nodesById = new Map<string, SeedNode>();
  // What the graph already holds (of other documents) stands in for their folders: links to it resolve, and its
  // claims' ids are taken.
  for (const n of options.existing?.nodes ?? []) {
    nodesById.set(n.id, {
      id: n.id,
      kind: n.kind,
      document: n.document,
      props: {},
      sources: [],
      file: 'the graph',
      path: `document ${n.document}`,
    });
  }
  const documents: SeedDocument[] = [];
  const rawSources = new Map<SeedNode, { refs: SourceRef[]; path: string }>();
  const rawRelSources = new Map<SeedRelationship, SourceRef[]>();
  const footnotesByDoc = new Map<string, Map<number, string[]>>();
  const texts = new Map<string, SearchableText | null>();
  const textFile = (doc: ParsedDocument) =>
    doc.fileNames['document.yaml'].replace(/document\.yaml$/, 'text.txt');

  // A reference to something whose own file already failed gets no second message.
  const failedIds = new Set(parsed.flatMap((d) => d.failed?.ids ?? []));
  const failedPrefixes = new Set(
    parsed.flatMap((d) => (d.failed?.files ?? []).map((f) => ID_PREFIXES.find((p) => KINDS[p].file === f))),
  );
  const alreadyReported = (id: string) =>
    options.someDocumentUnreadable === true ||
    failedIds.has(id) ||
    failedPrefixes.has(id.split(':')[0] as IdPrefix);

  // 1. Nodes, with their ids checked for uniqueness across every document.
  for (const doc of parsed) {
    const seed: SeedDocument = {
      name: doc.name,
      dir: doc.dir,
      sourceId: '',
      text: doc.text ?? null,
      nodes: [],
      relationships: [],
    };
    const text = doc.text === undefined ? null : searchableText(doc.text);
    texts.set(doc.name, text);
    // Every claim's passages are looked up in the text: without it, one message for the document, not one per claim.
    const f = doc.files;
    const claims =
      (f['meetings.yaml']?.meetings.length ?? 0) +
      (f['statements.yaml']?.statements.length ?? 0) +
      (f['agreements.yaml']?.agreements.length ?? 0) +
      (f['figures.yaml']?.figures.length ?? 0) +
      (f['relationships.yaml']?.relationships.length ?? 0);
    if (text === null && claims > 0) {
      errors.push({
        file: textFile(doc),
        path: '(file)',
        reason: `missing text.txt: the passages of its ${claims} claim(s) are looked up in the document's text; put the document's words, as published, in this file`,
      });
    }
    // A shared kind (an actor, a meeting…) may be named by several documents, each with its own account of it;
    // within one document, and for claims (statements, figures) across documents, an id is defined once.
    const defined = new Set<string>();
    const addNode = (node: SeedNode, refs: SourceRef[] | undefined) => {
      const first = nodesById.get(node.id);
      if (first && (defined.has(node.id) || !isSharedKind(node.kind))) {
        const where = defined.has(node.id)
          ? ''
          : ` (a ${kindName(node.kind)} is a claim of one document: give this one an id of its own)`;
        errors.push({
          file: node.file,
          path: `${node.path}.id`,
          reason: `duplicate id "${node.id}": already defined in ${first.file} at ${first.path}${where}`,
        });
        return;
      }
      defined.add(node.id);
      if (!first) nodesById.set(node.id, node);
      seed.nodes.push(node);
      if (refs) rawSources.set(node, { refs, path: `${node.path}.sources` });
    };
    const d = doc.files['document.yaml'].document;
    seed.sourceId = d.id;
    addNode(
      {
        id: d.id,
        kind: 'SOURCE',
        document: doc.name,
        props: { ...toProps(d, []), kind: 'SOURCE', document: doc.name },
        sources: [],
        file: doc.fileNames['document.yaml'],
        path: 'document',
      },
      undefined,
    );
    const footnotes = new Map<number, string[]>();
    footnotesByDoc.set(doc.name, footnotes);
    const places = placesOf(doc, (path, reason) =>
      errors.push({ file: doc.fileNames['places.yaml'], path, reason }),
    );
    for (const prefix of ID_PREFIXES) {
      const { kind, file, key } = KINDS[prefix];
      const content = doc.files[file] as
        Record<string, Array<Record<string, unknown> & { id: string; sources?: SourceRef[] }>> | undefined;
      for (const [i, item] of (content?.[key] ?? []).entries()) {
        const props: Record<string, PropValue> = {
          ...toProps(item, ['sources', 'passages', 'capital']),
          ...coordinatesOf(item, places),
          kind,
          document: doc.name,
        };
        if (kind === 'STATEMENT' && props.language === undefined) props.language = 'en';
        placePassages(
          item.passages,
          props,
          text,
          textFile(doc),
          (path, reason) => errors.push({ file: doc.fileNames[file], path, reason }),
          `${key}[${i}]`,
        );
        if (kind === 'SOURCE' && typeof item.footnote === 'number') {
          footnotes.set(item.footnote, [...(footnotes.get(item.footnote) ?? []), item.id]);
        }
        addNode(
          {
            id: item.id,
            kind,
            document: doc.name,
            props,
            sources: [],
            file: doc.fileNames[file],
            path: `${key}[${i}]`,
          },
          item.sources,
        );
      }
    }
    documents.push(seed);
  }

  // 2. Sources: footnote numbers of the same document, or ids of Source nodes of any document.
  const resolve = (doc: string, refs: SourceRef[], file: string, path: string): string[] => {
    const out = new Set<string>();
    const failed = parsed.find((d) => d.name === doc)?.failed;
    for (const [i, ref] of refs.entries()) {
      if (typeof ref === 'number') {
        const ids = footnotesByDoc.get(doc)?.get(ref);
        if (ids) ids.forEach((id) => out.add(id));
        else if (failed?.footnotes.includes(ref) || failed?.files.includes('sources.yaml')) continue;
        else
          errors.push({
            file,
            path: `${path}[${i}]`,
            reason: `unknown footnote ${ref}: no source in this document's sources.yaml has footnote: ${ref}`,
          });
      } else {
        const node = nodesById.get(ref);
        if (node?.kind === 'SOURCE') out.add(ref);
        else if (!node && alreadyReported(ref)) continue;
        else
          errors.push({
            file,
            path: `${path}[${i}]`,
            reason: node
              ? `"${ref}" is a ${kindName(node.kind)}, not a source`
              : `unknown source "${ref}": no document defines it (in sources.yaml or document.yaml)`,
          });
      }
    }
    return [...out];
  };
  for (const [node, { refs, path }] of rawSources)
    node.sources = resolve(node.document, refs, node.file, path);
  for (const node of documents.flatMap((d) => d.nodes)) {
    const ibid = node.props.ibid;
    if (typeof ibid === 'string' && nodesById.get(ibid)?.kind !== 'SOURCE' && !alreadyReported(ibid)) {
      errors.push({ file: node.file, path: `${node.path}.ibid`, reason: `unknown source "${ibid}" (ibid)` });
    }
  }

  // 3. Relationships: ends that exist, kinds the type allows, ids unique across every document.
  const relsById = new Map<string, SeedRelationship>();
  for (const r of options.existing?.relationships ?? []) {
    relsById.set(r.id, {
      id: r.id,
      type: r.type,
      from: '',
      to: '',
      document: r.document,
      props: {},
      file: 'the graph',
      path: `document ${r.document}`,
    });
  }
  for (const [di, doc] of parsed.entries()) {
    const seed = documents[di]!;
    const file = doc.fileNames['relationships.yaml'];
    // An attendance this document asserts (ATTENDED) or denies (DID_NOT_ATTEND), by its ends: it cannot do both.
    const attendances = new Map<string, { type: string; path: string }>();
    for (const [i, item] of (doc.files['relationships.yaml']?.relationships ?? []).entries()) {
      const path = `relationships[${i}]`;
      const allowed = RELATIONSHIP_TYPES[item.type];
      let ok = true;
      if (item.type === 'ATTENDED' || item.type === 'DID_NOT_ATTEND') {
        const ends = `${item.from}->${item.to}`;
        const other = attendances.get(ends);
        if (other && other.type !== item.type) {
          ok = false;
          errors.push({
            file,
            path,
            reason:
              `${item.from} ${item.type} ${item.to} contradicts ${other.type} at ${other.path}: a document ` +
              `either says an actor attended a meeting or that it did not, never both`,
          });
        } else if (!other) attendances.set(ends, { type: item.type, path });
      }
      for (const end of ['from', 'to'] as const) {
        const node = nodesById.get(item[end]);
        const kinds: readonly NodeKind[] = allowed[end];
        if (!node) {
          ok = false;
          if (alreadyReported(item[end])) continue;
          errors.push({
            file,
            path: `${path}.${end}`,
            reason: `unknown node "${item[end]}": no document defines it`,
          });
        } else if (!kinds.includes(node.kind)) {
          ok = false;
          errors.push({
            file,
            path: `${path}.${end}`,
            reason:
              `wrong kind for ${item.type}: it goes from ${kindList(allowed.from)} to ${kindList(allowed.to)}, ` +
              `but "${item[end]}" is a ${kindName(node.kind)}`,
          });
        }
      }
      const id = item.id ?? defaultRelationshipId(item.type, item.from, item.to);
      const first = relsById.get(id);
      if (first) {
        ok = false;
        errors.push({
          file,
          path: item.id ? `${path}.id` : path,
          reason: item.id
            ? `duplicate relationship id "${id}": already used in ${first.file} at ${first.path}`
            : `duplicate relationship: ${item.from} ${item.type} ${item.to} is already in ${first.file} at ` +
              `${first.path}; give each an explicit id (rel:<slug>) if both are meant`,
        });
      }
      const rel: SeedRelationship = {
        id,
        type: item.type,
        from: item.from,
        to: item.to,
        document: doc.name,
        props: {
          ...toProps(item, ['sources', 'type', 'from', 'to', 'id', 'passages']),
          id,
          document: doc.name,
        },
        file,
        path,
      };
      placePassages(
        item.passages,
        rel.props,
        texts.get(doc.name) ?? null,
        textFile(doc),
        (at, reason) => errors.push({ file, path: at, reason }),
        path,
      );
      if (!first) relsById.set(id, rel);
      if (ok) {
        seed.relationships.push(rel);
        rawRelSources.set(rel, item.sources);
      }
    }
  }
  for (const [rel, refs] of rawRelSources) {
    rel.props.sourceIds = resolve(rel.document, refs, rel.file, `${rel.path}.sources`);
  }

  // 4. Load order: a document after those it links to (its relationships' ends and its cited sources).
  const ordered = orderDocuments(documents, nodesById, errors, parsed);
  return { documents: errors.length ? [] : ordered, errors };
}

function orderDocuments(
  documents: SeedDocument[],
  nodesById: Map<string, SeedNode>,
  errors: SeedError[],
  parsed: ParsedDocument[],
): SeedDocument[] {
  const deps = new Map<string, Set<string>>();
  for (const doc of documents) {
    const set = new Set<string>();
    // What the document names itself (a shared actor it gives its own account of) makes no dependency.
    const own = new Set(doc.nodes.map((n) => n.id));
    const add = (id: string) => {
      if (own.has(id)) return;
      const owner = nodesById.get(id)?.document;
      if (owner && owner !== doc.name) set.add(owner);
    };
    doc.nodes.forEach((n) => n.sources.forEach(add));
    doc.relationships.forEach((r) => [r.from, r.to, ...(r.props.sourceIds as string[])].forEach(add));
    deps.set(doc.name, set);
  }
  const byName = new Map(documents.map((d) => [d.name, d]));
  const out: SeedDocument[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, trail: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(name)), name];
      const p = parsed.find((d) => d.name === name);
      errors.push({
        file: p?.fileNames['document.yaml'] ?? name,
        path: 'document',
        reason:
          `documents link to each other in a circle (${cycle.join(' → ')}); each document is written in its ` +
          `own transaction after the ones it links to, so keep the links of one direction in one document`,
      });
      return;
    }
    state.set(name, 'visiting');
    for (const dep of deps.get(name) ?? []) visit(dep, [...trail, name]);
    state.set(name, 'done');
    // A document already in the graph (options.existing) is not written again.
    const doc = byName.get(name);
    if (doc) out.push(doc);
  };
  for (const doc of documents) visit(doc.name, []);
  return out;
}
