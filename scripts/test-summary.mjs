// Totals the closing lines of every test runner in a log (vitest, @web/test-runner, Playwright)
// and prints one line "N passed, N failed". Exits non-zero when the test command failed or when
// a failure was counted, so CI cannot mistake a broken run for a green one.
import { readFileSync } from 'node:fs';

const [logPath, statusArg = '0'] = process.argv.slice(2);
// eslint-disable-next-line no-control-regex
const text = readFileSync(logPath, 'utf8').replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');

let passed = 0;
let failed = 0;
let skipped = 0;
// @web/test-runner repaints its progress line; only the last one of each package counts.
const wtrByPackage = new Map();
for (const line of text.split('\n')) {
  // vitest: "      Tests  2 failed | 118 passed | 1 skipped (121)"
  const vitest = line.match(/^\S*\s*Tests\s+(.*)\(\d+\)\s*$/);
  if (vitest) {
    passed += Number(vitest[1].match(/(\d+) passed/)?.[1] ?? 0);
    failed += Number(vitest[1].match(/(\d+) failed/)?.[1] ?? 0);
    skipped += Number(vitest[1].match(/(\d+) skipped/)?.[1] ?? 0);
    continue;
  }
  // @web/test-runner: "Chromium: |████| 4/4 test files | 25 passed, 1 failed, 0 skipped"
  const wtr = line.match(/test files \| (\d+) passed, (\d+) failed(?:, (\d+) skipped)?/);
  if (wtr) {
    const pkg = line.match(/^(\S+):test:/)?.[1] ?? '';
    wtrByPackage.set(pkg, [Number(wtr[1]), Number(wtr[2]), Number(wtr[3] ?? 0)]);
    continue;
  }
  // Playwright list reporter: "  12 passed (8.1s)", "  9 passed (1.0m)", "  1 failed", "  2 skipped", "  1 flaky"
  const pw = line.match(/^\S*:?\s*\s(\d+) (passed|failed|skipped|flaky)( \([\d.]+(?:ms|s|m|h)\))?\s*$/);
  if (pw && line.includes('e2e')) {
    const n = Number(pw[1]);
    if (pw[2] === 'passed' || pw[2] === 'flaky') passed += n;
    else if (pw[2] === 'failed') failed += n;
    else skipped += n;
  }
}

for (const [p, f, s] of wtrByPackage.values()) {
  passed += p;
  failed += f;
  skipped += s;
}

const status = Number(statusArg);
if (status !== 0 && failed === 0) failed = 1; // a suite crashed before reporting
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);
