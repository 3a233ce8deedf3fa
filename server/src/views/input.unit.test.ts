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

  it('refuses text Neo4j would alter and control characters, keeps every script as it is', () => {
    expect(() => validateViewInput({ ...valid, name: 'a\ud800b' })).toThrow(/well-formed Unicode/);
    expect(() => validateViewInput({ ...valid, name: 'a\u0000b' })).toThrow(/control characters/);
    expect(() => validateViewInput({ ...valid, name: 'two\nlines' })).toThrow(/control characters/);
    expect(() => validateViewInput({ ...valid, description: 'bell\u0007' })).toThrow(/control characters/);
    expect(validateViewInput({ ...valid, description: 'two\nlines\tand a tab' }).description).toBe(
      'two\nlines\tand a tab',
    );
    for (const name of [
      '上海合作组织',
      'منظمة شنغهاي للتعاون',
      '\u200fשלום\u200f',
      '🇨🇳🤝🇷🇺',
      'Zoë Ægir Œuvre',
    ]) {
      expect(validateViewInput({ ...valid, name }).name).toBe(name.trim());
    }
  });

  it('refuses a layout nested deeper than 32 levels without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(() => validateViewInput({ ...valid, layout: { deep } })).toThrow(
      /layout must not nest deeper than 32/,
    );
    let ok: unknown = 1;
    for (let i = 0; i < 31; i++) ok = [ok];
    expect(validateViewInput({ ...valid, layout: { ok } }).layout).toContain('[[[');
  });
});
