import { cp, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION } from '../../../core/domain';
import { makeTempDir, SAMPLE_DIR } from '../../unit/project/project-test-kit';
import { runGenweave, waitForOutput } from './cli-kit';

// project-format.md §7: exit codes 0/1/2/3/4/130, checked on the real executable in child processes.

async function sampleCopy() {
  const dir = await makeTempDir('genweave-cli-');
  // The copy starts without the sample's committed regression snapshots.
  await cp(SAMPLE_DIR, path.join(dir, 'project'), { recursive: true, filter: (source) => !source.endsWith('.snapshots.json') });
  return { dir, project: path.join(dir, 'project', 'harbor-lights.genweave.json'), dataDir: path.join(dir, 'data') };
}

describe('genweave exit codes', () => {
  it('0 for --version and --help; 2 for usage errors', async () => {
    const version = await runGenweave(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect((await runGenweave(['--help'])).code).toBe(0);
    for (const args of [[], ['bogus'], ['validate'], ['validate', 'a', '--nope'], ['export', 'x.genweave.json'], ['generate', 'x.genweave.json', '--priority', 'high']]) {
      const run = await runGenweave(args);
      expect(run.code, args.join(' ')).toBe(2);
    }
  });

  it('validate: 0 for the sample, 1 with errors or --strict warnings, 3 for an unreadable project', async () => {
    const { dir, project, dataDir } = await sampleCopy();
    const ok = await runGenweave(['validate', project, '--data-dir', dataDir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('warning V48 gen-docks-ambient strategy: Strategy "always" will regenerate content');
    expect((await runGenweave(['validate', project, '--strict', '--data-dir', dataDir])).code).toBe(1);

    const doc = JSON.parse(await readFile(project, 'utf8')) as { generationNodes: Array<{ config: Record<string, unknown> }> };
    delete doc.generationNodes[0]!.config.fallback;
    const broken = path.join(dir, 'project', 'broken.genweave.json');
    await writeFile(broken, JSON.stringify(doc));
    const failed = await runGenweave(['validate', broken, '--json', '--data-dir', dataDir]);
    expect(failed.code).toBe(1);
    const json = JSON.parse(failed.stdout) as { ok: boolean; findings: Array<Record<string, unknown>> };
    expect(json.ok).toBe(false);
    expect(json.findings).toContainEqual({ severity: 'error', rule: 'V47', nodeId: 'gen-market-storm', path: 'fallback', message: 'Fallback configuration is required' });

    const notJson = path.join(dir, 'not.genweave.json');
    await writeFile(notJson, '{ nope');
    const newer = path.join(dir, 'newer.genweave.json');
    await writeFile(newer, JSON.stringify({ ...doc, schemaVersion: CURRENT_SCHEMA_VERSION + 1 }));
    for (const file of [path.join(dir, 'missing.genweave.json'), notJson, newer]) {
      const run = await runGenweave(['validate', file, '--json', '--data-dir', dataDir]);
      expect(run.code, file).toBe(3);
      expect((JSON.parse(run.stdout) as { error: { code: string } }).error.code).toMatch(/^GEN_PROJECT_(INVALID|TOO_NEW)$/);
    }
  });

  it('export: 0 with the files written, 1 when refused or the folder is not empty', async () => {
    const { dir, project, dataDir } = await sampleCopy();
    const out = path.join(dir, 'out');
    const ok = await runGenweave(['export', project, '--out', out, '--data-dir', dataDir]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain(path.join(out, 'genweave-bundle.json'));
    const notEmpty = path.join(dir, 'project');
    expect((await runGenweave(['export', project, '--out', notEmpty, '--data-dir', dataDir])).code).toBe(1);
    const doc = JSON.parse(await readFile(project, 'utf8')) as { edges: unknown[] };
    doc.edges.push({ id: 'edge-bad', source: 's-market', target: 'nowhere' });
    await writeFile(project, JSON.stringify(doc));
    const refused = await runGenweave(['export', project, '--out', path.join(dir, 'out2'), '--data-dir', dataDir]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("error G02 edge-bad edges[14].target: Edge 'edge-bad' points to missing node 'nowhere'");
  });

  it('generate: 0 when completed with --wait, 1 when refused, 4 when the data dir cannot be used', async () => {
    const { dir, project, dataDir } = await sampleCopy();
    const done = await runGenweave(['generate', project, '--node', 'gen-tavern-variation', '--preset', 'preset-first-visit', '--wait', '--data-dir', dataDir]);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/^created new \S+ pending\nhash [0-9a-f]{64}\ncacheKey generation:text_to_video\|variation\|s-tavern\|none\|per_playthrough\|pt:pt-first-visit\|v1\nstatus completed\nmedia [0-9a-f]{64} /);
    const again = await runGenweave(['generate', project, '--node', 'gen-tavern-variation', '--preset', 'preset-first-visit', '--json', '--data-dir', dataDir]);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { why: { source: string } }).why.source).not.toBe('created');
    expect((await runGenweave(['generate', project, '--node', 'gen-nope', '--data-dir', dataDir])).code).toBe(1);
    // A per_playthrough node without a playthrough is refused by the engine.
    expect((await runGenweave(['generate', project, '--node', 'gen-tavern-variation', '--data-dir', dataDir])).code).toBe(1);
    const file = path.join(dir, 'a-file');
    await writeFile(file, 'not a folder');
    const env = await runGenweave(['generate', project, '--node', 'gen-market-storm', '--data-dir', path.join(file, 'data')]);
    expect(env.code).toBe(4);
  });

  it('regress: 1 without snapshots, 0 after --update, 1 with a readable diff after a change', async () => {
    const { project, dataDir } = await sampleCopy();
    const missing = await runGenweave(['regress', project, '--data-dir', dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('--update');
    expect((await runGenweave(['regress', project, '--update', '--node', 'gen-tavern-variation', '--data-dir', dataDir])).code).toBe(0);
    const snapshots = path.join(path.dirname(project), 'Harbor Lights.snapshots.json');
    const recorded = await readFile(snapshots);
    expect((await runGenweave(['regress', project, '--node', 'gen-tavern-variation', '--data-dir', dataDir])).code).toBe(0);
    const doc = JSON.parse(await readFile(project, 'utf8')) as { generationNodes: Array<{ id: string; config: { prompt: { variables: Record<string, string> } } }> };
    doc.generationNodes.find((n) => n.id === 'gen-tavern-variation')!.config.prompt.variables.detail = 'a storm rattles the shutters';
    await writeFile(project, JSON.stringify(doc));
    const changed = await runGenweave(['regress', project, '--node', 'gen-tavern-variation', '--preset', 'preset-return', '--data-dir', dataDir]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toContain('gen-tavern-variation × preset-return › prompt.text: "The tavern tonight: a fiddler plays by the fire." → "The tavern tonight: a storm rattles the shutters."');
    expect((await readFile(snapshots)).equals(recorded)).toBe(true);
  });

  it('130 when interrupted by SIGINT before completion', async () => {
    const { project, dataDir } = await sampleCopy();
    const run = await runGenweave(['regress', project, '--update', '--data-dir', dataDir], {
      onStart: (child) => void waitForOutput(child.stderr!, 'regress 1/').then(() => child.kill('SIGINT')),
    });
    expect(run.code).toBe(130);
    await expect(readFile(path.join(path.dirname(project), 'Harbor Lights.snapshots.json'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('serve: prints the ready line, stops cleanly on SIGTERM, and exits 4 when the port is taken', async () => {
    const { dataDir } = await sampleCopy();
    const run = await runGenweave(['serve', '--port', '0', '--data-dir', dataDir], {
      onStart: (child) => void waitForOutput(child.stdout!, 'ready at http://127.0.0.1:').then(() => child.kill('SIGTERM')),
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ready at http:\/\/127\.0\.0\.1:\d+\//);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blocker.address() as { port: number }).port;
      expect((await runGenweave(['serve', '--port', String(port), '--data-dir', dataDir])).code).toBe(4);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
