#!/usr/bin/env node
// `npm start`: build out/ when it is missing or older than the sources, then run the studio in Electron when
// its binary is installed, else in browser mode on the loopback host (rpc.md §8) with the sample project.
// It must work offline: the Electron download is tried at most once, only when the network answers, and a
// failure there only means browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
const SOURCES = ['core', 'electron', 'renderer', 'package.json', 'electron.vite.config.ts'];
const INSTALL_MARK = join(root, 'node_modules', '.cache', 'genweave-electron-install-attempted');

function newestMtime(path) {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

function buildIsStale() {
  const outputs = OUTPUTS.map((file) => join(root, file));
  if (!outputs.every((file) => existsSync(file))) return true;
  const built = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return SOURCES.some((source) => existsSync(join(root, source)) && newestMtime(join(root, source)) > built);
}

function build() {
  console.log('Building Genweave Studio (electron-vite build)…');
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}

function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

async function networkMightExist() {
  try {
    await Promise.race([lookup('github.com'), new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), 3000).unref())]);
    return true;
  } catch {
    return false; // no DNS answer: treat the machine as offline
  }
}

async function tryInstallElectronOnce() {
  if (existsSync(INSTALL_MARK) || !(await networkMightExist())) return;
  mkdirSync(dirname(INSTALL_MARK), { recursive: true });
  writeFileSync(INSTALL_MARK, new Date().toISOString());
  console.log('Downloading the Electron binary (once)…');
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, stdio: 'inherit', timeout: 180_000 });
  if (result.status !== 0) console.log('The Electron download did not succeed; starting in browser mode instead.');
}

function runElectron(binary) {
  const child = spawn(binary, ['.'], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function runBrowserMode() {
  const { register } = await import('tsx/esm/api');
  register();
  const { startBrowserHost } = await import('../core/host/browser-host.ts');
  const { resolveDataDir } = await import('../core/cli/data-dir.ts');
  const { createNewProject } = await import('../core/project/new-project.ts');
  // The sample is copied once to the user's folder, so the committed file is never saved over.
  const sampleDir = join(root, 'resources', 'sample');
  const hasSample = existsSync(join(sampleDir, 'harbor-lights.genweave.json'));
  const projectPath = hasSample
    ? join(homedir(), 'Genweave', 'Harbor Lights', 'harbor-lights.genweave.json')
    : join(homedir(), 'Genweave', 'Untitled', 'untitled.genweave.json');
  if (!existsSync(projectPath)) await createNewProject({ template: hasSample ? 'sample' : 'empty', path: projectPath, sampleDir });
  const host = await startBrowserHost({ dataDir: resolveDataDir(undefined), projectPath });
  console.log('Open the address above in a browser. Press Ctrl+C to stop.');
  const stop = () => host.stop().then(() => process.exit(0), (error) => {
    console.error(error);
    process.exit(1);
  });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (buildIsStale()) build();
let binary = electronBinary();
if (binary === null) {
  await tryInstallElectronOnce();
  binary = electronBinary();
}
if (binary !== null) runElectron(binary);
else await runBrowserMode();
