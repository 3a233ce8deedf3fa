// Assembles the schema: the generated per-kind queries (@neo4j/graphql) plus every concept module's types and
// resolvers. Adding a concept is one import and one entry in `modules`.
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { kinds } from '../kinds/index.ts';
import type { GraphQLModule } from './module.ts';

const modules: GraphQLModule[] = [kinds];

/** Builds the GraphQL schema served at /graphql. */
export async function buildSchema(driver: Driver): Promise<GraphQLSchema> {
  const neo4jGraphQL = new Neo4jGraphQL({
    typeDefs: modules.map((m) => m.typeDefs),
    resolvers: modules.map((m) => m.resolvers) as never,
    driver,
  });
  return neo4jGraphQL.getSchema();
}
