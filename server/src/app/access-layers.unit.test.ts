// Writes are refused to readers by two layers, each of which must hold on its own (the other may be missing or
// skipped): the resolvers' role checks, for callers that reach a resolver without HTTP, and the plugin that
// refuses every mutation before anything runs, for a mutation whose resolver forgets its check.
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../core/db/database.ts';
import type { Access } from '../access/index.ts';
import { auditModule } from '../audit/index.ts';
import type { Context } from '../graphql/context.ts';
import type { GraphQLModule } from '../graphql/module.ts';
import { viewsModule } from '../views/index.ts';
import { createGraphQLServer } from './graphql-server.ts';

const reader: Access = { mode: 'tokens', principal: { name: 'ann', role: 'reader' } };
const editor: Access = { mode: 'tokens', principal: { name: 'ed', role: 'editor' } };
const anonymous: Access = { mode: 'tokens', principal: null };

/** A database that fails the test if anything asks it for anything. */
const untouchable = new Proxy({} as Db, {
  get(_, name) {
    throw new Error(`the database was used (${String(name)}) by a caller who may not`);
  },
});

type Resolver = (parent: unknown, args: Record<string, unknown>, ctx: Context, info: unknown) => unknown;
/** A resolver of `module`, called as GraphQL would call it for a caller with `access`. */
const resolverOf =
  (module: GraphQLModule, type: string, field: string) => (args: Record<string, unknown>, access: Access) => {
    const resolve = (module.resolvers as Record<string, Record<string, Resolver>>)[type]![field]!;
    const info = { fieldName: field, path: { key: field }, parentType: { getFields: () => ({}) } };
    return resolve({}, args, { db: untouchable, access }, info);
  };

/** The code of the error a resolver throws or rejects with, or "allowed". */
async function codeOf(call: () => unknown): Promise<string> {
  try {
    await call();
    return 'allowed';
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

describe('the resolvers’ role checks, without the plugin', () => {
  const input = { name: 'Samarkand', nodeIds: ['actor:xi-jinping'], edgeIds: [] };
  const writes: [string, Record<string, unknown>][] = [
    ['saveView', { input }],
    ['updateView', { id: 'view:1', expectedVersion: 1, input }],
    ['deleteView', { id: 'view:1' }],
  ];

  it('refuse every view write to a reader (FORBIDDEN) and to no token (UNAUTHENTICATED), touching nothing', async () => {
    for (const [field, args] of writes) {
      const write = resolverOf(viewsModule, 'Mutation', field);
      expect(await codeOf(() => write(args, reader)), field).toBe('FORBIDDEN');
      expect(await codeOf(() => write(args, anonymous)), field).toBe('UNAUTHENTICATED');
    }
  });

  it('keep the audit log from a reader', async () => {
    const auditLog = resolverOf(auditModule, 'Query', 'auditLog');
    expect(await codeOf(() => auditLog({ limit: 10 }, reader))).toBe('FORBIDDEN');
  });

  it('let an editor through to the database', async () => {
    const saveView = resolverOf(viewsModule, 'Mutation', 'saveView');
    expect(await codeOf(() => saveView({ input }, editor))).toMatch(/the database was used/);
  });
});

describe('the plugin that refuses mutations, for a mutation with no role check of its own', () => {
  // No database: a mutation the plugin lets through fails at once when it reaches for one.
  const driver = neo4j.driver('bolt://127.0.0.1:9', undefined, { maxTransactionRetryTime: 0 });
  const ran: string[] = [];
  const unguarded: GraphQLModule = {
    typeDefs: 'type Mutation { unguardedWrite: Boolean! }',
    resolvers: {
      Mutation: {
        unguardedWrite: () => {
          ran.push('unguardedWrite');
          return true;
        },
      },
    },
  };
  let server: Awaited<ReturnType<typeof createGraphQLServer>>;
  beforeAll(async () => {
    server = await createGraphQLServer({
      driver,
      production: false,
      errorDetails: false,
      log: () => {},
      extraModules: [unguarded],
    });
  });
  afterAll(async () => {
    await server.stop();
    await driver.close();
  });

  const mutate = async (access: Access, query = 'mutation { unguardedWrite }') => {
    ran.length = 0;
    const response = await server.executeOperation({ query }, { contextValue: { db: untouchable, access } });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    const { data, errors } = response.body.singleResult;
    return {
      status: response.http.status,
      data,
      errors: errors?.map((e) => ({ code: e.extensions?.code, message: e.message })),
      codes: errors?.map((e) => e.extensions?.code),
      ran: [...ran],
    };
  };

  it('refuses a reader with 403 FORBIDDEN before the resolver runs, saying why', async () => {
    expect(await mutate(reader)).toEqual({
      status: 403,
      data: undefined,
      codes: ['FORBIDDEN'],
      errors: [
        { code: 'FORBIDDEN', message: 'A change needs an editor token; the token "ann" is a reader token.' },
      ],
      ran: [],
    });
  });

  it('lets a reader’s query through (here to the missing database)', async () => {
    expect(await mutate(reader, '{ viewer { name } }')).toMatchObject({
      status: 503,
      codes: ['DATABASE_UNAVAILABLE'],
    });
  });

  it('refuses a caller without a token with 401 UNAUTHENTICATED', async () => {
    expect(await mutate(anonymous)).toMatchObject({ status: 401, codes: ['UNAUTHENTICATED'], ran: [] });
  });

  it('lets an editor’s mutation through (here to the missing database)', async () => {
    expect(await mutate(editor)).toMatchObject({ status: 503, codes: ['DATABASE_UNAVAILABLE'] });
  });
});
