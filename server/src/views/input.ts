// Validation of a saved view's input at the edge, with one schema (zod): what fails here never reaches the
// database, and the rest of the module trusts the result.
import { z } from 'zod';
import { badInput } from '../errors.ts';
import { checkId } from '../graph/validate.ts';

export const VIEW_NAME_MAX = 200;
export const VIEW_DESCRIPTION_MAX = 5000;
/** A view holds 1 to 5,000 nodes: an empty view shows nothing and could not be opened from its link. */
export const VIEW_NODES_MAX = 5000;
export const VIEW_EDGES_MAX = 25_000;
/** The largest layout accepted, as UTF-8 JSON (bytes). */
export const VIEW_LAYOUT_MAX_BYTES = 1_000_000;
export const VIEW_FILTER_MAX_BYTES = 64_000;

const jsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');

const idPattern = (value: string) => {
  try {
    checkId(value);
    return true;
  } catch {
    return false;
  }
};

const schema = z.object({
  name: z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, 'name must not be empty')
        .max(VIEW_NAME_MAX, `name must be at most ${VIEW_NAME_MAX} characters`),
    ),
  description: z
    .string()
    .max(VIEW_DESCRIPTION_MAX, `description must be at most ${VIEW_DESCRIPTION_MAX} characters`)
    .nullish()
    .transform((s) => (s && s.trim() !== '' ? s.trim() : null)),
  nodeIds: z
    .array(z.string().refine(idPattern, { message: 'is not a valid node id' }))
    .min(1, 'a view needs at least one node')
    .max(VIEW_NODES_MAX, `a view holds at most ${VIEW_NODES_MAX} nodes`)
    .transform((ids) => [...new Set(ids)]),
  edgeIds: z
    .array(z.string().min(1).max(600))
    .max(VIEW_EDGES_MAX, `a view holds at most ${VIEW_EDGES_MAX} edges`)
    .nullish()
    .transform((ids) => [...new Set(ids ?? [])]),
  layout: z
    .unknown()
    .optional()
    .refine((v) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v)), {
      message: 'layout must be a JSON object',
    })
    .refine((v) => jsonBytes(v) <= VIEW_LAYOUT_MAX_BYTES, {
      message: `layout must be at most ${VIEW_LAYOUT_MAX_BYTES} bytes as JSON`,
    })
    .transform((v) => (v === undefined || v === null ? null : JSON.stringify(v))),
  filter: z
    .unknown()
    .optional()
    .refine((v) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v)), {
      message: 'filter must be a JSON object',
    })
    .refine((v) => jsonBytes(v) <= VIEW_FILTER_MAX_BYTES, {
      message: `filter must be at most ${VIEW_FILTER_MAX_BYTES} bytes as JSON`,
    })
    .transform((v) => (v === undefined || v === null ? null : JSON.stringify(v))),
});

/** A validated SavedViewInput: trimmed name, unique ids, layout and filter as JSON text (or null). */
export type ViewInput = z.output<typeof schema>;

/** Validates a SavedViewInput; every problem is listed in one BAD_USER_INPUT message. */
export function validateViewInput(input: unknown): ViewInput {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.join('.');
    return where.startsWith('nodeIds.') || where.startsWith('edgeIds.')
      ? `${where} ${JSON.stringify(pick(input, issue.path))} ${issue.message}`
      : issue.message;
  });
  throw badInput(`The view is not valid: ${problems.join('; ')}.`, { argument: 'input' });
}

function pick(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const key of path) v = (v as Record<PropertyKey, unknown> | undefined)?.[key];
  return v;
}
