import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeProjectDocument, parseProjectText, sha256Hex } from '../../../core/project';
import { makeTempDir, SAMPLE_FILE } from '../../unit/project/project-test-kit';

// RELIABILITY.md DUR-7: a child alternates atomic saves of A and B; SIGKILL at random moments never leaves a
// torn file. The round count is kept small here; the reliability suite may raise it.
const ROUNDS = 40;
const CHILD = path.join(import.meta.dirname, 'save-loop-child.ts');

function expectedHashes(sampleText: string): Set<string> {
  const base = parseProjectText(sampleText, SAMPLE_FILE).document;
  const fixed = { updatedAt: '2026-01-02T03:04:05.000Z' };
  const a = { ...base, ...fixed, name: 'Version A' };
  const b = { ...base, ...fixed, name: 'Version B', scenes: base.scenes.map((scene) => ({ ...scene, summary: `${scene.summary ?? ''} (B)` })) };
  return new Set([sha256Hex(encodeProjectDocument(a)), sha256Hex(encodeProjectDocument(b))]);
}

function runUntilKilled(target: string, delayMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, SAMPLE_FILE], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.on('error', reject);
    child.on('exit', () => resolve());
    child.stdout.setEncoding('utf8').once('data', () => {
      const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      child.once('exit', () => clearTimeout(timer));
    });
  });
}

describe('DUR-7 atomic project save', () => {
  it(`leaves a whole project file across ${ROUNDS} kills`, { timeout: 300_000 }, async () => {
    const dir = await makeTempDir('genweave-kill-');
    const target = path.join(dir, 'project.genweave.json');
    const allowed = expectedHashes(await readFile(SAMPLE_FILE, 'utf8'));
    let whole = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      await runUntilKilled(target, Math.floor(Math.random() * 40));
      const bytes = await readFile(target);
      parseProjectText(bytes.toString('utf8'), target);
      if (allowed.has(sha256Hex(bytes))) whole += 1;
    }
    console.log(`DUR-7 whole project file after kill: ${whole}/${ROUNDS}`);
    expect(whole).toBe(ROUNDS);
    // Temp files of killed saves may remain; they are never the project file, and a later save removes old ones.
    expect((await readdir(dir)).filter((name) => !name.includes('.tmp-'))).toEqual(['project.genweave.json']);
  });
});
