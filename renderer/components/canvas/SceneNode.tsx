import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { SceneFlowNode } from '../../graph/flow-sync';
import { useGraphStore } from '../../stores/context';
import { useNodeKeyboard } from './use-node-keyboard';

/** studio-ui.md §3: title, mood chip, two-line summary, NPC badges; input left, output right. */
export const SceneNode = memo(function SceneNode({ id, data, selected }: NodeProps<SceneFlowNode>) {
  const { scene } = data;
  const npcNames = useGraphStore((s) => {
    const ids = scene.npcIds ?? [];
    return ids.length === 0 ? '' : ids.map((n) => s.document?.npcs.find((npc) => npc.id === n)?.name ?? `#${n}`).join('|');
  });
  const keyboard = useNodeKeyboard(id);
  return (
    <div {...keyboard} className={`node scene-node${selected ? ' is-selected' : ''}`} data-testid={`scene-node-${id}`} aria-label={`Scene ${scene.title}`}>
      <Handle type="target" position={Position.Left} className="handle" aria-label="Scene input" />
      <div className="node-head">
        <span className="node-kind-icon" aria-hidden="true">
          ▣
        </span>
        <span className="node-title">{scene.title || 'Untitled scene'}</span>
        {scene.mood ? <span className="chip chip-mood">{scene.mood}</span> : null}
      </div>
      <p className="node-summary">{scene.summary || <span className="muted">No summary</span>}</p>
      {npcNames ? (
        <div className="node-badges">
          {npcNames.split('|').map((name) => (
            <span key={name} className="badge badge-npc">
              {name}
            </span>
          ))}
        </div>
      ) : null}
      <Handle type="source" position={Position.Right} className="handle" aria-label="Scene output" />
    </div>
  );
});
