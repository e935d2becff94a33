// Where the built renderer and the sample project live, relative to this source tree (tsx, the CLI) —
// the Electron main bundle passes its own paths instead.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findPackageRoot(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

export function defaultRendererDir(): string {
  return join(findPackageRoot(), 'out', 'renderer');
}
