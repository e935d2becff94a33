// Child processes start as plain `node` on a bundle of their TypeScript entry, so that each of the
// 200 kill rounds pays Node's start-up only, not the TypeScript loader's. Packages stay external and
// the bundle sits under node_modules/.cache so that they resolve from the repository.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export async function bundleChild(entry: string): Promise<string> {
  const outDir = join(ROOT, 'node_modules', '.cache', 'genweave-reliability');
  mkdirSync(outDir, { recursive: true });
  removeBundlesOfDeadWorkers(outDir);
  const outfile = join(outDir, `${entry.replace(/^\W+/, '').replace(/\W+/g, '-')}-${process.pid}.mjs`);
  await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  return outfile;
}

/** One bundle per worker process (pid in the name); those of workers that are gone are removed. */
function removeBundlesOfDeadWorkers(dir: string): void {
  for (const name of readdirSync(dir)) {
    const pid = Number(/-(\d+)\.mjs$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
