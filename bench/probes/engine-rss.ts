import { setTimeout as sleep } from 'node:timers/promises';
import { BENCH_PROJECT, createAndComplete, dialogueRequest, type Engine, INSTANT_PREVIEW, loadEngine } from '../lib/engine-fixtures';

// Row 9's measuring process (one per repetition, spawned by rows/engine-rss.ts): the RSS of an engine on an
// empty data dir after a typical session's reads, then — in the same process — the RSS of an engine on the
// big data dir after the same reads. Prints `RSS <idleBytes> <bigBytes>`.
// Usage: node --import tsx --expose-gc bench/probes/engine-rss.ts <idleDataDir> <bigDataDir>

const gc = (globalThis as { gc?: () => void }).gc;

/** What the studio does after opening: the generations panel, the health view, the cache figures, one run. */
async function session(engine: Engine, n: string): Promise<void> {
  await engine.generations.list({ limit: 50 });
  await engine.generations.list({ projectId: BENCH_PROJECT, status: 'completed', limit: 50 });
  for (const window of ['24h', '7d', 'all'] as const) {
    await engine.telemetry.providers({ window });
    await engine.telemetry.operations({ window });
  }
  await engine.telemetry.nodes({ projectId: BENCH_PROJECT, window: '7d' });
  await engine.cache.stats({});
  await createAndComplete(engine, dialogueRequest({ providerId: 'local-preview', strategy: 'always', n }));
}

async function settledRss(): Promise<number> {
  for (let i = 0; i < 3; i += 1) {
    gc?.();
    await sleep(50);
  }
  return process.memoryUsage().rss;
}

async function measure(openEngine: Awaited<ReturnType<typeof loadEngine>>['openEngine'], dataDir: string): Promise<number> {
  const engine = await openEngine({ dataDir, providers: [INSTANT_PREVIEW] });
  try {
    await session(engine, `rss-${process.pid}`);
    return await settledRss();
  } finally {
    await engine.close();
  }
}

async function main(): Promise<void> {
  const [idleDir, bigDir] = process.argv.slice(2);
  if (idleDir === undefined || bigDir === undefined) throw new Error('usage: engine-rss.ts <idleDataDir> <bigDataDir>');
  if (gc === undefined) throw new Error('run with --expose-gc');
  const keepAlive = setInterval(() => undefined, 60_000);
  try {
    const { openEngine } = await loadEngine();
    const idle = await measure(openEngine, idleDir);
    const big = await measure(openEngine, bigDir);
    process.stdout.write(`RSS ${idle} ${big}\n`);
  } finally {
    clearInterval(keepAlive);
  }
}

main().then(
  () => process.exit(0),
  (thrown: unknown) => {
    process.stderr.write(`${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}\n`);
    process.exit(1);
  },
);
