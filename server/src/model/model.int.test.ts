// Query.model over HTTP: the kinds, the relationship types with the kinds they join, and the error table.
import { describe, expect, it } from 'vitest';
import { ERROR_TABLE } from '../../../core/errors.ts';
import { NODE_KINDS, RELATIONSHIP_TYPES } from '../../../core/model/index.ts';
import { sharedTestServer } from '../../../test/support/test-server.ts';

const server = sharedTestServer();

describe('Query.model', () => {
  it('answers Query.model with the kinds each relationship joins and each code’s status', async () => {
    const r = await server().post(
      '{ model { nodeKinds relationshipTypes { type from to } errorCodes { code status retryable } } }',
    );
    expect(r.status).toBe(200);
    expect(r.body.errors).toBeUndefined();
    const model = (r.body.data as { model: Record<string, unknown[]> }).model;
    expect(model.relationshipTypes).toContainEqual({ type: 'SAID_AT', from: ['STATEMENT'], to: ['MEETING'] });
    expect(model.relationshipTypes).toContainEqual({
      type: 'PART_OF',
      from: [...RELATIONSHIP_TYPES.PART_OF.from],
      to: ['MEETING'],
    });
    expect(model.errorCodes).toContainEqual({ code: 'RATE_LIMITED', status: 429, retryable: true });
    expect(model.errorCodes).toContainEqual({
      code: 'NOT_FOUND',
      status: ERROR_TABLE.NOT_FOUND.status,
      retryable: false,
    });
    expect(model.nodeKinds).toEqual([...NODE_KINDS]);
  });
});
