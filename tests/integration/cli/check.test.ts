import { mkdir, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../core/cli';
import { makeTempDir, SAMPLE_FILE } from '../../unit/project/project-test-kit';

function capture() {
  const out: string[] = [];
  return { out, io: { stdout: (t: string) => void out.push(t), stderr: () => undefined, env: {}, signal: new AbortController().signal } };
}

async function mediaFiles(dataDir: string): Promise<string[]> {
  return (await readdir(path.join(dataDir, 'media'), { recursive: true })).map(String).filter((name) => /[0-9a-f]{64}\./.test(name));
}

describe('genweave check', () => {
  it('reports a healthy data dir, then a missing media file, and removes only old orphans with --gc', { timeout: 60_000 }, async () => {
    const dataDir = await makeTempDir();
    const first = capture();
    expect(await runCli(['check', '--json', '--data-dir', dataDir], first.io)).toBe(0);
    expect(JSON.parse(first.out.join(''))).toMatchObject({ ok: true, problems: [], missingMedia: [] });

    const generated = capture();
    expect(await runCli(['generate', SAMPLE_FILE, '--node', 'gen-market-storm', '--wait', '--data-dir', dataDir], generated.io)).toBe(0);
    const healthy = capture();
    expect(await runCli(['check', '--data-dir', dataDir], healthy.io)).toBe(0);
    expect(healthy.out.join('')).toContain('integrity_check ok');

    const oldOrphan = path.join(dataDir, 'media', 'ab', `ab${'0'.repeat(62)}.svg`);
    const youngOrphan = path.join(dataDir, 'media', 'ab', `ab${'1'.repeat(62)}.svg`);
    await mkdir(path.dirname(oldOrphan), { recursive: true });
    await writeFile(oldOrphan, '<svg/>');
    await writeFile(youngOrphan, '<svg/>');
    const twoDaysAgo = new Date(Date.now() - 48 * 3600_000);
    await utimes(oldOrphan, twoDaysAgo, twoDaysAgo);
    const gc = capture();
    expect(await runCli(['check', '--gc', '--json', '--data-dir', dataDir], gc.io)).toBe(0);
    expect(JSON.parse(gc.out.join(''))).toMatchObject({ orphanedMedia: expect.arrayContaining([`ab${'0'.repeat(62)}`, `ab${'1'.repeat(62)}`]), removedMedia: [`ab${'0'.repeat(62)}`] });
    expect((await mediaFiles(dataDir)).some((name) => name.includes('1'.repeat(62)))).toBe(true);

    for (const name of await mediaFiles(dataDir)) {
      if (!name.includes('1'.repeat(62))) await rm(path.join(dataDir, 'media', name));
    }
    const broken = capture();
    expect(await runCli(['check', '--json', '--data-dir', dataDir], broken.io)).toBe(1);
    expect((JSON.parse(broken.out.join('')) as { missingMedia: string[] }).missingMedia.length).toBeGreaterThan(0);
  });
});
