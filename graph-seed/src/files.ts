// The seed format's files: one zod schema per file of a document folder, and the checks of one file, each error
// reported as `file: path: reason`. The model (kinds, relationship types, ids, dates) is core/model; what spans
// files and documents is normalise.ts. See graph-seed/README.md.
import { z } from 'zod';
import {
  ID_PREFIXES,
  RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE_NAMES,
  SLUG,
  nodeIdPattern,
  type DatePrecision,
  type IdPrefix,
  type RelationshipType,
} from '../../core/model/index.ts';
import {
  BASES,
  CREDIBILITY_MAX,
  CREDIBILITY_MIN,
  RELIABILITY_GRADES,
  RELIABILITY_MEANINGS,
} from '../../core/model/evidence.ts';

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
  'places.yaml',
] as const;
export type DocumentFile = (typeof DOCUMENT_FILES)[number];

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

function idSchema(prefixes: readonly IdPrefix[]) {
  const re = nodeIdPattern(prefixes);
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

const basis = z.unknown().transform((v, ctx) => {
  if (typeof v === 'string' && (BASES as readonly string[]).includes(v)) return v as (typeof BASES)[number];
  ctx.addIssue({
    code: 'custom',
    message:
      v === undefined
        ? `missing basis: stated (the cited passage says it) or inferred (your reading, with an inferenceNote)`
        : `unknown basis ${show(v)}: stated (the cited passage says it) or inferred (your reading, with an inferenceNote)`,
  });
  return z.NEVER;
});

const passages = z
  .array(text, {
    error: (iss) =>
      iss.input === undefined
        ? 'missing passages: the exact words of the document (its text.txt) that the claim rests on'
        : `passages must be a list of exact quotations from the document's text.txt, got ${show(iss.input)}`,
  })
  .min(1, "empty passages: quote the document's words the claim rests on");

const reliability = z.unknown().transform((v, ctx) => {
  if (typeof v === 'string' && (RELIABILITY_GRADES as readonly string[]).includes(v)) {
    return v as (typeof RELIABILITY_GRADES)[number];
  }
  const scale = RELIABILITY_GRADES.map((g) => `${g} (${RELIABILITY_MEANINGS[g]})`).join(', ');
  ctx.addIssue({
    code: 'custom',
    message:
      v === undefined
        ? `missing reliability: a grade on the Admiralty scale: ${scale}`
        : `reliability ${show(v)} is outside the Admiralty scale: one of ${scale}`,
  });
  return z.NEVER;
});

const credibility = z.unknown().transform((v, ctx) => {
  if (typeof v === 'number' && Number.isInteger(v) && v >= CREDIBILITY_MIN && v <= CREDIBILITY_MAX) return v;
  ctx.addIssue({
    code: 'custom',
    message: `credibility ${show(v)} is outside the scale: a whole number from ${CREDIBILITY_MIN} (confirmed) to ${CREDIBILITY_MAX} (cannot be judged)`,
  });
  return z.NEVER;
});

const reliabilityNote = z.unknown().transform((v, ctx) => {
  if (typeof v === 'string' && v.trim() !== '') return v;
  ctx.addIssue({
    code: 'custom',
    message:
      v === undefined || v === null
        ? 'missing reliabilityNote: one line on why the source has its grade'
        : `reliabilityNote must be non-empty text, got ${show(v)}`,
  });
  return z.NEVER;
});

/**
 * The evidence fields of a claim (statements, meetings, agreements, figures, relationships): the passages it
 * rests on are required; its basis is `stated` unless it says `inferred` (with a note).
 */
const claimEvidence = {
  basis: basis.optional(),
  inferenceNote: optionalText,
  passages,
};
/** The grade of a source (sources.yaml and document.yaml), required with its reason. */
const sourceGrade = { reliability, reliabilityNote };

/**
 * The checks between a claim's evidence fields: an inference says what it rests on (inferenceNote), and a note
 * belongs to an inference only.
 */
function checkInference(value: object, ctx: z.RefinementCtx): void {
  const item = value as { basis?: unknown; inferenceNote?: unknown };
  if (item.basis === 'inferred' && !item.inferenceNote) {
    ctx.addIssue({
      code: 'custom',
      path: ['inferenceNote'],
      message:
        'missing inferenceNote: an inferred claim (basis: inferred) says in a note what the inference rests on',
    });
  } else if (item.basis !== 'inferred' && item.inferenceNote) {
    ctx.addIssue({
      code: 'custom',
      path: ['inferenceNote'],
      message: 'inferenceNote without basis: inferred: a stated claim has no inference note',
    });
  }
}

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
    ...sourceGrade,
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
  ...sourceGrade,
});

