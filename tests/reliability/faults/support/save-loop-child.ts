// Child process for DUR-7: saves document A and document B alternately, forever, until killed.
import { readFileSync } from 'node:fs';
import { parseProjectText, saveProjectFile } from '../../../../core/project';

const [target, sample] = process.argv.slice(2) as [string, string];
const base = parseProjectText(readFileSync(sample, 'utf8'), sample).document;
const documents = [
  { ...base, name: 'Version A' },
  { ...base, name: 'Version B', scenes: base.scenes.map((scene) => ({ ...scene, summary: `${scene.summary ?? ''} (B)` })) },
];
const now = () => new Date('2026-01-02T03:04:05.000Z');
let round = 0;
for (;;) {
  await saveProjectFile({ path: target, document: documents[round % 2]!, force: true, now });
  if (round === 0) process.stdout.write('ready\n');
  round += 1;
}
