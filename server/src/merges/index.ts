// Judged merges: two nodes that are the same entity become one (mergeNodes, ./merge.ts), and a merge can be taken
// back exactly (unmerge, ./unmerge.ts). Both need the editor role where tokens are on, pass the backup's write gate,
// are one write transaction each, bump the graph version and append exactly one ChangeEvent (MERGE_NODES,
// UNMERGE: targetId the kept node, otherIds the merged one). A request sent again with its Idempotency-Key (or a
// transaction the driver retries) finds its event and returns what the first did without writing again.
import { actorOf, requireRole } from '../access/index.ts';
import type { Context } from '../graphql/context.ts';
import { graphQLModule } from '../graphql/module.ts';
import { changeIdFor, mergeNodes } from './merge.ts';
import { unmerge } from './unmerge.ts';

export { mergeNodes } from './merge.ts';
export { unmerge } from './unmerge.ts';

/** The event id of a write in this request: fresh, or from its Idempotency-Key, caller and field. */
const changeIdOf = (ctx: Context, field: string | number) =>
  changeIdFor(ctx.idempotencyKey ? `${actorOf(ctx.access)}\n${ctx.idempotencyKey}\n${field}` : undefined);

const typeDefs = /* GraphQL */ `
  type Mutation {
    """
    Merges mergeId into keepId, two actors, meetings or agreements judged to be the same entity: every
    relationship of mergeId moves to keepId (one keepId has already, a CITES of the same source or an INCLUDES of
    the same view, is not doubled), its names join keepId's aliases, its per-document records and documents move
    to keepId, saved views name keepId instead, the pair is recorded as judged SAME, and mergeId is deleted. One
    MERGE_NODES event (its id undoes the merge with unmerge). BAD_USER_INPUT for the same id twice or nodes of
    different or other kinds; NOT_FOUND for an unknown id.
    """
    mergeNodes(keepId: ID!, mergeId: ID!): GraphNode!
    """
    Takes the merge recorded by event eventId back exactly: both nodes, every relationship, record, saved view's
    ids and the pair's judgement as before. Returns the kept and the merged node. NOT_FOUND for an unknown event,
    BAD_USER_INPUT for an event that is not a merge, CONFLICT (nothing changed) when the merge was undone already
    or the kept node, a moved relationship, a record or a saved view changed since.
    """
    unmerge(eventId: ID!): [GraphNode!]!
  }
`;

export const mergesModule = graphQLModule(typeDefs, {
  Mutation: {
    mergeNodes: (_, args, ctx, info) => {
      requireRole(ctx.access, 'editor', 'Merging nodes');
      return mergeNodes(
        ctx.db,
        args.keepId,
        args.mergeId,
        actorOf(ctx.access),
        changeIdOf(ctx, info.path.key),
      );
    },
    unmerge: (_, args, ctx, info) => {
      requireRole(ctx.access, 'editor', 'Undoing a merge');
      return unmerge(ctx.db, args.eventId, actorOf(ctx.access), changeIdOf(ctx, info.path.key));
    },
  },
});
