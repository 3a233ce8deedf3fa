// The seed format: one zod schema per file of a document folder, the fixed lists of node kinds and relationship
// types (the only source of labels and types the loader ever writes), and the checks that span files and
// documents (references, relationship directions, footnotes, unique ids). See graph-seed/README.md.
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------------
// Kinds and relationship types (fixed lists)
// ---------------------------------------------------------------------------------------------------------------

/** Every node kind: its id prefix, Neo4j label, `kind` property, and the file and top-level key that list it. */
export const KINDS = {
  actor: { kind: 'ACTOR', label: 'Actor', file: 'actors.yaml', key: 'actors' },
  meeting: { kind: 'MEETING', label: 'Meeting', file: 'meetings.yaml', key: 'meetings' },
  statement: { kind: 'STATEMENT', label: 'Statement', file: 'statements.yaml', key: 'statements' },
  agreement: { kind: 'AGREEMENT', label: 'Agreement', file: 'agreements.yaml', key: 'agreements' },
  figure: { kind: 'FIGURE', label: 'Figure', file: 'figures.yaml', key: 'figures' },
  source: { kind: 'SOURCE', label: 'Source', file: 'sources.yaml', key: 'sources' },
} as const;

export type IdPrefix = keyof typeof KINDS;
export type Kind = (typeof KINDS)[IdPrefix]['kind'];
export const ID_PREFIXES = Object.keys(KINDS) as IdPrefix[];
export const ALL_KINDS: Kind[] = ID_PREFIXES.map((p) => KINDS[p].kind);

/** The Neo4j label of each kind (the loader never takes a label from input). */
export const KIND_LABELS: Record<Kind, string> = Object.fromEntries(
  ID_PREFIXES.map((p) => [KINDS[p].kind, KINDS[p].label]),
) as Record<Kind, string>;

const ANY: readonly Kind[] = ALL_KINDS;

/** Every relationship type an analyst may write, with the kinds allowed at each end (README's table). */
export const RELATIONSHIP_TYPES = {
  ATTENDED: { from: ['ACTOR'], to: ['MEETING'], meaning: 'took part in a meeting or event' },
  HOSTED: { from: ['ACTOR'], to: ['MEETING'], meaning: 'hosted or organised it' },
  MET_WITH: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'met in person' },
  SAID: { from: ['ACTOR'], to: ['STATEMENT'], meaning: 'the speaker or author of a quote' },
  SAID_AT: { from: ['STATEMENT'], to: ['MEETING'], meaning: 'where the quote was said' },
  ABOUT: { from: ['STATEMENT', 'MEETING', 'AGREEMENT', 'FIGURE'], to: ANY, meaning: 'what it concerns' },
  PARTY_TO: { from: ['ACTOR'], to: ['AGREEMENT'], meaning: 'a signatory or party' },
  AGREED_AT: { from: ['AGREEMENT'], to: ['MEETING'], meaning: 'where it was agreed or announced' },
  PART_OF: {
    from: ['MEETING', 'STATEMENT', 'AGREEMENT'],
    to: ['MEETING'],
    meaning: 'a meeting within a larger one (a bilateral on a summit’s sidelines), or a part of an event',
  },
  MEMBER_OF: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'membership of an organisation or body' },
  LEADS: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'heads a state, party, body or organisation' },
  SENT: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'sent an emissary' },
  VISITED: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'travelled to a state' },
  REPORTED: {
    from: ['ACTOR'],
    to: ['MEETING', 'STATEMENT', 'FIGURE'],
    meaning: 'an outlet or official reported it',
  },
  CRITICIZED: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'criticised publicly' },
  SUPPORTS: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'declared support' },
  SANCTIONED: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'imposed sanctions or blacklisted' },
  TRADES_WITH: { from: ['ACTOR'], to: ['ACTOR'], meaning: 'trade between states' },
  PUBLISHED: { from: ['ACTOR'], to: ['SOURCE'], meaning: 'the publisher of a source' },
  RESPONDS_TO: { from: ['STATEMENT'], to: ['STATEMENT'], meaning: 'a quote that answers or echoes another' },
} as const satisfies Record<string, { from: readonly Kind[]; to: readonly Kind[]; meaning: string }>;

export type RelationshipType = keyof typeof RELATIONSHIP_TYPES;
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_TYPES) as RelationshipType[];
/** The bookkeeping type the loader adds from every node's `sources` (node → Source). */
export const CITES = 'CITES';

