// A second engine process for CONC-2: opens the engine on argv[2] with the providers in GW_PROVIDERS,
// fires GW_COUNT concurrent creates of the request in GW_REQUEST, prints `ACK <id> <source>` for each
// and then READY, and stays alive until it is killed.
import { openEngine } from '../../../../core/engine';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: lease-child <dataDir>');
const engine = await openEngine({ dataDir, providers: JSON.parse(process.env.GW_PROVIDERS ?? '[]') });
const request = JSON.parse(process.env.GW_REQUEST ?? '{}') as unknown;
const count = Number(process.env.GW_COUNT ?? '1');
await Promise.all(
  Array.from({ length: count }, async () => {
    const { generation, why } = await engine.generations.create(request);
    process.stdout.write(`ACK ${generation.id} ${why.source}\n`);
  }),
);
process.stdout.write('READY\n');
setInterval(() => undefined, 60_000);
