import type { GenerationNodeConfig, GenerationSocialContext, SceneRef } from '../domain';
import { buildDefaultPrompt, cleanList, hasText } from './default-prompt';
import type { PromptVariableValue } from './template';

// prompts.md §5, first table: the names the engine binds at creation (generation.md §11 step 3). Each is bound
// only when it has a value, so a template that uses an unbound one fails loudly with GEN_PROMPT_UNBOUND.

export type BuiltinVariablesInput = {
  config: GenerationNodeConfig;
  fromScene?: SceneRef | null;
  toScene?: SceneRef | null;
  playthroughId?: string | null;
  playerId?: string | null;
  /** The enforced social context (social.md §6), not the authored one. */
  socialContext?: GenerationSocialContext | null;
  world?: { stylePresetId?: string | null } | null;
  /** false when the template does not use `default.prompt`, so the structured default is not built. */
  withDefaultPrompt?: boolean;
};

export function buildBuiltinVariables(input: BuiltinVariablesInput): Record<string, PromptVariableValue> {
  const vars: Record<string, PromptVariableValue> = {};
  const text = (name: string, value: unknown): void => {
    if (hasText(value)) vars[name] = value.trim();
  };
  const num = (name: string, value: unknown): void => {
    if (typeof value === 'number') vars[name] = value;
  };
  const list = (name: string, value: readonly string[] | null | undefined, separator: string): void => {
    const entries = cleanList(value);
    if (entries.length > 0) vars[name] = entries.join(separator);
  };
  const scene = (prefix: string, s: SceneRef | null | undefined): void => {
    if (!s) return;
    for (const field of ['id', 'mood', 'summary', 'location', 'emotionalState'] as const) text(`${prefix}.${field}`, s[field]);
  };

  const { config } = input;
  text('generationType', config.generationType);
  text('purpose', config.purpose);
  text('playthroughId', input.playthroughId);
  text('playerId', input.playerId);
  scene('fromScene', input.fromScene);
  scene('toScene', input.toScene);
  text('style.moodFrom', config.style?.moodFrom);
  text('style.moodTo', config.style?.moodTo);
  text('style.pacing', config.style?.pacing);
  text('style.transitionType', config.style?.transitionType);
  num('duration.min', config.duration?.min);
  num('duration.max', config.duration?.max);
  num('duration.target', config.duration?.target);
  text('constraints.rating', config.constraints?.rating);
  list('constraints.requiredElements', config.constraints?.requiredElements, ', ');
  list('constraints.avoidElements', config.constraints?.avoidElements, ', ');
  list('constraints.contentRules', config.constraints?.contentRules, '; ');
  const social = input.socialContext;
  text('social.tier', social?.relationshipTierId);
  text('social.level', social?.intimacyLevelId);
  text('social.band', social?.intimacyBand);
  text('social.rating', social?.contentRating);
  text('world.stylePresetId', input.world?.stylePresetId);
  if (input.withDefaultPrompt === false) return vars;
  vars['default.prompt'] = buildDefaultPrompt({
    config,
    fromScene: input.fromScene,
    toScene: input.toScene,
    socialContext: social,
  });
  return vars;
}
