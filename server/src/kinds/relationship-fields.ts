// Relationship fields of the typed kinds (e.g. Source.citedBy) also work on objects that another resolver
// returned (e.g. the sources of GraphNode.sources), not only inside @neo4j/graphql's own queries.
//
// @neo4j/graphql answers a typed query with one Cypher query and its field resolvers read the answer from the
// parent object. A parent built elsewhere has no such value, so the field would fail ("Cannot return null for
// non-nullable field"). These resolvers return the prefetched value when there is one, and otherwise run the
// same selection (arguments, fragments and variables included) as a typed query for every parent that asks for
// it in the same turn: one query per field and level (per KIND_LIST_MAX parents), never one per parent.
import type { FieldNode, GraphQLFieldResolver, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { graphql } from '../graphql/graphql-runtime.ts';
import { KIND_LIST_MAX } from '../graphql/limits.ts';
import { batchLoad } from '../graph/batch.ts';

const { Kind, execute, parse, print, visit } = graphql;

/** The generated top-level list query of each kind. */
const ROOT_QUERY: Record<string, string> = {
  Actor: 'actors',
  Meeting: 'meetings',
  Statement: 'statements',
  Agreement: 'agreements',
  Figure: 'figures',
  Source: 'sources',
};

const PARENT_IDS = '__typedParentIds';
/** The alias under which each fetched parent carries its id. */
const PARENT_KEY = '__typedParentId';

// Interfaces (Entity) are resolved by @neo4j/graphql from `__resolveType`: ask for it everywhere as an alias of
// __typename so that the fetched objects carry it.
const typeMarker: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: '__resolveType' },
  name: { kind: Kind.NAME, value: '__typename' },
};
function withTypeMarkers(selectionSet: SelectionSetNode): SelectionSetNode {
  return visit(selectionSet, {
    SelectionSet: (node) => ({ ...node, selections: [...node.selections, typeMarker] }),
  });
}

/** The field's selection, fragments and variables as the text of one typed query for many parents. */
function batchQuery(root: string, info: GraphQLResolveInfo): string {
  const selection = info.fieldNodes.map((f) =>
    print(f.selectionSet ? { ...f, selectionSet: withTypeMarkers(f.selectionSet) } : f),
  );
  const variables = (info.operation.variableDefinitions ?? []).map((v) => print(v));
  const fragments = Object.values(info.fragments).map((f) =>
    print({ ...f, selectionSet: withTypeMarkers(f.selectionSet) }),
  );
  return `query (${[`$${PARENT_IDS}: [ID!]!`, ...variables].join(', ')}) {
    ${root}(where: { id: { in: $${PARENT_IDS} } }, limit: ${KIND_LIST_MAX}) { ${PARENT_KEY}: id ${selection.join('\n')} }
  }
  ${fragments.join('\n')}`;
}

/** The field's value for each of `ids`, KIND_LIST_MAX parents per query. */
async function fetchForParents(root: string, ids: string[], context: unknown, info: GraphQLResolveInfo) {
  const field = info.fieldNodes[0]!;
  const key = field.alias?.value ?? field.name.value;
  const document = parse(batchQuery(root, info));
  const values = new Map<string, unknown>();
  for (let i = 0; i < ids.length; i += KIND_LIST_MAX) {
    const result = await execute({
      schema: info.schema,
      document,
      contextValue: context,
      variableValues: { ...info.variableValues, [PARENT_IDS]: ids.slice(i, i + KIND_LIST_MAX) },
    });
    if (result.errors?.length) throw result.errors[0];
    const rows = (result.data as Record<string, Array<Record<string, unknown>>> | null)?.[root] ?? [];
    for (const row of rows) values.set(String(row[PARENT_KEY]), row[key]);
  }
  return values;
}

/** A resolver for one relationship (or connection) field of `typeName`: prefetched value, else fetched by id. */
function relationshipResolver(typeName: string): GraphQLFieldResolver<Record<string, unknown>, unknown> {
  return (parent, _args, context, info) => {
    const field = info.fieldNodes[0]!;
    const has = (k: string | undefined) => !!k && !!parent && Object.prototype.hasOwnProperty.call(parent, k);
    if (has(field.alias?.value)) return parent[field.alias!.value];
    if (has(field.name.value)) return parent[field.name.value];
    const root = ROOT_QUERY[typeName];
    if (!root || !parent || typeof parent.id !== 'string' || !context || typeof context !== 'object') {
      return null;
    }
    // Parents that ask for the same field with the same selection share one query.
    const batch = `kinds:${typeName}:${info.fieldNodes.map((f) => print(f)).join('\n')}`;
    return batchLoad(context, batch, parent.id, (ids) => fetchForParents(root, ids, context, info)).then(
      (value) => value ?? null,
    );
  };
}

/** Resolvers for every @relationship field (and its Connection) declared in `typeDefs`. */
export function relationshipFieldResolvers(
  typeDefs: string,
): Record<string, Record<string, GraphQLFieldResolver<Record<string, unknown>, unknown>>> {
  const out: Record<string, Record<string, GraphQLFieldResolver<Record<string, unknown>, unknown>>> = {};
  for (const def of parse(typeDefs).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION || !ROOT_QUERY[def.name.value]) continue;
    const typeName = def.name.value;
    for (const f of def.fields ?? []) {
      if (!f.directives?.some((d) => d.name.value === 'relationship')) continue;
      const resolver = relationshipResolver(typeName);
      out[typeName] = { ...out[typeName], [f.name.value]: resolver, [`${f.name.value}Connection`]: resolver };
    }
  }
  return out;
}
