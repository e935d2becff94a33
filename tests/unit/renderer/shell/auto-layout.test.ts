import { describe, expect, it } from 'vitest';
import type { ProjectDocument } from '../../../../core/domain/project-document';
import { computeAutoLayout, LAYERS_PER_BAND } from '../../../../renderer/graph/auto-layout';
import { GRID } from '../../../../renderer/graph/document-ops';

type Graph = Pick<ProjectDocument, 'scenes' | 'generationNodes' | 'edges'>;

function chainGraph(n: number, closeCycle: boolean): Graph {
  const scenes = Array.from({ length: n }, (_, i) => ({ id: `s${i}`, title: `S${i}`, position: { x: 0, y: 0 } }));
  const edges = Array.from({ length: closeCycle ? n : n - 1 }, (_, i) => ({ id: `e${i}`, source: `s${i}`, target: `s${(i + 1) % n}` }));
  return { scenes, generationNodes: [], edges };
}

describe('auto-layout', () => {
  it('is deterministic: the same graph gives the same positions', () => {
    const g = chainGraph(50, false);
    g.edges.push({ id: 'x1', source: 's3', target: 's40' }, { id: 'x2', source: 's10', target: 's2' });
    const first = computeAutoLayout(g);
    const second = computeAutoLayout(structuredClone(g));
    expect([...second.entries()]).toEqual([...first.entries()]);
  });

  it('lays a chain out left to right, one layer per step, on the grid', () => {
    const positions = computeAutoLayout(chainGraph(4, false));
    const xs = ['s0', 's1', 's2', 's3'].map((id) => positions.get(id)!.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    for (const p of positions.values()) {
      expect(p.x % GRID).toBe(0);
      expect(p.y % GRID).toBe(0);
    }
  });

  it('wraps a long chain into bands of LAYERS_PER_BAND columns', () => {
    const positions = computeAutoLayout(chainGraph(LAYERS_PER_BAND * 2 + 1, false));
    const first = positions.get('s0')!;
    const wrapped = positions.get(`s${LAYERS_PER_BAND}`)!;
    expect(wrapped.x).toBe(first.x);
    expect(wrapped.y).toBeGreaterThan(first.y);
    expect(positions.get(`s${LAYERS_PER_BAND - 1}`)!.x).toBeGreaterThan(first.x);
  });

  it('puts nodes of one layer in distinct rows', () => {
    const g: Graph = {
      scenes: ['root', 'a', 'b', 'c'].map((id) => ({ id, title: id, position: { x: 0, y: 0 } })),
      generationNodes: [],
      edges: ['a', 'b', 'c'].map((t) => ({ id: `e-${t}`, source: 'root', target: t })),
    };
    const positions = computeAutoLayout(g);
    const layer = ['a', 'b', 'c'].map((id) => positions.get(id)!);
    expect(new Set(layer.map((p) => p.x)).size).toBe(1);
    expect(new Set(layer.map((p) => p.y)).size).toBe(3);
  });

  it('IN-4 terminates on a 10,000-node cycle and places every node once', () => {
    const g = chainGraph(10_000, true);
    const positions = computeAutoLayout(g);
    expect(positions.size).toBe(10_000);
    const keys = new Set([...positions.values()].map((p) => `${p.x},${p.y}`));
    expect(keys.size).toBe(10_000);
    // Wrapped into bands: the chain runs left to right, then continues in the band below.
    expect(positions.get('s0')!.x).toBeLessThan(positions.get('s1')!.x);
    expect(positions.get('s0')!.y).toBeLessThan(positions.get('s9999')!.y);
  });

  it('IN-4 handles a self loop, a two-node cycle and disconnected nodes', () => {
    const g: Graph = {
      scenes: ['a', 'b', 'lone'].map((id) => ({ id, title: id, position: { x: 5, y: 5 } })),
      generationNodes: [],
      edges: [
        { id: 'e1', source: 'a', target: 'b' },
        { id: 'e2', source: 'b', target: 'a' },
        { id: 'e3', source: 'a', target: 'a' },
        { id: 'e4', source: 'a', target: 'missing' },
      ],
    };
    const positions = computeAutoLayout(g);
    expect([...positions.keys()].sort()).toEqual(['a', 'b', 'lone']);
  });
});
