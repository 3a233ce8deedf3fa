// Candidate quotes and their speakers. A quote is the text between double quotation marks (curly or straight),
// outside the notes, without a comma the writer put before the closing mark; a quote of one word ("subdued") is a
// candidate only when a speech pattern (not the subject rule) names who said it: otherwise it is most often a
// term or a scare quote (the word "Ukraine", the "Quad").
//
// Its speaker is looked for in its own sentence, outside other quotations, among the graph's actors found there
// (names.ts) and capitalised person-like names: runs of capitalised words, a leading function word ("The", "In")
// and everything up to the last title ("Indian Prime Minister Narendra Modi" gives "Narendra Modi") dropped,
// adjectives such as "Russian" or "Sino-Russian" alone not taken. A sentence's first word that the text never
// capitalises elsewhere ("Biden told…", but also "Media coverage…") is a speaker only by a speech verb or colon.
// Patterns, in tiers; within a tier the name nearest to the quote wins:
//
//   1  speech verb      "Putin added: “…”", "Li declared that “…”", "John Kirby, cited …", "Then Putin: “…”" (not
//                       "delivered to Xi: “…”"), "Beijing’s state media said" (the possessive's phrase is the name)
//      after the quote  "“…,” said Putin", "“…,” Putin said", "“…,” according to Reuters"
//      according to     "According to the Financial Times, the “…”"
//   2  remarks by       "a single comment by Putin, delivered …: “…”", "Putin’s comment about “…”"
//   3  subject          the last name before the quote that a verb follows, not after a preposition ("to
//                       Russia"): "Xi re-upped his commitment to “…”"
//
// A quote with none of these has no speaker: the analyst gives one, or none (the document's own words).
import type { DraftDate } from './dates.ts';
import type { DraftName } from './names.ts';
import {
  itemsWithin,
  overlapsAny,
  quoteSpans,
  spanAt,
  type QuoteMarks,
  type Span,
  type TextLayout,
} from './text.ts';

/** How a speaker was found (see above). */
export const SPEAKER_PATTERNS = {
  verb: 'speech verb',
  after: 'after the quote',
  accordingTo: 'according to',
  remarksBy: 'remarks by',
  subject: 'subject',
} as const;
export type SpeakerPattern = (typeof SPEAKER_PATTERNS)[keyof typeof SPEAKER_PATTERNS];

/** The speaker proposed for a quote: a name in the text, the graph's entity when it is one of its names. */
export interface DraftSpeaker {
  start: number;
  end: number;
  /** The name as written ("Russian President Vladimir Putin" gives "Vladimir Putin"). */
  text: string;
  /** The graph's entity (an actor) whose name this is, or null for a name the graph does not know. */
  entityId: string | null;
  /** That entity's label, or null. */
  label: string | null;
  how: SpeakerPattern;
}

/** A candidate quote: its words without the quotation marks, its speaker and the date nearest to it. */
export interface DraftQuote {
  start: number;
  end: number;
  text: string;
  speaker: DraftSpeaker | null;
  /** The date nearest to the quote: in its sentence (before it first), else in the note its sentence cites, else earlier in its paragraph. */
  date: DraftDate | null;
}

const words = (list: string) => list.trim().split(/\s+/);

// Past tenses, and the present tenses that are not also plural nouns ("his SCO remarks" is not a verb).
const SPEECH_VERBS = words(`
  said says say told tells stated declared added adds continued continues wrote writes noted argued argues warned
  warns urged urges asked asks replied replies explained explains insisted insists threatened threatens announced
  announces tweeted posted cited cites claimed called promised pledged vowed stressed stresses emphasised
  emphasized emphasises emphasizes remarked commented responded responds answered acknowledged acknowledges
  admitted admits conceded concedes concluded concludes observed observes suggested suggests proposed proposes
  demanded reported quoted described describes affirmed affirms reiterated reiterates reaffirmed reaffirms recalled
  countered complained complains predicted predicts assured assures confirmed confirms denied denies labelled
  labeled dubbed`);
const SPEECH_NOUNS = words(`
  comment comments remark remarks words statement statements speech address message tweet reply response answer
  quote interview letter warning pledge promise testimony briefing`);
/** Words that may stand between a name and its verb: "Putin also said", "Xi has repeatedly called". */
const MODIFIER =
  '(?:\\p{Ll}+ly|also|then|later|again|even|further|once|still|has|had|have|would|will|did|was|were)';
const VERB = `(?:${SPEECH_VERBS.join('|')})`;
const NOUN = `(?:${SPEECH_NOUNS.join('|')})`;