/** The files a document folder may hold, in the order they are read. */
export const DOCUMENT_FILES = [
  'document.yaml',
  'sources.yaml',
  'actors.yaml',
  'meetings.yaml',
  'statements.yaml',
  'agreements.yaml',
  'figures.yaml',
  'relationships.yaml',
] as const;
export type DocumentFile = (typeof DOCUMENT_FILES)[number];

// ---------------------------------------------------------------------------------------------------------------
// Field schemas
// ---------------------------------------------------------------------------------------------------------------

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const SLUG_RE = new RegExp(`^${SLUG}$`);
const NODE_ID_RE = new RegExp(`^(${ID_PREFIXES.join('|')}):${SLUG}$`);

/** True when `name` is a lower-case slug (document folder names and id slugs). */
export const isSlug = (name: string) => SLUG_RE.test(name);

/** The kind an id names by its prefix, or undefined for a malformed id. */
export function kindOfId(id: string): Kind | undefined {
  if (!NODE_ID_RE.test(id)) return undefined;
  return KINDS[id.slice(0, id.indexOf(':')) as IdPrefix].kind;
}

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

function idSchema(prefixes: readonly IdPrefix[]) {
  const re = new RegExp(`^(${prefixes.join('|')}):${SLUG}$`);
  const shape =
    prefixes.length === 1 ? `${prefixes[0]}:<slug>` : `<kind>:<slug> (kind: ${prefixes.join(', ')})`;
  return z.unknown().transform((v, ctx) => {
    if (typeof v === 'string' && re.test(v)) return v;
    ctx.addIssue({
      code: 'custom',
      message:
        v === undefined
          ? `missing id: write one as ${shape}`
          : `bad id ${show(v)}: an id is ${shape}, the slug in lower-case letters, digits and single hyphens`,
    });
    return z.NEVER;
  });
}

export type DatePrecision = 'day' | 'month' | 'year';
export interface SeedDate {
  /** The first day of the period, `YYYY-MM-DD`. */
  date: string;
  precision: DatePrecision;
}

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a YAML number for a bare year); returns the reason when it is not. */
export function parseSeedDate(value: unknown): SeedDate | string {
  const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
  const bad = `bad date ${show(value)}: write YYYY-MM-DD, YYYY-MM (only the month is known) or YYYY (only the year)`;
  if (typeof text !== 'string') return bad;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return bad;
  const [, y, mo, d] = m;
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  if (month < 1 || month > 12) return `bad date ${show(value)}: there is no month ${mo}`;
  const daysInMonth = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return `bad date ${show(value)}: that month has no day ${d}`;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${y}-${pad(month)}-${pad(day)}`,
    precision: d !== undefined ? 'day' : mo !== undefined ? 'month' : 'year',
  };
}

const seedDate = z.unknown().transform((v, ctx) => {
  const parsed = parseSeedDate(v);
  if (typeof parsed === 'string') {
    ctx.addIssue({
      code: 'custom',
      message: v === undefined ? 'missing date (YYYY-MM-DD, YYYY-MM or YYYY)' : parsed,
    });
    return z.NEVER;
  }
  return parsed;
});
const optionalDate = seedDate.optional().nullable();

/** Text; a YAML number (an unquoted `2022` in a title) is taken as its text. */
const text = z.unknown().transform((v, ctx) => {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string' && v.trim() !== '') return v;
  ctx.addIssue({
    code: 'custom',
    message: v === undefined ? 'missing: this field is required' : `must be non-empty text, got ${show(v)}`,
  });
  return z.NEVER;
});
const optionalText = text.optional().nullable();
const textList = z.array(text, { error: (iss) => `must be a list of texts, got ${show(iss.input)}` });

const url = z.unknown().transform((v, ctx) => {
  if (typeof v === 'string' && /^https?:\/\/\S+$/.test(v)) return v;
  ctx.addIssue({ code: 'custom', message: `bad url ${show(v)}: an address starts with http:// or https://` });
  return z.NEVER;
});

/** A `sources` entry: a footnote number of this document, or a source id. */
export type SourceRef = number | string;

