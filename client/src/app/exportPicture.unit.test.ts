import { describe, expect, it } from 'vitest';
import type { Source } from '../api/types.ts';
import * as fx from '../../../test/support/client-fixtures.ts';
import { KIND_LOOKS } from '../graph/kinds.ts';
import { escapeXml, shapeElement } from '../graph/svg.ts';
import { layoutPicture, pictureText, svgPicture, wrap } from './exportPicture.ts';

const src = (id: string, extra: Partial<Source> = {}): Source => ({
  id,
  title: id,
  url: null,
  publisher: null,
  date: null,
  footnote: null,
  ...extra,
});
const tass = src('source:fn03', {
  title: 'Li Zhanshu at the Duma',
  url: 'https://tass.com/politics/1505455',
  publisher: 'TASS',
  date: '2022-09-09',
  footnote: 3,
});
const kremlin = src('source:fn01', { title: 'Meeting with Xi', url: 'http://kremlin.ru/x', footnote: 1 });
const memo = src('source:no-limits-memo', { title: '‘No Limits’ memo' });

/** Xi, Putin and the summit, citing the memo and two footnotes (one twice). */
const loaded = (...more: Parameters<typeof fx.run>) =>
  fx.run(
    {
      type: 'graphLoaded',
      nodes: [
        { ...fx.xi, sources: [memo, tass] },
        { ...fx.putin, sources: [kremlin] },
        { ...fx.summit, sources: [tass] },
        { ...fx.myanmar, sources: [src('source:hidden', { footnote: 9, url: 'https://x.org' })] },
      ],
      edges: [{ ...fx.xiAttended, sources: [kremlin] }, fx.putinAttended],
    },
    ...more,
  );

describe('the exported picture’s text', () => {
  it('has the view’s name as title, else "Knowledge graph"', () => {
    expect(pictureText(loaded(), 'Samarkand').title).toBe('Samarkand');
    expect(pictureText(loaded(), null).title).toBe('Knowledge graph');
  });

  it('numbers the sources of what is drawn, each once, by footnote, the document itself last', () => {
    const s = loaded({ type: 'nodesHidden', ids: [fx.myanmar.id] });
    expect(pictureText(s, null).citations).toEqual([
      '[1] Meeting with Xi — http://kremlin.ru/x (footnote 1)',
      '[2] Li Zhanshu at the Duma — TASS, 9 September 2022 — https://tass.com/politics/1505455 (footnote 3)',
      '[3] ‘No Limits’ memo — this document',
    ]);
  });

  it('leaves out the sources of what is not drawn', () => {
    const s = loaded({ type: 'kindToggled', kind: 'ACTOR' });
    const cited = pictureText(s, null).citations;
    expect(cited.some((c) => c.includes('Li Zhanshu at the Duma'))).toBe(true);
    expect(cited.some((c) => c.includes('Meeting with Xi'))).toBe(false);
    expect(cited.some((c) => c.includes('this document'))).toBe(false);
  });

  it('has a legend of the kinds drawn, with their colours and counts', () => {
    expect(pictureText(loaded(), null).legend).toEqual([
      { kind: 'ACTOR', label: 'Actors', color: KIND_LOOKS.ACTOR.color, count: 2 },
      { kind: 'MEETING', label: 'Meetings', color: KIND_LOOKS.MEETING.color, count: 2 },
    ]);
  });

  it('gives the time window, else the span of the dated items drawn', () => {
    // Each end as precise as its item: the Myanmar trip is known to the month.
    expect(pictureText(loaded(), null).dates).toBe('Dates shown: January 2020 – 16 September 2022');
    const windowed = loaded({ type: 'timeWindowSet', window: { since: '2022-09-01', until: '2022-09-30' } });
    expect(pictureText(windowed, null).dates).toBe('Time window: 1 September 2022 – 30 September 2022');
    expect(pictureText(fx.run({ type: 'graphLoaded', nodes: [fx.xi], edges: [] }), null).dates).toBeNull();
  });
});

