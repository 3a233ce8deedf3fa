// The map of the house (docs/decisions/2026-12-02-structure.md), checked on every run: which folder may import
// which. Reads every hand-written, non-test TypeScript file's relative imports; tests, test support, scripts and
// benchmarks sit on top and may import anything.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/** The floor a file stands on: a top-level folder, and inside server/src the root, a concept or the contract. */
function unitOf(file: string): string {
  const [top, second, third] = file.split('/');
  if (top === 'server' && second === 'src') return `server/src/${third}`;
  if (top === 'core' && second === 'model') return 'core/model';
  if (top === 'core' && second === 'exchange') return 'core/exchange';
  if (top === 'core' && second === 'errors.ts') return 'core/errors.ts';
  return top ?? file;
}

/** The server's shared floor, which concepts build on: GraphQL plumbing, the explorer's shapes, access roles. */
const SERVER_CONTRACT = new Set(['graphql', 'graph', 'access', 'generated'].map((f) => `server/src/${f}`));
const ON_TOP = new Set(['test', 'scripts', 'bench']);
/**
 * What the browser code may use of core: the model, the error table and the exchange formats' writers (no driver,
 * no environment).
 */
const CLIENT_MAY_IMPORT = new Set(['core/model', 'core/errors.ts', 'core/exchange']);

/** Why `from` may not import `to`, or null when it may. */
function violation(from: string, to: string): string | null {
  if (from === to) return null;
  if (ON_TOP.has(from)) return null;
  const fromTop = from.split('/')[0];
  const toTop = to.split('/')[0];
  if (ON_TOP.has(toTop!)) return 'product code imports test support, scripts or benchmarks';
  if (fromTop === 'core') return toTop === 'core' ? null : 'core imports nothing from the project';
  if (fromTop === 'client')
    return CLIENT_MAY_IMPORT.has(to)
      ? null
      : 'the client imports only core/model, core/errors.ts and core/exchange beside itself';
  if (fromTop === 'neo4j' || fromTop === 'graph-seed')
    return toTop === 'core' ? null : `${fromTop} imports only core`;
  if (fromTop === 'server') {
    if (toTop === 'core') return null;
    if (from === 'server/src/app') return null;
    if (to === 'server/src/app')
      return 'only the composition root (server/src/app) imports the composition root';
    if (toTop !== 'server') return 'only the composition root imports graph-seed, neo4j or the client';
    if (SERVER_CONTRACT.has(from) && !SERVER_CONTRACT.has(to)) return 'the contract imports no concept';
    return null;
  }
  return `unexpected folder ${from}`;
}

const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '*.ts', '*.tsx'], {
  cwd: root,
  encoding: 'utf8',
})
  .split('\n')
  .filter((f) => f && !/\.(unit|int|e2e|faults)\.test\.tsx?$/.test(f) && !/(^|\/)e2e\//.test(f))
  .filter((f) => !f.endsWith('.d.ts'));

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

interface Edge {
  file: string;
  target: string;
  from: string;
  to: string;
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(path.join(root, file), 'utf8');
    } catch {
      continue;
    }
    for (const m of text.matchAll(IMPORT)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), (m[1] ?? m[2])!));
      out.push({ file, target, from: unitOf(file), to: unitOf(target) });
    }
  }
  return out;
}

describe('the map of the house', () => {
  const all = edges();

  it('reads the imports of the product code', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(all.some((e) => e.from === 'server/src/app' && e.to === 'graph-seed')).toBe(true);
  });

  it('has every import point down: core at the bottom, concepts on the contract, the root on top', () => {
    const wrong = all
      .map((e) => ({ ...e, why: violation(e.from, e.to) }))
      .filter((e) => e.why !== null)
      .map((e) => `${e.file} imports ${e.target}: ${e.why}`);
    expect(wrong).toEqual([]);
  });

  it('has no cycle between top-level folders', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of all) {
      const [a, b] = [e.file.split('/')[0]!, e.target.split('/')[0]!];
      if (a !== b) graph.set(a, (graph.get(a) ?? new Set()).add(b));
    }
    const cycles: string[] = [];
    const visit = (node: string, trail: string[]) => {
      if (trail.includes(node))
        return void cycles.push([...trail.slice(trail.indexOf(node)), node].join(' → '));
      for (const next of graph.get(node) ?? []) visit(next, [...trail, node]);
    };
    for (const start of graph.keys()) visit(start, []);
    expect(cycles).toEqual([]);
  });

  it('catches a wrong import (the check can fail)', () => {
    expect(violation('core', 'server')).not.toBeNull();
    expect(violation('graph-seed', 'server')).not.toBeNull();
    expect(violation('server/src/graphql', 'server/src/views')).not.toBeNull();
    expect(violation('server/src/views', 'server/src/app')).not.toBeNull();
    expect(violation('client', 'server')).not.toBeNull();
    expect(violation('client', 'core')).not.toBeNull();
    expect(violation('client', 'core/errors.ts')).toBeNull();
    expect(violation('server/src/views', 'server/src/graph')).toBeNull();
  });
});
