// Ends a reliability run with the count lines of RELIABILITY.md "Reporting the figures": one per area,
// naming the ids that fail or have no test, then the FIGURE lines the tests printed, sorted by id.
// It reads item ids from test names (`RPC-1 answers …`, or a describe named with the id), so a test
// counts for the item it names. A skipped test never counts as passed; its note is shown as the reason.
// It stays silent in runs that did not include the reliability project.
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { AREAS, OUTSIDE_THIS_SUITE, type Area, type Figure, type ItemState } from './items';


const ID_PATTERN = /\b(RPC|EL|HOST|PROV|CONC|DUR|DATA|IN|SEC|RATE)-(\d+)\b/g;
const SMOKE_MODULE = /electron[\\/]smoke\.test\.ts$/;

function fullName(testCase: TestCase): string {
  return testCase.fullName;
}

function idsOf(testCase: TestCase): string[] {
  return [...new Set([...fullName(testCase).matchAll(ID_PATTERN)].map((match) => `${match[1]}-${match[2]}`))];
}

function record(states: Map<string, ItemState>, id: string, testCase: TestCase): void {
  const state = states.get(id) ?? { passed: 0, failed: 0, skipped: [] };
  const result = testCase.result();
  if (result.state === 'passed') state.passed += 1;
  else if (result.state === 'failed') state.failed += 1;
  else state.skipped.push(result.state === 'skipped' && result.note ? result.note : 'skipped');
  states.set(id, state);
}

function areaLine(area: Area, states: Map<string, ItemState>, figures: Figure[]): string {
  const failing: string[] = [];
  const skipped: string[] = [];
  const missing: string[] = [];
  let passed = 0;
  for (const id of area.ids) {
    const state = states.get(id);
    if (state === undefined) missing.push(OUTSIDE_THIS_SUITE[id] ? `${id}: ${OUTSIDE_THIS_SUITE[id]}` : id);
    else if (state.failed > 0) failing.push(id);
    else if (state.passed > 0) passed += 1;
    else skipped.push(`${id}: ${state.skipped[0]}`);
  }
  const notes: string[] = [];
  if (failing.length > 0) notes.push(`failing: ${failing.join(', ')}`);
  if (skipped.length > 0) notes.push(`skipped: ${skipped.join('; ')}`);
  if (missing.length > 0) notes.push(`not tested here: ${missing.join('; ')}`);
  const extras = area.extras?.(figures, states) ?? [];
  const counted = `${area.label} ${passed}/${area.ids.length}`;
  return [counted + (notes.length > 0 ? ` (${notes.join('; ')})` : ''), ...extras].join(' · ');
}

export class FiguresReporter implements Reporter {
  private readonly figures: Figure[] = [];
  private smoke: string | null = null;

  onUserConsoleLog(log: { content: string }): void {
    for (const line of log.content.split('\n')) {
      const match = /^FIGURE (\S+)/.exec(line.trim());
      if (match) this.figures.push({ id: match[1] as string, line: line.trim() });
    }
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const modules = testModules.filter((module) => module.project.name === 'reliability');
    if (modules.length === 0) return;
    const states = new Map<string, ItemState>();
    const totals = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      for (const testCase of module.children.allTests()) {
        const state = testCase.result().state;
        if (state === 'passed') totals.passed += 1;
        else if (state === 'failed') totals.failed += 1;
        else totals.skipped += 1;
        if (SMOKE_MODULE.test(module.moduleId)) this.smoke = smokeNote(testCase);
        for (const id of idsOf(testCase)) record(states, id, testCase);
      }
    }
    const lines = AREAS.map((row) =>
      row.map((area) => areaLine(area, states, this.figures)).join(' · '),
    );
    if (this.smoke !== null) lines[0] = lines[0]!.replace(/(electron \d+\/\d+)/, `$1 (smoke ${this.smoke})`);
    const sorted = [...this.figures].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    const closing = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
    const out = ['', 'Reliability figures', ...sorted.map((f) => f.line), '', ...lines, closing, ''];
    process.stdout.write(`${out.join('\n')}\n`);
  }
}

function smokeNote(testCase: TestCase): string {
  const result = testCase.result();
  if (result.state === 'skipped') return `skipped: ${result.note ?? 'no reason given'}`;
  return result.state;
}

export default FiguresReporter;
