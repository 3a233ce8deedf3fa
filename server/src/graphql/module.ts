// A concept's contribution to the schema: its type definitions and its resolvers.
import type { IResolvers } from '@graphql-tools/utils';
import type { Context } from './context.ts';

export interface GraphQLModule {
  typeDefs: string;
  resolvers: IResolvers<unknown, Context>;
}
