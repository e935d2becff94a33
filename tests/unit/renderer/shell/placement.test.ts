import { describe, expect, it } from 'vitest';
import { GENERATION_SIZE, GRID } from '../../../../renderer/graph/document-ops';
import { findFreeSpot } from '../../../../renderer/graph/placement';

describe('placement of new nodes', () => {
  it('uses the view centre when it is free, on the grid', () => {
    const p = findFreeSpot({ scenes: [], generationNodes: [] }, { x: 500, y: 300 }, GENERATION_SIZE);
    expect(p.x % GRID).toBe(0);
    expect(p.y % GRID).toBe(0);
    expect(Math.abs(p.x + GENERATION_SIZE.width / 2 - 500)).toBeLessThanOrEqual(GRID);
  });

  it('never places a node on top of an existing one', () => {
    const doc = { scenes: [] as Array<{ id: string; title: string; position: { x: number; y: number } }>, generationNodes: [] };
    for (let i = 0; i < 12; i += 1) {
      const p = findFreeSpot(doc, { x: 0, y: 0 }, GENERATION_SIZE);
      for (const s of doc.scenes) {
        const apart = Math.abs(s.position.x - p.x) >= GENERATION_SIZE.width || Math.abs(s.position.y - p.y) >= GENERATION_SIZE.height;
        expect(apart).toBe(true);
      }
      doc.scenes.push({ id: `s${i}`, title: '', position: p });
    }
  });
});
