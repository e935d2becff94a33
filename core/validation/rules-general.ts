import { SEED_SOURCES, GENERATION_TYPES, type GenerationType } from '../domain';
import { display } from './format';
import type { RuleContext } from './rule-context';

// validation.md §3, V01–V11: enablement, the required trio, purpose fit, template id and seed source.

/** `ALLOWED[t]`: the purposes that fit each generation type, in the order messages print them. */
const ALLOWED_PURPOSES: Readonly<Record<GenerationType, readonly string[]>> = {
  transition: ['gap_fill', 'variation', 'adaptive'],
  variation: ['variation', 'adaptive'],
  dialogue: ['variation', 'adaptive', 'ambient'],
  environment: ['ambient', 'adaptive'],
  npc_response: ['adaptive', 'variation'],
};

function isGenerationType(value: unknown): value is GenerationType {
  return typeof value === 'string' && (GENERATION_TYPES as readonly string[]).includes(value);
}

export function checkGeneralRules({ build: { view }, sink }: RuleContext): void {
  const { generationType: t, purpose: p, strategy: s, seedSource } = view;

  if (!view.enabled) sink.warning('V01', 'Generation node is disabled and will not execute', 'enabled');
  if (!t) sink.error('V02', 'Generation type is required', 'generationType');
  if (!p) sink.error('V03', 'Purpose is required', 'purpose');
  if (!s) sink.error('V04', 'Strategy is required', 'strategy');

  if (isGenerationType(t) && typeof p === 'string' && p !== '' && !ALLOWED_PURPOSES[t].includes(p)) {
    sink.warning(
      'V05',
      `Purpose '${display(p)}' is unusual for generation type '${display(t)}'. Expected: ${ALLOWED_PURPOSES[t].join(', ')}`,
      'purpose',
    );
  }

  const templateId = view.templateId;
  if (templateId !== undefined && templateId !== '' && templateId.trim() === '') {
    sink.warning('V06', 'Template ID is set but empty - will be ignored', 'templateId');
  }

  if (seedSource && !(SEED_SOURCES as readonly string[]).includes(seedSource)) {
    sink.error(
      'V07',
      `Invalid seed source '${display(seedSource)}'. Valid options: ${SEED_SOURCES.join(', ')}`,
      'seedSource',
    );
  }
  if (seedSource === 'timestamp' && s !== 'always') {
    sink.warning(
      'V08',
      'Seed source "timestamp" with non-"always" strategy will produce different results each time, defeating caching',
      'seedSource',
    );
  }
  if (seedSource && s === 'per_playthrough' && seedSource !== 'playthrough') {
    sink.suggestion(
      'V09',
      'Consider using "playthrough" seed source for "per_playthrough" strategy to ensure consistency within a playthrough',
      'seedSource',
    );
  }
  if (seedSource && s === 'per_player' && seedSource !== 'player') {
    sink.suggestion(
      'V10',
      'Consider using "player" seed source for "per_player" strategy to ensure consistency per player',
      'seedSource',
    );
  }
  if (!seedSource && s !== 'always') {
    sink.suggestion('V11', 'Consider specifying a seed source to ensure deterministic results for caching', 'seedSource');
  }
}
