// The writer child of RELIABILITY.md: runs the real engine on argv[2] and creates generations one
// after another, alternating text and media results, printing `ACK <id>` once each has completed
// with every effect committed (engine.md §2.1 wait). It prints READY when the engine is open and
// runs until it is killed. argv[3] tags node ids so that every round creates new generations.
import { openEngine } from '../../../../core/engine';

const [dataDir, tag = 'r'] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: writer-child <dataDir> [tag]');

const engine = await openEngine({
  dataDir,
  providers: [{ id: 'local-preview', kind: 'local-preview', defaults: { delayMs: 5 } }],
});
process.stdout.write('READY\n');
for (let index = 0; ; index += 1) {
  const { generation } = await engine.generations.create({
    projectId: 'proj-kill',
    nodeId: `gen-${tag}-${index}`,
    config: {
      generationType: index % 2 === 0 ? 'dialogue' : 'environment',
      purpose: 'adaptive',
      strategy: 'once',
      fallback: { mode: 'placeholder', timeoutMs: 5000 },
      enabled: true,
      version: 1,
      prompt: { inline: `Round ${tag}, line ${index}: the keeper lights the lamp.` },
    },
    fromScene: { id: 's-dock' },
    toScene: { id: 's-lighthouse' },
  });
  const done = await engine.generations.wait(generation.id);
  if (done.status === 'completed') process.stdout.write(`ACK ${done.id}\n`);
}
