import type { ProjectDocument } from '../../core/domain/project-document';
import { GENERATION_SIZE, GRID, SCENE_SIZE, snapPosition, type Position } from './document-ops';

// Where a node added "at the view centre" goes: the nearest free grid cell, so a new node never lands on
// top of another one and hides it.

const GAP = GRID * 2;
const MAX_RINGS = 12;

type Rect = { x: number; y: number; width: number; height: number };

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

export function findFreeSpot(doc: Pick<ProjectDocument, 'scenes' | 'generationNodes'>, center: Position, size: { width: number; height: number }): Position {
  const start = snapPosition({ x: center.x - size.width / 2, y: center.y - size.height / 2 });
  const near = (p: Position) => Math.abs(p.x - start.x) < 4000 && Math.abs(p.y - start.y) < 4000;
  const rects: Rect[] = [
    ...doc.scenes.filter((s) => near(s.position)).map((s) => ({ ...s.position, ...SCENE_SIZE })),
    ...doc.generationNodes.filter((n) => near(n.position)).map((n) => ({ ...n.position, ...GENERATION_SIZE })),
  ];
  const free = (p: Position) => !rects.some((r) => overlaps({ ...p, ...size }, r));
  if (free(start)) return start;
  const stepX = size.width + GAP;
  const stepY = size.height + GAP;
  // Rings of cells around the start, nearest first; deterministic order (right, down, left, up).
  for (let ring = 1; ring <= MAX_RINGS; ring += 1) {
    for (let dy = -ring; dy <= ring; dy += 1) {
      for (let dx = -ring; dx <= ring; dx += 1) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        const candidate = { x: start.x + dx * stepX, y: start.y + dy * stepY };
        if (free(candidate)) return snapPosition(candidate);
      }
    }
  }
  return start;
}
