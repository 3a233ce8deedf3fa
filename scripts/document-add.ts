// `npm run document:add -- <folder> [--yes] [--same <incoming>=<existing>,…] [--different <incoming>,…]
// [--unsure <incoming>,…] [--by <name>]`: adds a document from the command line through the same review as the
// explorer's "Add document" and the API's previewDocument/importDocument. It validates the folder's files against
// the graph (every error with file, path and reason; nothing written), then prints what importing them would change
// and how their entities match the graph's (reason and score) with the judgement each would get; nothing is written
// until it is run again with --yes. A sure match (the same id) is the same entity; any other is "unsure" (kept apart,
// the pair flagged) unless --same, --different or --unsure says otherwise. The import is one transaction.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CliError, CliExit, connectFromEnv, runCli } from '../core/cli.ts';
import { DOCUMENT_TEXT_FILES } from '../graph-seed/src/import.ts';
import { documentLoader } from '../server/src/app/schema.ts';
import { importDocument, previewDocument } from '../server/src/documents/preview.ts';
import type { Match } from '../server/src/documents/matching.ts';

const USAGE = `usage: npm run document:add -- <folder> [--yes] [--same <incoming>=<existing>,…] [--different <incoming>,…]
  [--unsure <incoming>,…] [--by <name>]
  <folder>      a document in the seed format (graph-seed/README.md): document.yaml, actors.yaml…, text.txt
  --yes         import it (without: print the review and write nothing)
  --same        judge these incoming entities the same as these of the graph
  --different   keep these apart: different entities (never proposed again)
  --unsure      keep these apart, the pair flagged
  --by          who adds it (recorded on the document; none from the command line otherwise)`;

export type Judgement = 'SAME' | 'DIFFERENT' | 'UNSURE';
export interface Decision {
  incomingId: string;
  existingId: string | null;
  judgement: Judgement;
}

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * The judgement of every match with a candidate: the analyst's word where given, else SAME for a sure match (the
 * same id) and UNSURE for the rest. A word on an entity with no match, or two words on one, is refused.
 */
export function decisionsFor(
  matches: readonly Match[],
  words: { same?: string; different?: string; unsure?: string },
): Decision[] {
  const said = new Map<string, { judgement: Judgement; existingId?: string }>();
  const say = (id: string, judgement: Judgement, existingId?: string) => {
    if (said.has(id)) throw new CliError(`${id} is judged twice: one of --same, --different or --unsure`);
    said.set(id, { judgement, ...(existingId ? { existingId } : {}) });
  };
  for (const pair of list(words.same)) {
    const [incoming, existing] = pair.split('=').map((x) => x.trim());
    if (!incoming || !existing) throw new CliError(`--same ${pair}: write <incoming id>=<existing id>`);
    say(incoming, 'SAME', existing);
  }
  for (const id of list(words.different)) say(id, 'DIFFERENT');
  for (const id of list(words.unsure)) say(id, 'UNSURE');
  const candidates = matches.filter((m) => m.existingId);
  for (const id of said.keys()) {
    if (!candidates.some((m) => m.incomingId === id)) {
      throw new CliError(`${id} has no match to judge (the review lists those that do)`);
    }
  }
  return candidates.map((m) => {
    const word = said.get(m.incomingId);
    if (word)
      return {
        incomingId: m.incomingId,
        existingId: word.existingId ?? m.existingId,
        judgement: word.judgement,
      };
    return {
      incomingId: m.incomingId,
      existingId: m.existingId,
      judgement: m.score >= 1 ? 'SAME' : 'UNSURE',
    };
  });
}

/** The review as printed: counts, then one line per match with its reason, score and judgement. */
export function reviewLines(
  preview: { documentId: string | null; added: number; changed: number; removed: number; matches: Match[] },
  decisions: readonly Decision[],
): string[] {
  const lines = [
    `${preview.documentId}: ${preview.added} to add, ${preview.changed} to change, ${preview.removed} to remove`,
  ];
  const candidates = preview.matches.filter((m) => m.existingId);
  if (candidates.length === 0) lines.push('no entity matches one of the graph’s: all of it is new');
  for (const m of candidates) {
    const d = decisions.find((x) => x.incomingId === m.incomingId);
    const judged = d?.judgement === 'SAME' ? `SAME as ${d.existingId}` : (d?.judgement ?? 'UNSURE');
    lines.push(`  ${m.incomingId} ~ ${m.existingId} (${m.reason}, ${m.score.toFixed(2)}): ${judged}`);
  }
  return lines;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        same: { type: 'string' },
        different: { type: 'string' },
        unsure: { type: 'string' },
        by: { type: 'string' },
        yes: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    throw new CliExit(2);
  }
  const args = parsed.values;
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const [folder, ...extra] = parsed.positionals;
  if (!folder || extra.length > 0) throw new CliError(`name one document folder\n${USAGE}`);
  const dir = path.resolve(folder);
  const files = DOCUMENT_TEXT_FILES.filter((f) => existsSync(path.join(dir, f))).map((name) => ({
    name,
    content: readFileSync(path.join(dir, name), 'utf8'),
  }));
  if (files.length === 0)
    throw new CliError(`${folder}: no file of the seed format (${DOCUMENT_TEXT_FILES.join(', ')})`);
  const db = await connectFromEnv({ txTimeoutMs: 600_000 });
  try {
    const by = args.by ?? null;
    const preview = await previewDocument(db, documentLoader, files, by);
    if (!preview.valid) {
      for (const e of preview.errors) console.error(e);
      console.error(`${preview.errors.length} error(s) in ${folder}; nothing was written`);
      return 1;
    }
    const decisions = decisionsFor(preview.matches, args);
    for (const line of reviewLines(preview, decisions)) console.log(line);
    if (!args.yes) {
      console.log(
        'nothing was written: run again with --yes to import it (--same, --different, --unsure to judge)',
      );
      return 0;
    }
    const name = await importDocument(db, documentLoader, preview.id, decisions, by);
    console.log(`imported ${name}`);
    return 0;
  } finally {
    await db.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) runCli(main);
