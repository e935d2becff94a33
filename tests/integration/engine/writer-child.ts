// A separate engine process for restart, lease and kill tests: opens the engine on argv[2] with the
// providers in GW_PROVIDERS, creates each request of GW_REQUESTS in order and prints `ACK <id>` once
// each create has committed (or, with GW_ACK=completed, once the generation has settled). It then
// stays alive until it is killed.
import { openEngine } from '../../../core/engine';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: writer-child <dataDir>');
const providers = JSON.parse(process.env.GW_PROVIDERS ?? '[]');
const requests = JSON.parse(process.env.GW_REQUESTS ?? '[]') as unknown[];

const engine = await openEngine({ dataDir, providers });
for (const request of requests) {
  const { generation } = await engine.generations.create(request);
  if (process.env.GW_ACK === 'completed') await engine.generations.wait(generation.id);
  process.stdout.write(`ACK ${generation.id}\n`);
}
process.stdout.write('DONE\n');
setInterval(() => undefined, 60_000);
