import { z } from 'zod';
import type { ProjectDocument } from '../../core/domain/project-document';
import { EdgeSchema, GenerationNodeSchema, SceneSchema } from '../../core/domain/project-document';
import { newId } from '../lib/ids';
import { allIds } from './document-ops';

// studio-ui.md §3 copy/paste: JSON under application/x-genweave-nodes and as text. Pasted nodes get new ids
// and a 32 px offset; edges among pasted nodes are kept, edges to other nodes dropped.

export const CLIPBOARD_MIME = 'application/x-genweave-nodes';
export const PASTE_OFFSET = 32;

export const ClipboardPayloadSchema = z.object({
  kind: z.literal('genweave-nodes'),
  version: z.literal(1),
  scenes: z.array(SceneSchema),
  generationNodes: z.array(GenerationNodeSchema),
  edges: z.array(EdgeSchema),
});
export type ClipboardPayload = z.infer<typeof ClipboardPayloadSchema>;

export function copySelection(doc: ProjectDocument, ids: ReadonlySet<string>): ClipboardPayload | null {
  const scenes = doc.scenes.filter((s) => ids.has(s.id));
  const generationNodes = doc.generationNodes.filter((n) => ids.has(n.id));
  if (scenes.length + generationNodes.length === 0) return null;
  const edges = doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  return { kind: 'genweave-nodes', version: 1, scenes, generationNodes, edges };
}

/** Parses clipboard text; anything that is not our payload is ignored (null), never thrown. */
export function parseClipboard(text: string): ClipboardPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null; // plain text from elsewhere: not ours, so nothing to paste
  }
  const parsed = ClipboardPayloadSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export type PasteResult = { document: ProjectDocument; pastedIds: string[] };

export function pastePayload(doc: ProjectDocument, payload: ClipboardPayload, offset = PASTE_OFFSET): PasteResult {
  const taken = allIds(doc);
  const remap = new Map<string, string>();
  const fresh = (prefix: 'scene-' | 'gen-' | 'edge-', old: string) => {
    const id = newId(prefix, taken);
    taken.add(id);
    remap.set(old, id);
    return id;
  };
  const shift = (p: { x: number; y: number }) => ({ x: p.x + offset, y: p.y + offset });
  const scenes = payload.scenes.map((s) => ({ ...s, id: fresh('scene-', s.id), position: shift(s.position) }));
  const nodes = payload.generationNodes.map((n) => ({
    ...n,
    id: fresh('gen-', n.id),
    position: shift(n.position),
    config: structuredClone(n.config),
  }));
  const edges = payload.edges
    .filter((e) => remap.has(e.source) && remap.has(e.target))
    .map((e) => ({ id: fresh('edge-', e.id), source: remap.get(e.source)!, target: remap.get(e.target)! }));
  return {
    document: {
      ...doc,
      scenes: [...doc.scenes, ...scenes],
      generationNodes: [...doc.generationNodes, ...nodes],
      edges: [...doc.edges, ...edges],
    },
    pastedIds: [...scenes.map((s) => s.id), ...nodes.map((n) => n.id)],
  };
}