const VERB_AFTER_NAME = new RegExp(
  `^(?:,[^,.;:\u201C\u201D"]{1,60},)?,?\\s+(?:${MODIFIER}\\s+){0,2}${VERB}(?![\\p{L}\\p{N}])`,
  'u',
);
/** "Beijing’s state media said": the possessive's phrase (one to three lower-case words) is the speaker. */
const PHRASE_VERB = new RegExp(
  `^[\u2019']s\\s+((?:[\\p{Ll}-]+\\s+){0,2}[\\p{Ll}-]+)\\s+(?:${MODIFIER}\\s+){0,2}${VERB}(?![\\p{L}\\p{N}])`,
  'u',
);
const POSSESSIVE_NOUN = new RegExp(`^[\u2019']s\\s+(?:[\\p{Ll}-]+\\s+){0,2}?${NOUN}(?![\\p{L}\\p{N}])`, 'u');
const COLON = /^[\u2019']?\s*:\s*$/;
const ACCORDING_TO = /according\s+to\s+(?:the\s+)?$/i;
const NOUN_BY = new RegExp(`${NOUN}\\s+(?:(?:made|delivered|given|posted)\\s+)?by\\s+(?:the\\s+)?$`, 'iu');
const VERB_THEN_NAME = new RegExp(`^[\\s,]*${VERB}\\s+(?:the\\s+)?$`, 'u');
const NAME_THEN_VERB = new RegExp(`^\\s+(?:${MODIFIER}\\s+){0,2}${VERB}(?![\\p{L}\\p{N}])`, 'u');
const ONLY_SPACE = /^[\s,]*(?:the\s+)?$/i;
const ACCORDING_AFTER = /^[\s,]*according\s+to\s+(?:the\s+)?$/i;
const NEXT_WORD = new RegExp(`^\\s+(?:${MODIFIER}\\s+){0,2}(\\p{Ll}[\\p{Ll}-]*)`, 'u');

/** Words before a name that make it an object, not the subject: "to Russia", "with Modi". */
const NOT_BEFORE_SUBJECT = new Set(
  words(`to in from with of for at on into onto against toward towards over about than between among by through
  under across after before like via per including and or nor`),
);
/** Words after a name that are not its verb. */
const NOT_A_VERB = new Set(
  words(`and or of to in for with the a an on at as from by that which who whose whom but nor than into onto upon
  over under about between amid after before during per via while when where its his her their`),
);

/** Capitalised words that begin sentences and phrases without being names. */
const FUNCTION_WORDS = new Set(
  words(`The A An In On At It Its He She They We I You This That These Those His Her Their Our My Your But And Or
  Yet So If For To As By After Before Until While When Where Why How What Which Who Whom Whose Nor Not No Many Some
  More Most Few One Two Three Four Five Six Seven Eight Nine Ten Also Even Still Thus Indeed Clearly Overall
  Meanwhile However Although Though Despite Since Because From With Without Within Of Per Via Just Only Here There
  Then Now Today Yesterday Tomorrow Such Each Every All Both Other Another Any Nevertheless Instead Rather Unlike
  Like Under Over About Against Among Between Through During Upon Into Onto Toward Towards Beyond Mr Mrs Ms Dr`),
);
/**
 * Titles: a run "U.S. Commerce Secretary Gina Raimondo" keeps what follows its last title (their modifiers, such as
 * Prime, Foreign, Vice, stand before it and go with it). Not in the name of a body ("General Administration of
 * Customs"): a run with one of ORGANISATIONS after its last title keeps its titles.
 */
const TITLES = new Set(
  words(`President Minister Secretary General Chairman Chairwoman Chair Chairperson Premier Chancellor Spokesperson
  Spokesman Spokeswoman Ambassador Senator Sen Representative Rep Governor Gov Mayor Coordinator Director
  Commander Admiral Adm Colonel Col Captain Capt Lieutenant Lt Sergeant Sgt Mr Mrs Ms Dr Prof Professor King Queen
  Prince Princess Pope Envoy Judge Justice Speaker Sheikh Emir Sultan Ayatollah CEO`),
);
const ORGANISATIONS = new Set(
  words(`Administration Ministry Department Office Council Committee Agency Bureau Commission Party Organization
  Organisation Union Assembly Staff Corporation Company Bank Service Court Institute Parliament Congress Senate
  House Government Cabinet Secretariat Directorate Authority Forces Army Navy Command`),
);
const MONTHS_AND_DAYS = new Set(
  words(`January February March April May June July August September October November December Monday Tuesday
  Wednesday Thursday Friday Saturday Sunday`),
);
/** Connectors inside a name: "Department of Commerce", "Charles de Gaulle". */
const CONNECTORS = new Set(words('of de du da der van von bin al la le y'));
/** A single word that is an adjective of place or people: "Russian", "Chinese", "Western", "Sino-Russian". */
const DEMONYM = /(?:ian|ean|ese|ish|can|ern|ic)$|^Sino-|^Euro-|^Pan-/u;

interface Token extends Span {
  text: string;
  capital: boolean;
  possessive: boolean;
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:[.\u2019'-][\p{L}\p{N}\p{M}]+)*\.?/gu;

function tokensIn(text: string, span: Span): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(TOKEN)) {
    let raw = m[0];
    const start = span.start + m.index;
    let possessive = false;
    if (/[\u2019']s$/u.test(raw)) {
      raw = raw.slice(0, -2);
      possessive = true;
    } else if (raw.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(raw)) raw = raw.slice(0, -1);
    if (raw === '') continue;
    out.push({ start, end: start + raw.length, text: raw, capital: /^\p{Lu}/u.test(raw), possessive });
  }
  return out;
}

/** The words a text capitalises other than at the start of a sentence: names, not sentence openers. */
export function capitalisedMidSentence(layout: TextLayout): Set<string> {
  const out = new Set<string>();
  const quoted = quoteSpans(layout.quotes);
  const insideQuote = (t: Span) => overlapsAny(quoted, t.start, t.end);
  for (const s of layout.sentences) {
    if (spanAt(layout.references, s.start)) continue;
    const tokens = tokensIn(layout.text, s);
    for (const [i, t] of tokens.entries()) {
      if (i === 0 || !t.capital || insideQuote(t)) continue;
      const before = layout.text.slice(tokens[i - 1]!.end, t.start);
      if (/[:\u201C"(]/.test(before)) continue;
      out.add(t.text);
    }
  }
  return out;
}

/** A name a speaker may be: its span, and the graph's entity when it is a known actor's name. */
interface Candidate extends Span {
  text: string;
  entityId: string | null;
  label: string | null;
  /**
   * A sentence's first word that the text capitalises nowhere else ("Biden told reporters", but also "Media
   * coverage called"): a speaker only when a speech verb or a colon follows it.
   */
  opener?: boolean;
}

/** The person-like names of one stretch of a sentence, from its runs of capitalised words. */
function namesInRuns(
  text: string,
  tokens: Token[],
  sentenceStart: number,
  midCaps: Set<string>,
): Candidate[] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  const flush = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = run.at(-1);
    const gapOk =
      prev !== undefined && /^[ \u00A0]$/.test(text.slice(prev.end + (prev.possessive ? 2 : 0), t.start));
    if (t.capital && !MONTHS_AND_DAYS.has(t.text)) {
      if (!(prev && gapOk && !prev.possessive)) flush();
      run.push(t);
      if (t.possessive) flush();
      continue;
    }
    const next = tokens[i + 1];
    const joins =
      CONNECTORS.has(t.text) &&
      prev !== undefined &&
      gapOk &&
      !prev.possessive &&
      next !== undefined &&
      next.capital &&
      text.slice(t.end, next.start) === ' ';
    if (joins) run.push(t);
    else flush();
  }
  flush();
  const out: Candidate[] = [];
  for (const r of runs) {
    let kept = [...r];
    const atSentenceStart = /^[\s\u201C"(]*$/.test(text.slice(sentenceStart, kept[0]!.start));
    while (kept.length > 0 && (FUNCTION_WORDS.has(kept[0]!.text) || CONNECTORS.has(kept[0]!.text)))
      kept.shift();
    const opener = atSentenceStart && kept[0] === r[0] && kept.length === 1 && !midCaps.has(kept[0]!.text);
    const lastTitle = kept.map((t) => TITLES.has(t.text)).lastIndexOf(true);
    const rest = kept.slice(lastTitle + 1);
    if (lastTitle >= 0 && !rest.some((t) => ORGANISATIONS.has(t.text))) kept = rest;
    while (kept.length > 0 && CONNECTORS.has(kept.at(-1)!.text)) kept.pop();
    if (kept.length === 0) continue;
    if (kept.length === 1 && DEMONYM.test(kept[0]!.text)) continue;
    const start = kept[0]!.start;
    const end = kept.at(-1)!.end;
    out.push({ start, end, text: text.slice(start, end), entityId: null, label: null, opener });
  }
  return out;
}

/** What the speaker search reads, computed once per text. */
interface SpeakerContext {
  layout: TextLayout;
  /** The quotations as spans, marks included. */
  quoted: Span[];
  /** The graph's actors found in the text, in order. */
  actors: DraftName[];
  midCaps: Set<string>;
}

/** The names in `span` a speaker may be: the graph's actors, then other person-like names, outside quotations. */
function candidatesIn(ctx: SpeakerContext, span: Span, sentence: Span): Candidate[] {
  const { text } = ctx.layout;
  const insideQuote = (s: Span) => overlapsAny(ctx.quoted, s.start, s.end);
  const known: Candidate[] = itemsWithin(ctx.actors, span)
    .filter((n) => !insideQuote(n))
    .map((n) => ({ start: n.start, end: n.end, text: n.text, entityId: n.entityId, label: n.label }));
  const tokens = tokensIn(text, span).filter((t) => !insideQuote(t));
  const others = namesInRuns(text, tokens, sentence.start, ctx.midCaps).filter(
    (c) => !known.some((k) => k.start < c.end && c.start < k.end),
  );
  return [...known, ...others].sort((a, b) => a.start - b.start);
}

/** The pattern by which a name before the quote (in its sentence) is its speaker, or null. */
function patternBefore(
  text: string,
  c: Candidate,
  quote: QuoteMarks,
  sentence: Span,
): (Candidate & { how: SpeakerPattern }) | null {
  const after = text.slice(c.end, Math.min(quote.open, c.end + 120));
  const before = text.slice(sentence.start, c.start);
  const phrase = PHRASE_VERB.exec(after);
  if (phrase) {
    const end = c.end + phrase[0].indexOf(phrase[1]!) + phrase[1]!.length;
    return {
      ...c,
      end,
      text: text.slice(c.start, end),
      entityId: null,
      label: null,
      how: SPEAKER_PATTERNS.verb,
    };
  }
  const colon = COLON.test(text.slice(c.end, quote.open)) && !afterPreposition(text, c, sentence);
  if (VERB_AFTER_NAME.test(after) || colon) return { ...c, how: SPEAKER_PATTERNS.verb };
  if (c.opener) return null;
  if (ACCORDING_TO.test(before)) return { ...c, how: SPEAKER_PATTERNS.accordingTo };
  if (NOUN_BY.test(before) || POSSESSIVE_NOUN.test(after)) return { ...c, how: SPEAKER_PATTERNS.remarksBy };
  return null;
}

/** Whether the word before a name makes it an object: "to Xi", "with Modi". */
function afterPreposition(text: string, c: Candidate, sentence: Span): boolean {
  const previous = /([\p{L}]+)[\s,]*$/u.exec(text.slice(sentence.start, c.start))?.[1]?.toLowerCase();
  return previous !== undefined && NOT_BEFORE_SUBJECT.has(previous);
}

/** Whether a name before the quote is the subject of a verb ("Xi re-upped"), not after a preposition. */
function isSubject(text: string, c: Candidate, sentence: Span): boolean {
  if (c.opener || afterPreposition(text, c, sentence)) return false;
  if (/^[\u2019']s/u.test(text.slice(c.end))) return false;
  const next = NEXT_WORD.exec(text.slice(c.end, c.end + 80));
  return next !== null && !NOT_A_VERB.has(next[1]!);
}

/** The pattern by which a name after the quote (in its sentence) is its speaker: "“…,” said Putin", or null. */
function patternAfter(text: string, c: Candidate, quote: QuoteMarks): SpeakerPattern | null {
  const between = text.slice(quote.close + 1, c.start);
  if (between.length > 60) return null;
  if (VERB_THEN_NAME.test(between)) return SPEAKER_PATTERNS.after;
  if (ONLY_SPACE.test(between) && NAME_THEN_VERB.test(text.slice(c.end, c.end + 60)))
    return SPEAKER_PATTERNS.after;
  if (ACCORDING_AFTER.test(between)) return SPEAKER_PATTERNS.accordingTo;
  return null;
}

/** The speaker of `quote`: the first pattern that applies, the nearest name first; null when none does. */
function speakerOf(ctx: SpeakerContext, quote: QuoteMarks): DraftSpeaker | null {
  const { layout } = ctx;
  const { text } = layout;
  const sentence = spanAt(layout.sentences, quote.open);
  if (!sentence) return null;
  const closing = spanAt(layout.sentences, quote.close) ?? sentence;
  const before = candidatesIn(ctx, { start: sentence.start, end: quote.open }, sentence);
  const after = candidatesIn(ctx, { start: quote.close + 1, end: closing.end }, closing);
  const toSpeaker = (c: Candidate, how: SpeakerPattern): DraftSpeaker => ({
    start: c.start,
    end: c.end,
    text: c.text,
    entityId: c.entityId,
    label: c.label,
    how,
  });
  // Tier 0: a speech verb (before or after the quote) or "according to"; tier 1: "remarks by", "X’s comment".
  const strong: Array<{ speaker: DraftSpeaker; tier: number; distance: number }> = [];
  const tierOf = (how: SpeakerPattern) => (how === SPEAKER_PATTERNS.remarksBy ? 1 : 0);
  for (const c of before) {
    const found = patternBefore(text, c, quote, sentence);
    if (found) {
      strong.push({
        speaker: toSpeaker(found, found.how),
        tier: tierOf(found.how),
        distance: quote.open - c.end,
      });
    }
  }
  for (const c of after) {
    const how = patternAfter(text, c, quote);
    if (how) strong.push({ speaker: toSpeaker(c, how), tier: tierOf(how), distance: c.start - quote.close });
  }
  strong.sort((a, b) => a.tier - b.tier || a.distance - b.distance);
  if (strong[0]) return strong[0].speaker;
  const subject = before.filter((c) => isSubject(text, c, sentence)).at(-1);
  return subject ? toSpeaker(subject, SPEAKER_PATTERNS.subject) : null;
}

/** The number of the note the quote's sentence cites ("…bluff.”1"): digits after a closing mark or a stop. */
const NOTE_MARK = /(?<=[.,;:!?\u201D"\u2019)\]])(\d{1,3})(?!\d)(?=\s|$)/u;

/** The first date in the reference line of the note the quote's sentence cites, or null. */
function noteDate(layout: TextLayout, quote: QuoteMarks, dates: DraftDate[]): DraftDate | null {
  const sentence = spanAt(layout.sentences, quote.close);
  if (!sentence) return null;
  const mark = NOTE_MARK.exec(layout.text.slice(quote.close, sentence.end));
  if (!mark) return null;
  const line = layout.references.find((r) =>
    new RegExp(`^(?:\\[${mark[1]}\\]|${mark[1]}[.)])\\s`).test(layout.text.slice(r.start, r.end)),
  );
  return line ? (dates.find((d) => d.start >= line.start && d.end <= line.end) ?? null) : null;
}

/**
 * The date nearest to the quote: in its sentence (before it, then after it), else in the note its sentence
 * cites (the source's date), else earlier in its paragraph; null when there is none.
 */
function dateOf(layout: TextLayout, quote: QuoteMarks, span: Span, dates: DraftDate[]): DraftDate | null {
  const sentence = spanAt(layout.sentences, span.start);
  const paragraph = spanAt(layout.paragraphs, span.start);
  const inSentence = sentence ? itemsWithin(dates, sentence) : [];
  const inParagraph = paragraph ? itemsWithin(dates, paragraph) : [];
  return (
    inSentence.filter((d) => d.end <= span.start).at(-1) ??
    inSentence.find((d) => d.start >= span.end) ??
    noteDate(layout, quote, dates) ??
    inParagraph.filter((d) => d.end <= span.start).at(-1) ??
    null
  );
}

/** The quote's words: inside the marks, without white space at the ends or a comma before the closing mark. */
function innerSpan(text: string, q: QuoteMarks): Span {
  let start = q.open + 1;
  let end = q.close;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /[\s,]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The candidate quotes of a text, with their speakers and dates. */
export function findQuotes(
  layout: TextLayout,
  names: DraftName[],
  dates: DraftDate[],
  midCaps: Set<string> = capitalisedMidSentence(layout),
): DraftQuote[] {
  const { text } = layout;
  const ctx: SpeakerContext = {
    layout,
    quoted: quoteSpans(layout.quotes),
    actors: names.filter((n) => n.kind === 'ACTOR'),
    midCaps,
  };
  const out: DraftQuote[] = [];
  for (const q of layout.quotes) {
    const span = innerSpan(text, q);
    const inner = text.slice(span.start, span.end);
    const wordCount = inner.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
    if (wordCount === 0 || !/\p{L}.*\p{L}/u.test(inner)) continue;
    const speaker = speakerOf(ctx, q);
    if (wordCount < 2 && (speaker === null || speaker.how === SPEAKER_PATTERNS.subject)) continue;
    out.push({ ...span, text: inner, speaker, date: dateOf(layout, q, span, dates) });
  }
  return out;
}
