import { describe, expect, it } from 'vitest';
import { VIEW_LAYOUT_MAX_BYTES, validateViewInput } from './input.ts';

const valid = {
  name: '  Samarkand  ',
  nodeIds: ['actor:xi-jinping', 'actor:xi-jinping', 'actor:vladimir-putin'],
};

describe('saved view input', () => {
  it('trims the name, removes duplicate ids and stores layout and filter as JSON text', () => {
    const input = validateViewInput({ ...valid, layout: { zoom: 1.5 }, filter: { kinds: ['ACTOR'] } });
    expect(input).toEqual({
      name: 'Samarkand',
      description: null,
      nodeIds: ['actor:xi-jinping', 'actor:vladimir-putin'],
      edgeIds: [],
      layout: '{"zoom":1.5}',
      filter: '{"kinds":["ACTOR"]}',
    });
  });

  it('wants a name of 1 to 200 characters after trimming', () => {
    expect(() => validateViewInput({ ...valid, name: '   ' })).toThrow(/name must not be empty/);
    expect(() => validateViewInput({ ...valid, name: 'x'.repeat(201) })).toThrow(/at most 200/);
    expect(validateViewInput({ ...valid, name: 'x'.repeat(200) }).name).toHaveLength(200);
  });

  it('wants 1 to 5000 well-formed node ids', () => {
    expect(() => validateViewInput({ ...valid, nodeIds: [] })).toThrow(/at least one node/);
    const many = Array.from({ length: 5001 }, (_, i) => `actor:a${i}`);
    expect(() => validateViewInput({ ...valid, nodeIds: many })).toThrow(/at most 5000/);
    expect(() => validateViewInput({ ...valid, nodeIds: ['actor:ok', 'not an id'] })).toThrow(
      /nodeIds.1 "not an id" is not a valid node id/,
    );
  });

  it('accepts a layout up to 1 MB and refuses a larger one', () => {
    const positions = (n: number) => ({ blob: 'x'.repeat(n) });
    expect(() =>
      validateViewInput({ ...valid, layout: positions(VIEW_LAYOUT_MAX_BYTES - 20) }),
    ).not.toThrow();
    expect(() => validateViewInput({ ...valid, layout: positions(VIEW_LAYOUT_MAX_BYTES) })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message: expect.stringMatching(/layout must be at most/),
      }),
    );
    expect(() => validateViewInput({ ...valid, layout: [1, 2] })).toThrow(/layout must be a JSON object/);
  });
});
