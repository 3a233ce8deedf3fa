// The seed format's evidence fields (basis, inferenceNote, passages, reliability, credibility): each mistake with
// its own message, file and path, on copies of the evidence fixture; and what a valid document normalises to.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDocuments, type ReadResult } from './read.ts';
import { formatSeedError } from './files.ts';
import { locatePassage, searchableText } from './passages.ts';
import { EV, EVIDENCE_DOC, EVIDENCE_FIXTURES_DIR } from './fixtures/evidence.ts';
import { tempSeed, type TempSeed } from '../../test/support/seed-copies.ts';

let seed: TempSeed | undefined;
afterEach(() => {
  seed?.remove();
  seed = undefined;
});

/** The fixture with one edit of one of its files: the errors as the CLI prints them (temporary folder cut off). */
function printedAfter(file: string, from: string | RegExp, to: string): string[] {
  seed = tempSeed([EVIDENCE_DOC], EVIDENCE_FIXTURES_DIR);
  seed.edit(EVIDENCE_DOC, file, from, to);
  const result: ReadResult = readDocuments(seed.root);
  if (result.ok) throw new Error('expected the copy to be rejected, but it validated');
  return result.errors.map((e) => formatSeedError(e).replaceAll(`${seed!.root}/`, ''));
}

describe('the evidence fixture', () => {
  it('validates, with passages located at offsets whose text is the document’s', () => {
    const result = readDocuments(EVIDENCE_FIXTURES_DIR);
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    const [doc] = result.documents;
    expect(doc!.text).toMatch(/^March 2022 \| Fixture memo/);
    const statement = doc!.nodes.find((n) => n.id === EV.statement)!;
    const [start] = statement.props.passageStarts as number[];
    const [end] = statement.props.passageEnds as number[];
    // The file writes straight quotes on one line; the stored span is the text's own, curly quotes and line break.
    expect(statement.props.passages).toEqual(['Beta told reporters: “We are the best of\nfriends.”']);
    expect(doc!.text!.slice(start, end)).toBe((statement.props.passages as string[])[0]);
    const hosted = doc!.relationships.find((r) => r.id === EV.hosted)!;
    expect(hosted.props).toMatchObject({
      basis: 'inferred',
      inferenceNote: expect.stringMatching(/no source says so/),
      credibility: 4,
      passages: ['Analysts believe Carla Gamma arranged the meeting'],
    });
    const fn01 = doc!.nodes.find((n) => n.id === 'source:evfix-fn01')!;
    expect(fn01.props).toMatchObject({ reliability: 'B', reliabilityNote: 'An agency with a long record.' });
  });

  it('finds the first occurrence, and a passage whose quotes and spaces differ from the text', () => {
    const text = searchableText('He said ‘yes’.\n\nHe said  ‘yes’ again.');
    expect(locatePassage(text, "He said 'yes'")).toEqual({ start: 0, end: 13, text: 'He said ‘yes’' });
    expect(locatePassage(text, "said 'yes' again")).toEqual({
      start: 19,
      end: 36,
      text: 'said  ‘yes’ again',
    });
    expect(locatePassage(text, 'He said no')).toBeNull();
  });
});

describe('what a valid document may also be', () => {
  it('a statement resting on several passages, one of which holds the quote', () => {
    seed = tempSeed([EVIDENCE_DOC], EVIDENCE_FIXTURES_DIR);
    seed.edit(
      EVIDENCE_DOC,
      'statements.yaml',
      "passages: ['Beta",
      "passages: ['On 3 March 2022 Anna Alpha met Boris Beta in Cairo.', 'Beta",
    );
    const result = readDocuments(seed.root);
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    const statement = result.documents[0]!.nodes.find((n) => n.id === EV.statement)!;
    expect(statement.props.passages).toEqual([
      'On 3 March 2022 Anna Alpha met Boris Beta in Cairo.',
      'Beta told reporters: “We are the best of\nfriends.”',
    ]);
  });

  it('a folder with only its document.yaml: no claims, so no text.txt needed; read as its Source', () => {
    seed = tempSeed([EVIDENCE_DOC], EVIDENCE_FIXTURES_DIR);
    for (const file of readdirSync(path.join(seed.root, EVIDENCE_DOC)))
      if (file !== 'document.yaml') rmSync(seed.file(EVIDENCE_DOC, file));
    const result = readDocuments(seed.root);
    if (!result.ok) throw new Error(result.errors.map(formatSeedError).join('\n'));
    const [doc] = result.documents;
    expect(doc!.nodes.map((n) => n.id)).toEqual(['source:evfix-memo']);
    expect(doc!.relationships).toEqual([]);
    expect(doc!.text).toBeNull();
  });
});

