import { describe, expect, it } from 'vitest';
import { VIEW_LAYOUT_MAX_BYTES, VIEW_LAYOUT_NAMES, VIEW_NODES_MAX, validateViewInput } from './input.ts';

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
    expect(validateViewInput({ ...valid, description: 'Windows\r\nlines' }).description).toBe(
      'Windows\r\nlines',
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

  it('says everything that is wrong in one message, naming the argument', () => {
    let error: { message?: string; details?: unknown } = {};
    try {
      validateViewInput({ name: ' ', nodeIds: ['actor:ok', 'Xi'], edgeIds: [''], layout: 'wide' });
    } catch (e) {
      error = e as typeof error;
    }
    expect(error.message).toBe(
      'The view is not valid: name must not be empty; nodeIds.1 "Xi" is not a valid node id; ' +
        'edgeIds.0 "" Too small: expected string to have >=1 characters; layout must be a JSON object.',
    );
    expect(error.details).toEqual({ argument: 'input' });
  });

  it('keeps an empty description, layout and filter as nothing, and nested ones whole', () => {
    const input = validateViewInput({ ...valid, description: '  ', edgeIds: null, layout: null });
    expect(input).toMatchObject({ description: null, edgeIds: [], layout: null, filter: null });
    expect(validateViewInput({ ...valid, filter: null }).filter).toBeNull();
    expect(validateViewInput({ ...valid, description: ' Samarkand, 2022 ' }).description).toBe(
      'Samarkand, 2022',
    );
    expect(validateViewInput({ ...valid, edgeIds: ['e1', 'e1', 'e2'] }).edgeIds).toEqual(['e1', 'e2']);
    const layout = { positions: { 'actor:xi-jinping': { x: 1, y: 2 } }, hidden: [null, 'x'], zoom: 0 };
    expect(validateViewInput({ ...valid, layout }).layout).toBe(JSON.stringify(layout));
    let nested: unknown = 'x';
    for (let i = 0; i < 31; i++) nested = { n: nested, m: null };
    expect(validateViewInput({ ...valid, layout: { nested } }).layout).toContain('{"n":{"n":');
    expect(() => validateViewInput({ ...valid, layout: { nested: { n: nested } } })).toThrow(
      /nest deeper than 32/,
    );
  });

  it('refuses the C1 controls and DEL, and allows the characters just past them', () => {
    for (const c of ['\u007f', '\u0085', '\u009f', '\u001f'])
      expect(() => validateViewInput({ ...valid, name: `a${c}b` }), c.charCodeAt(0).toString(16)).toThrow(
        /control characters/,
      );
    for (const c of ['\u007e', '\u00a0', ' '])
      expect(validateViewInput({ ...valid, name: `a${c}b` }).name).toBe(`a${c}b`);
    expect(() => validateViewInput({ ...valid, description: 'ok\u0085' })).toThrow(
      /description must not contain control characters other than line breaks and tabs/,
    );
  });

  it('keeps the evidence filter (statedOnly, minReliability) and refuses a grade or a yes-or-no it does not know', () => {
    const filter = { hiddenKinds: ['SOURCE'], statedOnly: true, minReliability: 'B' };
    expect(validateViewInput({ ...valid, filter }).filter).toBe(JSON.stringify(filter));
    const cleared = { statedOnly: null, minReliability: null };
    expect(validateViewInput({ ...valid, filter: cleared }).filter).toBe(JSON.stringify(cleared));
    expect(() => validateViewInput({ ...valid, filter: { minReliability: 'G' } })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message:
          'The view is not valid: filter.minReliability must be one of A, B, C, D, E, F or null (got "G").',
      }),
    );
    expect(() => validateViewInput({ ...valid, filter: { minReliability: 'b' } })).toThrow(/got "b"/);
    expect(() => validateViewInput({ ...valid, filter: { statedOnly: 'yes' } })).toThrow(
      /filter.statedOnly must be true or false \(got "yes"\)/,
    );
    // A wrong value of any size or depth is named by its type, and the depth limit still holds.
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(() => validateViewInput({ ...valid, filter: { minReliability: deep } })).toThrow(
      /filter.minReliability must be one of .* \(got a list\)/,
    );
    expect(() => validateViewInput({ ...valid, filter: { minReliability: 'x'.repeat(100) } })).toThrow(
      /got a long text/,
    );
  });

  it('accepts a layout of exactly its limit in bytes', () => {
    const exactly = (n: number) => ({ b: 'x'.repeat(n - '{"b":""}'.length) });
    expect(JSON.stringify(exactly(VIEW_LAYOUT_MAX_BYTES))).toHaveLength(VIEW_LAYOUT_MAX_BYTES);
    expect(() => validateViewInput({ ...valid, layout: exactly(VIEW_LAYOUT_MAX_BYTES) })).not.toThrow();
    expect(() => validateViewInput({ ...valid, layout: exactly(VIEW_LAYOUT_MAX_BYTES + 1) })).toThrow(
      /at most/,
    );
  });

  it('keeps the layout a view opens in and its pinned nodes, and refuses a layout or a pin it does not know', () => {
    expect(VIEW_LAYOUT_NAMES).toEqual(['force', 'concentric', 'hierarchical', 'timeline']);
    for (const name of VIEW_LAYOUT_NAMES) {
      const layout = { positions: {}, name, pinned: ['actor:xi-jinping'] };
      expect(validateViewInput({ ...valid, layout }).layout).toBe(JSON.stringify(layout));
    }
    // Views saved before layouts had names or pins: no name (or null), no pins.
    expect(validateViewInput({ ...valid, layout: { positions: {} } }).layout).toBe('{"positions":{}}');
    expect(validateViewInput({ ...valid, layout: { name: null, pinned: [] } }).layout).toBe(
      '{"name":null,"pinned":[]}',
    );
    expect(() => validateViewInput({ ...valid, layout: { name: 'spiral' } })).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        message:
          'The view is not valid: layout.name must be one of force, concentric, hierarchical, timeline (got "spiral").',
      }),
    );
    expect(() => validateViewInput({ ...valid, layout: { name: 3 } })).toThrow(/\(got 3\)/);
    expect(() => validateViewInput({ ...valid, layout: { pinned: 'actor:xi-jinping' } })).toThrow(
      /layout.pinned must be a list of node ids \(got "actor:xi-jinping"\)/,
    );
    expect(() => validateViewInput({ ...valid, layout: { pinned: ['actor:ok', 'Xi'] } })).toThrow(
      /layout.pinned.1 "Xi" is not a valid node id/,
    );
    expect(() => validateViewInput({ ...valid, layout: { pinned: [{ id: 'actor:ok' }] } })).toThrow(
      /layout.pinned.0 an object is not a valid node id/,
    );
    // As many pins as a view has nodes, and no more.
    const pins = (n: number) => Array.from({ length: n }, (_, i) => `actor:a${i}`);
    expect(() => validateViewInput({ ...valid, layout: { pinned: pins(VIEW_NODES_MAX) } })).not.toThrow();
    expect(() => validateViewInput({ ...valid, layout: { pinned: pins(VIEW_NODES_MAX + 1) } })).toThrow(
      /layout.pinned holds at most 5000 node ids/,
    );
  });

  it('shows the wrong value in the message: text of up to 20 characters quoted, a yes or no as it is', () => {
    const twenty = 'x'.repeat(20);
    expect(() => validateViewInput({ ...valid, layout: { name: twenty } })).toThrow(`(got "${twenty}")`);
    expect(() => validateViewInput({ ...valid, layout: { name: `${twenty}x` } })).toThrow(
      /layout.name must be one of .* \(got a long text\)/,
    );
    expect(() => validateViewInput({ ...valid, filter: { minReliability: true } })).toThrow(
      /filter.minReliability must be one of .* \(got true\)/,
    );
    expect(() => validateViewInput({ ...valid, layout: { pinned: false } })).toThrow(
      /layout.pinned must be a list of node ids \(got false\)/,
    );
    expect(() => validateViewInput({ ...valid, filter: { statedOnly: 0 } })).toThrow(/\(got 0\)/);
  });
});
