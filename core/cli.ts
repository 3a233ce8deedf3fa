// What the command-line tools (seed, synthetic graph, backup, benchmarks) share: connecting to the database the
// environment names, and ending with one readable line instead of a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadDatabaseConfig } from './config.ts';
import { AppError } from './errors.ts';
import { createDb, type Db } from './db/database.ts';

/** An error a command-line tool reports in one line, without a stack trace. */
export class CliError extends Error {}

/** Ends a tool with this exit code, after it has printed what it had to say. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** A tool's options by name: those that take a value (`--nodes 10`) and flags (`--remove`). */
export interface OptionNames<S extends string, F extends string> {
  values?: readonly S[];
  flags?: readonly F[];
}

/** What the command line gave: each value option's text and each flag's presence, or nothing. */
export type Options<S extends string, F extends string> = { [K in S]?: string } & { [K in F]?: boolean };

/**
 * The tool's options from the command line, plus `--help`/`-h`, which prints `usage` and ends with 0. An unknown
 * or malformed option prints its message with `usage` and ends with 2.
 */
export function parseOptions<const S extends string = never, const F extends string = never>(
  names: OptionNames<S, F>,
  usage: string,
): Options<S, F> {
  const options: NonNullable<ParseArgsConfig['options']> = { help: { type: 'boolean', short: 'h' } };
  for (const name of names.values ?? []) options[name] = { type: 'string' };
  for (const name of names.flags ?? []) options[name] = { type: 'boolean' };
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({ options, strict: true }).values as Record<string, string | boolean | undefined>;
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    throw new CliExit(2);
  }
  if (values.help) {
    console.log(usage);
    throw new CliExit(0);
  }
  delete values.help;
  return values as Options<S, F>;
}

/**
 * Connects to NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), or to the project's own Neo4j on
 * NEO4J_PORT, and checks that it answers; a CliError saying what to do when it does not.
 */
export async function connectFromEnv(options: { txTimeoutMs?: number } = {}): Promise<Db> {
  const config = loadDatabaseConfig();
  const uri = config.neo4jUri ?? `bolt://127.0.0.1:${config.localNeo4jPort}`;
  const db = createDb({
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    ...(options.txTimeoutMs === undefined ? {} : { txTimeoutMs: options.txTimeoutMs }),
  });
  try {
    await db.ping(5_000);
  } catch {
    await db.close();
    throw new CliError(
      config.neo4jUri
        ? `Neo4j at ${uri} does not answer: check NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD`
        : `no Neo4j answers at ${uri}: start it first with \`npm run db\`, or set NEO4J_URI (or NEO4J_PORT)`,
    );
  }
  return db;
}

/**
 * Runs a tool's main function and exits with its code. CliError, AppError and the errors named in `oneLine`
 * print as `error: <message>`; anything else is a bug and prints with its stack.
 */
export function runCli(
  main: () => Promise<number>,
  oneLine: (abstract new (...args: never[]) => Error)[] = [],
) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      if (e instanceof CliExit) process.exit(e.code);
      if (e instanceof CliError || oneLine.some((type) => e instanceof type))
        console.error(`error: ${(e as Error).message}`);
      else if (e instanceof AppError)
        console.error(`error: ${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}`);
      else console.error(e);
      process.exit(1);
    },
  );
}
