import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../api/types.ts';
import {
  changedFields,
  describeEvent,
  localMinute,
  snapshotText,
  valueText,
  whoAndWhen,
} from './describe.ts';

const event = (over: Partial<ChangeEvent>): ChangeEvent => ({
  id: 'change:1',
  at: '2026-12-03T14:05:42.123Z',
  by: 'ann',
  action: 'ADD_NODE',
  targetId: 'meeting:sco-summit',
  otherIds: [],
  before: null,
  after: null,
  ...over,
});

const names: Record<string, string> = {
  'actor:xi-jinping': 'Xi Jinping',
  'meeting:sco-summit': 'SCO summit',
};
const nameOf = (id: string) => names[id] ?? null;

describe('a change in words', () => {
  it('says what a correction changed, from what to what', () => {
    const e = event({
      action: 'UPDATE_NODE',
      before: { id: 'm', label: 'Summit', properties: { date: '2022-09-15', place: 'Samarkand' } },
      after: { id: 'm', label: 'Summit', properties: { date: '2022-09-16', place: 'Samarkand' } },
    });
    expect(describeEvent(e, 'm')).toBe('Corrected: date 2022-09-15 → 2022-09-16');
    const twice = event({
      action: 'UPDATE_NODE',
      before: { label: 'A', properties: { n: 1 } },
      after: { label: 'B', properties: { n: 1, note: 'new' } },
    });
    expect(describeEvent(twice, 'm')).toBe('Corrected: label A → B; note (none) → new');
    expect(describeEvent(event({ action: 'UPDATE_NODE', before: {}, after: {} }), 'm')).toBe(
      'Corrected (sources only)',
    );
  });

  it('gives a retraction its reason, additions their names', () => {
    expect(
      describeEvent(event({ action: 'RETRACT', after: { retracted: true, reason: 'wrong meeting' } }), 'x'),
    ).toBe('Retracted: wrong meeting');
    expect(describeEvent(event({ action: 'RETRACT', after: null }), 'x')).toBe('Retracted');
    expect(describeEvent(event({ action: 'ADD_NODE', after: { label: 'SCO summit' } }), 'x')).toBe(
      'Node added: SCO summit',
    );
    const added = event({
      action: 'ADD_EDGE',
      after: { type: 'ATTENDED', source: 'actor:xi-jinping', target: 'meeting:sco-summit' },
    });
    expect(describeEvent(added, 'rel', nameOf)).toBe('Relationship added: Xi Jinping ATTENDED SCO summit');
    expect(describeEvent(event({ action: 'ADD_EDGE', after: null }), 'rel')).toBe('Relationship added');
  });

  it('names the other node of a merge from either side, by the page’s name or the event’s', () => {
    const merge = event({
      action: 'MERGE_NODES',
      targetId: 'actor:xi-jinping',
      otherIds: ['actor:xi'],
      before: {
        keep: { id: 'actor:xi-jinping', props: { label: 'Xi Jinping' } },
        merge: { id: 'actor:xi', props: { label: 'Xi' } },
      },
    });
    expect(describeEvent(merge, 'actor:xi-jinping')).toBe('Merged with Xi');
    expect(describeEvent(merge, 'actor:xi', nameOf)).toBe('Merged with Xi Jinping');
    const unmerge = event({ ...merge, action: 'UNMERGE', before: {}, after: { keep: {}, merge: {} } });
    expect(describeEvent(unmerge, 'actor:xi-jinping')).toBe('Merge undone: actor:xi is separate again');
  });

  it('reads a view’s saves, updates and restores with their versions', () => {
    expect(describeEvent(event({ action: 'SAVE_VIEW', after: { version: 1, nodeIds: ['a'] } }), 'v')).toBe(
      'View saved (version 1)',
    );
    const update = event({
      action: 'UPDATE_VIEW',
      before: { name: 'A', version: 1, nodeIds: ['a', 'b'] },
      after: { name: 'B', version: 2, nodeIds: ['a', 'c', 'd'] },
    });
    expect(describeEvent(update, 'v')).toBe(
      'View updated (version 2): renamed “A” → “B”, 2 nodes added, 1 node removed',
    );
    expect(
      describeEvent(event({ action: 'RESTORE_VIEW', after: { version: 3, restoredFrom: 1 } }), 'v'),
    ).toBe('Version 1 restored as version 3');
  });

  it('reads documents, and an action it does not know', () => {
    expect(describeEvent(event({ action: 'IMPORT_DOCUMENT', targetId: 'document:memo' }), 'x')).toBe(
      'Imported with document document:memo',
    );
    expect(
      describeEvent(
        event({ action: 'IMPORT_DOCUMENT', targetId: 'document:memo', before: { replaced: true } }),
        'x',
      ),
    ).toBe('Imported again with document document:memo');
    expect(describeEvent(event({ action: 'REMOVE_DOCUMENT', before: { title: 'The memo' } }), 'x')).toBe(
      'Document removed: The memo',
    );
    expect(describeEvent(event({ action: 'SPLIT_NODE' }), 'x')).toBe('split node');
  });

  it('compares snapshots field by field', () => {
    expect(changedFields(null, {})).toEqual([]);
    expect(changedFields({ properties: { a: [1] } }, { properties: { a: [1] } })).toEqual([]);
    expect(changedFields({ properties: { a: [1] } }, { properties: { a: [2] } })).toEqual([
      { key: 'a', from: [1], to: [2] },
    ]);
    expect(valueText(null)).toBe('(none)');
    expect(valueText({ a: 1 })).toBe('{"a":1}');
    expect(valueText(false)).toBe('false');
  });
});

describe('who and when', () => {
  // The unit tier runs in UTC (vitest.config.ts): local time is UTC here.
  it('says when in local time, to the minute', () => {
    expect(localMinute('2026-12-03T14:05:42.123Z')).toBe('2026-12-03 14:05');
    expect(localMinute('not a date')).toBe('not a date');
    expect(whoAndWhen({ by: 'ann', at: '2026-01-02T03:04:00Z' })).toBe('ann · 2026-01-02 03:04');
    expect(whoAndWhen({ by: null, at: '2026-01-02T03:04:00Z' })).toBe('unknown · 2026-01-02 03:04');
  });

  it('prints a snapshot in full, or says there was none', () => {
    expect(snapshotText(null)).toBe('(nothing)');
    expect(snapshotText({ a: 1 })).toBe('{\n  "a": 1\n}');
  });
});
