import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../core/cli';
import { makeTempDir, SAMPLE_DIR, SAMPLE_FILE } from '../../unit/project/project-test-kit';

// project-format.md §5: the sample validates with no errors, exports, and generates every node offline with
// local-preview — the committed regression snapshots record exactly that and must still match.

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), env: {}, signal: new AbortController().signal } };
}

describe('the Harbor Lights sample', () => {
  it('validates with no errors', async () => {
    const { out, io } = capture();
    const dataDir = await makeTempDir();
    expect(await runCli(['validate', SAMPLE_FILE, '--json', '--data-dir', dataDir], io)).toBe(0);
    const result = JSON.parse(out.join('')) as { summary: { errors: number } };
    expect(result.summary.errors).toBe(0);
  });

  it('matches its committed regression snapshots, every node × preset completed by local-preview', { timeout: 120_000 }, async () => {
    const committed = await readFile(path.join(SAMPLE_DIR, 'Harbor Lights.snapshots.json'), 'utf8');
    const entries = (JSON.parse(committed) as { entries: Record<string, { output: Record<string, unknown> | null; error: string | null }> }).entries;
    expect(Object.keys(entries)).toHaveLength(10);
    for (const entry of Object.values(entries)) {
      expect(entry.error).toBeNull();
      expect(entry.output).not.toHaveProperty('status');
    }
    const { out, io } = capture();
    const code = await runCli(['regress', SAMPLE_FILE, '--data-dir', await makeTempDir()], io);
    expect(out.join('')).toBe('No changes in 10 snapshots.\n');
    expect(code).toBe(0);
    expect(await readFile(path.join(SAMPLE_DIR, 'Harbor Lights.snapshots.json'), 'utf8')).toBe(committed);
  });
});
