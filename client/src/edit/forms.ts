// The edit forms' entries and what they become: the API's inputs (EdgeInput, NodeInput, updateNode's properties
// and citations), or the list of what is missing. A form with anything missing is not sent. Pure.
import type { RelationshipType } from '../../../core/model/index.ts';
import type { GraphNode, NodeKind } from '../api/types.ts';
import type { CitationInput, EdgeInput, NodeInput } from '../generated/graphql.ts';
import { PROPERTY_NAME, RESERVED_PROPERTIES } from '../../../core/model/index.ts';
import { directionsOf, type Direction } from './model.ts';

/** Which source a write cites: none chosen yet, one the graph has, or a new one. */
export type CitationChoice =
  | { type: 'none' }
  | { type: 'existing'; sourceId: string }
  | { type: 'new'; title: string; url: string; publisher: string; date: string };

export const noCitation: CitationChoice = { type: 'none' };
export const newSource: CitationChoice = { type: 'new', title: '', url: '', publisher: '', date: '' };

export type BasisChoice = 'STATED' | 'INFERRED' | null;

/** The basis and citation every write names. */
export interface Evidence {
  basis: BasisChoice;
  note: string;
  citation: CitationChoice;
}

export const noEvidence: Evidence = { basis: null, note: '', citation: noCitation };

/** What a check gives: the input to send, or what is missing (then `input` is null). */
export type Checked<T> = { input: T; errors: [] } | { input: null; errors: string[] };

const checked = <T>(errors: string[], make: () => T): Checked<T> =>
  errors.length ? { input: null, errors } : { input: make(), errors: [] };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a calendar date written YYYY-MM-DD (the API's Date). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

const blank = (s: string) => s.trim() === '';
const orNull = (s: string) => (blank(s) ? null : s.trim());

/** The citation as the API takes it, or what is missing from it. */
export function citationOf(choice: CitationChoice): Checked<CitationInput> {
  if (choice.type === 'none') return { input: null, errors: ['Choose the source this rests on.'] };
  if (choice.type === 'existing') return { input: { sourceId: choice.sourceId }, errors: [] };
  const errors: string[] = [];
  if (blank(choice.title)) errors.push('A new source needs its title.');
  if (!blank(choice.url) && !/^https?:\/\/\S+$/.test(choice.url.trim()))
    errors.push('The source’s address must start with http:// or https://.');
  if (!blank(choice.date) && !isCalendarDate(choice.date.trim()))
    errors.push('The source’s date must be a calendar date such as 2022-09-15.');
  return checked(errors, () => ({
    title: choice.title.trim(),
    url: orNull(choice.url),
    publisher: orNull(choice.publisher),
    date: orNull(choice.date),
  }));
}

/** The basis, its note and the citation, or what is missing. */
export function evidenceOf(
  e: Evidence,
): Checked<{ basis: 'STATED' | 'INFERRED'; inferenceNote: string | null; citations: CitationInput[] }> {
  const errors: string[] = [];
  if (!e.basis) errors.push('Say whether the source states it or you infer it.');
  if (e.basis === 'INFERRED' && blank(e.note)) errors.push('Say what the inference rests on.');
  const citation = citationOf(e.citation);
  errors.push(...citation.errors);
  return checked(errors, () => ({
    basis: e.basis!,
    inferenceNote: e.basis === 'INFERRED' ? e.note.trim() : null,
    citations: [citation.input!],
  }));
}

/** The other end of a new relationship, as search found it. */
export interface End {
  id: string;
  label: string;
  kind: NodeKind;
}

export interface EdgeForm extends Evidence {
  type: RelationshipType | null;
  other: End | null;
  direction: Direction | null;
  /** When it happened (optional): the relationship's `date`. */
  date: string;
}

export const emptyEdgeForm: EdgeForm = { ...noEvidence, type: null, other: null, direction: null, date: '' };

/**
 * The direction the relationship takes: the one chosen when the type allows it, the only one it allows, or
 * 'out' when both are possible and none was chosen; null when none fits.
 */
export function directionOf(here: NodeKind, form: Pick<EdgeForm, 'type' | 'other' | 'direction'>) {
  if (!form.type) return null;
  const dirs = directionsOf(form.type, here, form.other?.kind ?? null);
  if (form.direction && dirs.includes(form.direction)) return form.direction;
  return dirs[0] ?? null;
}

/** A new relationship from `here` (the node it is added on), or what is missing. */
export function edgeInputOf(here: Pick<GraphNode, 'id' | 'kind'>, form: EdgeForm): Checked<EdgeInput> {
  const errors: string[] = [];
  if (!form.type) errors.push('Choose the relationship’s type.');
  if (!form.other) errors.push('Choose the other end.');
  else if (form.other.id === here.id) errors.push('The other end must be another node.');
  const direction = directionOf(here.kind, form);
  if (form.type && form.other && !direction)
    errors.push(`${form.type} cannot join ${here.kind} and ${form.other.kind}.`);
  if (!blank(form.date) && !isCalendarDate(form.date.trim()))
    errors.push('The date must be a calendar date such as 2022-09-15.');
  const evidence = evidenceOf(form);
  errors.push(...evidence.errors);
  return checked(errors, () => {
    const [source, target] = direction === 'in' ? [form.other!.id, here.id] : [here.id, form.other!.id];
    return {
      type: form.type!,
      source,
      target,
      ...(blank(form.date) ? {} : { properties: { date: form.date.trim() } }),
      ...evidence.input!,
    };
  });
}

export interface NodeForm extends Evidence {
  kind: NodeKind | null;
  label: string;
  date: string;
}

export const emptyNodeForm: NodeForm = { ...noEvidence, kind: null, label: '', date: '' };

/** A new node, or what is missing. */
export function nodeInputOf(form: NodeForm): Checked<NodeInput> {
  const errors: string[] = [];
  if (!form.kind) errors.push('Choose the node’s kind.');
  if (blank(form.label)) errors.push(form.kind === 'STATEMENT' ? 'Give the quote’s text.' : 'Give its name.');
  if (!blank(form.date) && !isCalendarDate(form.date.trim()))
    errors.push('The date must be a calendar date such as 2022-09-15.');
  const evidence = evidenceOf(form);
  errors.push(...evidence.errors);
  return checked(errors, () => ({
    kind: form.kind!,
    label: form.label.trim(),
    date: orNull(form.date),
    ...evidence.input!,
  }));
}

export interface CorrectForm {
  property: string;
  value: string;
  /** Remove the property instead of setting it. */
  remove: boolean;
  citation: CitationChoice;
}

/** The text a property's value is edited as: a list one item a line, anything else as it reads. */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join('\n');
  return String(value);
}

