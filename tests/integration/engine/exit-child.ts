// Opens an engine, runs one generation against the provider in GW_PROVIDERS, closes the engine and
// returns. The process must then exit on its own: no timer, socket or handle may be left behind.
import { openEngine } from '../../../core/engine';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: exit-child <dataDir>');
const engine = await openEngine({ dataDir, providers: JSON.parse(process.env.GW_PROVIDERS ?? '[]') });
const { generation } = await engine.generations.create(JSON.parse(process.env.GW_REQUEST ?? '{}'));
const done = await engine.generations.wait(generation.id);
await engine.close();
process.stdout.write(`STATUS ${done.status}\n`);
