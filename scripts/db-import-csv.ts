// The CSV files that Neo4j's offline importer (`neo4j-admin database import full`) reads, written row by row
// through a small buffer, so that millions of rows are never held as one string. Each property column is typed
// in its header (`name:double`, `aliases:string[]`, `date:date`) with the type the transactional loader stores
// (graph-seed/src/load.ts): JavaScript numbers as floats (the driver sends them so), the date fields as dates,
// lists as arrays. Every text is quoted, with inner quotes doubled (RFC 4180, the importer's default).
import { closeSync, openSync, writeSync } from 'node:fs';
import type { PropValue } from '../core/model/index.ts';
import { DATE_FIELDS } from '../graph-seed/src/normalise.ts';

/** Separates array elements and a node's labels: a control character that no text of the graph holds. */
export const ARRAY_DELIMITER = '\u001f';
/** The same, as the importer's `--array-delimiter` option spells it. */
export const ARRAY_DELIMITER_OPTION = 'U+001F';

export type CsvType = 'string' | 'double' | 'boolean' | 'date' | 'string[]' | 'double[]';

/** A value (or a property name) the CSV files cannot carry as the transactional loader would store it. */
export class CsvValueError extends Error {}

const PROPERTY_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The column type of property `key` holding `value`. */
export function csvTypeOf(key: string, value: PropValue): CsvType {
  if (Array.isArray(value)) {
    // An empty field is no property at all, so an empty list would silently become none.
    if (value.length === 0) throw new CsvValueError(`${key} is an empty list, which the import cannot store`);
    return typeof value[0] === 'number' ? 'double[]' : 'string[]';
  }
  if (typeof value === 'number') return 'double';
  if (typeof value === 'boolean') return 'boolean';
  return (DATE_FIELDS as readonly string[]).includes(key) ? 'date' : 'string';
}

/** A text field: always quoted, inner quotes doubled (commas and line breaks are then plain content). */
export const quoted = (text: string) => `"${text.includes('"') ? text.replaceAll('"', '""') : text}"`;

function element(key: string, value: unknown, type: 'string' | 'double'): string {
  if (type === 'double') {
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new CsvValueError(`${key} mixes numbers with other values`);
    return String(value);
  }
  if (typeof value !== 'string') throw new CsvValueError(`${key} mixes texts with other values`);
  if (value.includes(ARRAY_DELIMITER))
    throw new CsvValueError(`${key} holds the character U+001F, which separates list elements in the import`);
  return value;
}

/** One field of a row: `value` written as a column of `type` ('' for no value: no property). */
export function csvField(key: string, value: PropValue | null | undefined, type: CsvType): string {
  if (value === null || value === undefined) return '';
  switch (type) {
    case 'string':
      if (typeof value !== 'string') break;
      return quoted(value);
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value)) break;
      return value;
    case 'double':
      if (typeof value !== 'number' || !Number.isFinite(value)) break;
      return String(value);
    case 'boolean':
      if (typeof value !== 'boolean') break;
      return String(value);
    case 'string[]':
    case 'double[]': {
      if (!Array.isArray(value) || value.length === 0) break;
      const elementType = type === 'string[]' ? 'string' : 'double';
      return quoted((value as unknown[]).map((v) => element(key, v, elementType)).join(ARRAY_DELIMITER));
    }
  }
  throw new CsvValueError(`${key} is ${JSON.stringify(value)}, not a ${type} as elsewhere in the graph`);
}

/** A typed property column. */
export interface Column {
  name: string;
  type: CsvType;
}

/** The property columns of one file, learnt from the values they will hold (a first pass over the data). */
export class Columns {
  private readonly types = new Map<string, CsvType>();

  /** Adds the properties' columns; throws CsvValueError when one has another type than before. */
  observe(props: Record<string, PropValue | null | undefined>): void {
    for (const [name, value] of Object.entries(props)) {
      if (value === null || value === undefined) continue;
      const type = csvTypeOf(name, value);
      const seen = this.types.get(name);
      if (seen === undefined) {
        if (!PROPERTY_NAME.test(name)) throw new CsvValueError(`property name ${JSON.stringify(name)}`);
        this.types.set(name, type);
      } else if (seen !== type) {
        throw new CsvValueError(`${name} is a ${type} here but a ${seen} elsewhere in the graph`);
      }
    }
  }

  /** The columns in a stable order (by name). */
  list(): Column[] {
    return [...this.types]
      .map(([name, type]) => ({ name, type }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

/** The header line: the importer's own columns (`id:ID`, `:LABEL`, `:START_ID`…), then the typed properties. */
export const csvHeader = (fixed: readonly string[], columns: readonly Column[]) =>
  [...fixed, ...columns.map((c) => `${c.name}:${c.type}`)].join(',');

const FLUSH_AT = 1 << 20;

/** One CSV file written row by row; `close` writes what is left. */
export class CsvFile {
  private readonly fd: number;
  private readonly known: Set<string>;
  private buffer: string;
  rows = 0;
  /** True once a field held a line break: the importer must then be told (`--multiline-fields`). */
  multiline = false;

  constructor(
    readonly path: string,
    fixed: readonly string[],
    private readonly columns: readonly Column[],
  ) {
    this.fd = openSync(path, 'w');
    this.known = new Set(columns.map((c) => c.name));
    this.buffer = csvHeader(fixed, columns) + '\n';
  }

  /** Writes one row: the fixed columns' texts, then each property (a property without a column is refused). */
  write(fixed: readonly string[], props: Record<string, PropValue | null | undefined>): void {
    for (const name in props) {
      if (!this.known.has(name) && props[name] !== null && props[name] !== undefined)
        throw new CsvValueError(`${name} has no column in ${this.path}`);
    }
    const fields = fixed.map(quoted);
    for (const c of this.columns) fields.push(csvField(c.name, props[c.name], c.type));
    const line = fields.join(',');
    if (!this.multiline && (line.includes('\n') || line.includes('\r'))) this.multiline = true;
    this.buffer += line + '\n';
    this.rows++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
