import { describe, expect, it } from 'vitest';
import { node } from '../../../test/support/client-fixtures.ts';
import {
  citationOf,
  correctionOf,
  edgeInputOf,
  emptyEdgeForm,
  emptyNodeForm,
  isCalendarDate,
  newSource,
  nodeInputOf,
  parseValue,
  reasonOf,
  valueText,
  type EdgeForm,
} from './forms.ts';

const modi = node('actor:narendra-modi', 'ACTOR', { label: 'Narendra Modi' });
const xi = { id: 'actor:xi-jinping', label: 'Xi Jinping', kind: 'ACTOR' as const };
const cited = { type: 'existing' as const, sourceId: 'source:memo' };

describe('the citation', () => {
  it('is required, an existing source or a new one with its title', () => {
    expect(citationOf({ type: 'none' }).errors).toEqual(['Choose the source this rests on.']);
    expect(citationOf(cited)).toEqual({ input: { sourceId: 'source:memo' }, errors: [] });
    expect(citationOf(newSource).errors).toEqual(['A new source needs its title.']);
    expect(
      citationOf({
        type: 'new',
        title: ' Reuters ',
        url: 'https://r.example/a',
        publisher: '',
        date: '2022-09-16',
      }),
    ).toEqual({
      input: { title: 'Reuters', url: 'https://r.example/a', publisher: null, date: '2022-09-16' },
      errors: [],
    });
    expect(
      citationOf({ type: 'new', title: 'T', url: 'ftp://x', publisher: '', date: '2022-02-30' }).errors,
    ).toEqual([
      'The source’s address must start with http:// or https://.',
      'The source’s date must be a calendar date such as 2022-09-15.',
    ]);
  });
});

describe('a new relationship', () => {
  const full: EdgeForm = { ...emptyEdgeForm, type: 'MET_WITH', other: xi, basis: 'STATED', citation: cited };

  it('says everything that is missing, and builds nothing then', () => {
    expect(edgeInputOf(modi, emptyEdgeForm)).toEqual({
      input: null,
      errors: [
        'Choose the relationship’s type.',
        'Choose the other end.',
        'Say whether the source states it or you infer it.',
        'Choose the source this rests on.',
      ],
    });
    expect(edgeInputOf(modi, { ...full, basis: 'INFERRED' }).errors).toEqual([
      'Say what the inference rests on.',
    ]);
    expect(edgeInputOf(modi, { ...full, other: { ...xi, id: modi.id } }).errors).toEqual([
      'The other end must be another node.',
    ]);
    expect(edgeInputOf(modi, { ...full, type: 'ATTENDED' }).errors).toEqual([
      'ATTENDED cannot join ACTOR and ACTOR.',
    ]);
  });

  it('runs from this node unless the other direction is chosen or is the only one', () => {
    expect(edgeInputOf(modi, full).input).toEqual({
      type: 'MET_WITH',
      source: modi.id,
      target: xi.id,
      basis: 'STATED',
      inferenceNote: null,
      citations: [{ sourceId: 'source:memo' }],
    });
    expect(edgeInputOf(modi, { ...full, direction: 'in' }).input).toMatchObject({
      source: xi.id,
      target: modi.id,
    });
    // A meeting's ATTENDED comes from the actor.
    const meeting = node('meeting:sco', 'MEETING');
    expect(edgeInputOf(meeting, { ...full, type: 'ATTENDED', direction: 'out' }).input).toMatchObject({
      source: xi.id,
      target: meeting.id,
    });
  });

  it('carries an inference note and a date', () => {
    expect(
      edgeInputOf(modi, { ...full, basis: 'INFERRED', note: ' same hotel ', date: '2022-09-16' }).input,
    ).toMatchObject({ basis: 'INFERRED', inferenceNote: 'same hotel', properties: { date: '2022-09-16' } });
    expect(edgeInputOf(modi, { ...full, date: '16 Sept' }).errors).toEqual([
      'The date must be a calendar date such as 2022-09-15.',
    ]);
  });
});

describe('a new node', () => {
  it('needs a kind, a name, a basis and a citation', () => {
    expect(nodeInputOf(emptyNodeForm).errors).toHaveLength(4);
    expect(
      nodeInputOf({ ...emptyNodeForm, kind: 'ACTOR', label: ' Scratch ', basis: 'STATED', citation: cited }),
    ).toEqual({
      input: {
        kind: 'ACTOR',
        label: 'Scratch',
        date: null,
        basis: 'STATED',
        inferenceNote: null,
        citations: [{ sourceId: 'source:memo' }],
      },
      errors: [],
    });
    expect(nodeInputOf({ ...emptyNodeForm, kind: 'STATEMENT' }).errors[0]).toBe('Give the quote’s text.');
  });
});

describe('a correction', () => {
  const n = node('actor:a', 'ACTOR', {
    properties: { name: 'A', aliases: ['Ay', 'Aa'], rank: 3, active: true, date: '2022-01-01' },
  });

  it('keeps the type of the value it replaces', () => {
    expect(parseValue('rank', 3, ' 4 ')).toEqual({ value: 4 });
    expect(parseValue('rank', 3, 'four')).toEqual({ error: 'rank is a number.' });
    expect(parseValue('active', true, 'no')).toEqual({ value: false });
    expect(parseValue('aliases', ['x'], 'Ay\n\n Bee \n')).toEqual({ value: ['Ay', 'Bee'] });
    expect(parseValue('date', '2022-01-01', '2022-13-01')).toHaveProperty('error');
    expect(parseValue('role', undefined, '')).toEqual({ error: 'Give the new value of role, or remove it.' });
    expect(valueText(['Ay', 'Aa'])).toBe('Ay\nAa');
  });

  it('builds updateNode’s properties and citations, or says what is missing', () => {
    const form = { property: 'name', value: 'B', remove: false, citation: cited };
    expect(correctionOf(n, form)).toEqual({
      input: { properties: { name: 'B' }, citations: [{ sourceId: 'source:memo' }] },
      errors: [],
    });
    expect(correctionOf(n, { ...form, value: 'A' }).errors).toEqual(['That is name’s value already.']);
    expect(correctionOf(n, { ...form, property: 'aliases', remove: true }).input).toEqual({
      properties: { aliases: null },
      citations: [{ sourceId: 'source:memo' }],
    });
    expect(correctionOf(n, { ...form, property: 'version' }).errors).toEqual([
      'version cannot be corrected here.',
    ]);
    expect(correctionOf(n, { ...form, property: 'Bad name' }).errors[0]).toMatch(/camelCase/);
    expect(correctionOf(n, { ...form, citation: { type: 'none' } }).errors).toEqual([
      'Choose the source this rests on.',
    ]);
  });
});

describe('a retraction', () => {
  it('needs a reason', () => {
    expect(reasonOf('  ')).toEqual({ input: null, errors: ['Say why it is retracted.'] });
    expect(reasonOf(' wrong meeting ')).toEqual({ input: 'wrong meeting', errors: [] });
  });

  it('knows calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
  });
});
