import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { modi, myanmar, putin, quote, summit, xi } from '../../../test/support/client-fixtures.ts';
import { reduce } from '../explorer/reduce.ts';
import { initialState } from '../explorer/state.ts';
import { ready, type Loadable } from '../shared/loadable.ts';
import type { SavedViewSummary } from '../api/types.ts';
import { hitOfNode, keyNodes } from './start.ts';
import { StartPanel } from './StartPanel.tsx';

describe('the principal nodes', () => {
  it('are the best-connected of the kind, most first, ties by label, at most the count asked', () => {
    const nodes = [modi, quote, putin, xi, { ...modi, id: 'actor:a', label: 'A', degree: 4 }];
    expect(keyNodes(nodes, 'ACTOR').map((n) => n.label)).toEqual([
      'Xi Jinping',
      'Vladimir Putin',
      'A',
      'Narendra Modi',
    ]);
    expect(keyNodes(nodes, 'ACTOR', 2).map((n) => n.label)).toEqual(['Xi Jinping', 'Vladimir Putin']);
    expect(keyNodes(nodes, 'MEETING')).toEqual([]);
  });

  it('are chosen as a search hit with the dates at their precision', () => {
    expect(hitOfNode(myanmar)).toMatchObject({
      id: myanmar.id,
      kind: 'MEETING',
      label: "Xi Jinping's trip to Myanmar",
      date: '2020-01-01',
      datePrecision: 'month',
      endDate: null,
    });
    expect(hitOfNode(summit)).toMatchObject({ endDate: '2022-09-16', datePrecision: 'day' });
  });
});

describe('the start panel', () => {
  const state = reduce(initialState, {
    type: 'graphLoaded',
    nodes: [modi, putin, xi, summit, myanmar, quote],
    edges: [],
  });
  const html = (
    views: Loadable<SavedViewSummary[]> = ready([
      { id: 'view:1', name: 'Samarkand week' } as SavedViewSummary,
    ]),
  ) =>
    renderToStaticMarkup(
      createElement(StartPanel, {
        state,
        views,
        actions: { chooseHit: () => {}, openTable: () => {}, openView: () => {} },
      }),
    );
  const listed = (markup: string, title: string) =>
    [
      ...(new RegExp(`aria-label="${title}">(.*?)</ul>`).exec(markup)?.[1] ?? '').matchAll(
        /<button[^>]*>([^<]*)<\/button>|<a[^>]*>([^<]*)<\/a>/g,
      ),
    ].map((m) => m[1] ?? m[2]);

  it('lists the principal actors and events, dated as precisely as the source', () => {
    const markup = html();
    expect(listed(markup, 'Principal actors')).toEqual(['Xi Jinping', 'Vladimir Putin', 'Narendra Modi']);
    expect(listed(markup, 'Principal events')).toHaveLength(2);
    expect(markup).toContain('<time dateTime="2020-01-01">January 2020</time>');
  });

  it('opens the table on each kind an analyst asks about, and lists the saved views', () => {
    const markup = html();
    expect(
      [...markup.matchAll(/aria-label="Open the table on">(.*?)<\/div>/g)][0]![1]!.match(/>[A-Z][a-z]+s</g),
    ).toEqual(['>Meetings<', '>Statements<', '>Agreements<', '>Figures<', '>Actors<']);
    expect(listed(markup, 'Saved views')).toEqual(['Samarkand week']);
    expect(html(ready([]))).toContain('None yet');
  });
});
