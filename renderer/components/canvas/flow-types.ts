import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { GenerationNode } from './GenerationNode';
import { SceneNode } from './SceneNode';
import { StoryEdge } from './StoryEdge';

// Module constants (STYLE.md §6): React Flow remounts every node when these maps change identity.
export const nodeTypes = { scene: SceneNode, generation: GenerationNode } satisfies NodeTypes;
export const edgeTypes = { story: StoryEdge } satisfies EdgeTypes;