const sourceRef = z.unknown().transform((v, ctx): SourceRef => {
  if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  if (typeof v === 'string' && new RegExp(`^source:${SLUG}$`).test(v)) return v;
  ctx.addIssue({
    code: 'custom',
    message: `bad source ${show(v)}: write a footnote number of this document (7) or a source id (source:<slug>)`,
  });
  return z.NEVER;
});
const sources = z
  .array(sourceRef, {
    error: (iss) =>
      iss.input === undefined
        ? 'missing sources: every item names at least one source (a footnote number or a source id)'
        : `sources must be a list, got ${show(iss.input)}`,
  })
  .min(1, 'empty sources: every item names at least one source (a footnote number or a source id)');

function oneOf<T extends string>(values: readonly [T, ...T[]], what: string) {
  return z.enum(values, {
    error: (iss) =>
      iss.input === undefined
        ? `missing ${what}: one of ${values.join(', ')}`
        : `unknown ${what} ${show(iss.input)}: one of ${values.join(', ')}`,
  });
}

const footnote = z
  .number({ error: (iss) => `bad footnote ${show(iss.input)}: a whole number from 1` })
  .int()
  .min(1);

// ---------------------------------------------------------------------------------------------------------------
// Items and files
// ---------------------------------------------------------------------------------------------------------------

export const ACTOR_TYPES = [
  'person',
  'state',
  'organisation',
  'government-body',
  'party',
  'outlet',
  'company',
  'military-alliance',
] as const;
export const MEETING_TYPES = [
  'summit',
  'bilateral-meeting',
  'visit',
  'speech',
  'ceremony',
  'briefing',
  'press-conference',
  'plenum',
  'congress',
  'publication',
  'sanctions-action',
  'announcement',
  'other',
] as const;
export const AGREEMENT_TYPES = [
  'joint-statement',
  'partnership',
  'contract',
  'commitment',
  'treaty',
] as const;
export const DOCUMENT_TYPES = ['memo', 'report', 'article', 'transcript', 'book', 'other'] as const;

const common = { summary: optionalText, sources };

const documentItem = z.strictObject(
  {
    id: idSchema(['source']),
    title: text,
    publisher: optionalText,
    authors: textList.optional().nullable(),
    date: optionalDate,
    url: url.optional().nullable(),
    documentType: oneOf(DOCUMENT_TYPES, 'documentType').optional().nullable(),
    summary: optionalText,
  },
  {
    error: (iss) =>
      iss.input === undefined
        ? 'missing the top-level key "document:" (one mapping: id, title, …)'
        : `"document:" holds one mapping (id, title, …), not ${Array.isArray(iss.input) ? 'a list' : show(iss.input)}`,
  },
);

const sourceItem = z.strictObject({
  id: idSchema(['source']),
  title: text,
  footnote: footnote.optional().nullable(),
  publisher: optionalText,
  authors: textList.optional().nullable(),
  date: optionalDate,
  url: url.optional().nullable(),
  accessed: optionalDate,
  ibid: idSchema(['source']).optional().nullable(),
  note: optionalText,
  summary: optionalText,
});

const actorItem = z.strictObject({
  id: idSchema(['actor']),
  name: text,
  aliases: textList.optional().nullable(),
  actorType: oneOf(ACTOR_TYPES, 'actorType'),
  role: optionalText,
  country: optionalText,
  ...common,
});

const meetingItem = z.strictObject({
  id: idSchema(['meeting']),
  name: text,
  meetingType: oneOf(MEETING_TYPES, 'meetingType'),
  date: seedDate,
  endDate: optionalDate,
  place: optionalText,
  ...common,
});

const statementItem = z.strictObject({
  id: idSchema(['statement']),
  text,
  date: seedDate,
  language: z
    .string({ error: (iss) => `bad language ${show(iss.input)}: a language code such as en, ru, zh` })
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'bad language: a language code such as en, ru, zh')
    .optional()
    .nullable(),
  originalText: optionalText,
  context: optionalText,
  ...common,
});

const agreementItem = z.strictObject({
  id: idSchema(['agreement']),
  name: text,
  agreementType: oneOf(AGREEMENT_TYPES, 'agreementType'),
  date: seedDate,
  terms: optionalText,
  ...common,
});

const figureItem = z.strictObject({
  id: idSchema(['figure']),
  name: text,
  metric: text,
  value: z
    .number({ error: (iss) => `bad value ${show(iss.input)}: a number (unquoted)` })
    .optional()
    .nullable(),
  unit: optionalText,
  change: optionalText,
  period: optionalText,
  date: optionalDate,
  ...common,
});

