// Runs one of the project's commands as a child process and watches its output, as a user at a terminal would.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export interface Watched {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  /** Resolves when the output matches, rejects when the process exits first or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
  exited: Promise<number | null>;
}

/** Starts `node --import tsx <script>` (one process, so signals reach it directly) with extra environment. */
export function runScript(script: string, env: Record<string, string>, args: string[] = []): Watched {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, ...env },
  });
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (b: Buffer) => {
    out += b.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    output: () => out,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = pattern.exec(out);
          if (m) {
            cleanup();
            resolve(m[0]);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`timed out waiting for ${pattern}; output so far:\n${out}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        void exited.then(() => {
          check();
          if (listeners.has(check)) {
            cleanup();
            reject(new Error(`exited before ${pattern}; output:\n${out}`));
          }
        });
        check();
      });
    },
  };
}

/** Pids of processes whose command line contains `text`. */
export async function processesMatching(text: string): Promise<string[]> {
  const { execFileSync } = await import('node:child_process');
  try {
    return execFileSync('pgrep', ['-f', text], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}
