// The schema publishes the model's lists and the error table exactly: the client's generated lists come from here.
import { describe, expect, it } from 'vitest';
import type { GraphQLEnumType } from 'graphql';
import { ERROR_CODES } from '../../../core/errors.ts';
import { CITES, NODE_KINDS, RELATIONSHIP_TYPE_NAMES } from '../../../core/model/index.ts';
import { buildSchema } from '../app/schema.ts';

const schema = await buildSchema();
const valuesOf = (name: string) =>
  (schema.getType(name) as GraphQLEnumType)
    .getValues()
    .map((v) => v.name)
    .sort();

describe('the model in the schema', () => {
  it('has one enum value per node kind, relationship type and error code', () => {
    expect(valuesOf('NodeKind')).toEqual([...NODE_KINDS].sort());
    expect(valuesOf('RelationshipType')).toEqual([...RELATIONSHIP_TYPE_NAMES, CITES].sort());
    expect(valuesOf('RelationshipType')).toContain('PART_OF');
    expect(valuesOf('ErrorCode')).toEqual([...ERROR_CODES].sort());
    expect(valuesOf('ErrorCode')).toEqual(expect.arrayContaining(['RATE_LIMITED', 'REQUEST_TIMEOUT']));
  });
});