const relationshipType = z.unknown().transform((v, ctx) => {
  if (typeof v === 'string' && v in RELATIONSHIP_TYPES) return v as RelationshipType;
  ctx.addIssue({
    code: 'custom',
    message:
      v === undefined
        ? `missing type: one of ${RELATIONSHIP_TYPE_NAMES.join(', ')}`
        : `unknown relationship type ${show(v)}: one of ${RELATIONSHIP_TYPE_NAMES.join(', ')}`,
  });
  return z.NEVER;
});

const relationshipId = z.unknown().transform((v, ctx) => {
  if (typeof v === 'string' && new RegExp(`^rel:${SLUG}$`).test(v)) return v;
  ctx.addIssue({
    code: 'custom',
    message: `bad relationship id ${show(v)}: write rel:<slug> (lower-case letters, digits, hyphens) or leave it out`,
  });
  return z.NEVER;
});

const relationshipItem = z.strictObject({
  type: relationshipType,
  from: idSchema(ID_PREFIXES),
  to: idSchema(ID_PREFIXES),
  id: relationshipId.optional().nullable(),
  date: optionalDate,
  endDate: optionalDate,
  role: optionalText,
  note: optionalText,
  sources,
});

export type DocumentItem = z.output<typeof documentItem>;
export type SourceItem = z.output<typeof sourceItem>;
export type ActorItem = z.output<typeof actorItem>;
export type MeetingItem = z.output<typeof meetingItem>;
export type StatementItem = z.output<typeof statementItem>;
export type AgreementItem = z.output<typeof agreementItem>;
export type FigureItem = z.output<typeof figureItem>;
export type RelationshipItem = z.output<typeof relationshipItem>;

const list = <T extends z.ZodType>(item: T, key: string) =>
  z.array(item, {
    error: (iss) =>
      iss.input === undefined
        ? `missing the top-level key "${key}:" (a list of items)`
        : `"${key}:" must hold a list of items (each starting with "- "), got ${show(iss.input)}`,
  });

/** The schema of one item of each list file. */
const ITEM_SCHEMAS: Record<Exclude<DocumentFile, 'document.yaml'>, z.ZodType> = {
  'sources.yaml': sourceItem,
  'actors.yaml': actorItem,
  'meetings.yaml': meetingItem,
  'statements.yaml': statementItem,
  'agreements.yaml': agreementItem,
  'figures.yaml': figureItem,
  'relationships.yaml': relationshipItem,
};

/** One schema per file of a document folder. */
export const FILE_SCHEMAS = {
  'document.yaml': z.strictObject({ document: documentItem }),
  'sources.yaml': z.strictObject({ sources: list(sourceItem, 'sources') }),
  'actors.yaml': z.strictObject({ actors: list(actorItem, 'actors') }),
  'meetings.yaml': z.strictObject({ meetings: list(meetingItem, 'meetings') }),
  'statements.yaml': z.strictObject({ statements: list(statementItem, 'statements') }),
  'agreements.yaml': z.strictObject({ agreements: list(agreementItem, 'agreements') }),
  'figures.yaml': z.strictObject({ figures: list(figureItem, 'figures') }),
  'relationships.yaml': z.strictObject({ relationships: list(relationshipItem, 'relationships') }),
} satisfies Record<DocumentFile, z.ZodType>;

/** The parsed content of each file (absent files are missing keys). */
export interface ParsedFiles {
  'document.yaml': { document: DocumentItem };
  'sources.yaml'?: { sources: SourceItem[] };
  'actors.yaml'?: { actors: ActorItem[] };
  'meetings.yaml'?: { meetings: MeetingItem[] };
  'statements.yaml'?: { statements: StatementItem[] };
  'agreements.yaml'?: { agreements: AgreementItem[] };
  'figures.yaml'?: { figures: FigureItem[] };
  'relationships.yaml'?: { relationships: RelationshipItem[] };
}

// ---------------------------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------------------------

/** One mistake in the seed: the file, where inside it (`actors[3].sources[0]`), and why. */
export interface SeedError {
  file: string;
  path: string;
  reason: string;
}

/** Formats a path inside a file: `['actors', 3, 'sources', 0]` → `actors[3].sources[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** Formats one error as the CLI prints it: `file: path: reason`. */
export const formatSeedError = (e: SeedError) => `${e.file}: ${e.path}: ${e.reason}`;

