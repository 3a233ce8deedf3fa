// `viewer`: who the server takes the caller to be, so that the explorer can say which token is in use and whether
// it may save. It tells nothing a caller does not know already (its own token's name and role).
import { graphQLModule } from '../graphql/module.ts';
import { LOCAL_ACTOR, OPEN_ACCESS, type Access } from './index.ts';

/** The caller as `viewer` returns it. */
export interface Viewer {
  name: string | null;
  role: 'READER' | 'EDITOR';
  tokensRequired: boolean;
}

/**
 * The caller described by its Access: a token's name and role; on a server without tokens everyone is the
 * editor "local"; an anonymous reader (ANONYMOUS_READS) has no name and may only read.
 */
export function viewerOf(access: Access | undefined): Viewer {
  const a = access ?? OPEN_ACCESS;
  if (a.mode === 'open') return { name: LOCAL_ACTOR, role: 'EDITOR', tokensRequired: false };
  if (!a.principal) return { name: null, role: 'READER', tokensRequired: true };
  return {
    name: a.principal.name,
    role: a.principal.role === 'editor' ? 'EDITOR' : 'READER',
    tokensRequired: true,
  };
}

const typeDefs = /* GraphQL */ `
  "What a caller may do: read the graph and the views, or also save, update and delete views."
  enum AccessRole {
    READER
    EDITOR
  }

  "Who the server takes the caller to be."
  type Viewer {
    "The token's name (what views and the audit log record as who); local on a server without tokens; null for an anonymous reader."
    name: String
    role: AccessRole!
    "True when the server has API tokens configured (writes then need an editor token)."
    tokensRequired: Boolean!
  }

  type Query {
    "The caller: the name and role of the token sent, so a client can show who is signed in and whether saving is allowed."
    viewer: Viewer!
  }
`;

export const viewerModule = graphQLModule(typeDefs, {
  Query: { viewer: (_, _args, ctx) => viewerOf(ctx.access) },
});
