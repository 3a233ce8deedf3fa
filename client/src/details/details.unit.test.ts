import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { edge, myanmar, quote, summit, xi, xiAttended } from '../../../test/support/client-fixtures.ts';
import { reduce } from '../explorer/reduce.ts';
import { initialState, type Selection } from '../explorer/state.ts';
import { loading } from '../shared/loadable.ts';
import { DetailsPanel } from './DetailsPanel.tsx';
import { expansionOf, historyProps, nodeName, nodeView } from './details.ts';
import { hover, select } from './selection.ts';

const said = edge('actor:li-zhanshu', 'SAID', quote.id);
const li = { ...xi, id: 'actor:li-zhanshu', label: 'Li Zhanshu' };
const state = reduce(initialState, {
  type: 'graphLoaded',
  nodes: [xi, summit, quote, li],
  edges: [xiAttended, said],
});

describe('a node’s details', () => {
  it('show a statement as its speaker’s quote, its text out of the property table', () => {
    const view = nodeView(state, quote);
    expect(view.title).toBe('Li Zhanshu: quote');
    expect(view.quote).toBe('I think it can be said that Russia was cornered.');
    expect(view.properties).not.toHaveProperty('text');
    expect(view.properties).toHaveProperty('date');
    expect(view.edges).toEqual([said]);
  });

  it('show any other node under its label with every property', () => {
    const view = nodeView(state, summit);
    expect(view.title).toBe('SCO summit in Samarkand');
    expect(view.quote).toBeNull();
    expect(view.properties).toBe(summit.properties);
  });

  it('name a node not on the graph by its id', () => {
    expect(nodeName(state, xi.id)).toBe('Xi Jinping');
    expect(nodeName(state, 'actor:nobody')).toBe('actor:nobody');
  });

  it('tell how the node’s own last expansion went', () => {
    expect(expansionOf(null, xi.id)).toEqual({ busy: false, done: null, error: null });
    expect(expansionOf({ id: xi.id, status: { type: 'loading' } }, xi.id).busy).toBe(true);
    expect(expansionOf({ id: xi.id, status: { type: 'ready', value: 'Added 1 node' } }, xi.id).done).toBe(
      'Added 1 node',
    );
    expect(expansionOf({ id: xi.id, status: { type: 'error', message: 'down' } }, xi.id).error).toBe('down');
    expect(expansionOf({ id: summit.id, status: { type: 'loading' } }, xi.id).busy).toBe(false);
  });
});

describe('a node’s or relationship’s history section', () => {
  it('asks again when the item’s properties change, names ids by the graph, and says where it came from', () => {
    const fromMemo = { ...summit, properties: { ...summit.properties, document: 'no-limits-memo' } };
    const props = historyProps(state, fromMemo);
    expect(props.id).toBe(summit.id);
    expect(props.refresh).toBe(historyProps(state, { ...fromMemo }).refresh);
    expect(props.refresh).not.toBe(historyProps(state, { ...fromMemo, properties: { date: 'x' } }).refresh);
    expect(props.nameOf(xi.id)).toBe('Xi Jinping');
    expect(props.nameOf('actor:nobody')).toBeNull();
    expect(props.unchanged).toBe('No changes since it was loaded from its document (no-limits-memo).');
    expect(historyProps(state, xiAttended).unchanged).toBe(
      'No changes since it was loaded from its document.',
    );
  });

  it('is a closed disclosure in the details of a node and of a relationship (asked for once opened)', () => {
    for (const selection of [
      { type: 'node', id: summit.id },
      { type: 'edge', id: xiAttended.id },
    ] as Selection[]) {
      const html = renderToStaticMarkup(
        createElement(DetailsPanel, {
          state: reduce(state, { type: 'selected', selection }),
          views: loading,
          expandStatus: null,
          actions: {} as never,
        }),
      );
      expect(html).toMatch(/<details class="history" data-testid="history"><summary><h4>History<\/h4>/);
    }
  });
});

describe('the panel’s date', () => {
  const patrushev = { ...xi, id: 'actor:nikolai-patrushev', label: 'Nikolai Patrushev' };
  const china = { ...xi, id: 'actor:china', label: 'China' };
  const metInSeptember = edge(patrushev.id, 'MET_WITH', china.id, {
    date: '2022-09-01',
    datePrecision: 'month',
  });
  const graph = reduce(initialState, {
    type: 'graphLoaded',
    nodes: [xi, myanmar, summit, patrushev, china],
    edges: [metInSeptember],
  });
  /** The dates the details panel shows after the kind (" · September 2022"), as a reader sees them. */
  const shownDates = (selection: Selection) => {
    const html = renderToStaticMarkup(
      createElement(DetailsPanel, {
        state: { ...graph, selection },
        views: loading,
        expandStatus: null,
        actions: {
          dispatch: () => {},
          expand: () => {},
          pathEnd: () => {},
          openView: () => {},
          chooseHit: () => {},
          openTable: () => {},
        },
      }),
    );
    return [...html.matchAll(/ · <time[^>]*>([^<]*)<\/time>/g)].map((m) => m[1]);
  };

  it('is as precise as the source: a month, not the first day of it', () => {
    expect(shownDates({ type: 'node', id: myanmar.id })).toEqual(['January 2020']);
    expect(shownDates({ type: 'edge', id: metInSeptember.id })).toEqual(['September 2022']);
    expect(shownDates({ type: 'node', id: summit.id })).toEqual(['15 September 2022']);
    expect(shownDates({ type: 'node', id: xi.id })).toEqual([]);
  });
});

describe('selection and hover', () => {
  it('select what is on the graph only, keeping the search emphasis on its own node', () => {
    expect(select(state, { type: 'node', id: 'actor:nobody' }).selection).toEqual({ type: 'none' });
    const focused = { ...state, focus: { id: xi.id, seq: 1 } };
    expect(select(focused, { type: 'node', id: xi.id }).focus).toEqual({ id: xi.id, seq: 1 });
    expect(select(focused, { type: 'edge', id: xiAttended.id }).focus).toBeNull();
  });

  it('hover changes the state only when the node under the pointer changes', () => {
    const s = hover(state, xi.id);
    expect(s.hover).toBe(xi.id);
    expect(hover(s, xi.id)).toBe(s);
  });
});
