#!/usr/bin/env node
// The `genweave` command (project-format.md §7). A packaged build ships out/cli/main.js; in a source checkout
// the TypeScript entry runs through tsx's ESM loader, so no build step is needed.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/cli/main.js', import.meta.url));
if (existsSync(built)) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../core/cli/main.ts');
}
