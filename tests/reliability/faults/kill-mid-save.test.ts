import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeProjectDocument, parseProjectText, sha256Hex } from '../../../core/project';
import { makeTempDir, SAMPLE_FILE } from '../../unit/project/project-test-kit';
import { figure } from '../support/figure';
import { bundleChild } from './support/child-bundle';
import { killAfterReady } from './support/kill-round';

// RELIABILITY.md DUR-7: a child alternates atomic saves of A and B (temp beside target → fsync → rename
// → fsync folder); SIGKILL at a random moment, 200 times, never leaves a torn project file. The child
// runs as a bundle so that 200 rounds fit the suite's time bound; saves take milliseconds, so the kill
// lands within 0–40 ms of the first save.
const ROUNDS = 200;
const MAX_DELAY_MS = 40;
// Two project files killed side by side, 100 rounds each.
const LANES = 2;

function expectedHashes(sampleText: string): Set<string> {
  const base = parseProjectText(sampleText, SAMPLE_FILE).document;
  const fixed = { updatedAt: '2026-01-02T03:04:05.000Z' };
  const a = { ...base, ...fixed, name: 'Version A' };
  const b = { ...base, ...fixed, name: 'Version B', scenes: base.scenes.map((scene) => ({ ...scene, summary: `${scene.summary ?? ''} (B)` })) };
  return new Set([sha256Hex(encodeProjectDocument(a)), sha256Hex(encodeProjectDocument(b))]);
}

describe('DUR-7 atomic project save', () => {
  let bundle = '';
  beforeAll(async () => {
    bundle = await bundleChild('./save-loop-child.ts');
  });

  it(`leaves a whole project file across ${ROUNDS} kills`, { timeout: 240_000 }, async () => {
    const allowed = expectedHashes(await readFile(SAMPLE_FILE, 'utf8'));
    const started = Date.now();
    const lanes = await Promise.all(
      Array.from({ length: LANES }, async () => {
        const dir = await makeTempDir('genweave-kill-');
        const target = path.join(dir, 'project.genweave.json');
        let whole = 0;
        for (let round = 0; round < ROUNDS / LANES; round += 1) {
          await killAfterReady(bundle, [target, SAMPLE_FILE], MAX_DELAY_MS, 'ready');
          const bytes = await readFile(target);
          parseProjectText(bytes.toString('utf8'), target);
          if (allowed.has(sha256Hex(bytes))) whole += 1;
        }
        // Temp files of killed saves may remain; they are never the project file, and a later save removes old ones.
        const others = (await readdir(dir)).filter((name) => !name.includes('.tmp-'));
        return { whole, others };
      }),
    );
    const whole = lanes.reduce((sum, lane) => sum + lane.whole, 0);
    figure('DUR-7', { kills: ROUNDS, survived: whole, elapsed_ms: Date.now() - started });
    expect(whole).toBe(ROUNDS);
    for (const lane of lanes) expect(lane.others).toEqual(['project.genweave.json']);
  });
});
