// One `FIGURE <id> <name>=<value> …` line per measured item (RELIABILITY.md "Reporting the figures").
// The reliability reporter collects these lines and prints them again, sorted, before the area counts.
export type FigureValue = string | number | boolean;

export function figure(id: string, values: Record<string, FigureValue>): void {
  const pairs = Object.entries(values).map(([name, value]) => `${name}=${String(value)}`);
  console.log(`FIGURE ${id} ${pairs.join(' ')}`);
}
