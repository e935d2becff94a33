// Starts a bundled child with an environment and resolves once its output satisfies `until`.
import { spawn, type ChildProcess } from 'node:child_process';

export type RunningChild = { child: ChildProcess; lines: () => string[]; kill: () => Promise<void> };

export function startChild(bundle: string, args: string[], env: Record<string, string>, until: (lines: string[]) => boolean): Promise<RunningChild> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    let ready = false;
    const lines = (): string[] => out.split('\n').filter(Boolean);
    const kill = (): Promise<void> =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGKILL');
      });
    child.on('error', reject);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (!ready && until(lines())) {
        ready = true;
        resolve({ child, lines, kill });
      }
    });
    child.on('exit', (code, signal) => {
      if (!ready) reject(new Error(`child exited (${code ?? signal}) before it was ready: ${err.slice(0, 2000)}`));
    });
  });
}
