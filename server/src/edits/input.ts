// The checks of an edit's input, as pure functions: every refusal is BAD_USER_INPUT with a message that says what
// is missing or wrong, before any query runs. Ids that name nothing are the transaction's to find (NOT_FOUND).
import { badInput } from '../../../core/errors.ts';
import { DATE_PROPERTIES } from '../../../core/db/edit-layer.ts';
import {
  NODE_KINDS,
  PROPERTY_NAME,
  RESERVED_PROPERTIES,
  RELATIONSHIP_TYPES,
  RELATIONSHIP_TYPE_NAMES,
  slugOf,
  type NodeKind,
  type RelationshipType,
} from '../../../core/model/index.ts';
import { checkId, isoDate } from '../graph/validate.ts';

export const LABEL_MAX = 500;
export const TEXT_MAX = 10_000;
export const REASON_MAX = 2_000;
export const CITATIONS_MAX = 20;
export const PROPERTIES_MAX = 50;
const LIST_MAX = 100;

const RESERVED = new Set(RESERVED_PROPERTIES);

/** The property that holds a node's display name, per kind (as the seed files write it). */
export const LABEL_PROPERTY: Record<NodeKind, string> = {
  ACTOR: 'name',
  MEETING: 'name',
  STATEMENT: 'text',
  AGREEMENT: 'name',
  FIGURE: 'name',
  SOURCE: 'title',
};

export type PropertyValue = string | number | boolean | string[] | number[] | null;

/** A citation as checked: an existing source, or a new one (with at least a title). */
export type Citation =
  { sourceId: string } | { title: string; url: string | null; publisher: string | null; date: string | null };

export interface NodeEdit {
  kind: NodeKind;
  label: string;
  date: string | null;
  properties: Record<string, PropertyValue>;
  basis: 'stated' | 'inferred';
  inferenceNote: string | null;
  citations: Citation[];
}

export interface EdgeEdit {
  type: RelationshipType;
  source: string;
  target: string;
  properties: Record<string, PropertyValue>;
  basis: 'stated' | 'inferred';
  inferenceNote: string | null;
  citations: Citation[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function optionalText(v: unknown, argument: string, max = TEXT_MAX): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'string') throw badInput(`${argument} must be text.`, { argument });
  const t = v.trim();
  if (t.length > max) throw badInput(`${argument} is longer than ${max} characters.`, { argument });
  return t === '' ? null : t;
}

function requiredText(v: unknown, argument: string, what: string, max = TEXT_MAX): string {
  const t = optionalText(v, argument, max);
  if (t === null) throw badInput(`${argument} is missing: ${what}.`, { argument });
  return t;
}

/** The citations of an edit: at least one; each an existing source's id, or a new source with a title. */
export function checkCitations(value: unknown, argument = 'citations'): Citation[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw badInput(
      `${argument} is empty: every edit cites at least one source, an existing one (sourceId) or a new one (at least its title).`,
      { argument },
    );
  }
  if (value.length > CITATIONS_MAX) {
    throw badInput(`${argument} has more than ${CITATIONS_MAX} citations.`, { argument });
  }
  return value.map((c: unknown, i): Citation => {
    const at = `${argument}[${i}]`;
    if (!isObject(c)) throw badInput(`${at} must be a citation object.`, { argument: at });
    const title = optionalText(c.title, `${at}.title`, LABEL_MAX);
    const sourceId = c.sourceId === null || c.sourceId === undefined ? null : c.sourceId;
    if (sourceId !== null) {
      checkId(sourceId, `${at}.sourceId`);
      if (title !== null || c.url || c.publisher || c.date) {
        throw badInput(
          `${at} gives both sourceId and a new source's fields: either an existing source's id, or a new source (title, url, publisher, date).`,
          { argument: at },
        );
      }
      return { sourceId: sourceId as string };
    }
    if (title === null) {
      throw badInput(
        `${at} names no source: give sourceId (an existing source) or at least a title (a new source).`,
        { argument: at },
      );
    }
    const url = optionalText(c.url, `${at}.url`, 2_000);
    if (url !== null && !/^https?:\/\/\S+$/.test(url)) {
      throw badInput(`${at}.url must be an http(s) address.`, { argument: `${at}.url` });
    }
    return {
      title,
      url,
      publisher: optionalText(c.publisher, `${at}.publisher`, LABEL_MAX),
      date: isoDate(c.date, `${at}.date`),
    };
  });
}

/** The basis and its note: INFERRED needs a note saying what it rests on; STATED takes none. */
export function checkBasis(
  basis: unknown,
  note: unknown,
  argument = 'input',
): { basis: 'stated' | 'inferred'; inferenceNote: string | null } {
  if (basis !== 'STATED' && basis !== 'INFERRED') {
    throw badInput(
      `${argument}.basis is missing: STATED (the cited source says it) or INFERRED (a reading of it, with an inferenceNote).`,
      { argument: `${argument}.basis` },
    );
  }
  const inferenceNote = optionalText(note, `${argument}.inferenceNote`);
  if (basis === 'INFERRED' && inferenceNote === null) {
    throw badInput(
      `${argument}.inferenceNote is missing: an INFERRED claim says in inferenceNote what the inference rests on.`,
      { argument: `${argument}.inferenceNote` },
    );
  }
  if (basis === 'STATED' && inferenceNote !== null) {
    throw badInput(`${argument}.inferenceNote is only for an INFERRED claim (basis is STATED).`, {
      argument: `${argument}.inferenceNote`,
    });
  }
  return { basis: basis === 'INFERRED' ? 'inferred' : 'stated', inferenceNote };
}