describe('each evidence mistake gets its own message with file and path', () => {
  it('an inference without a note', () => {
    expect(
      printedAfter(
        'relationships.yaml',
        "    inferenceNote: The memo's analysts believe she arranged it; no source says so.\n",
        '',
      ),
    ).toEqual([
      'scratch-evidence/relationships.yaml: relationships[4].inferenceNote: missing inferenceNote: an inferred claim (basis: inferred) says in a note what the inference rests on',
    ]);
  });

  it('a note on a stated claim, and an unknown basis', () => {
    expect(
      printedAfter('meetings.yaml', 'basis: stated', 'basis: stated\n    inferenceNote: a guess'),
    ).toEqual([
      'scratch-evidence/meetings.yaml: meetings[0].inferenceNote: inferenceNote without basis: inferred: a stated claim has no inference note',
    ]);
    expect(printedAfter('statements.yaml', 'basis: stated', 'basis: guessed')).toEqual([
      'scratch-evidence/statements.yaml: statements[0].basis: unknown basis "guessed": stated (the cited passage says it) or inferred (your reading, with an inferenceNote)',
    ]);
  });

  it('a passage that is not in the document’s text', () => {
    expect(
      printedAfter(
        'meetings.yaml',
        'Anna Alpha met Boris Beta in Cairo.',
        'Anna Alpha met Boris Beta in Rome.',
      ),
    ).toEqual([
      'scratch-evidence/meetings.yaml: meetings[0].passages[0]: passage not found in scratch-evidence/text.txt: "On 3 March 2022 Anna Alpha met Boris Beta in Rome." (copy the words exactly; quotes and line breaks may differ)',
    ]);
  });

  it('a relationship’s passage that is not in the document’s text', () => {
    expect(printedAfter('relationships.yaml', "['Beta told reporters']", "['Beta told the press']")).toEqual([
      'scratch-evidence/relationships.yaml: relationships[2].passages[0]: passage not found in scratch-evidence/text.txt: "Beta told the press" (copy the words exactly; quotes and line breaks may differ)',
    ]);
  });

  it('a long passage not found is shown cut after 77 characters; one of 80 is shown whole', () => {
    const eighty = 'On 3 March 2022 Anna Alpha met Boris Beta in Rome, and they talked for two hours';
    expect(eighty).toHaveLength(80);
    expect(
      printedAfter('meetings.yaml', 'On 3 March 2022 Anna Alpha met Boris Beta in Cairo.', eighty),
    ).toEqual([
      `scratch-evidence/meetings.yaml: meetings[0].passages[0]: passage not found in scratch-evidence/text.txt: "${eighty}" (copy the words exactly; quotes and line breaks may differ)`,
    ]);
    seed?.remove();
    expect(
      printedAfter('meetings.yaml', 'On 3 March 2022 Anna Alpha met Boris Beta in Cairo.', `${eighty} Then`),
    ).toEqual([
      'scratch-evidence/meetings.yaml: meetings[0].passages[0]: passage not found in scratch-evidence/text.txt: "On 3 March 2022 Anna Alpha met Boris Beta in Rome, and they talked for two ho..." (copy the words exactly; quotes and line breaks may differ)',
    ]);
  });

  it('passages without a text.txt: one message for the document', () => {
    seed = tempSeed([EVIDENCE_DOC], EVIDENCE_FIXTURES_DIR);
    rmSync(seed.file(EVIDENCE_DOC, 'text.txt'));
    const result = readDocuments(seed.root);
    if (result.ok) throw new Error('expected the copy to be rejected, but it validated');
    expect(result.errors.map((e) => formatSeedError(e).replaceAll(`${seed!.root}/`, ''))).toEqual([
      "scratch-evidence/text.txt: (file): missing text.txt: the passages of its 7 claim(s) are looked up in the document's text; put the document's words, as published, in this file",
    ]);
  });

  it('a claim without passages, and a source without its grade or the reason for it', () => {
    expect(printedAfter('relationships.yaml', "    passages: ['Beta told reporters']\n", '')).toEqual([
      'scratch-evidence/relationships.yaml: relationships[2].passages: missing passages: the exact words of the document (its text.txt) that the claim rests on',
    ]);
    expect(printedAfter('sources.yaml', '    reliability: E\n', '')).toEqual([
      'scratch-evidence/sources.yaml: sources[1].reliability: missing reliability: a grade on the Admiralty scale: A (completely reliable), B (usually reliable), C (fairly reliable), D (not usually reliable), E (unreliable), F (reliability cannot be judged)',
    ]);
    expect(printedAfter('document.yaml', / {2}reliabilityNote: .*\n/, '')).toEqual([
      'scratch-evidence/document.yaml: document.reliabilityNote: missing reliabilityNote: one line on why the source has its grade',
    ]);
  });

  it('a statement whose quote is in none of its passages', () => {
    expect(
      printedAfter(
        'statements.yaml',
        /text: .We are the best of friends../,
        'text: "We are the worst of enemies."',
      ),
    ).toEqual([
      'scratch-evidence/statements.yaml: statements[0].passages: the quote is in none of its passages: one passage must contain the statement\'s text "We are the worst of enemies."',
    ]);
  });

  it('a long quote in none of its passages is shown cut after 57 characters; one of 60 is shown whole', () => {
    const sixty = 'We are the best of friends, and we shall be friends forever.';
    expect(sixty).toHaveLength(60);
    expect(
      printedAfter('statements.yaml', /text: .We are the best of friends../, `text: "${sixty}"`),
    ).toEqual([
      `scratch-evidence/statements.yaml: statements[0].passages: the quote is in none of its passages: one passage must contain the statement's text "${sixty}"`,
    ]);
    seed?.remove();
    expect(
      printedAfter('statements.yaml', /text: .We are the best of friends../, `text: "${sixty} Yes."`),
    ).toEqual([
      'scratch-evidence/statements.yaml: statements[0].passages: the quote is in none of its passages: one passage must contain the statement\'s text "We are the best of friends, and we shall be friends forev..."',
    ]);
  });

  it('a relationship citing a footnote the document does not have', () => {
    expect(printedAfter('relationships.yaml', 'sources: [1, 2]', 'sources: [1, 9]')).toEqual([
      "scratch-evidence/relationships.yaml: relationships[0].sources[1]: unknown footnote 9: no source in this document's sources.yaml has footnote: 9",
    ]);
  });

  it('a source with the id of the document itself', () => {
    expect(printedAfter('sources.yaml', 'id: source:evfix-fn03', 'id: source:evfix-memo')).toEqual([
      'scratch-evidence/sources.yaml: sources[2].id: duplicate id "source:evfix-memo": already defined in scratch-evidence/document.yaml at document',
    ]);
  });

  it('a reliability grade outside the Admiralty scale', () => {
    expect(printedAfter('sources.yaml', 'reliability: E', 'reliability: G')).toEqual([
      'scratch-evidence/sources.yaml: sources[1].reliability: reliability "G" is outside the Admiralty scale: one of A (completely reliable), B (usually reliable), C (fairly reliable), D (not usually reliable), E (unreliable), F (reliability cannot be judged)',
    ]);
  });

  it('a credibility outside 1 to 6', () => {
    expect(printedAfter('relationships.yaml', 'credibility: 4', 'credibility: 7')).toEqual([
      'scratch-evidence/relationships.yaml: relationships[4].credibility: credibility 7 is outside the scale: a whole number from 1 (confirmed) to 6 (cannot be judged)',
    ]);
  });

  it('evidence fields where they do not belong (an actor is not a claim)', () => {
    expect(
      printedAfter('actors.yaml', '    name: Anna Alpha\n', '    name: Anna Alpha\n    basis: stated\n'),
    ).toEqual([
      'scratch-evidence/actors.yaml: actors[0].basis: unknown field "basis" (check its spelling against graph-seed/README.md)',
    ]);
  });
});
