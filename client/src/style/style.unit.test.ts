import { describe, expect, it } from 'vitest';
import { node, run, savedView, summit, xi } from '../../../test/support/client-fixtures.ts';
import { pictureText } from '../app/exportPicture.ts';
import { viewInput, viewStyle } from '../views/views.ts';
import {
  isKey,
  keyOptions,
  NO_STYLE,
  NO_VALUE_COLOUR,
  OTHER_COLOUR,
  PALETTE,
  RAMP,
  rampColour,
  ruleLines,
  SIZE_BOUNDS,
  styleLooks,
  type StyleRules,
} from './style.ts';

const actor = (id: string, properties: Record<string, unknown>, date: string | null = null) =>
  node(`actor:${id}`, 'ACTOR', { properties, date });
const nodes = [
  actor('xi', { country: 'China', actorType: 'person' }),
  actor('li', { country: 'China', actorType: 'person' }),
  actor('putin', { country: 'Russia', actorType: 'person' }),
  actor('modi', { country: 'India', actorType: 'person' }),
  actor('cpc', { country: 'China', actorType: 'party' }),
  node('meeting:summit', 'MEETING', { properties: { meetingType: 'summit' }, date: '2022-09-15' }),
];
const rules = (r: Partial<StyleRules>): StyleRules => ({ ...NO_STYLE, ...r });

describe('colour by a property', () => {
  it('gives each text value a palette colour, the most frequent first, and grey to nodes without one', () => {
    const { looks, legend } = styleLooks(rules({ colourBy: 'property:country' }), nodes, null);
    expect(looks['actor:xi']!.styleColour).toBe(PALETTE[0]);
    expect(looks['actor:cpc']!.styleColour).toBe(PALETTE[0]);
    expect(looks['actor:modi']!.styleColour).toBe(PALETTE[1]); // India before Russia: one each, by name
    expect(looks['actor:putin']!.styleColour).toBe(PALETTE[2]);
    expect(looks['meeting:summit']!.styleColour).toBe(NO_VALUE_COLOUR);
    expect(legend.colour).toEqual({
      key: 'property:country',
      type: 'categories',
      categories: [
        { value: 'China', colour: PALETTE[0], count: 3 },
        { value: 'India', colour: PALETTE[1], count: 1 },
        { value: 'Russia', colour: PALETTE[2], count: 1 },
        { value: 'no value', colour: NO_VALUE_COLOUR, count: 1 },
      ],
    });
  });

  it('draws the values beyond the palette’s ten in one "other" colour, counted together in the legend', () => {
    const many = Array.from({ length: 13 }, (_, i) => actor(`a${i}`, { country: `Country ${i + 1}` }));
    const { looks, legend } = styleLooks(rules({ colourBy: 'property:country' }), many, null);
    expect(looks['actor:a9']!.styleColour).toBe(PALETTE[9]);
    expect(looks['actor:a10']!.styleColour).toBe(OTHER_COLOUR);
    const categories = legend.colour?.type === 'categories' ? legend.colour.categories : [];
    expect(categories).toHaveLength(11);
    expect(categories.at(-1)).toEqual({ value: 'other', colour: OTHER_COLOUR, count: 3 });
  });

  it('ramps a number from the smallest value to the largest', () => {
    const dated = [
      actor('a', {}, '2020-01-01'),
      actor('b', {}, '2021-06-01'),
      actor('c', {}, '2022-09-15'),
      actor('d', {}),
    ];
    const { looks, legend } = styleLooks(rules({ colourBy: 'year' }), dated, null);
    expect(looks['actor:a']!.styleColour).toBe(RAMP[0]);
    expect(looks['actor:c']!.styleColour).toBe(RAMP[RAMP.length - 1]);
    expect(looks['actor:b']!.styleColour).toBe(rampColour(0.5));
    expect(looks['actor:d']!.styleColour).toBe(NO_VALUE_COLOUR);
    expect(legend.colour).toMatchObject({ type: 'ramp', min: 2020, max: 2022, none: 1 });
    expect(rampColour(0)).toBe(RAMP[0]);
    expect(rampColour(1)).toBe(RAMP[3]);
  });

  it('colours by community, community n the n-th colour, once the measures are there', () => {
    const measures = {
      'actor:xi': { degree: 2, pagerank: 0.2, betweenness: 0.5, community: 2 },
      'actor:li': { degree: 1, pagerank: 0.1, betweenness: 0, community: 1 },
    };
    const two = nodes.slice(0, 2);
    const pending = styleLooks(rules({ colourBy: 'measure:community' }), two, null);
    expect(pending.looks['actor:xi']).toEqual({});
    expect(pending.legend.colour).toEqual({ key: 'measure:community', type: 'pending' });
    const { looks } = styleLooks(rules({ colourBy: 'measure:community' }), two, measures);
    expect(looks['actor:xi']!.styleColour).toBe(PALETTE[1]);
    expect(looks['actor:li']!.styleColour).toBe(PALETTE[0]);
  });
});

