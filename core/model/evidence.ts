// Evidence: how a claim rests on its document. A claim (a statement, meeting, agreement, figure or relationship)
// is stated by its sources or inferred by the encoder (with a note); sources carry an Admiralty reliability grade
// (A to F) and relationships a credibility (1 to 6). The seed format, the server and the client share these lists.

/** A claim's basis, as the seed files write it. */
export const BASES = ['stated', 'inferred'] as const;
export type SeedBasis = (typeof BASES)[number];

/** The Admiralty (NATO) source-reliability scale, best first; F is also what an ungraded source counts as. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type ReliabilityGrade = (typeof RELIABILITY_GRADES)[number];
export const RELIABILITY_MEANINGS: Record<ReliabilityGrade, string> = {
  A: 'completely reliable',
  B: 'usually reliable',
  C: 'fairly reliable',
  D: 'not usually reliable',
  E: 'unreliable',
  F: 'reliability cannot be judged',
};
/** The grade of a source that has none yet. */
export const UNGRADED: ReliabilityGrade = 'F';

/** The Admiralty information-credibility scale: 1 (confirmed) to 6 (cannot be judged). */
export const CREDIBILITY_MEANINGS: Record<number, string> = {
  1: 'confirmed by other sources',
  2: 'probably true',
  3: 'possibly true',
  4: 'doubtful',
  5: 'improbable',
  6: 'truth cannot be judged',
};
export const CREDIBILITY_MIN = 1;
export const CREDIBILITY_MAX = 6;

/** Whether `grade` is at least as good as `min` (A is best). */
export const gradeAtLeast = (grade: ReliabilityGrade, min: ReliabilityGrade): boolean =>
  RELIABILITY_GRADES.indexOf(grade) <= RELIABILITY_GRADES.indexOf(min);

/** Text compared for quotes and passages: curly quotes and apostrophes made straight, dashes kept, whitespace runs one space. */
export function normaliseForMatch(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A span of a document's text (character offsets) that a claim rests on: the contract's Passage. */
export interface Passage {
  documentId: string;
  start: number;
  end: number;
  text: string;
}

/** The id of the Document node of a seed folder: the document a claim's passages point into. */
export const documentIdOf = (document: string) => `document:${document}`;

/**
 * A claim's passages from its stored properties: the loader's parallel lists `passages`, `passageStarts` and
 * `passageEnds`, and the seed folder in `document`.
 */
export function passagesOf(properties: Record<string, unknown>): Passage[] {
  const { passages, passageStarts, passageEnds, document } = properties;
  if (typeof document !== 'string' || !Array.isArray(passages)) return [];
  const starts = Array.isArray(passageStarts) ? (passageStarts as unknown[]) : [];
  const ends = Array.isArray(passageEnds) ? (passageEnds as unknown[]) : [];
  const documentId = documentIdOf(document);
  return (passages as unknown[]).flatMap((text, i) => {
    const [start, end] = [starts[i], ends[i]];
    return typeof text === 'string' && typeof start === 'number' && typeof end === 'number'
      ? [{ documentId, start, end, text }]
      : [];
  });
}
