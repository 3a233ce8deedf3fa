// Assembles the schema: the generated per-kind queries (@neo4j/graphql) plus every concept module's types and
// resolvers. Adding a concept is one import and one entry in `modules`.
import { Neo4jGraphQL } from '@neo4j/graphql';
import type { GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { kinds } from '../kinds/index.ts';
import { graphModule } from '../graph/index.ts';
import { searchModule } from '../search/index.ts';
import { nodesModule } from '../nodes/index.ts';
import { neighborhoodModule } from '../neighborhood/index.ts';
import { pathsModule } from '../paths/index.ts';
import { statsModule } from '../stats/index.ts';
import { viewsModule } from '../views/index.ts';
import { auditModule } from '../audit/index.ts';
import { historyModule } from '../history/index.ts';
import { viewerModule } from '../access/viewer.ts';
import { modelModule } from '../model/index.ts';
import { evidenceModule } from '../evidence/index.ts';
import { contestedModule } from '../contested/index.ts';
import { documentsModule } from '../documents/index.ts';
import type { DocumentLoader } from '../documents/preview.ts';
import { draftsModule } from '../drafts/index.ts';
import { mergesModule } from '../merges/index.ts';
import { editsModule } from '../edits/index.ts';
import { graphVersion, lockGraphVersion, removeDocument } from '../../../graph-seed/src/documents.ts';
import { validateDocumentTexts } from '../../../graph-seed/src/import.ts';
import { writeDocument } from '../../../graph-seed/src/load.ts';
import { graphql } from '../graphql/graphql-runtime.ts';
import type { GraphQLModule } from '../graphql/module.ts';

/** The seed loader's parts a document import needs (the API's and `npm run document:add`'s). */
export const documentLoader: DocumentLoader = {
  validate: validateDocumentTexts,
  write: writeDocument,
  graphVersion,
  lockGraphVersion,
};

const modules: GraphQLModule[] = [
  kinds,
  graphModule,
  searchModule,
  nodesModule,
  neighborhoodModule,
  pathsModule,
  statsModule,
  viewsModule,
  auditModule,
  historyModule,
  viewerModule,
  modelModule,
  evidenceModule,
  contestedModule,
  documentsModule({ remove: removeDocument, ...documentLoader }),
  draftsModule,
  editsModule,
  mergesModule,
];

/**
 * Builds the GraphQL schema served at /graphql; without a driver it is only good for printing and codegen.
 * `extraModules` (tests only) adds modules beside the registered ones.
 */
export async function buildSchema(
  driver?: Driver,
  extraModules: GraphQLModule[] = [],
): Promise<GraphQLSchema> {
  const all = [...modules, ...extraModules];
  const neo4jGraphQL = new Neo4jGraphQL({
    typeDefs: all.map((m) => m.typeDefs),
    resolvers: all.map((m) => m.resolvers),
    ...(driver ? { driver } : {}),
    features: {
      // Only the current filter and aggregation names: the deprecated aliases would double the schema.
      excludeDeprecatedFields: {
        mutationOperations: true,
        aggregationFilters: true,
        aggregationFiltersOutsideConnection: true,
        relationshipFilters: true,
        attributeFilters: true,
      },
    },
  });
  return neo4jGraphQL.getSchema();
}

/** The schema as SDL, types in alphabetical order so that a change shows as a small diff (server/schema.graphql). */
export async function printedSchema(): Promise<string> {
  return graphql.printSchema(graphql.lexicographicSortSchema(await buildSchema()));
}
