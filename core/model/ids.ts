// Ids: stable, readable and never Neo4j's internal ones. A node's id is `<prefix>:<slug>` ("actor:xi-jinping");
// a saved view's is `view:<uuid>`.
import { ID_PREFIXES, KINDS, type IdPrefix, type NodeKind } from './kinds.ts';

/** A slug: lower-case letters and digits in words joined by single hyphens. */
export const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const SLUG_RE = new RegExp(`^${SLUG}$`);
const NODE_ID_RE = new RegExp(`^(${ID_PREFIXES.join('|')}):${SLUG}$`);

/** The shape any id a user may send has: a lower-case prefix, a colon, then letters, digits, `.`, `_` or `-`. */
export const ID_PATTERN = /^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9._-]*$/;
/** The longest id accepted as input. */
export const MAX_ID_LENGTH = 300;

/**
 * The slug of `text` for an id: accents dropped ("Jìnpíng" → "jinping"), lower-case ASCII letters and digits, every
 * other run of characters one hyphen; longer than `max`, cut at the last hyphen within it (a word is not split
 * unless it alone is longer). "" when nothing is left ("习近平"): the caller chooses what stands in.
 */
export function slugOf(text: string, max = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastHyphen = cut.lastIndexOf('-');
  return slug[max] === '-' || lastHyphen < 1 ? cut.replace(/-+$/, '') : cut.slice(0, lastHyphen);
}

/** True when `name` is a lower-case slug (document folder names and id slugs). */
export const isSlug = (name: string) => SLUG_RE.test(name);

/** A regular expression for node ids with one of these prefixes. */
export const nodeIdPattern = (prefixes: readonly IdPrefix[]) =>
  new RegExp(`^(${prefixes.join('|')}):${SLUG}$`);

/** The kind an id names by its prefix, or undefined for a malformed node id. */
export function kindOfId(id: string): NodeKind | undefined {
  if (!NODE_ID_RE.test(id)) return undefined;
  return KINDS[id.slice(0, id.indexOf(':')) as IdPrefix].kind;
}

/** The id of a relationship that the seed gives none: its ends and type. */
export const defaultRelationshipId = (type: string, from: string, to: string) => `rel:${from}-${type}->${to}`;
