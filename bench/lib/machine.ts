import { readFileSync } from 'node:fs';
import os from 'node:os';

// The machine a run was measured on, printed with the table and stored in latest.json.

export type Machine = { nproc: number; cpu: string; memoryGiB: number; node: string; platform: string; at: string };

function cpuModel(): string {
  const fromOs = os.cpus()[0]?.model?.trim();
  if (fromOs) return fromOs;
  // Some virtual machines leave os.cpus() empty; /proc/cpuinfo still names the model.
  const line = readFileSync('/proc/cpuinfo', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('model name'));
  return line?.split(':')[1]?.trim() ?? 'unknown';
}

export function describeMachine(): Machine {
  return {
    nproc: os.availableParallelism(),
    cpu: cpuModel(),
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    at: new Date().toISOString(),
  };
}

export function machineLine(m: Machine): string {
  return `${m.nproc} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`;
}
