// `npm test`: checks, then every test runner, then one plain summary line from their real counts.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const VITEST_OUT = '.vitest-results.json';
const PLAYWRIGHT_OUT = '.playwright-results.json';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

const checks = {
  typecheck: run('typecheck', npm, ['run', '--silent', 'typecheck']),
  lint: run('lint', npm, ['run', '--silent', 'lint']),
  build: run('build', npm, ['run', '--silent', 'build']),
};

for (const f of [VITEST_OUT, PLAYWRIGHT_OUT]) rmSync(f, { force: true });
run('unit and integration tests (vitest)', npx, [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${VITEST_OUT}`,
]);
run('end-to-end tests (playwright, Chromium)', npx, ['playwright', 'test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_OUT,
});

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
if (existsSync(VITEST_OUT)) {
  const v = JSON.parse(readFileSync(VITEST_OUT, 'utf8'));
  passed += v.numPassedTests;
  failed += v.numFailedTests + (v.numTotalTestSuites > 0 && v.success === false && v.numFailedTests === 0 ? 1 : 0);
  skipped += v.numPendingTests + v.numTodoTests;
} else missing.push('vitest');
if (existsSync(PLAYWRIGHT_OUT)) {
  const p = JSON.parse(readFileSync(PLAYWRIGHT_OUT, 'utf8'));
  passed += p.stats.expected + p.stats.flaky;
  failed += p.stats.unexpected;
  skipped += p.stats.skipped;
  failed += (p.errors ?? []).length;
} else missing.push('playwright');

const badChecks = Object.entries(checks)
  .filter(([, ok]) => !ok)
  .map(([name]) => name);
console.log('');
if (badChecks.length) console.log(`Checks failed: ${badChecks.join(', ')}`);
if (missing.length) console.log(`No results from: ${missing.join(', ')} (counted as failures)`);
failed += missing.length;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || badChecks.length > 0 || passed === 0 ? 1 : 0);
