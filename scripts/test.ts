// `npm test` (after `npm run check`): every tier in one Vitest run, then one closing line
// "tests: N passed, N failed, N skipped" that CI and people can read at a glance.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const report = 'test-results/vitest.json';
mkdirSync('test-results', { recursive: true });
rmSync(report, { force: true });

const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...process.argv.slice(2),
];
const run = spawnSync('npx', args, { stdio: 'inherit' });

if (!existsSync(report)) {
  console.log('tests: 0 passed, 1 failed (the test run ended before writing its report)');
  process.exit(run.status || 1);
}
const r = JSON.parse(readFileSync(report, 'utf8')) as {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  numFailedTestSuites: number;
};
const failed = r.numFailedTests + (r.numFailedTests === 0 ? r.numFailedTestSuites : 0);
console.log(
  `tests: ${r.numPassedTests} passed, ${failed} failed, ${r.numPendingTests + r.numTodoTests} skipped`,
);
process.exit(run.status ?? 1);
