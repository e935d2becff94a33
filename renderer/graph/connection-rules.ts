import type { ProjectDocument } from '../../core/domain/project-document';

// studio-ui.md §3: scene→scene, scene→generation and generation→scene; a generation node takes at most one
// incoming and one outgoing scene edge; generation→generation and self loops are refused while dragging.

export type ConnectionVerdict = { ok: true } | { ok: false; reason: string };

export function checkConnection(doc: ProjectDocument, source: string, target: string): ConnectionVerdict {
  if (source === target) return { ok: false, reason: 'A node cannot connect to itself' };
  const isGen = (id: string) => doc.generationNodes.some((n) => n.id === id);
  const isScene = (id: string) => doc.scenes.some((s) => s.id === id);
  if (!(isGen(source) || isScene(source)) || !(isGen(target) || isScene(target))) {
    return { ok: false, reason: 'Both ends must be nodes of this graph' };
  }
  if (isGen(source) && isGen(target)) return { ok: false, reason: 'Generation nodes connect only to scenes' };
  if (doc.edges.some((e) => e.source === source && e.target === target)) {
    return { ok: false, reason: 'These nodes are already connected' };
  }
  if (isGen(target) && doc.edges.some((e) => e.target === target)) {
    return { ok: false, reason: 'A generation node accepts one incoming scene' };
  }
  if (isGen(source) && doc.edges.some((e) => e.source === source)) {
    return { ok: false, reason: 'A generation node leads to one scene' };
  }
  return { ok: true };
}
