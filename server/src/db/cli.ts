// What the command-line tools (seed, synthetic graph, backup, benchmarks) share: connecting to the database the
// environment names, and ending with one readable line instead of a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig } from '../config.ts';
import { AppError } from '../errors.ts';
import { createDb, type Db } from './database.ts';

/** An error a command-line tool reports in one line, without a stack trace. */
export class CliError extends Error {}

/** Ends a tool with this exit code, after it has printed what it had to say. */
export class CliExit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP = { help: { type: 'boolean', short: 'h' } } as const;
/** What parseArgs gives for single-valued options: a string or a boolean by each option's type, or nothing. */
type Values<T extends Options> = { [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : string };

/**
 * The tool's options from the command line, plus `--help`/`-h`, which prints `usage` and ends with 0. An unknown
 * or malformed option prints its message with `usage` and ends with 2.
 */
export function parseOptions<const T extends Options>(options: T, usage: string): Values<T> {
  let values: Values<T & typeof HELP>;
  try {
    values = parseArgs({ options: { ...options, ...HELP }, strict: true }).values as Values<T & typeof HELP>;
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    throw new CliExit(2);
  }
  if (values.help) {
    console.log(usage);
    throw new CliExit(0);
  }
  return values;
}

/**
 * Connects to NEO4J_URI (with NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), or to the project's own Neo4j on
 * NEO4J_PORT, and checks that it answers; a CliError saying what to do when it does not.
 */
export async function connectFromEnv(options: { txTimeoutMs?: number } = {}): Promise<Db> {
  const config = loadConfig();
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
