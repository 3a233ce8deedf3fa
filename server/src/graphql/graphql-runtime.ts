// The `graphql` runtime that @neo4j/graphql and Apollo Server use (CommonJS). Code that calls graphql's
// functions on the served schema (execute, validation helpers, type predicates) must use this copy: an ESM
// `import` of graphql may load graphql's .mjs build (Vite and Vitest do), and the two copies reject each
// other's objects ("Cannot use GraphQLSchema from another module or realm"). Type-only imports are fine.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** graphql's functions and classes, from the same copy the schema was built with. */
export const graphql = require('graphql') as typeof import('graphql');