function checkValue(v: unknown, at: string, allowNull: boolean): PropertyValue {
  if (v === null) {
    if (allowNull) return null;
    throw badInput(`${at} is null: leave the property out instead.`, { argument: at });
  }
  if (typeof v === 'string') {
    if (v.length > TEXT_MAX) throw badInput(`${at} is longer than ${TEXT_MAX} characters.`, { argument: at });
    return v;
  }
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.length <= LIST_MAX) {
    if (v.every((x) => typeof x === 'string' && x.length <= TEXT_MAX)) return v as string[];
    if (v.every((x) => typeof x === 'number' && Number.isFinite(x))) return v as number[];
  }
  throw badInput(
    `${at} must be text, a number, true or false, or a list (at most ${LIST_MAX}) of texts or of numbers.`,
    { argument: at },
  );
}

/**
 * Properties of an edit: a JSON object of at most PROPERTIES_MAX simple values, none of the reserved ones (id,
 * kind, document, basis…); dates (date, endDate, accessed) as calendar dates. `allowNull` (updateNode): a null
 * removes the property.
 */
export function checkProperties(
  value: unknown,
  argument: string,
  options: { allowNull: boolean; required: boolean; reserved?: readonly string[] },
): Record<string, PropertyValue> {
  if (value === null || value === undefined) {
    if (options.required) throw badInput(`${argument} is missing.`, { argument });
    return {};
  }
  if (!isObject(value)) throw badInput(`${argument} must be a JSON object.`, { argument });
  const entries = Object.entries(value);
  if (options.required && entries.length === 0) {
    throw badInput(`${argument} is empty: name at least one property to correct.`, { argument });
  }
  if (entries.length > PROPERTIES_MAX) {
    throw badInput(`${argument} has more than ${PROPERTIES_MAX} properties.`, { argument });
  }
  const out: Record<string, PropertyValue> = {};
  for (const [key, v] of entries) {
    const at = `${argument}.${key}`;
    if (!PROPERTY_NAME.test(key)) {
      throw badInput(`${at}: a property name is a letter then letters or digits (camelCase).`, {
        argument: at,
      });
    }
    if (RESERVED.has(key) || options.reserved?.includes(key)) {
      throw badInput(`${at} cannot be set through properties.`, { argument: at });
    }
    const checked = checkValue(v, at, options.allowNull);
    out[key] =
      checked !== null && (DATE_PROPERTIES as readonly string[]).includes(key)
        ? isoDate(checked, at)
        : checked;
  }
  return out;
}

/** A NodeInput, checked. */
export function checkNodeInput(raw: unknown): NodeEdit {
  if (!isObject(raw)) throw badInput('input must be a NodeInput object.', { argument: 'input' });
  if (!(NODE_KINDS as readonly unknown[]).includes(raw.kind)) {
    throw badInput(`input.kind must be one of ${NODE_KINDS.join(', ')}.`, { argument: 'input.kind' });
  }
  const kind = raw.kind as NodeKind;
  const label = requiredText(raw.label, 'input.label', 'the name (for a statement: its text)', TEXT_MAX);
  if (kind !== 'STATEMENT' && label.length > LABEL_MAX) {
    throw badInput(`input.label is longer than ${LABEL_MAX} characters.`, { argument: 'input.label' });
  }
  const citations = checkCitations(raw.citations, 'input.citations');
  const evidence = checkBasis(raw.basis, raw.inferenceNote, 'input');
  const properties = checkProperties(raw.properties, 'input.properties', {
    allowNull: false,
    required: false,
    reserved: [LABEL_PROPERTY[kind], 'date'],
  });
  return { kind, label, date: isoDate(raw.date, 'input.date'), properties, ...evidence, citations };
}

/** An EdgeInput, checked (the ends' kinds are checked against the type in the transaction). */
export function checkEdgeInput(raw: unknown): EdgeEdit {
  if (!isObject(raw)) throw badInput('input must be an EdgeInput object.', { argument: 'input' });
  if (typeof raw.type !== 'string' || !(raw.type in RELATIONSHIP_TYPES)) {
    throw badInput(
      `input.type ${JSON.stringify(raw.type)} is not a relationship type an analyst may write: one of ${RELATIONSHIP_TYPE_NAMES.join(', ')}.`,
      { argument: 'input.type' },
    );
  }
  const source = checkId(raw.source, 'input.source');
  const target = checkId(raw.target, 'input.target');
  const citations = checkCitations(raw.citations, 'input.citations');
  const evidence = checkBasis(raw.basis, raw.inferenceNote, 'input');
  const properties = checkProperties(raw.properties, 'input.properties', {
    allowNull: false,
    required: false,
  });
  return { type: raw.type as RelationshipType, source, target, properties, ...evidence, citations };
}

/** Throws BAD_USER_INPUT unless the kinds at the ends are the ones `type` joins (core/model). */
export function checkEnds(type: RelationshipType, from: NodeKind, to: NodeKind): void {
  const allowed = RELATIONSHIP_TYPES[type];
  const fromOk = (allowed.from as readonly NodeKind[]).includes(from);
  const toOk = (allowed.to as readonly NodeKind[]).includes(to);
  if (!fromOk || !toOk) {
    throw badInput(
      `${type} goes from ${allowed.from.join(' or ')} to ${allowed.to.join(' or ')}, not from ${from} to ${to}.`,
      { argument: 'input.type' },
    );
  }
}

/** A retraction's reason: required text. */
export const checkReason = (v: unknown) =>
  requiredText(v, 'reason', 'say why the claim is retracted', REASON_MAX);

/** A slug of `text` for a new id (core/model `slugOf`, at most 48 characters), "item" when nothing is left. */
export const idSlugOf = (text: string): string => slugOf(text, 48) || 'item';
