// A concept's contribution to the schema: its type definitions and its resolvers, typed with the resolver types
// generated from the schema (server/src/generated/graphql.ts), so that arguments and parents come from the SDL.
import type { IResolvers } from '@graphql-tools/utils';
import type { GraphQLResolveInfo } from 'graphql';
import type { Resolvers } from '../generated/graphql.ts';
import type { Context } from './context.ts';
import { graphql } from './graphql-runtime.ts';

/**
 * What a resolver outside @neo4j/graphql may return for a typed kind (e.g. the sources of GraphNode.sources):
 * its stored properties; relationship fields are fetched on demand (server/src/kinds/relationship-fields.ts). The generated
 * resolver types map every kind to this (scripts/codegen.ts).
 */
export type KindParent = { id: string } & Record<string, unknown>;

export interface GraphQLModule {
  typeDefs: string;
  /**
   * The generated resolver types for the schema's own fields (concepts build modules with `graphQLModule`);
   * graphql-tools' untyped map for fields the generated schema does not know (test modules, the kinds'
   * relationship fields, which are built from their SDL).
   */
  resolvers: Resolvers | IResolvers<unknown, Context>;
}

type FieldResolver = (
  parent: unknown,
  args: Record<string, unknown>,
  ctx: unknown,
  info: GraphQLResolveInfo,
) => unknown;

/**
 * Gives an argument that has a default in the SDL its default when the query sends an explicit null (GraphQL
 * applies a default only to an argument left out), so that the generated types' non-null defaulted arguments
 * hold and the default is written once, in the SDL.
 */
function withDefaults(resolve: FieldResolver): FieldResolver {
  return (parent, args, ctx, info) => {
    const field = info.parentType.getFields()[info.fieldName];
    let filled = args;
    for (const a of field?.args ?? []) {
      if (a.defaultValue !== undefined && args[a.name] === null)
        filled = { ...filled, [a.name]: a.defaultValue };
    }
    return resolve(parent, filled, ctx, info);
  };
}

/** The "Type.field" names of the fields in `typeDefs` that have an argument with a default. */
function fieldsWithDefaults(typeDefs: string): Set<string> {
  const { Kind, parse } = graphql;
  const out = new Set<string>();
  for (const def of parse(typeDefs).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const f of def.fields ?? []) {
      if (f.arguments?.some((a) => a.defaultValue !== undefined))
        out.add(`${def.name.value}.${f.name.value}`);
    }
  }
  return out;
}

/** A concept module: its SDL and its resolvers, those of fields with defaulted arguments given their defaults for null. */
export function graphQLModule(typeDefs: string, resolvers: Resolvers): GraphQLModule {
  const defaulted = fieldsWithDefaults(typeDefs);
  const byType = resolvers as Record<string, Record<string, unknown>>;
  const wrapped = Object.fromEntries(
    Object.entries(byType).map(([type, fields]) => {
      const names = Object.keys(fields).filter(
        (name) => defaulted.has(`${type}.${name}`) && typeof fields[name] === 'function',
      );
      if (names.length === 0) return [type, fields];
      const filled = names.map((name) => [name, withDefaults(fields[name] as FieldResolver)]);
      return [type, { ...fields, ...Object.fromEntries(filled) }];
    }),
  );
  return { typeDefs, resolvers: wrapped };
}
