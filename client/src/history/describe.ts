// A change event (the API's history(id), server/src/history) in words: what happened in one line ("Corrected:
// date 2022-09-15 → 2022-09-16", "Retracted: <reason>", "Merged with <name>"), who and when (local time, to the
// minute), and the before and after pretty-printed for the disclosure that shows them in full. The events' JSON
// comes from the server's writes (server/src/edits, merges, views, documents); it is read defensively here, so an
// event of a shape this page does not know still gets a line (its action in words) rather than failing. Pure.
import type { ChangeEvent } from '../api/types.ts';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The action in words, for an event whose details add nothing (or that this page does not know). */
export const ACTION_WORDS: Record<string, string> = {
  ADD_NODE: 'Node added',
  ADD_EDGE: 'Relationship added',
  UPDATE_NODE: 'Corrected',
  RETRACT: 'Retracted',
  MERGE_NODES: 'Merged',
  UNMERGE: 'Merge undone',
  SAVE_VIEW: 'View saved',
  UPDATE_VIEW: 'View updated',
  DELETE_VIEW: 'View deleted',
  RESTORE_VIEW: 'Earlier version restored',
  IMPORT_DOCUMENT: 'Imported with document',
  REMOVE_DOCUMENT: 'Document removed',
};

/** How a value reads in a line: strings as they are, the rest as compact JSON, "(none)" for nothing. */
export function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '(none)';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/**
 * The properties that differ between two snapshots of a node or relationship, in the order of `after` then
 * `before`: its label and kind first (top-level fields), then its properties.
 */
export function changedFields(
  before: unknown,
  after: unknown,
): { key: string; from: unknown; to: unknown }[] {
  if (!isObject(before) || !isObject(after)) return [];
  const out: { key: string; from: unknown; to: unknown }[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  for (const key of ['label', 'kind', 'type', 'basis', 'inferenceNote'])
    if (key in before || key in after)
      if (!same(before[key], after[key])) out.push({ key, from: before[key], to: after[key] });
  const from = isObject(before.properties) ? before.properties : {};
  const to = isObject(after.properties) ? after.properties : {};
  for (const key of [...new Set([...Object.keys(to), ...Object.keys(from)])])
    if (!same(from[key], to[key])) out.push({ key, from: from[key], to: to[key] });
  return out;
}

/** A node's name in an event's snapshot (a merge keeps `props`), else null. */
function nameIn(snapshot: unknown): string | null {
  if (!isObject(snapshot)) return null;
  for (const holder of [snapshot, snapshot.props]) {
    if (!isObject(holder)) continue;
    for (const key of ['label', 'name', 'title']) if (typeof holder[key] === 'string') return holder[key];
  }
  return null;
}

/** What the graph calls an id: a name the page knows (the working graph), or null. */
export type NameOf = (id: string) => string | null;

/**
 * The event in one line, from the point of view of `subject` (the node, relationship or view whose history is
 * shown: a merge reads "Merged with <the other node>" on either side).
 */
export function describeEvent(event: ChangeEvent, subject: string, nameOf: NameOf = () => null): string {
  const { action, before, after } = event;
  const words = ACTION_WORDS[action] ?? action.toLowerCase().replace(/_/g, ' ');
  switch (action) {
    case 'UPDATE_NODE': {
      const changes = changedFields(before, after).filter((c) => c.key !== 'version');
      if (changes.length === 0) return `${words} (sources only)`;
      return `${words}: ${changes.map((c) => `${c.key} ${valueText(c.from)} → ${valueText(c.to)}`).join('; ')}`;
    }
    case 'RETRACT': {
      const reason = isObject(after) && typeof after.reason === 'string' ? after.reason : null;
      return reason ? `${words}: ${reason}` : words;
    }
    case 'MERGE_NODES':
    case 'UNMERGE': {
      // The other side: the merged node when this is the kept one's history, the kept node otherwise.
      const keepId = event.targetId;
      const otherId = subject === keepId ? (event.otherIds[0] ?? null) : keepId;
      const snapshot = action === 'MERGE_NODES' ? before : after;
      const side = isObject(snapshot) ? (subject === keepId ? snapshot.merge : snapshot.keep) : null;
      const name = (otherId && nameOf(otherId)) ?? nameIn(side) ?? otherId;
      if (action === 'UNMERGE') return name ? `${words}: ${name} is separate again` : words;
      return name ? `Merged with ${name}` : words;
    }
    case 'ADD_NODE': {
      const name = nameIn(after);
      return name ? `${words}: ${name}` : words;
    }
    case 'ADD_EDGE': {
      if (!isObject(after) || typeof after.source !== 'string' || typeof after.target !== 'string')
        return words;
      const end = (id: string) => nameOf(id) ?? id;
      return `${words}: ${end(after.source)} ${valueText(after.type)} ${end(after.target)}`;
    }
    case 'SAVE_VIEW':
    case 'UPDATE_VIEW':
    case 'RESTORE_VIEW': {
      const version = versionIn(after);
      const from = isObject(after) && typeof after.restoredFrom === 'number' ? after.restoredFrom : null;
      if (action === 'RESTORE_VIEW' && from !== null) return `Version ${from} restored as version ${version}`;
      const head = version === null ? words : `${words} (version ${version})`;
      const changes = viewChanges(before, after);
      return changes ? `${head}: ${changes}` : head;
    }
    case 'IMPORT_DOCUMENT': {
      const replaced = isObject(before) && before.replaced === true;
      return `${replaced ? 'Imported again with document' : words} ${event.targetId}`;
    }
    case 'REMOVE_DOCUMENT':
      return `${words}: ${nameIn(before) ?? event.targetId}`;
    default:
      return words;
  }
}

const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** What an update changed in a view: its name, and how many nodes it gained and lost ("" when neither). */
function viewChanges(before: unknown, after: unknown): string {
  if (!isObject(before) || !isObject(after)) return '';
  const parts: string[] = [];
  if (typeof before.name === 'string' && typeof after.name === 'string' && before.name !== after.name)
    parts.push(`renamed “${before.name}” → “${after.name}”`);
  const ids = (v: unknown) => new Set(Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);
  const [was, is] = [ids(before.nodeIds), ids(after.nodeIds)];
  const added = [...is].filter((x) => !was.has(x)).length;
  const removed = [...was].filter((x) => !is.has(x)).length;
  if (added) parts.push(`${count(added, 'node')} added`);
  if (removed) parts.push(`${count(removed, 'node')} removed`);
  return parts.join(', ');
}

/** The version an event's snapshot of a view names, or null. */
export function versionIn(snapshot: unknown): number | null {
  return isObject(snapshot) && typeof snapshot.version === 'number' ? snapshot.version : null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** When, in the browser's local time to the minute: "2026-12-03 14:05". */
export function localMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Who and when: "ann · 2026-12-03 14:05" (a write on a server without tokens is "local"). */
export function whoAndWhen(event: Pick<ChangeEvent, 'by' | 'at'>): string {
  return `${event.by ?? 'unknown'} · ${localMinute(event.at)}`;
}

/** A snapshot for reading in full: indented JSON, or "(nothing)" for a target that did not exist. */
export function snapshotText(v: unknown): string {
  return v === null || v === undefined ? '(nothing)' : JSON.stringify(v, null, 2);
}