/** What a file's validation gives: the valid part, every mistake, and the ids of items that were not valid. */
export interface FileCheck<F extends DocumentFile> {
  /** The file with its valid items only; undefined when the file as a whole is unusable. */
  value: NonNullable<ParsedFiles[F]> | undefined;
  errors: SeedError[];
  /** Ids and footnote numbers of items that failed, so references to them raise no second error. */
  failedIds: string[];
  failedFootnotes: number[];
}

function issuesToErrors(
  issues: z.core.$ZodIssue[],
  prefix: PropertyKey[],
  file: string,
  key: string,
): SeedError[] {
  const errors: SeedError[] = [];
  for (const issue of issues) {
    const at = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        errors.push({
          file,
          path: formatPath([...at, k]),
          reason:
            at.length === 0
              ? `unknown top-level key "${k}": this file holds only "${key}:"`
              : `unknown field "${k}" (check its spelling against graph-seed/README.md)`,
        });
      }
      continue;
    }
    let reason = issue.message;
    if (issue.code === 'invalid_type' && reason.startsWith('Invalid input')) {
      reason =
        issue.input === undefined
          ? `missing: this field is required`
          : `must be ${issue.expected === 'object' ? 'a mapping (field: value)' : issue.expected}, got ${show(issue.input)}`;
    }
    errors.push({ file, path: formatPath(at), reason });
  }
  return errors;
}

