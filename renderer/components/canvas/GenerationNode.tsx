import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { GenerationType } from '../../../core/domain/vocabulary';
import { GENERATION_TYPES } from '../../../core/domain/vocabulary';
import type { GenerationFlowNode } from '../../graph/flow-sync';
import { GENERATION_TYPE_ICONS, GENERATION_TYPE_LABELS, PURPOSE_LABELS, STRATEGY_LABELS } from '../../lib/labels';
import { useProblemsStore, useRunStore } from '../../stores/context';
import { RunBadge } from './RunBadge';
import { useNodeKeyboard } from './use-node-keyboard';

const VALIDATION_ICON = { ok: '✓', warning: '⚠', error: '✖' } as const;

/** studio-ui.md §3. Reads only its own run and validation slices, so a status event re-renders one node. */
export const GenerationNode = memo(function GenerationNode({ id, data, selected }: NodeProps<GenerationFlowNode>) {
  const { node } = data;
  const config = node.config;
  const type = GENERATION_TYPES.includes(config['generationType'] as GenerationType) ? (config['generationType'] as GenerationType) : null;
  const strategy = typeof config['strategy'] === 'string' ? config['strategy'] : null;
  const provider = typeof config['provider'] === 'string' ? config['provider'] : 'local-preview';
  const disabled = config['enabled'] !== true;
  const validation = useProblemsStore((s) => s.byNode[id]);
  const run = useRunStore((s) => s.byNode[id]);
  const status = validation?.status ?? 'ok';

  const keyboard = useNodeKeyboard(id);
  return (
    <div
      {...keyboard}
      className={`node gen-node${selected ? ' is-selected' : ''}${disabled ? ' is-disabled' : ''}`}
      data-testid={`gen-node-${id}`}
      aria-label={`Generation node ${node.label}`}
    >
      <Handle type="target" position={Position.Left} className="handle" aria-label="From scene" />
      <div className="node-head">
        <span className="node-kind-icon gen-icon" aria-hidden="true">
          {type ? GENERATION_TYPE_ICONS[type] : '?'}
        </span>
        <span className="node-title">{node.label || node.id}</span>
        <span
          className={`validation-badge validation-${status}`}
          data-testid="gen-node-validation"
          data-validation={status}
          title={validation?.summary ?? 'Not validated yet'}
          aria-label={`Validation: ${validation?.summary ?? 'pending'}`}
        >
          {VALIDATION_ICON[status]}
        </span>
      </div>
      <div className="node-chips">
        <span className="chip chip-type">{type ? GENERATION_TYPE_LABELS[type] : String(config['generationType'] ?? 'no type')}</span>
        {strategy ? <span className="chip">{STRATEGY_LABELS[strategy as keyof typeof STRATEGY_LABELS] ?? strategy}</span> : null}
        <span className="chip chip-provider">{provider}</span>
      </div>
      <div className="node-meta">
        {PURPOSE_LABELS[config['purpose'] as keyof typeof PURPOSE_LABELS] ?? 'No purpose'} · v{typeof config['version'] === 'number' ? config['version'] : 1}
        {typeof config['seedSource'] === 'string' ? ` · seed: ${config['seedSource']}` : ''}
      </div>
      <div className="node-foot">
        <RunBadge run={run} />
        {disabled ? <span className="badge badge-disabled">Disabled</span> : null}
        {run?.clamped ? (
          <span className="badge badge-rating" title="The last generation's rating was clamped">
            Rating clamped
          </span>
        ) : null}
      </div>
      <Handle type="source" position={Position.Right} className="handle" aria-label="To scene" />
    </div>
  );
});