/** An item with an id of one kind and a name, its own fields, then the summary and sources every item has. */
const namedItem = <F extends z.ZodRawShape>(prefix: IdPrefix, fields: F) =>
  z.strictObject({ id: idSchema([prefix]), name: text, ...fields, ...common });

/** A claim: a named item with the evidence fields (basis, inferenceNote, passages). */
const claimItem = <F extends z.ZodRawShape>(prefix: IdPrefix, fields: F) =>
  namedItem(prefix, { ...fields, ...claimEvidence }).superRefine(checkInference);

/** A coordinate in decimal degrees, within its range; a quoted number or one out of range says so. */
function degrees(what: 'latitude' | 'longitude', limit: 90 | 180, meaning: string) {
  return z.unknown().transform((v, ctx) => {
    if (typeof v === 'number' && Number.isFinite(v) && v >= -limit && v <= limit) return v;
    ctx.addIssue({
      code: 'custom',
      message:
        v === undefined || v === null
          ? `missing ${what}: decimal degrees from -${limit} to ${limit} (${meaning})`
          : typeof v === 'number'
            ? `${what} ${show(v)} is out of range: decimal degrees from -${limit} to ${limit} (${meaning})`
            : `bad ${what} ${show(v)}: a number of decimal degrees (unquoted), from -${limit} to ${limit}`,
    });
    return z.NEVER;
  });
}
const coordinates = {
  latitude: degrees('latitude', 90, 'north positive, south negative'),
  longitude: degrees('longitude', 180, 'east positive, west negative'),
};

/** A state's capital: where the map puts the state (a geographic fact, not a claim of the document). */
const capital = z.strictObject(
  { name: text, ...coordinates },
  {
    error: (iss) => `capital must be a mapping (name, latitude, longitude), got ${show(iss.input)}`,
  },
);

const actorItem = namedItem('actor', {
  aliases: textList.optional().nullable(),
  actorType: oneOf(ACTOR_TYPES, 'actorType'),
  role: optionalText,
  country: optionalText,
  capital: capital.optional().nullable(),
}).superRefine((actor, ctx) => {
  if (actor.capital && actor.actorType !== 'state') {
    ctx.addIssue({
      code: 'custom',
      path: ['capital'],
      message: `capital is for a state (actorType: state), not for actorType: ${actor.actorType}`,
    });
  }
});

/**
 * A place meetings name (their `place`, the same text): its coordinates, from a gazetteer rather than from the
 * document, so a place has no sources; `note` says where the coordinates come from.
 */
const placeItem = z.strictObject({ name: text, ...coordinates, note: optionalText });

const meetingItem = claimItem('meeting', {
  meetingType: oneOf(MEETING_TYPES, 'meetingType'),
  date: seedDate,
  endDate: optionalDate,
  place: optionalText,
});

const statementItem = z
  .strictObject({
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
    ...claimEvidence,
    ...common,
  })
  .superRefine(checkInference);

const agreementItem = claimItem('agreement', {
  agreementType: oneOf(AGREEMENT_TYPES, 'agreementType'),
  date: seedDate,
  terms: optionalText,
});

const figureItem = claimItem('figure', {
  metric: text,
  value: z
    .number({ error: (iss) => `bad value ${show(iss.input)}: a number (unquoted)` })
    .optional()
    .nullable(),
  unit: optionalText,
  change: optionalText,
  period: optionalText,
  date: optionalDate,
  endDate: optionalDate,
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

const relationshipItem = z
  .strictObject({
    type: relationshipType,
    from: idSchema(ID_PREFIXES),
    to: idSchema(ID_PREFIXES),
    id: relationshipId.optional().nullable(),
    date: optionalDate,
    endDate: optionalDate,
    role: optionalText,
    note: optionalText,
    ...claimEvidence,
    credibility: credibility.optional(),
    sources,
  })
  .superRefine(checkInference);

export type DocumentItem = z.output<typeof documentItem>;
export type SourceItem = z.output<typeof sourceItem>;
export type ActorItem = z.output<typeof actorItem>;
export type MeetingItem = z.output<typeof meetingItem>;
export type StatementItem = z.output<typeof statementItem>;
export type AgreementItem = z.output<typeof agreementItem>;
export type FigureItem = z.output<typeof figureItem>;
export type RelationshipItem = z.output<typeof relationshipItem>;
export type PlaceItem = z.output<typeof placeItem>;

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
  'places.yaml': placeItem,
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
  'places.yaml': z.strictObject({ places: list(placeItem, 'places') }),
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
  'places.yaml'?: { places: PlaceItem[] };
}

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
