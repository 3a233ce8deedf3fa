// `npx tsx bench/cpu-profile.ts <file.cpuprofile> [top] [--from S]`: where a V8 CPU profile (node --cpu-prof)
// spent its time: self time per function and per package or project folder, so "what the API adds" can be
// attributed. --from S leaves out the first S seconds (a server's start-up, before the load).
import { readFileSync } from 'node:fs';
import { table } from './stats.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package (node_modules/<name>) or project folder a script belongs to, or what V8 calls it. */
export function area(url: string): string {
  if (!url) return '(native / idle / gc)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith('node:')) return 'node core';
  const p = /\/work\/[^/]+\/([^/]+\/(?:src\/)?[^/]+)/.exec(url);
  return p ? p[1]! : url;
}

/** Self time in ms per function and per area, of the samples taken `fromMs` or more after the profile began. */
export function selfTimes(profile: CpuProfile, fromMs = 0) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let at = 0;
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i] ?? 0) / 1000;
    at += delta;
    if (at >= fromMs) self.set(id, (self.get(id) ?? 0) + delta);
  });
  const functions = new Map<string, number>();
  const areas = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || '(anonymous)';
    if (name === '(idle)' || name === '(program)') continue;
    total += ms;
    const key = `${name}  ${area(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    functions.set(key, (functions.get(key) ?? 0) + ms);
    const a = name === '(garbage collector)' ? '(garbage collector)' : area(n.callFrame.url);
    areas.set(a, (areas.get(a) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((x, y) => y[1] - x[1]);
  return { total, functions: sorted(functions), areas: sorted(areas) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const fromAt = args.indexOf('--from');
  const fromS = fromAt >= 0 ? Number(args.splice(fromAt, 2)[1]) : 0;
  const [file, top = '25'] = args;
  if (!file || !Number.isFinite(fromS)) {
    console.error('usage: npx tsx bench/cpu-profile.ts <file.cpuprofile> [top] [--from S]');
    process.exit(2);
  }
  const { total, functions, areas } = selfTimes(
    JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
    fromS * 1000,
  );
  const pct = (ms: number) => `${((100 * ms) / total).toFixed(1)}%`;
  console.log(`busy CPU time ${total.toFixed(0)} ms${fromS ? ` (from ${fromS} s after the start)` : ''}\n`);
  console.log(
    table(
      ['area', 'self ms', 'share'],
      areas.slice(0, Number(top)).map(([a, ms]) => [a, ms.toFixed(0), pct(ms)]),
    ),
  );
  console.log('');
  console.log(
    table(
      ['function', 'self ms', 'share'],
      functions.slice(0, Number(top)).map(([f, ms]) => [f, ms.toFixed(0), pct(ms)]),
    ),
  );
}
