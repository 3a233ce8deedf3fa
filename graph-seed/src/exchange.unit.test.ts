// GraphML and CSV pairs into the seed format: the explorer's own exports (core/exchange) become a document that the
// seed format's checks accept, shared entities keeping their ids and claims taking the document's name; and each
// mistake of a file (bad XML, no id column, an unknown kind or type, a relationship to a node the file lacks, no
// title) is reported with its file and place, nothing converted.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toCsv, toGraphml, type Exchange } from '../../core/exchange/exchange.ts';
import { convertExchangeFiles } from './exchange.ts';
import { normaliseDocuments } from './normalise.ts';
import { parseDocumentSource } from './read.ts';

const x: Exchange = {
  nodes: [
    {
      id: 'actor:xi-jinping',
      attributes: {
        label: 'Xi Jinping',
        kind: 'ACTOR',
        actorType: 'person',
        aliases: 'Xi; 习近平',
        sourceIds: 'source:memo',
      },
    },
    {
      id: 'meeting:sco-summit',
      attributes: {
        label: 'SCO summit',
        kind: 'MEETING',
        meetingType: 'summit',
        date: '2022-09-01',
        datePrecision: 'month',
        passages: 'the SCO summit in Samarkand',
      },
    },
    {
      id: 'statement:no-limits',
      attributes: {
        label: 'No limits…',
        kind: 'STATEMENT',
        text: 'no limits',
        date: '2022-02-04',
        basis: 'inferred',
        inferenceNote: 'read so',
        passages: 'a friendship with "no limits" said Xi',
      },
    },
    {
      id: 'figure:trade',
      attributes: { label: 'Trade', kind: 'FIGURE', metric: 'trade', value: 190.3, unit: 'bn USD' },
    },
    {
      id: 'source:memo',
      attributes: { label: 'The memo', kind: 'SOURCE', reliability: 'B', reliabilityNote: 'a careful memo' },
    },
  ],
  edges: [
    {
      id: 'rel:actor:xi-jinping-ATTENDED->meeting:sco-summit',
      source: 'actor:xi-jinping',
      target: 'meeting:sco-summit',
      attributes: {
        type: 'ATTENDED',
        passages: 'Xi went to Samarkand\nhis first trip',
        sourceIds: 'source:memo',
      },
    },
    {
      id: 'rel:said',
      source: 'actor:xi-jinping',
      target: 'statement:no-limits',
      attributes: { type: 'SAID' },
    },
  ],
};

/** The converted files checked by the seed format itself, as the preview does (without a graph). */
function validated(files: { name: string; content: string }[]) {
  const byName = new Map(files.map((f) => [f.name, f.content] as const));
  const one = parseDocumentSource({
    name: 'export-test',
    dir: '(test)',
    display: (f) => f,
    list: () => [...byName.keys()],
    read: (f) => byName.get(f),
  });
  const name = one.parsed!.files['document.yaml'].document.id.replace(/^source:/, '');
  const normalised = normaliseDocuments([{ ...one.parsed!, name }]);
  return { errors: [...one.errors, ...normalised.errors], documents: normalised.documents };
}

const file = (files: { name: string; content: string }[], name: string) =>
  parse(files.find((f) => f.name === name)!.content) as Record<string, Record<string, unknown>[]>;

describe('a GraphML file as a document', () => {
  const converted = convertExchangeFiles([
    { name: 'canvas.graphml', content: toGraphml(x, { title: 'Export test' }) },
  ]);

  it('makes the seed format’s files, which its checks accept', () => {
    expect(converted?.ok).toBe(true);
    if (!converted?.ok) return;
    const { errors, documents } = validated(converted.files);
    expect([...errors, ...(documents.length ? [] : ['no document'])]).toEqual([]);
    const doc = documents[0]!;
    expect(doc.name).toBe('export-test');
    expect(doc.nodes.map((n) => n.id).sort()).toEqual([
      'actor:xi-jinping',
      'figure:export-test-trade',
      'meeting:sco-summit',
      'source:export-test',
      'source:memo',
      'statement:export-test-no-limits',
    ]);
    expect(doc.relationships.map((r) => r.id)).toEqual([
      'rel:export-test-actor-xi-jinping-attended-meeting-sco-summit',
      'rel:export-test-said',
    ]);
  });

  it('keeps kinds, dates at their precision, basis, passages, aliases and sources', () => {
    if (!converted?.ok) throw new Error('not converted');
    const [xi] = file(converted.files, 'actors.yaml').actors!;
    expect(xi).toMatchObject({ actorType: 'person', aliases: ['Xi', '习近平'], sources: ['source:memo'] });
    expect(file(converted.files, 'meetings.yaml').meetings![0]).toMatchObject({ date: '2022-09' });
    expect(file(converted.files, 'statements.yaml').statements![0]).toMatchObject({
      basis: 'inferred',
      inferenceNote: 'read so',
    });
    // An item that names no source rests on the document itself.
    expect(file(converted.files, 'figures.yaml').figures![0]).toMatchObject({
      value: 190.3,
      sources: ['source:export-test'],
    });
    expect(file(converted.files, 'relationships.yaml').relationships![0]).toMatchObject({
      passages: ['Xi went to Samarkand', 'his first trip'],
    });
    const text = converted.files.find((f) => f.name === 'text.txt')!.content;
    expect(text).toContain('his first trip\n');
    expect(text).toContain('Xi Jinping SAID No limits….');
  });

  it('takes the title from a document.yaml sent beside it, before the file’s', () => {
    const documentYaml =
      'document:\n  id: source:other-name\n  title: Other\n  reliability: C\n  reliabilityNote: fair\n';
    const c = convertExchangeFiles([
      { name: 'canvas.graphml', content: toGraphml(x) },
      { name: 'document.yaml', content: documentYaml },
    ]);
    expect(c?.ok && c.files.find((f) => f.name === 'document.yaml')!.content).toBe(documentYaml);
    expect(c?.ok && file(c.files, 'statements.yaml').statements![0]!.id).toBe(
      'statement:other-name-no-limits',
    );
  });
});

