// Runs the project's own Neo4j: fetches the jars from Maven Central (once), checks Java and the port, and
// starts neo4j/Launcher.java as a child process. Used by `npm run db`, `npm start` and the test tiers.
// The launcher watches this process and shuts Neo4j down when it is gone, even after `kill -9`; the file
// `launcher.json` in the data folder names the running launcher, so that the next start on that folder waits for
// one that is still shutting down (or refuses, in one line, one that another live process uses).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
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

/** What `launcher.json` in a data folder holds while a launcher runs on it. */
interface LauncherRecord {
  /** The Java process. */
  pid: number;
  /** The process that started it and that it watches. */
  owner: number;
  port: number;
}

const recordFile = (dataDir: string) => path.join(dataDir, 'launcher.json');

function readRecord(dataDir: string): LauncherRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(recordFile(dataDir), 'utf8')) as Partial<LauncherRecord>;
    return Number.isInteger(r.pid) && Number.isInteger(r.owner) ? (r as LauncherRecord) : undefined;
  } catch {
    return undefined;
  }
}

/** True while a launcher (its Java process) runs on `dataDir`. */
export function launcherRunning(dataDir: string): boolean {
  const record = readRecord(dataDir);
  return record !== undefined && runningProcess(record.pid)?.includes('Launcher') === true;
}

/**
 * Runs Neo4j's own admin tool (neo4j-admin, from the jars already fetched) on the database in `dataDir`, which
 * must not be running. Resolves with its output; rejects with LocalNeo4jError and the tool's output on failure.
 */
export function runAdminTool(dataDir: string, args: string[]): string {
  checkJava();
  if (!jarsPresent()) fetchJars();
  if (launcherRunning(dataDir)) {
    throw new LocalNeo4jError(
      `the Neo4j of ${path.resolve(dataDir)} is running: stop it first (Ctrl-C in npm start or npm run db)`,
    );
  }
  const conf = mkdtempSync(path.join(tmpdir(), 'kg-neo4j-conf-'));
  try {
    writeFileSync(path.join(conf, 'neo4j.conf'), '');
    const r = spawnSync(javaBinary(), ['-cp', `${libDir}/*`, 'org.neo4j.cli.AdminTool', ...args], {
      env: { ...process.env, NEO4J_HOME: path.resolve(dataDir), NEO4J_CONF: conf },
      encoding: 'utf8',
    });
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
    if (r.status !== 0) throw new LocalNeo4jError(`neo4j-admin ${args.join(' ')} failed: ${output}`);
    return output;
  } finally {
    rmSync(conf, { recursive: true, force: true });
  }
}

/** A live (not zombie) process's command line, or undefined when there is no such process. */
export function runningProcess(pid: number): string | undefined {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
  }
  if (existsSync('/proc/self/stat')) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state === 'Z' || state === 'X') return undefined;
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      return undefined;
    }
  }
  // No /proc (macOS): ask ps.
  const r = spawnSync('ps', ['-o', 'stat=,args=', '-p', String(pid)], { encoding: 'utf8' });
  const m = /^\s*(\S+)\s+(.*)$/.exec(r.stdout ?? '');
  return !m || m[1]!.startsWith('Z') ? undefined : m[2]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function exitedWithin(pid: number, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(200)) {
    if (!runningProcess(pid)) return true;
  }
  return !runningProcess(pid);
}

/**
 * Deals with a launcher still running on `dataDir` from an earlier start. One whose owner lives is in use: refused
 * in one line. One whose owner is gone (killed with `kill -9`) is shutting itself down: it is asked to hurry
 * (SIGTERM, a clean shutdown), waited for, and killed after 60 s, so that the store and the port are free.
 */
export async function settlePreviousLauncher(
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<void> {
  const record = readRecord(dataDir);
  if (!record) return;
  const java = runningProcess(record.pid);
  if (!java?.includes('Launcher.java') || !java.includes(dataDir)) {
    rmSync(recordFile(dataDir), { force: true }); // left by a launcher that has gone (the pid may be reused)
    return;
  }
  if (runningProcess(record.owner) !== undefined) {
    throw new LocalNeo4jError(
      `the Neo4j of ${dataDir} is already running (pid ${record.pid}, started by process ${record.owner}): stop that first, or choose another data folder with NEO4J_DATA_DIR`,
    );
  }
  log(
    `a Neo4j left running on ${dataDir} by a process that is gone (pid ${record.pid}) is shutting down; waiting…`,
  );
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(record.pid, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  if (await exitedWithin(record.pid, 60_000)) return;
  signal('SIGKILL'); // Neo4j recovers the store on the next start
  if (await exitedWithin(record.pid, 10_000)) return;
  throw new LocalNeo4jError(
    `the Neo4j left running on ${dataDir} (pid ${record.pid}) does not stop: stop it (kill -9 ${record.pid}) and start again`,
  );
}

/** Starts Neo4j and resolves once it answers queries on Bolt. */
export async function startLocalNeo4j(options: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const port = options.port ?? 7687;
  const dataDir = path.resolve(options.dataDir ?? '.neo4j/dev');
  const onLine = options.onLine ?? (() => {});
  checkJava();
  fetchJars(onLine);
  await settlePreviousLauncher(dataDir, onLine);
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
      String(process.pid), // the owner: the launcher shuts Neo4j down when this process is gone
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const javaPid = child.pid;
  if (javaPid !== undefined) {
    writeFileSync(recordFile(dataDir), JSON.stringify({ pid: javaPid, owner: process.pid, port }) + '\n');
  }

  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      if (javaPid !== undefined && readRecord(dataDir)?.pid === javaPid)
        rmSync(recordFile(dataDir), { force: true });
      resolve(code);
    }),
  );
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