describe('the exported picture’s layout', () => {
  const measure = (t: string, font: string) => t.length * (font.includes('22px') ? 11 : 6);

  it('wraps long lines at spaces', () => {
    expect(wrap('aa bb cc dd', 5, (t) => t.length)).toEqual(['aa bb', 'cc dd']);
    expect(wrap('averylongword b', 4, (t) => t.length)).toEqual(['averylongword', 'b']);
  });

  it('puts title, dates and legend above the graph and the citations below it', () => {
    const text = pictureText(loaded(), 'Samarkand');
    const layout = layoutPicture(text, { width: 2000, height: 1000 }, measure);
    const texts = layout.items.filter((i) => i.type === 'text');
    const title = texts.find((i) => i.text === 'Samarkand')!;
    const dates = texts.find((i) => i.text.startsWith('Dates shown'))!;
    const firstCitation = texts.find((i) => i.text.startsWith('[1]'))!;
    expect(title.y).toBeLessThan(dates.y);
    expect(dates.y).toBeLessThan(layout.graph.y);
    expect(layout.items.filter((i) => i.type === 'swatch').map((i) => i.color)).toEqual([
      KIND_LOOKS.ACTOR.color,
      KIND_LOOKS.MEETING.color,
    ]);
    expect(firstCitation.y).toBeGreaterThan(layout.graph.y + 1000);
    expect(layout.height).toBeGreaterThan(firstCitation.y);
    expect(layout.width).toBe(2000);
    for (const t of texts) expect(t.x + measure(t.text, t.font)).toBeLessThanOrEqual(layout.width);
  });

  it('says so when nothing drawn has a source', () => {
    const s = fx.run({ type: 'graphLoaded', nodes: [fx.xi], edges: [] });
    const layout = layoutPicture(pictureText(s, null), { width: 400, height: 300 }, measure);
    expect(layout.items.some((i) => i.type === 'text' && i.text.startsWith('No source recorded'))).toBe(true);
    expect(layout.width).toBeGreaterThanOrEqual(400);
  });
});

describe('the SVG picture', () => {
  const measure = (t: string, font: string) => t.length * parseFloat(font.replace(/^bold /, '')) * 0.5;
  const graph = { width: 400, height: 300, body: '<ellipse cx="30" cy="30" rx="10" ry="10" fill="red"/>' };
  const text = {
    title: 'Samarkand & after <draft>',
    legend: [{ kind: 'ACTOR', label: 'Actors', color: '#2563c9', count: 2 }],
    dates: 'Dates shown: 15 September 2022',
    citations: ['[1] Li Zhanshu at the Duma — TASS, 9 September 2022 — https://tass.com/politics/1505455'],
  };

  it('is one SVG document with the title, dates, legend and numbered citations around the graph', () => {
    const svg = svgPicture(graph, text, measure);
    expect(
      svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'),
    ).toBe(true);
    expect(svg).toContain('<title>Samarkand &amp; after &lt;draft&gt;</title>');
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    expect(texts).toEqual([
      'Samarkand &amp; after &lt;draft&gt;',
      'Dates shown: 15 September 2022',
      'Actors (2)',
      'Sources',
      '[1] Li Zhanshu at the Duma — TASS, 9 September 2022 — https://tass.com/politics/1505455',
    ]);
    expect(svg).toContain('<rect x="16" y="');
    // The graph sits between the legend and the sources, where the PNG puts it.
    const layout = layoutPicture(text, graph, measure, 1);
    expect(svg).toContain(
      `<g class="graph" transform="translate(${layout.graph.x} ${layout.graph.y})">\n${graph.body}`,
    );
    const sourcesY = Number(/<text x="16" y="(\d+)"[^>]*>Sources</.exec(svg)![1]);
    expect(sourcesY).toBeGreaterThan(layout.graph.y + graph.height);
  });

  it('draws each kind’s shape at its place and escapes what it writes', () => {
    expect(shapeElement('ellipse', 10, 20, 8, 6, 'fill="x"')).toBe(
      '<ellipse cx="10" cy="20" rx="4" ry="3" fill="x"/>',
    );
    expect(shapeElement('round-rectangle', 10, 20, 12, 6, 'fill="x"')).toBe(
      '<rect x="4" y="17" width="12" height="6" rx="1" fill="x"/>',
    );
    expect(shapeElement('diamond', 0, 0, 4, 4, 'fill="x"')).toBe(
      '<polygon points="0,-2 2,0 0,2 -2,0" fill="x"/>',
    );
    expect(shapeElement('hexagon', 0, 0, 8, 4, '')).toContain('points="-4,0 -2,-2 2,-2 4,0 2,2 -2,2"');
    expect(shapeElement('round-triangle', 0, 0, 4, 4, '')).toContain('points="0,-2 2,2 -2,2"');
    expect(escapeXml(`"Xi" & 'Putin' <met>`)).toBe('&quot;Xi&quot; &amp; &apos;Putin&apos; &lt;met&gt;');
  });
});