describe('a CSV pair as a document', () => {
  it('makes the same document as the GraphML file', () => {
    const { nodes, edges } = toCsv(x);
    const csv = convertExchangeFiles([
      { name: 'memo.nodes.csv', content: nodes },
      { name: 'memo.relationships.csv', content: edges },
      {
        name: 'document.yaml',
        content:
          'document:\n  id: source:export-test\n  title: Export test\n  reliability: F\n  reliabilityNote: not graded\n',
      },
    ]);
    const graphml = convertExchangeFiles([
      { name: 'canvas.graphml', content: toGraphml(x, { title: 'Export test' }) },
    ]);
    expect(csv?.ok).toBe(true);
    if (!csv?.ok || !graphml?.ok) return;
    for (const name of [
      'actors.yaml',
      'meetings.yaml',
      'statements.yaml',
      'figures.yaml',
      'relationships.yaml',
      'text.txt',
    ])
      expect(csv.files.find((f) => f.name === name)).toEqual(graphml.files.find((f) => f.name === name));
    expect(validated(csv.files).errors).toEqual([]);
  });
});

describe('mistakes of the files, each with its place, nothing converted', () => {
  const errorsOf = (files: { name: string; content: string }[]) => {
    const c = convertExchangeFiles(files);
    return c && !c.ok ? c.errors.map((e) => `${e.file}: ${e.path}: ${e.reason}`) : [];
  };
  const graphml = (content: string) => errorsOf([{ name: 'g.graphml', content }]);

  it('XML that does not parse, and XML that is not GraphML', () => {
    expect(graphml('<graphml><graph><node id="a" kind=></graph></graphml>')).toEqual([
      expect.stringMatching(/^g\.graphml: \(file\): not well-formed XML: line 1, column \d+: /),
    ]);
    expect(graphml('')).toEqual([expect.stringMatching(/^g\.graphml: \(file\): not well-formed XML/)]);
    expect(graphml(toGraphml(x, { title: 'T' }).slice(0, 900))).toEqual([
      expect.stringMatching(
        /: not well-formed XML: line \d+, column \d+: the file ends before its elements are closed/,
      ),
    ]);
    expect(graphml('<gexf><graph/></gexf>')).toEqual([
      "g.graphml: (file): not GraphML: the file's root element is <gexf>, not <graphml>",
    ]);
  });

  it('an unknown kind, an unknown relationship type, a relationship to a node the file lacks', () => {
    const bad: Exchange = {
      nodes: [...x.nodes, { id: 'robot:r2', attributes: { label: 'R2', kind: 'ROBOT' } }],
      edges: [
        ...x.edges,
        { id: 'rel:a', source: 'actor:xi-jinping', target: 'actor:nobody', attributes: { type: 'MET_WITH' } },
        {
          id: 'rel:b',
          source: 'actor:xi-jinping',
          target: 'meeting:sco-summit',
          attributes: { type: 'LIKES' },
        },
      ],
    };
    expect(graphml(toGraphml(bad, { title: 'T' }))).toEqual([
      'g.graphml: node "robot:r2": unknown kind "ROBOT": one of ACTOR, MEETING, STATEMENT, AGREEMENT, FIGURE, SOURCE',
      'g.graphml: relationship "rel:a": its target "actor:nobody" is not a node of the file',
      expect.stringMatching(
        /^g\.graphml: relationship "rel:b": unknown relationship type "LIKES": one of ATTENDED, /,
      ),
    ]);
  });

  it('no title in the file and no document.yaml', () => {
    expect(graphml(toGraphml(x))).toEqual([
      'g.graphml: (file): no title: the file names none (GraphML: a <data> of key "title" on its <graph>); give the document a title',
    ]);
  });

  it('a CSV without an id column, a line of the wrong length, a quote never closed, half a pair', () => {
    const edges = 'id,source,target,type\r\nrel:x,actor:a,actor:b,MET_WITH\r\n';
    expect(
      errorsOf([
        { name: 'nodes.csv', content: 'name,kind\r\nXi,ACTOR\r\n' },
        { name: 'edges.csv', content: edges },
      ]),
    ).toEqual([
      'nodes.csv: line 1: missing id column: the first line names the columns (id, then the attributes)',
    ]);
    expect(
      errorsOf([
        { name: 'nodes.csv', content: 'id,kind\r\nactor:a,ACTOR,extra\r\n' },
        { name: 'edges.csv', content: edges },
      ]),
    ).toEqual(['nodes.csv: line 2: 3 fields, but the first line names 2 columns']);
    expect(
      errorsOf([
        { name: 'nodes.csv', content: 'id,kind\r\n"actor:a,ACTOR\r\n' },
        { name: 'edges.csv', content: edges },
      ]),
    ).toEqual(['nodes.csv: (file): not CSV: line 2: a quoted field is never closed (a " is missing)']);
    expect(errorsOf([{ name: 'nodes.csv', content: 'id\r\n' }])).toEqual([
      expect.stringMatching(/^nodes\.csv: \(file\): a CSV document is a pair/),
    ]);
  });

  it('leaves the seed format’s own files alone', () => {
    expect(convertExchangeFiles([{ name: 'document.yaml', content: 'document: {}' }])).toBeNull();
  });
});
