// Runs the project's own Neo4j: fetches the jars from Maven Central (once), checks Java and the port, and
// starts neo4j/Launcher.java as a child process. Used by `npm run db`, `npm start` and the test tiers.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const libDir = path.join(here, 'lib');
const pluginDir = path.join(here, 'plugins');
const fetchedMarker = path.join(here, '.fetched');
const pomFile = path.join(here, 'pom.xml');

/** A setup problem the user can fix; printed as one line, never as a stack trace. */
export class LocalNeo4jError extends Error {}

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1 (default 7687). */
  port?: number;
  /** The database's home folder: store, logs and transaction logs (default `.neo4j/dev`). */
  dataDir?: string;
  /** Page cache in MiB (default 256). */
  pagecacheMiB?: number;
  /** Maximum Java heap in MiB (default 1024). */
  heapMiB?: number;
  /** Server-side limit for any transaction, in seconds (default 60). */
  txTimeoutSeconds?: number;
  /** Receives every line Neo4j prints. */
  onLine?: (line: string) => void;
}

export interface LocalNeo4j {
  uri: string;
  dataDir: string;
  process: ChildProcess;
  /** Stops Neo4j cleanly (SIGTERM; SIGKILL after 60 s) and resolves when the process has exited. */
  stop(): Promise<void>;
  /** Resolves with the exit code when the process ends for any reason. */
  exited: Promise<number | null>;
}

/** The version in pom.xml: a change of version fetches the jars again. */
function pinnedVersion(): string {
  const m = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(pomFile, 'utf8'));
  if (!m?.[1]) throw new LocalNeo4jError(`neo4j/pom.xml names no <neo4j.version>`);
  return m[1];
}

function commandWorks(cmd: string, args: string[]): { ok: boolean; output: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function javaBinary(): string {
  const home = process.env.JAVA_HOME;
  return home ? path.join(home, 'bin', 'java') : 'java';
}

/** Fails with one clear line unless Java 17 or 21 is available (Neo4j 5.26 runs on either). */
export function checkJava(): void {
  const r = commandWorks(javaBinary(), ['-version']);
  if (!r.ok) {
    throw new LocalNeo4jError(
      'Java 17 is required to run the local Neo4j and was not found (install openjdk-17-jre-headless, or set JAVA_HOME).',
    );
  }
  const m = /version "(\d+)/.exec(r.output);
  const major = Number(m?.[1]);
  if (major !== 17 && major !== 21) {
    throw new LocalNeo4jError(
      `Neo4j 5.26 needs Java 17 or 21, but \`java -version\` reports ${m?.[1] ?? 'an unknown version'} (set JAVA_HOME to a Java 17).`,
    );
  }
}

/** True when the jars for the pinned version are present. */
export function jarsPresent(): boolean {
  return existsSync(fetchedMarker) && readFileSync(fetchedMarker, 'utf8').trim() === pinnedVersion();
}

/**
 * Fetches Neo4j and APOC core from Maven Central into neo4j/lib and neo4j/plugins, unless already there.
 * Maven's own cache (~/.m2) makes a second fetch quick.
 */
export function fetchJars(log: (line: string) => void = () => {}): void {
  if (jarsPresent()) return;
  const mvn = commandWorks('mvn', ['-v']);
  if (!mvn.ok) {
    throw new LocalNeo4jError(
      'Maven is required once, to fetch the Neo4j jars from Maven Central, and was not found (install maven).',
    );
  }
  const version = pinnedVersion();
  log(`fetching Neo4j ${version} and APOC core from Maven Central (once; about 120 MB)…`);
  const staging = path.join(here, 'lib.fetching');
  rmSync(staging, { recursive: true, force: true });
  const r = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      pomFile,
      'dependency:copy-dependencies',
      '-DincludeScope=runtime',
      `-DoutputDirectory=${staging}`,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) {
    const reason =
      `${r.stdout}${r.stderr}`
        .split('\n')
        .find((l) => l.includes('[ERROR]'))
        ?.replace(/\[ERROR\]\s*/, '')
        .trim() ?? 'mvn failed';
    rmSync(staging, { recursive: true, force: true });
    throw new LocalNeo4jError(`could not fetch the Neo4j jars from Maven Central: ${reason.slice(0, 300)}`);
  }
  rmSync(libDir, { recursive: true, force: true });
  rmSync(pluginDir, { recursive: true, force: true });
  mkdirSync(pluginDir, { recursive: true });
  // APOC goes into the plugin folder (its procedures are registered from there) and stays on the
  // class path too, where its extension factory is found.
  for (const jar of readdirSync(staging)) {
    if (jar.startsWith('apoc-')) renameSync(path.join(staging, jar), path.join(pluginDir, jar));
  }
  renameSync(staging, libDir);
  writeFileSync(fetchedMarker, version + '\n');
  log(`fetched Neo4j ${version}`);
}

/** Fails with one clear line when something already listens on the port. */
export async function checkPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        new LocalNeo4jError(
          e.code === 'EADDRINUSE'
            ? `port ${port} on 127.0.0.1 is already in use (another Neo4j?): stop it, or choose another port with NEO4J_PORT`
            : `cannot listen on 127.0.0.1:${port}: ${e.message}`,
        ),
      );
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/** Starts Neo4j and resolves once it answers queries on Bolt. */
export async function startLocalNeo4j(options: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const port = options.port ?? 7687;
  const dataDir = path.resolve(options.dataDir ?? '.neo4j/dev');
  const onLine = options.onLine ?? (() => {});
  checkJava();
  fetchJars(onLine);
  await checkPortFree(port);
  mkdirSync(path.join(dataDir, 'import'), { recursive: true });

  const child = spawn(
    javaBinary(),
    [
      `-Xmx${options.heapMiB ?? 1024}m`,
      '-XX:+UseG1GC',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-Dio.netty.tryReflectionSetAccessible=true',
      '-cp',
      `${libDir}/*${path.delimiter}${pluginDir}/*`,
      path.join(here, 'Launcher.java'),
      dataDir,
      String(port),
      pluginDir,
      String(options.pagecacheMiB ?? 256),
      String(options.txTimeoutSeconds ?? 60),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let failure = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        if (line.startsWith('NEO4J_READY')) resolve();
        else if (line.startsWith('NEO4J_FAILED')) failure = line.replace('NEO4J_FAILED ', '');
        onLine(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) =>
      reject(new LocalNeo4jError(failure || `Neo4j exited (code ${code}) before it was ready`)),
    );
  });

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await ready;
  } catch (e) {
    await stop();
    throw e;
  }
  return { uri: `bolt://127.0.0.1:${port}`, dataDir, process: child, stop, exited };
}
