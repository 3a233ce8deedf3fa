// Validation of a saved view's input at the edge, with one schema (zod): what fails here never reaches the
// database, and the rest of the module trusts the result.
import { z } from 'zod';
import { badInput } from '../../../core/errors.ts';
import { checkId } from '../graph/validate.ts';
import { RELIABILITY_GRADES } from '../../../core/model/index.ts';

export const VIEW_NAME_MAX = 200;
export const VIEW_DESCRIPTION_MAX = 5000;
/** A view holds 1 to 5,000 nodes: an empty view shows nothing and could not be opened from its link. */
export const VIEW_NODES_MAX = 5000;
export const VIEW_EDGES_MAX = 25_000;
/** The largest layout accepted, as UTF-8 JSON (bytes). */
export const VIEW_LAYOUT_MAX_BYTES = 1_000_000;
export const VIEW_FILTER_MAX_BYTES = 64_000;

/** Deepest nesting accepted in a layout or filter (real ones are three or four levels deep). */
export const VIEW_JSON_MAX_DEPTH = 32;

const jsonBytes = (value: unknown) => {
  try {
    return Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
  } catch {
    return Infinity;
  }
};

/** True when a JSON value nests deeper than `limit`; counted without recursion, so no value can overflow the stack. */
export function jsonNestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
}

// Text that Neo4j would store altered (a lone surrogate becomes U+FFFD) or that has no business in a name.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** True for C0 and C1 control characters and DEL; with `lineBreaksAllowed`, tab, line feed and carriage return pass. */
function hasControl(s: string, lineBreaksAllowed: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (lineBreaksAllowed && (c === 9 || c === 10 || c === 13)) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  }
  return false;
}

/** A string that is well-formed Unicode and has no control characters (line breaks and tabs only if `multiline`). */
const text = (field: string, multiline: boolean) =>
  z
    .string()
    .refine((s) => !LONE_SURROGATE.test(s), {
      message: `${field} must be well-formed Unicode (a lone surrogate)`,
    })
    .refine((s) => !hasControl(s, multiline), {
      message: `${field} must not contain control characters${multiline ? ' other than line breaks and tabs' : ''}`,
    });

const jsonObject = (field: string, maxBytes: number) =>
  z
    .unknown()
    .optional()
    .refine((v) => v === undefined || v === null || (typeof v === 'object' && !Array.isArray(v)), {
      message: `${field} must be a JSON object`,
    })
    .refine((v) => !jsonNestsDeeperThan(v, VIEW_JSON_MAX_DEPTH), {
      message: `${field} must not nest deeper than ${VIEW_JSON_MAX_DEPTH} levels`,
      abort: true,
    })
    .refine((v) => jsonBytes(v) <= maxBytes, {
      message: `${field} must be at most ${maxBytes} bytes as JSON`,
    })
    .transform((v) => (v === undefined || v === null ? null : JSON.stringify(v)));

// What a message shows of a wrong value: short text or a scalar as it is, anything else only by its type (a filter
// may be up to 64 KB and nest deeply, and the message must stay short and safe to build).
function shown(v: unknown): string {
  if (typeof v === 'string') return v.length <= 20 ? JSON.stringify(v) : 'a long text';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? 'a list' : 'an object';
}

/**
 * A view's filter is the explorer's own JSON, kept as it is, but its evidence fields are checked: opening the view
 * applies them to the canvas (client/src/views/views.ts), so a view must not hold a grade no filter knows, nor a
 * "stated only" that is not a yes or a no. Both may be absent or null (a view saved without them filters nothing).
 */
const viewFilter = z
  .unknown()
  .optional()
  .superRefine((v, ctx) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
    const { statedOnly, minReliability } = v as Record<string, unknown>;
    if (statedOnly !== undefined && statedOnly !== null && typeof statedOnly !== 'boolean') {
      ctx.addIssue({
        code: 'custom',
        path: ['statedOnly'],
        message: `filter.statedOnly must be true or false (got ${shown(statedOnly)})`,
      });
    }
    if (
      minReliability !== undefined &&
      minReliability !== null &&
      !(RELIABILITY_GRADES as readonly unknown[]).includes(minReliability)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['minReliability'],
        message: `filter.minReliability must be one of ${RELIABILITY_GRADES.join(', ')} or null (got ${shown(minReliability)})`,
      });
    }
  })
  .pipe(jsonObject('filter', VIEW_FILTER_MAX_BYTES));

const idPattern = (value: string) => {
  try {
    checkId(value);
    return true;
  } catch {
    return false;
  }
};

/** The explorer's layouts (client/src/explorer/state.ts LAYOUT_NAMES): a view opens in the one it names. */
export const VIEW_LAYOUT_NAMES = ['force', 'concentric', 'hierarchical', 'timeline'] as const;

/**
 * A view's layout is the explorer's own JSON (positions, viewport), kept as it is, but two fields are checked:
 * `name`, the layout the view opens in, must be one the explorer has, and `pinned`, the nodes that stay put when
 * it is laid out again, must be a list of node ids, no longer than a view's node list. Both may be absent (a view
 * saved before them opens in the force layout with nothing pinned); `name` may be null.
 */
const viewLayout = z
  .unknown()
  .optional()
  .superRefine((v, ctx) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return;
    const { name, pinned } = v as Record<string, unknown>;
    if (name !== undefined && name !== null && !(VIEW_LAYOUT_NAMES as readonly unknown[]).includes(name)) {
      ctx.addIssue({
        code: 'custom',
        path: ['name'],
        message: `layout.name must be one of ${VIEW_LAYOUT_NAMES.join(', ')} (got ${shown(name)})`,
      });
    }
    if (pinned === undefined) return;
    if (!Array.isArray(pinned)) {
      ctx.addIssue({
        code: 'custom',
        path: ['pinned'],
        message: `layout.pinned must be a list of node ids (got ${shown(pinned)})`,
      });
    } else if (pinned.length > VIEW_NODES_MAX) {
      ctx.addIssue({
        code: 'custom',
        path: ['pinned'],
        message: `layout.pinned holds at most ${VIEW_NODES_MAX} node ids`,
      });
    } else {
      const wrong = pinned.findIndex((id) => typeof id !== 'string' || !idPattern(id));
      if (wrong !== -1)
        ctx.addIssue({
          code: 'custom',
          path: ['pinned', wrong],
          message: `layout.pinned.${wrong} ${shown(pinned[wrong])} is not a valid node id`,
        });
    }
  })
  .pipe(jsonObject('layout', VIEW_LAYOUT_MAX_BYTES));

const schema = z.object({
  name: text('name', false)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, 'name must not be empty')
        .max(VIEW_NAME_MAX, `name must be at most ${VIEW_NAME_MAX} characters`),
    ),
  description: text('description', true)
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
  layout: viewLayout,
  filter: viewFilter,
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
