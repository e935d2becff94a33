import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

// `npx tsx bench/profile.ts <file.cpuprofile> [--top=N] [--filter=text]`: the functions that cost the most
// in a V8 CPU profile written by `npm run bench -- --cpu-prof` (bench/results/profiles/), by self time and
// by inclusive time, with file and line — what a missed target is reported with.

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; hitCount?: number; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

function label(frame: CallFrame): string {
  const url = frame.url.startsWith('file://') ? relative(process.cwd(), new URL(frame.url).pathname) : frame.url;
  return `${frame.functionName || '(anonymous)'} ${url ? `${url}:${frame.lineNumber + 1}` : '(native)'}`;
}

function summarize(profile: Profile, top: number, filter: string | undefined): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const name = label(byId.get(id)!.callFrame);
    self.set(name, (self.get(name) ?? 0) + ms);
    // Each sample counts once per distinct function on its stack (recursion is not double counted).
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frameName = label(byId.get(at)!.callFrame);
      if (seen.has(frameName)) continue;
      seen.add(frameName);
      inclusive.set(frameName, (inclusive.get(frameName) ?? 0) + ms);
    }
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  const table = (title: string, map: Map<string, number>) =>
    [
      `${title} (of ${total.toFixed(0)} ms profiled)`,
      ...[...map]
        .filter(([name]) => filter === undefined || name.includes(filter))
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([name, ms]) => `${ms.toFixed(1).padStart(9)} ms ${((ms / total) * 100).toFixed(1).padStart(5)} %  ${name}`),
    ].join('\n');
  return `${table('self time', self)}\n\n${table('inclusive time', inclusive)}\n`;
}

const [file, ...rest] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: tsx bench/profile.ts <file.cpuprofile> [--top=N] [--filter=text]');
const top = Number(rest.find((a) => a.startsWith('--top='))?.slice(6) ?? 25);
const filter = rest.find((a) => a.startsWith('--filter='))?.slice(9);
process.stdout.write(summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, top, filter));
