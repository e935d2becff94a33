import type { RowModule } from '../lib/row-types';

// The rows of `npm run bench`, in table order. Each is loaded only inside its own worker process.

// Each module's `row` is a RowModule of its own shared state; the worker only passes that state back to it.
const ROWS: Record<string, () => Promise<{ row: unknown }>> = {
  'cached-create': () => import('./cached-create'),
  'uncached-create': () => import('./uncached-create'),
  throughput: () => import('./throughput'),
  'single-flight': () => import('./single-flight'),
  'validate-nodes': () => import('./validate-nodes'),
  'telemetry-read': () => import('./telemetry-read'),
  'graph-paint': () => import('./graph-paint'),
  'badge-repaint': () => import('./badge-repaint'),
  'engine-rss': () => import('./engine-rss'),
  'cold-start': () => import('./cold-start'),
};

export const ROW_IDS = Object.keys(ROWS);

export async function loadRow(id: string): Promise<RowModule<unknown>> {
  const load = ROWS[id];
  if (load === undefined) throw new Error(`unknown row '${id}' (known: ${ROW_IDS.join(', ')})`);
  return (await load()).row as RowModule<unknown>;
}
