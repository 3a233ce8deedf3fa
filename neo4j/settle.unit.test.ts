// What a start does with `launcher.json` left in its data folder: a stand-in "launcher" (a Node process whose
// command line names Launcher.java and the folder) plays the Java process, so no Neo4j is needed.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalNeo4jError, runningProcess, settlePreviousLauncher } from './local.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'settle-'));
  dirs.push(d);
  return d;
}

/** A process that looks like a launcher on `dir` and exits on SIGTERM (Node's default). */
async function fakeLauncher(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'Launcher.java', dir]);
  children.push(child);
  await new Promise((r) => child.once('spawn', r));
  return child;
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}

function record(dir: string, pid: number, owner: number): string {
  const file = path.join(dir, 'launcher.json');
  writeFileSync(file, JSON.stringify({ pid, owner, port: 7687 }));
  return file;
}

describe('a launcher left in the data folder', () => {
  it('is forgotten when its process is gone', async () => {
    const dir = dataDir();
    const file = record(dir, await deadPid(), process.pid);
    await settlePreviousLauncher(dir);
    expect(existsSync(file)).toBe(false);
  });

  it('is forgotten, and its process left alone, when the pid now belongs to something else', async () => {
    const dir = dataDir();
    const other = await fakeLauncher(dataDir()); // a launcher, but on another folder
    const file = record(dir, other.pid!, await deadPid());
    await settlePreviousLauncher(dir);
    expect(existsSync(file)).toBe(false);
    expect(runningProcess(other.pid!)).toBeDefined();
  });

  it('is refused in one line, and left running, while its owner lives', async () => {
    const dir = dataDir();
    const launcher = await fakeLauncher(dir);
    record(dir, launcher.pid!, process.pid);
    await expect(settlePreviousLauncher(dir)).rejects.toThrow(
      new LocalNeo4jError(
        `the Neo4j of ${dir} is already running (pid ${launcher.pid}, started by process ${process.pid}): stop that first, or choose another data folder with NEO4J_DATA_DIR`,
      ),
    );
    expect(runningProcess(launcher.pid!)).toBeDefined();
  });

  it('is stopped and waited for when its owner is gone', async () => {
    const dir = dataDir();
    const launcher = await fakeLauncher(dir);
    record(dir, launcher.pid!, await deadPid());
    const lines: string[] = [];
    await settlePreviousLauncher(dir, (line) => lines.push(line));
    expect(runningProcess(launcher.pid!)).toBeUndefined();
    expect(lines).toEqual([
      `a Neo4j left running on ${dir} by a process that is gone (pid ${launcher.pid}) is shutting down; waiting…`,
    ]);
  });
});