const isDateProperty = (key: string) => key === 'date' || key.endsWith('Date') || key === 'accessed';

/** The value typed for `key`, in the type of the value it replaces; a string saying why not otherwise. */
export function parseValue(
  key: string,
  old: unknown,
  text: string,
): { value: string | number | boolean | string[] } | { error: string } {
  const t = text.trim();
  if (Array.isArray(old)) {
    const items = text
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    return items.length ? { value: items } : { error: `Give ${key} at least one item (one a line).` };
  }
  if (t === '') return { error: `Give the new value of ${key}, or remove it.` };
  if (typeof old === 'number') {
    const n = Number(t);
    return Number.isFinite(n) ? { value: n } : { error: `${key} is a number.` };
  }
  if (typeof old === 'boolean') {
    if (/^(true|yes)$/i.test(t)) return { value: true };
    if (/^(false|no)$/i.test(t)) return { value: false };
    return { error: `${key} is true or false.` };
  }
  if (isDateProperty(key) && !isCalendarDate(t))
    return { error: `${key} must be a calendar date such as 2022-09-15.` };
  return { value: t };
}

/** A correction of one property of `node`: updateNode's properties and citations, or what is missing. */
export function correctionOf(
  node: Pick<GraphNode, 'properties'>,
  form: CorrectForm,
): Checked<{ properties: Record<string, unknown>; citations: CitationInput[] }> {
  const errors: string[] = [];
  const key = form.property.trim();
  let value: unknown = null;
  if (!key) errors.push('Choose the property to correct.');
  else if (!PROPERTY_NAME.test(key))
    errors.push('A property’s name is a letter, then letters or digits (camelCase).');
  else if (RESERVED_PROPERTIES.includes(key)) errors.push(`${key} cannot be corrected here.`);
  else if (!form.remove) {
    const parsed = parseValue(key, node.properties[key], form.value);
    if ('error' in parsed) errors.push(parsed.error);
    else if (JSON.stringify(parsed.value) === JSON.stringify(node.properties[key]))
      errors.push(`That is ${key}’s value already.`);
    else value = parsed.value;
  } else if (node.properties[key] === undefined) errors.push(`The node has no ${key} to remove.`);
  const citation = citationOf(form.citation);
  errors.push(...citation.errors);
  return checked(errors, () => ({ properties: { [key]: value }, citations: [citation.input!] }));
}

/** A retraction's reason, or what is missing. */
export function reasonOf(reason: string): Checked<string> {
  return checked(blank(reason) ? ['Say why it is retracted.'] : [], () => reason.trim());
}
