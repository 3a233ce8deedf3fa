import { describe, expect, it } from 'vitest';
import type { GraphNode } from '../api/types.ts';
import { createStore } from '../shared/store.ts';
import { allDropped, extraNodes, filterSet, initialTable, loadAllOfKind, tableToggled } from './panel.ts';

const figure: GraphNode = {
  id: 'figure:a',
  kind: 'FIGURE',
  label: 'A figure',
  date: null,
  summary: null,
  properties: {},
  contested: false,
  degree: 0,
  sources: [],
};

describe('the table’s state', () => {
  it('opens and closes', () => {
    expect(tableToggled(initialTable).open).toBe(true);
    expect(tableToggled(tableToggled(initialTable)).open).toBe(false);
  });

  it('keeps the nodes of a kind only while that kind is chosen, and a sort on a column every kind has', () => {
    const withAll = {
      ...initialTable,
      kind: 'FIGURE' as const,
      all: { kind: 'FIGURE' as const, nodes: { type: 'ready' as const, value: [figure] } },
      sort: { column: 'value', direction: 'desc' as const },
    };
    expect(extraNodes(withAll)).toEqual([figure]);
    expect(filterSet(withAll, { text: 'trade' })).toMatchObject({ text: 'trade', all: withAll.all });
    const meetings = filterSet(withAll, { kind: 'MEETING' });
    expect(meetings.all).toBeNull();
    expect(meetings.sort).toEqual(initialTable.sort);
    expect(extraNodes({ ...withAll, kind: 'MEETING' })).toEqual([]);
    const byLabel = { ...withAll, sort: { column: 'label', direction: 'desc' as const } };
    expect(filterSet(byLabel, { kind: null }).sort).toEqual(byLabel.sort);
    expect(allDropped(withAll).all).toBeNull();
  });

  it('asks the API for every node of the kind, and says why when it cannot', async () => {
    const table = createStore({ ...initialTable, kind: 'FIGURE' as const });
    const asked: unknown[] = [];
    await loadAllOfKind(
      table,
      {
        nodes: (vars) => {
          asked.push(vars);
          expect(table.get().all).toEqual({ kind: 'FIGURE', nodes: { type: 'loading' } });
          return Promise.resolve([figure]);
        },
      },
      'FIGURE',
    );
    expect(asked).toEqual([{ filter: { kinds: ['FIGURE'] }, limit: 1000, offset: 0 }]);
    expect(extraNodes(table.get())).toEqual([figure]);

    await loadAllOfKind(table, { nodes: () => Promise.reject(new Error('down')) }, 'FIGURE');
    expect(table.get().all?.nodes.type).toBe('error');
  });
});
