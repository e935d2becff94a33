// One `FIGURE <id> <name>=<value> …` line per measured item (RELIABILITY.md "Reporting the figures").
// The reliability reporter collects these lines and prints them again, sorted, before the area counts.
export type FigureValue = string | number | boolean;

let printed = 0;
const itemsInFile = new Set<string>();

export function figure(id: string, values: Record<string, FigureValue>): void {
  const pairs = Object.entries(values).map(([name, value]) => `${name}=${String(value)}`);
  printed += 1;
  itemsInFile.add(id);
  console.log(`FIGURE ${id} ${pairs.join(' ')}`);
}

/** How many figures the current test printed (reset before each test by the suite's setup file). */
export function figuresPrinted(): number {
  return printed;
}

/** Whether this test file has printed a figure for `id` yet. */
export function hasFigure(id: string): boolean {
  return itemsInFile.has(id);
}

export function resetFigures(): void {
  printed = 0;
}