describe('size and caption', () => {
  const figures = [
    node('figure:a', 'FIGURE', { properties: { value: 10, unit: 'bn' } }),
    node('figure:b', 'FIGURE', { properties: { value: 20, unit: 'bn' } }),
    node('figure:c', 'FIGURE', { properties: { value: 12.3456, unit: '%' } }),
    node('actor:x', 'ACTOR', { label: 'X', properties: { country: 'China' } }),
  ];

  it('sizes linearly in a number between the bounds; a node without the value is the smallest', () => {
    const { looks, legend } = styleLooks(rules({ sizeBy: 'property:value' }), figures, null);
    expect(looks['figure:a']!.styleSize).toBe(SIZE_BOUNDS.min);
    expect(looks['figure:b']!.styleSize).toBe(SIZE_BOUNDS.max);
    expect(looks['figure:c']!.styleSize).toBe(Math.round(22 + 0.23456 * 58));
    expect(looks['actor:x']!.styleSize).toBe(SIZE_BOUNDS.min);
    expect(legend.size).toEqual({ key: 'property:value', min: 10, max: 20, none: 1 });
  });

  it('offers only numbers to size by; text sizes nothing', () => {
    const options = keyOptions(figures, NO_STYLE);
    const numeric = (key: string) => options.find((o) => o.key === key)?.numeric;
    expect(numeric('property:value')).toBe(true);
    expect(numeric('property:unit')).toBe(false);
    expect(numeric('property:country')).toBe(false);
    expect(numeric('measure:betweenness')).toBe(true);
    expect(numeric('measure:community')).toBe(false);
    expect(options.map((o) => o.label)).toEqual([
      'Degree',
      'PageRank',
      'Betweenness',
      'Community',
      'Year',
      'country',
      'unit',
      'value',
    ]);
    const { looks, legend } = styleLooks(rules({ sizeBy: 'property:unit' }), figures, null);
    expect(looks['figure:a']).toEqual({});
    expect(legend.size).toBeUndefined();
  });

  it('captions by the value (numbers shortened), leaving the name where a node has none', () => {
    const { looks, legend } = styleLooks(rules({ captionBy: 'property:value' }), figures, null);
    expect(looks['figure:a']!.caption).toBe('10');
    expect(looks['figure:c']!.caption).toBe('12.3');
    expect(looks['actor:x']!.caption).toBeUndefined();
    expect(legend.caption).toEqual({ key: 'property:value' });
    expect(styleLooks(rules({ captionBy: 'property:country' }), figures, null).looks['actor:x']).toEqual({
      caption: 'China',
    });
  });

  it('draws nothing for a property no node has, and knows no other kind of key', () => {
    const { looks, legend } = styleLooks(rules({ colourBy: 'property:nowhere' }), figures, null);
    expect(looks['figure:a']!.styleColour).toBe(NO_VALUE_COLOUR);
    expect(legend.colour).toMatchObject({ categories: [{ value: 'no value', count: 4 }] });
    expect(isKey('property:country')).toBe(true);
    expect(isKey('measure:eigenvector')).toBe(false);
    expect(isKey('colour')).toBe(false);
  });
});

describe('saved with a view', () => {
  const s = run({ type: 'graphLoaded', nodes: [xi, summit], edges: [] });
  const view = (layout: unknown) => savedView(layout, null);

  it('keeps the rules and reads them back', () => {
    const saved = rules({ colourBy: 'property:country', sizeBy: 'measure:betweenness', captionBy: 'year' });
    const input = viewInput(s, { positions: {} }, { name: 'Styled', description: '' }, saved);
    expect(input.layout).toMatchObject({ style: saved });
    expect(viewStyle(view(JSON.parse(JSON.stringify(input.layout))))).toEqual(saved);
  });

  it('reads a view saved with the old `analysis` field as the same look', () => {
    expect(
      viewStyle(view({ positions: {}, analysis: { sizeBy: 'betweenness', colourByCommunity: true } })),
    ).toEqual(rules({ sizeBy: 'measure:betweenness', colourBy: 'measure:community' }));
    expect(viewStyle(view({ positions: {}, analysis: { sizeBy: null, colourByCommunity: false } }))).toEqual(
      NO_STYLE,
    );
  });

  it('drops a rule it cannot read, and only that one', () => {
    const layout = { positions: {}, style: { colourBy: 'measure:eigenvector', sizeBy: 'measure:degree' } };
    expect(viewStyle(view(layout))).toEqual(rules({ sizeBy: 'measure:degree' }));
    expect(viewStyle(view({ positions: {}, style: 'bold' }))).toEqual(NO_STYLE);
  });
});

describe('on an exported picture', () => {
  it('says what the rules draw by, with a colour rule’s values for the legend instead of the kinds', () => {
    const state = run({ type: 'graphLoaded', nodes, edges: [] });
    const { legend } = styleLooks(
      rules({ colourBy: 'property:country', sizeBy: 'year', captionBy: 'property:actorType' }),
      nodes,
      null,
    );
    const text = pictureText(state, 'Styled', legend);
    expect(text.legend.map((l) => [l.label, l.color, l.count])).toEqual([
      ['China', PALETTE[0], 3],
      ['India', PALETTE[1], 1],
      ['Russia', PALETTE[2], 1],
      ['no value', NO_VALUE_COLOUR, 1],
    ]);
    expect(text.rules).toEqual([
      'Colour: country (the shape tells the kind)',
      'Size: Year 2022 – 2022, smallest to largest',
      'Caption: actorType',
    ]);
    expect(pictureText(state, null).legend.map((l) => l.label)).toEqual(['Actors', 'Meeting']);
    expect(ruleLines({})).toEqual([]);
  });
});
