// Checks for the explorer operations' arguments, as pure functions: every bad argument becomes BAD_USER_INPUT
// with a message that says what is allowed, before any query runs.
import { badInput } from '../../../core/errors.ts';
import {
  NODE_KINDS,
  FILTER_RELATIONSHIP_TYPES,
  RELIABILITY_GRADES,
  type NodeKind,
  type ReliabilityGrade,
} from '../../../core/model/index.ts';
import { NO_FILTER, type ResolvedFilter } from './model.ts';

/** Node ids are `<kind>:<slug>` (graph-seed/README.md); view ids are `view:<uuid>`. */
const ID_PATTERN = /^[a-z][a-z0-9-]*:[a-z0-9][a-z0-9._-]*$/;
const MAX_ID_LENGTH = 300;

/** Throws BAD_USER_INPUT unless `id` looks like a stable node or view id. */
export function checkId(id: unknown, argument = 'id'): string {
  if (typeof id !== 'string' || id.length > MAX_ID_LENGTH || !ID_PATTERN.test(id)) {
    throw badInput(
      `${argument} ${JSON.stringify(id)} is not a valid id: expected "<kind>:<slug>" in lower case, e.g. "actor:li-zhanshu".`,
      { argument },
    );
  }
  return id;
}

/** A relationship's id as the API gives it (`rel:…`, the seed's default ids hold `:`, `>` and capitals). */
const RELATIONSHIP_ID = /^rel:[A-Za-z0-9:._>-]+$/;

/** A node id (checkId) or a relationship id (rel:…); BAD_USER_INPUT otherwise. */
export function checkTargetId(id: unknown): { id: string; target: 'NODE' | 'RELATIONSHIP' } {
  if (typeof id === 'string' && id.startsWith('rel:') && id.length <= 300 && RELATIONSHIP_ID.test(id)) {
    return { id, target: 'RELATIONSHIP' };
  }
  return { id: checkId(id), target: 'NODE' };
}

const DOCUMENT_ID = /^document:([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** The seed folder named by document id `id` ("document:<folder>"); BAD_USER_INPUT for anything else. */
export function documentFolder(id: unknown, argument = 'id'): string {
  const match = typeof id === 'string' && id.length <= MAX_ID_LENGTH ? DOCUMENT_ID.exec(id) : null;
  if (!match) {
    throw badInput(`${argument} ${JSON.stringify(id)} is not a document id: expected "document:<slug>".`, {
      argument,
    });
  }
  return match[1]!;
}

/** Throws BAD_USER_INPUT unless `value` is an integer in [min, max]; returns it. */
export function checkInt(value: unknown, argument: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badInput(`${argument} must be a whole number from ${min} to ${max} (got ${String(value)}).`, {
      argument,
    });
  }
  return value;
}

/** Converts a Date scalar's value (a driver Date or a string) into an ISO calendar date, or null. */
export function isoDate(value: unknown, argument: string): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : String(value);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const valid = m !== null && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  if (!valid) throw badInput(`${argument} must be a calendar date such as "2022-09-15".`, { argument });
  return text;
}

/** The GraphQL `GraphFilter` input as the resolvers receive it. */
export interface GraphFilterInput {
  kinds?: readonly string[] | null;
  relationshipTypes?: readonly string[] | null;
  since?: unknown;
  until?: unknown;
  statedOnly?: boolean | null;
  minReliability?: string | null;
}

/** Validates a GraphFilter: known kinds and relationship types, dates, and `since` not after `until`. */
export function resolveFilter(input: GraphFilterInput | null | undefined): ResolvedFilter {
  if (!input) return { ...NO_FILTER };
  let kinds: NodeKind[] | null = null;
  if (input.kinds) {
    const unknown = input.kinds.filter((k) => !(NODE_KINDS as readonly string[]).includes(k));
    if (unknown.length > 0)
      throw badInput(`Unknown node kinds: ${unknown.join(', ')}.`, { argument: 'kinds' });
    kinds = [...new Set(input.kinds as NodeKind[])];
  }
  let relationshipTypes: string[] | null = null;
  if (input.relationshipTypes) {
    const unknown = input.relationshipTypes.filter((t) => !FILTER_RELATIONSHIP_TYPES.includes(t));
    if (unknown.length > 0) {
      throw badInput(
        `Unknown relationship types: ${unknown.join(', ')}. Known types: ${FILTER_RELATIONSHIP_TYPES.join(', ')}.`,
        { argument: 'relationshipTypes' },
      );
    }
    relationshipTypes = [...new Set(input.relationshipTypes)];
  }
  const since = isoDate(input.since, 'since');
  const until = isoDate(input.until, 'until');
  if (since && until && since > until) {
    throw badInput(`since (${since}) is after until (${until}).`, { argument: 'since' });
  }
  let minReliability: ReliabilityGrade | null = null;
  if (input.minReliability !== null && input.minReliability !== undefined) {
    if (!(RELIABILITY_GRADES as readonly string[]).includes(input.minReliability)) {
      throw badInput(`minReliability must be one of ${RELIABILITY_GRADES.join(', ')}.`, {
        argument: 'minReliability',
      });
    }
    minReliability = input.minReliability as ReliabilityGrade;
  }
  return { kinds, relationshipTypes, since, until, statedOnly: input.statedOnly === true, minReliability };
}
