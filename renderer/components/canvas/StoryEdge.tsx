import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { FlowEdge } from '../../graph/flow-sync';

/** A story edge with its contract test id (`edge-<id>`). */
export const StoryEdge = memo(function StoryEdge(props: EdgeProps<FlowEdge>) {
  const [path] = getBezierPath(props);
  return (
    <g data-testid={`edge-${props.id}`} className={props.selected ? 'story-edge is-selected' : 'story-edge'}>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} interactionWidth={16} />
    </g>
  );
});
