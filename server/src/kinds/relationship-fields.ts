// Relationship fields of the typed kinds (e.g. Source.citedBy) also work on objects that another resolver
// returned (e.g. the sources of GraphNode.sources), not only inside @neo4j/graphql's own queries.
//
// @neo4j/graphql answers a typed query with one Cypher query and its field resolvers read the answer from the
// parent object. A parent built elsewhere has no such value, so the field would fail ("Cannot return null for
// non-nullable field"). These resolvers return the prefetched value when there is one, and otherwise run the
// same selection (arguments, fragments and variables included) as a typed query for that one node.
import type { FieldNode, GraphQLFieldResolver, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { graphql } from '../graphql/graphql-runtime.ts';

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

const PARENT_ID = '__typedParentId';

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

async function fetchForParent(root: string, id: string, context: unknown, info: GraphQLResolveInfo) {
  const field = info.fieldNodes[0]!;
  const key = field.alias?.value ?? field.name.value;
  const selection = info.fieldNodes.map((f) =>
    print(f.selectionSet ? { ...f, selectionSet: withTypeMarkers(f.selectionSet) } : f),
  );
  const variables = (info.operation.variableDefinitions ?? []).map((v) => print(v));
  const fragments = Object.values(info.fragments).map((f) =>
    print({ ...f, selectionSet: withTypeMarkers(f.selectionSet) }),
  );
  const text = `query (${[`$${PARENT_ID}: ID!`, ...variables].join(', ')}) {
    ${root}(where: { id: { eq: $${PARENT_ID} } }, limit: 1) { ${selection.join('\n')} }
  }
  ${fragments.join('\n')}`;
  const result = await execute({
    schema: info.schema,
    document: parse(text),
    contextValue: context,
    variableValues: { ...info.variableValues, [PARENT_ID]: id },
  });
  if (result.errors?.length) throw result.errors[0];
  const rows = (result.data as Record<string, Array<Record<string, unknown>>> | null)?.[root];
  return rows?.[0]?.[key] ?? null;
}

/** A resolver for one relationship (or connection) field of `typeName`: prefetched value, else fetched by id. */
function relationshipResolver(typeName: string): GraphQLFieldResolver<Record<string, unknown>, unknown> {
  return (parent, _args, context, info) => {
    const field = info.fieldNodes[0]!;
    const has = (k: string | undefined) => !!k && !!parent && Object.prototype.hasOwnProperty.call(parent, k);
    if (has(field.alias?.value)) return parent[field.alias!.value];
    if (has(field.name.value)) return parent[field.name.value];
    const root = ROOT_QUERY[typeName];
    if (root && parent && typeof parent.id === 'string')
      return fetchForParent(root, parent.id, context, info);
    return null;
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