/** Validates one file's parsed YAML: each item on its own, so one bad item costs only its own messages. */
export function validateFile<F extends DocumentFile>(
  file: F,
  data: unknown,
  displayName: string,
): FileCheck<F> {
  const key = file === 'document.yaml' ? 'document' : file.replace(/\.yaml$/, '');
  const fail = (errors: SeedError[]): FileCheck<F> => ({
    value: undefined,
    errors,
    failedIds: [],
    failedFootnotes: [],
  });
  if (data === null || data === undefined) {
    const what = key === 'document' ? 'one mapping' : 'a list of items';
    return fail([
      {
        file: displayName,
        path: '(top level)',
        reason: `the file is empty: it holds "${key}:" with ${what}`,
      },
    ]);
  }
  if (file === 'document.yaml') {
    const r = FILE_SCHEMAS['document.yaml'].safeParse(data, { reportInput: true });
    return r.success
      ? {
          value: r.data as unknown as NonNullable<ParsedFiles[F]>,
          errors: [],
          failedIds: [],
          failedFootnotes: [],
        }
      : fail(issuesToErrors(r.error.issues, [], displayName, key));
  }
  const top = z.strictObject({ [key]: list(z.unknown(), key) }).safeParse(data, { reportInput: true });
  if (!top.success) return fail(issuesToErrors(top.error.issues, [], displayName, key));
  const items = (top.data as Record<string, unknown[]>)[key]!;
  const itemSchema = ITEM_SCHEMAS[file as Exclude<DocumentFile, 'document.yaml'>];
  const valid: unknown[] = [];
  const out: FileCheck<F> = { value: undefined, errors: [], failedIds: [], failedFootnotes: [] };
  for (const [i, item] of items.entries()) {
    const r = itemSchema.safeParse(item, { reportInput: true });
    if (r.success) {
      valid.push(r.data);
      continue;
    }
    out.errors.push(...issuesToErrors(r.error.issues, [key, i], displayName, key));
    if (item && typeof item === 'object') {
      const { id, footnote } = item as { id?: unknown; footnote?: unknown };
      if (typeof id === 'string') out.failedIds.push(id);
      if (typeof footnote === 'number') out.failedFootnotes.push(footnote);
    }
  }
  out.value = { [key]: valid } as NonNullable<ParsedFiles[F]>;
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Normalised documents and the checks across files and documents
// ---------------------------------------------------------------------------------------------------------------

/** A property value as written to Neo4j (dates as `YYYY-MM-DD` text; the loader makes them Neo4j dates). */
export type PropValue = string | number | boolean | string[];

/** A node ready to write: its kind decides the label; `sources` are resolved source ids (→ CITES). */
export interface SeedNode {
  id: string;
  kind: Kind;
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

/** One document folder, validated and normalised. */
export interface SeedDocument {
  /** The folder name; stored as `document` on everything it defines. */
  name: string;
  dir: string;
  /** The id of the document's own Source node (from document.yaml). */
  sourceId: string;
  nodes: SeedNode[];
  relationships: SeedRelationship[];
}

/** A document folder whose document.yaml passed its schema, with the valid items of its other files. */
export interface ParsedDocument {
  name: string;
  dir: string;
  files: ParsedFiles;
  /** The name each file is reported under in messages. */
  fileNames: Record<DocumentFile, string>;
  /** What failed its own file's checks: references to it raise no second error. */
  failed?: { ids: string[]; footnotes: number[]; files: DocumentFile[] };
}

/** The fields stored as dates (each also gets `<field>Precision`). */
export const DATE_FIELDS = ['date', 'endDate', 'accessed'] as const;

/** The default id of a relationship without one: `rel:<from>-<TYPE>-><to>`. */
export const defaultRelationshipId = (type: string, from: string, to: string) => `rel:${from}-${type}->${to}`;

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

const kindName = (k: Kind) => KIND_LABELS[k];
const kindList = (ks: readonly Kind[]) =>
  ks.length === ALL_KINDS.length ? 'any kind' : ks.map(kindName).join(' or ');

/**
 * Checks what no single file can: ids unique across all documents, footnotes and source ids that exist,
 * relationship ends that exist and have the kinds their type allows. Returns the documents in load order
 * (a document after the documents it links to) or every error found.
 */
export function normaliseDocuments(
  parsed: ParsedDocument[],
  options: { someDocumentUnreadable?: boolean } = {},
): { documents: SeedDocument[]; errors: SeedError[] } {
  const errors: SeedError[] = [];
  const nodesById = new Map<string, SeedNode>();
  const documents: SeedDocument[] = [];
  const rawSources = new Map<SeedNode, { refs: SourceRef[]; path: string }>();
  const rawRelSources = new Map<SeedRelationship, SourceRef[]>();
  const footnotesByDoc = new Map<string, Map<number, string[]>>();

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
    const seed: SeedDocument = { name: doc.name, dir: doc.dir, sourceId: '', nodes: [], relationships: [] };
    const addNode = (node: SeedNode, refs: SourceRef[] | undefined) => {
      const first = nodesById.get(node.id);
      if (first) {
        errors.push({
          file: node.file,
          path: `${node.path}.id`,
          reason: `duplicate id "${node.id}": already defined in ${first.file} at ${first.path}`,
        });
        return;
      }
      nodesById.set(node.id, node);
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
    for (const prefix of ID_PREFIXES) {
      const { kind, file, key } = KINDS[prefix];
      const content = doc.files[file] as
        Record<string, Array<Record<string, unknown> & { id: string; sources?: SourceRef[] }>> | undefined;
      for (const [i, item] of (content?.[key] ?? []).entries()) {
        const props: Record<string, PropValue> = { ...toProps(item, ['sources']), kind, document: doc.name };
        if (kind === 'STATEMENT' && props.language === undefined) props.language = 'en';
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
  for (const node of nodesById.values()) {
    const ibid = node.props.ibid;
    if (typeof ibid === 'string' && nodesById.get(ibid)?.kind !== 'SOURCE' && !alreadyReported(ibid)) {
      errors.push({ file: node.file, path: `${node.path}.ibid`, reason: `unknown source "${ibid}" (ibid)` });
    }
  }

  // 3. Relationships: ends that exist, kinds the type allows, ids unique across every document.
  const relsById = new Map<string, SeedRelationship>();
  for (const [di, doc] of parsed.entries()) {
    const seed = documents[di]!;
    const file = doc.fileNames['relationships.yaml'];
    for (const [i, item] of (doc.files['relationships.yaml']?.relationships ?? []).entries()) {
      const path = `relationships[${i}]`;
      const allowed = RELATIONSHIP_TYPES[item.type];
      let ok = true;
      for (const end of ['from', 'to'] as const) {
        const node = nodesById.get(item[end]);
        const kinds: readonly Kind[] = allowed[end];
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
        props: { ...toProps(item, ['sources', 'type', 'from', 'to', 'id']), id, document: doc.name },
        file,
        path,
      };
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
    const add = (id: string) => {
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
    out.push(byName.get(name)!);
  };
  for (const doc of documents) visit(doc.name, []);
  return out;
}
