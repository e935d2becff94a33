// `npm run test:e2e`: find (or, as root, install) Debian Chromium, build the renderer, run Playwright.
// Playwright never downloads its own browsers here; the tests launch /usr/bin/chromium.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.GENWEAVE_CHROMIUM ?? '/usr/bin/chromium';

function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`Chromium not found at ${CHROMIUM}. Install it (apt-get install -y chromium) or set GENWEAVE_CHROMIUM.`);
    process.exit(4);
  }
  console.log('Chromium missing: installing the Debian package…');
  if (run('apt-get', ['install', '-y', 'chromium']) !== 0 || !existsSync(CHROMIUM)) {
    console.error('Could not install chromium with apt-get.');
    process.exit(4);
  }
}

const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', GENWEAVE_CHROMIUM: CHROMIUM };
const build = run('npx', ['vite', 'build', '--config', 'vite.renderer.config.ts', '--logLevel', 'warn'], env);
if (build !== 0) process.exit(build);
process.exit(run('npx', ['playwright', 'test', ...process.argv.slice(2)], env));
