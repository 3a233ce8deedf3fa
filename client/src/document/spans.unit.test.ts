import { describe, expect, it } from 'vitest';
import {
  itemToSelect,
  markedRanges,
  rangesIn,
  segmentText,
  type DocumentSpan,
  type Segment,
} from './spans.ts';

const node = (id: string, start: number, end: number): DocumentSpan => ({
  start,
  end,
  nodeId: id,
  edgeId: null,
  label: id,
  kind: 'STATEMENT',
  source: null,
  target: null,
});
const edge = (id: string, start: number, end: number): DocumentSpan => ({
  start,
  end,
  nodeId: null,
  edgeId: id,
  label: id,
  kind: 'SAID',
  source: 'a',
  target: 'b',
});

/** The segments as a compact string: marks in brackets named by their range's first claim, `+` for a later piece. */
function show(segments: readonly Segment[]): string {
  return segments
    .map((s) =>
      s.type === 'text'
        ? s.text
        : `[${s.range.items[0]!.label}${s.continued ? '+' : ''}:${show(s.children)}]`,
    )
    .join('');
}

/** Every character of the drawn text, in order: nothing lost or doubled. */
function flat(segments: readonly Segment[]): string {
  return segments.map((s) => (s.type === 'text' ? s.text : flat(s.children))).join('');
}

/** The innermost mark over character `at`. */
function innermost(segments: readonly Segment[], at: number): string | undefined {
  for (const s of segments) {
    if (s.type === 'mark' && s.start <= at && at < s.end)
      return innermost(s.children, at) ?? s.range.items[0]!.label;
  }
  return undefined;
}

const TEXT = 'abcdefghijklmnopqrst';

describe('segmentText', () => {
  it('marks separate spans and leaves the text between them plain', () => {
    const segments = segmentText(TEXT, [node('x', 2, 5), node('y', 10, 12)]);
    expect(show(segments)).toBe('ab[x:cde]fghij[y:kl]mnopqrst');
    expect(flat(segments)).toBe(TEXT);
  });

  it('nests a span inside the one that holds it, the shorter inside', () => {
    const segments = segmentText(TEXT, [node('inner', 4, 6), node('outer', 2, 10)]);
    expect(show(segments)).toBe('ab[outer:cd[inner:ef]ghij]klmnopqrst');
    expect(innermost(segments, 4)).toBe('inner');
    expect(innermost(segments, 7)).toBe('outer');
    expect(innermost(segments, 11)).toBeUndefined();
  });

  it('cuts a crossing span in pieces, the later piece not a keyboard stop of its own', () => {
    const segments = segmentText(TEXT, [node('long', 0, 8), node('short', 5, 11)]);
    expect(show(segments)).toBe('[long:abcde[short:fgh]][short+:ijk]lmnopqrst');
    expect(flat(segments)).toBe(TEXT);
    expect(innermost(segments, 6)).toBe('short');
    expect(innermost(segments, 9)).toBe('short');
    expect(rangesIn(segments).map((r) => r.key)).toEqual(['0-8', '5-11']);
  });

  it('keeps spans that share a start or an end nested, whatever order they come in', () => {
    const spans = [node('c', 0, 3), node('a', 0, 10), node('b', 6, 10)];
    expect(show(segmentText(TEXT, spans))).toBe('[a:[c:abc]def[b:ghij]]klmnopqrst');
    expect(show(segmentText(TEXT, [...spans].reverse()))).toBe('[a:[c:abc]def[b:ghij]]klmnopqrst');
  });

  it('draws one mark for claims resting on the same range, nodes first, each claim once', () => {
    const segments = segmentText(TEXT, [edge('said', 2, 5), node('quote', 2, 5), node('quote', 2, 5)]);
    expect(segments).toHaveLength(3);
    const mark = segments[1]!;
    expect(mark.type === 'mark' && mark.range.items.map((i) => i.label)).toEqual(['quote', 'said']);
  });

  it('clamps offsets to the text and leaves empty spans out', () => {
    const segments = segmentText('abc', [node('over', 1, 99), node('empty', 2, 2), node('neg', -4, 1)]);
    expect(show(segments)).toBe('[neg:a][over:bc]');
    expect(segmentText('', [node('x', 0, 1)])).toEqual([]);
    expect(show(segmentText('plain', []))).toBe('plain');
  });

  it('holds up on many overlapping spans: every character drawn once, every range marked', () => {
    const spans: DocumentSpan[] = [];
    for (let i = 0; i < 60; i++) spans.push(node(`n${i}`, (i * 7) % 19, ((i * 7) % 19) + 1 + (i % 6)));
    const segments = segmentText(TEXT, spans);
    expect(flat(segments)).toBe(TEXT);
    expect(rangesIn(segments).length).toBe(markedRanges(TEXT.length, spans).length);
  });
});

describe('itemToSelect', () => {
  const [range] = markedRanges(10, [node('quote', 0, 5), edge('said', 0, 5), edge('at', 0, 5)]);
  it('picks the first claim, then the next on each click, round again', () => {
    expect(itemToSelect(range!, null)?.label).toBe('quote');
    expect(itemToSelect(range!, 'elsewhere')?.label).toBe('quote');
    expect(itemToSelect(range!, 'quote')?.label).toBe('said');
    expect(itemToSelect(range!, 'said')?.label).toBe('at');
    expect(itemToSelect(range!, 'at')?.label).toBe('quote');
  });
});
