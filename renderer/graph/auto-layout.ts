import type { ProjectDocument } from '../../core/domain/project-document';
import { GRID, type Position } from './document-ops';

// studio-ui.md §3: a deterministic layered layout, left to right. Cycles are allowed (project-format.md
// §2.5), so layering is Kahn's algorithm that, when every remaining node waits on a predecessor, releases
// the first one in document order. Every loop is iterative, so a 10,000-node cycle cannot overflow the stack.
// Layers wrap into bands of LAYERS_PER_BAND columns, so a story with thousands of steps stays readable.

const COLUMN = 21 * GRID; // 240 px node + 96 px gutter
const ROW = 11 * GRID; // 132 px node + 44 px gutter
const SCENE_OFFSET = GRID; // centres a 96 px scene in a 132 px row, on the grid
/** Layers per band: a long chain (or a big cycle) wraps into bands below each other instead of one endless row. */
export const LAYERS_PER_BAND = 40;
const BAND_GAP = 4 * GRID;

export function computeAutoLayout(doc: Pick<ProjectDocument, 'scenes' | 'generationNodes' | 'edges'>): Map<string, Position> {
  const ids = [...doc.scenes.map((s) => s.id), ...doc.generationNodes.map((n) => n.id)];
  const isScene = new Set(doc.scenes.map((s) => s.id));
  const indexOf = new Map<string, number>();
  ids.forEach((id, i) => indexOf.set(id, i));
  const n = ids.length;
  const succ: number[][] = Array.from({ length: n }, () => []);
  const pred: number[][] = Array.from({ length: n }, () => []);
  const indeg = new Int32Array(n);
  for (const e of doc.edges) {
    const s = indexOf.get(e.source);
    const t = indexOf.get(e.target);
    if (s === undefined || t === undefined || s === t) continue;
    succ[s]!.push(t);
    pred[t]!.push(s);
    indeg[t]! += 1;
  }

  const layer = new Int32Array(n).fill(-1);
  const queue: number[] = [];
  for (let i = 0; i < n; i += 1) if (indeg[i] === 0) queue.push(i);
  let head = 0;
  let scan = 0;
  let done = 0;
  while (done < n) {
    if (head === queue.length) {
      while (layer[scan] !== -1) scan += 1; // cycle: release the first unplaced node in document order
      queue.push(scan);
    }
    const v = queue[head++]!;
    if (layer[v] !== -1) continue;
    let l = 0;
    for (const u of pred[v]!) if (layer[u]! >= 0 && layer[u]! + 1 > l) l = layer[u]! + 1;
    layer[v] = l;
    done += 1;
    for (const w of succ[v]!) {
      indeg[w]! -= 1;
      if (indeg[w] === 0 && layer[w] === -1) queue.push(w);
    }
  }

  const layers: number[][] = [];
  for (let i = 0; i < n; i += 1) (layers[layer[i]!] ??= []).push(i);
  const row = new Float64Array(n);
  const positions = new Map<string, Position>();
  let bandTop = 0;
  let bandRows = 0;
  layers.forEach((members, l) => {
    if (l > 0 && l % LAYERS_PER_BAND === 0) {
      bandTop += bandRows * ROW + BAND_GAP;
      bandRows = 0;
    }
    const key = new Map<number, number>();
    for (const v of members) {
      let sum = 0;
      let count = 0;
      for (const u of pred[v]!) {
        if (layer[u]! < l) {
          sum += row[u]!;
          count += 1;
        }
      }
      key.set(v, count > 0 ? sum / count : -1);
    }
    members.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
    bandRows = Math.max(bandRows, members.length);
    members.forEach((v, r) => {
      row[v] = r;
      const id = ids[v]!;
      positions.set(id, { x: (l % LAYERS_PER_BAND) * COLUMN, y: bandTop + r * ROW + (isScene.has(id) ? SCENE_OFFSET : 0) });
    });
  });
  return positions;
}
