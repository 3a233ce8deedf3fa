// Properties as a merge keeps them in its history event, so that unmerge can write them back exactly: the values
// as JSON (dates and datetimes as their ISO text) beside each value's Neo4j type (`valueType()`), from which the
// Cypher below converts them back (a JSON number becomes an INTEGER or a FLOAT again, a text a DATE again). Also
// the pure helpers a merge plans with: names, lists without repeats, and a saved view's ids renamed.

/** A node's or relationship's properties with each one's Neo4j type. */
export interface Stored {
  props: Record<string, unknown>;
  types: Record<string, string>;
}

/** The types a merge can write back exactly; a node or relationship with another is not merged. */
export const RESTORABLE_TYPES: ReadonlySet<string> = new Set([
  'STRING NOT NULL',
  'INTEGER NOT NULL',
  'FLOAT NOT NULL',
  'BOOLEAN NOT NULL',
  'DATE NOT NULL',
  'ZONED DATETIME NOT NULL',
  'LOCAL DATETIME NOT NULL',
  'LIST<STRING NOT NULL> NOT NULL',
  'LIST<INTEGER NOT NULL> NOT NULL',
  'LIST<FLOAT NOT NULL> NOT NULL',
  'LIST<BOOLEAN NOT NULL> NOT NULL',
  'LIST<DATE NOT NULL> NOT NULL',
  'LIST<NOTHING> NOT NULL',
]);

/** Cypher projecting node or relationship `x` for `toStored`. */
export const storedProjection = (x: string) =>
  `{props: properties(${x}), types: [k IN keys(${x}) | [k, valueType(${x}[k])]]}`;

/** As `storedProjection` returns it. */
export interface StoredRow {
  props: Record<string, unknown>;
  types: Array<[string, string]>;
}

export const toStored = (row: StoredRow): Stored => ({
  props: row.props,
  types: Object.fromEntries(row.types),
});

/** The property keys whose type a merge could not write back. */
export const unrestorable = (s: Stored): string[] =>
  Object.keys(s.types).filter((k) => !RESTORABLE_TYPES.has(s.types[k]!));

/** A parameter for `SET_STORED`: one row per property. */
export const storedParam = (s: Stored) =>
  Object.keys(s.props)
    .sort()
    .map((k) => ({ k, t: s.types[k] ?? 'STRING NOT NULL', v: s.props[k] }));

/** Cypher: the value of property row `p` ({k, t, v}) with its type as stored. */
const restoredValue = (p: string) => `CASE ${p}.t
    WHEN 'INTEGER NOT NULL' THEN toInteger(${p}.v)
    WHEN 'FLOAT NOT NULL' THEN toFloat(${p}.v)
    WHEN 'DATE NOT NULL' THEN date(${p}.v)
    WHEN 'ZONED DATETIME NOT NULL' THEN datetime(${p}.v)
    WHEN 'LOCAL DATETIME NOT NULL' THEN localdatetime(${p}.v)
    WHEN 'LIST<INTEGER NOT NULL> NOT NULL' THEN [x IN ${p}.v | toInteger(x)]
    WHEN 'LIST<FLOAT NOT NULL> NOT NULL' THEN [x IN ${p}.v | toFloat(x)]
    WHEN 'LIST<DATE NOT NULL> NOT NULL' THEN [x IN ${p}.v | date(x)]
    ELSE ${p}.v END`;

/** Cypher: sets every property of `x` from the list `list` of `storedParam` rows (after clearing them). */
export const setStored = (x: string, list: string) => `SET ${x} = {}
   WITH *
   CALL (*) {
     UNWIND ${list} AS p
     SET ${x}[p.k] = ${restoredValue('p')}
   }`;

/** A canonical text of stored properties: equal texts, equal properties and types. */
export function canonical(s: Stored): string {
  return JSON.stringify(
    Object.keys(s.props)
      .sort()
      .map((k) => [k, s.types[k], s.props[k]]),
  );
}

/** The keys whose value or type differ between two stored sets of properties. */
export function differingKeys(a: Stored, b: Stored): string[] {
  const keys = [...new Set([...Object.keys(a.props), ...Object.keys(b.props)])].sort();
  return keys.filter(
    (k) =>
      a.types[k] !== b.types[k] || JSON.stringify(a.props[k] ?? null) !== JSON.stringify(b.props[k] ?? null),
  );
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/** The names a node or record goes by: its name, title and label. */
export const namesOf = (props: Record<string, unknown>): string[] =>
  [props.name, props.title, props.label].filter((x): x is string => typeof x === 'string' && x !== '');

/** The aliases of `props`. */
export const aliasesOf = (props: Record<string, unknown>): string[] => strings(props.aliases);

/** `list` without repeats (the first kept) and without the values in `except`. */
export function distinct(list: readonly string[], except: readonly string[] = []): string[] {
  const seen = new Set(except);
  const out: string[] = [];
  for (const x of list) {
    if (seen.has(x)) continue;
    seen.add(x);
    out.push(x);
  }
  return out;
}

/**
 * The aliases a node or record has after a merge: its own, then the other's names and aliases, without repeats
 * and without its own names.
 */
export function mergedAliases(keep: Record<string, unknown>, merged: Record<string, unknown>): string[] {
  return distinct([...aliasesOf(keep), ...namesOf(merged), ...aliasesOf(merged)], namesOf(keep));
}

/** A view's nodeIds with `from` named `to` (once: `from` dropped when `to` is there already). */
export function renameIds(ids: readonly string[], from: string, to: string): string[] {
  return distinct(ids.map((id) => (id === from ? to : id)));
}

/**
 * A saved view's JSON text (layout, filter) with the id `from` named `to` wherever it is a value or a key (an
 * entry under `to` already there wins over the one under `from`); the text unchanged when it does not name `from`.
 */
export function renameInJson(text: string | null, from: string, to: string): string | null {
  if (text === null || !text.includes(JSON.stringify(from))) return text;
  const rename = (v: unknown): unknown => {
    if (v === from) return to;
    if (Array.isArray(v)) {
      const mapped = v.map(rename);
      return v.includes(to) && v.includes(from) ? mapped.filter((x, i) => x !== to || v[i] !== from) : mapped;
    }
    if (v && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      const hasTo = entries.some(([k]) => k === to);
      return Object.fromEntries(
        entries.filter(([k]) => !(k === from && hasTo)).map(([k, x]) => [k === from ? to : k, rename(x)]),
      );
    }
    return v;
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  return JSON.stringify(rename(parsed));
}
