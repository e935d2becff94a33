// `npm test`: typecheck, lint (dependency rules included), then every suite: unit (with the coverage gate of the
// pure core), integration, reliability and end to end in Chromium. Prints one closing `N passed, N failed` line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const resultsDir = join(process.cwd(), 'test-results', 'summary');
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failedStages = [];

function run(name, command, args, env = {}) {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) failedStages.push(name);
  return result.status === 0;
}

function vitestStage(project, extraArgs = []) {
  const out = join(resultsDir, `${project}.json`);
  run(project, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extraArgs]);
  addVitestCounts(out, project);
}

function addVitestCounts(file, stage) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  } catch {
    // No report means the runner failed before testing anything: count the stage as failed.
    if (!failedStages.includes(stage)) failedStages.push(stage);
  }
}

function addPlaywrightCounts(file) {
  try {
    const stats = JSON.parse(readFileSync(file, 'utf8')).stats ?? {};
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
  } catch {
    if (!failedStages.includes('e2e')) failedStages.push('e2e');
  }
}

run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
run('lint', 'npm', ['run', '--silent', 'lint']);
vitestStage('unit', ['--coverage']);
vitestStage('integration');
// The figures reporter prints the RELIABILITY.md area lines (`faults survived 12/12` …); CLI reporters replace
// the config's, so it is named here too.
vitestStage('reliability', ['--reporter=./tests/reliability/support/figures-reporter.ts']);
const e2eReport = join(resultsDir, 'e2e.json');
run('e2e', 'node', ['scripts/e2e.mjs', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport });
addPlaywrightCounts(e2eReport);
// The benchmarks (`npm run bench -- --quick`) are not a stage yet: row 2 (uncached create → completed) still sits
// at the edge of its noise margin on a 2-core VM, so the stage would fail one run in three (bench/README.md).

console.log('');
if (failedStages.length > 0) console.log(`Failed stages: ${failedStages.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStages.length > 0 || totals.failed > 0 ? 1 : 0);
