// One kill round: start a bundled child, wait until it says READY, SIGKILL it after a random delay
// (the fault being injected), and hand back everything it printed before it died.
import { spawn } from 'node:child_process';

export type KillRound = { lines: string[]; delayMs: number; killed: boolean };

/** `marker` is the line after which the random delay starts (READY by default). */
export function killAfterReady(bundle: string, args: string[], maxDelayMs: number, marker = 'READY'): Promise<KillRound> {
  const delayMs = Math.floor(Math.random() * (maxDelayMs + 1));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.on('error', reject);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (timer === undefined && out.includes(`${marker}\n`)) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return reject(new Error(`child ended by itself (code ${code}): ${err.slice(0, 2000)}`));
      resolve({ lines: out.split('\n').filter(Boolean), delayMs, killed: true });
    });
  });
}
