// The offline importer's CSV files (scripts/db-import-csv.ts): escaping, typed headers, and the values refused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ARRAY_DELIMITER,
  Columns,
  CsvFile,
  CsvValueError,
  csvField,
  csvHeader,
  csvTypeOf,
} from './db-import-csv.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'kg-import-csv-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CSV fields for neo4j-admin import', () => {
  it('quotes every text, doubling inner quotes, so commas and line breaks are plain content', () => {
    expect(csvField('name', 'Xi Jinping', 'string')).toBe('"Xi Jinping"');
    expect(csvField('text', 'He said "no limits", twice', 'string')).toBe('"He said ""no limits"", twice"');
    expect(csvField('text', 'line one\nline two', 'string')).toBe('"line one\nline two"');
    expect(csvField('text', '', 'string')).toBe('""');
  });

  it('writes numbers, booleans and dates bare, and no value as an empty field', () => {
    expect(csvField('value', 12.5, 'double')).toBe('12.5');
    expect(csvField('footnote', 3, 'double')).toBe('3');
    expect(csvField('hub', false, 'boolean')).toBe('false');
    expect(csvField('date', '2022-09-15', 'date')).toBe('2022-09-15');
    expect(csvField('role', undefined, 'string')).toBe('');
    expect(csvField('role', null, 'string')).toBe('');
  });

  it('joins a list with the array delimiter inside one quoted field', () => {
    expect(csvField('aliases', ['Xi', 'Xi "Dada", Jinping'], 'string[]')).toBe(
      `"Xi${ARRAY_DELIMITER}Xi ""Dada"", Jinping"`,
    );
    expect(csvField('values', [1, 2.5], 'double[]')).toBe(`"1${ARRAY_DELIMITER}2.5"`);
  });

  it('refuses what the files could not carry faithfully', () => {
    expect(() => csvField('aliases', [`a${ARRAY_DELIMITER}b`], 'string[]')).toThrow(/U\+001F/);
    expect(() => csvField('values', [1, 'two'] as never, 'double[]')).toThrow(/mixes/);
    expect(() => csvField('date', 'September 2022', 'date')).toThrow(CsvValueError);
    expect(() => csvField('value', 'twelve', 'double')).toThrow(/not a double/);
    expect(() => csvField('value', Number.NaN, 'double')).toThrow(CsvValueError);
    expect(() => csvTypeOf('aliases', [])).toThrow(/empty list/);
  });
});

describe('typed columns and headers', () => {
  it('types each property as the transactional loader stores it: numbers as doubles, date fields as dates', () => {
    expect(csvTypeOf('name', 'x')).toBe('string');
    expect(csvTypeOf('footnote', 1)).toBe('double');
    expect(csvTypeOf('date', '2022-01-01')).toBe('date');
    expect(csvTypeOf('endDate', '2022-01-01')).toBe('date');
    expect(csvTypeOf('accessed', '2022-01-01')).toBe('date');
    expect(csvTypeOf('datePrecision', 'day')).toBe('string');
    expect(csvTypeOf('aliases', ['a'])).toBe('string[]');
    expect(csvTypeOf('values', [1])).toBe('double[]');
    expect(csvTypeOf('hub', true)).toBe('boolean');
  });

  it('learns the columns from the values, sorted by name, and refuses a property with two types', () => {
    const columns = new Columns();
    columns.observe({ name: 'a', footnote: 1, date: '2022-01-01', role: undefined });
    columns.observe({ name: 'b', aliases: ['x'] });
    expect(columns.list()).toEqual([
      { name: 'aliases', type: 'string[]' },
      { name: 'date', type: 'date' },
      { name: 'footnote', type: 'double' },
      { name: 'name', type: 'string' },
    ]);
    expect(csvHeader(['id:ID', ':LABEL'], columns.list())).toBe(
      'id:ID,:LABEL,aliases:string[],date:date,footnote:double,name:string',
    );
    expect(() => columns.observe({ footnote: 'one' })).toThrow(/footnote is a string here but a double/);
    expect(() => columns.observe({ 'bad,name': 'x' })).toThrow(/property name/);
  });

  it('streams rows to a file under the header, notes line breaks, and refuses a property without a column', () => {
    const file = path.join(dir, 'nodes.csv');
    const csv = new CsvFile(
      file,
      ['id:ID', ':LABEL'],
      [
        { name: 'name', type: 'string' },
        { name: 'value', type: 'double' },
      ],
    );
    csv.write(['actor:1', `Entity${ARRAY_DELIMITER}Actor`], { name: 'One, "the first"', value: 1.5 });
    expect(csv.multiline).toBe(false);
    csv.write(['actor:2', 'Entity'], { name: 'Two\nlines' });
    expect(csv.multiline).toBe(true);
    expect(() => csv.write(['actor:3', 'Entity'], { other: 'x' })).toThrow(/other has no column/);
    csv.close();
    expect(csv.rows).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(
      'id:ID,:LABEL,name:string,value:double\n' +
        `"actor:1","Entity${ARRAY_DELIMITER}Actor","One, ""the first""",1.5\n` +
        '"actor:2","Entity","Two\nlines",\n',
    );
  });
});
