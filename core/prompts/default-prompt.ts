import {
  GenError,
  type GenerationNodeConfig,
  type GenerationSocialContext,
  type GenerationType,
  type SceneRef,
} from '../domain';

// prompts.md §6: the prompt a node sends when it has no usable prompt of its own.

const OPENING: Readonly<Record<GenerationType, string>> = Object.freeze({
  transition: 'Create a short video transition between two scenes of an interactive story.',
  variation: 'Create a video variation of a scene in an interactive story.',
  dialogue: 'Write dialogue lines for a scene in an interactive story.',
  environment: 'Create an ambient environment video for a scene in an interactive story.',
  npc_response: 'Create a short video of a character reacting to the player in an interactive story.',
});

export type DefaultPromptInput = {
  config: GenerationNodeConfig;
  fromScene?: SceneRef | null;
  toScene?: SceneRef | null;
  socialContext?: GenerationSocialContext | null;
};

/** has(x): a non-blank string. */
export function hasText(x: unknown): x is string {
  return typeof x === 'string' && x.trim() !== '';
}

/** A list's non-blank entries, trimmed, in authored order; an empty result counts as absent. */
export function cleanList(list: readonly string[] | null | undefined): string[] {
  return (list ?? []).filter(hasText).map((entry) => entry.trim());
}

function isNumber(x: unknown): x is number {
  return typeof x === 'number';
}

function describeScene(s: SceneRef): string {
  let text = hasText(s.summary) ? s.summary.trim() : `scene ${s.id.trim()}`;
  if (hasText(s.location)) text += `, at ${s.location.trim()}`;
  if (hasText(s.mood)) text += `, mood ${s.mood.trim()}`;
  if (hasText(s.emotionalState)) text += `, feeling ${s.emotionalState.trim()}`;
  return text;
}

function sceneSentences(input: DefaultPromptInput): string[] {
  const { fromScene, toScene } = input;
  if (input.config.generationType === 'transition') {
    const out: string[] = [];
    if (fromScene) out.push(`From: ${describeScene(fromScene)}.`);
    if (toScene) out.push(`To: ${describeScene(toScene)}.`);
    return out;
  }
  const scene = fromScene ?? toScene;
  return scene ? [`Scene: ${describeScene(scene)}.`] : [];
}

function socialSentences(ctx: GenerationSocialContext | null | undefined): string[] {
  if (!ctx) return [];
  const out: string[] = [];
  if (hasText(ctx.relationshipTierId)) out.push(`Relationship: ${ctx.relationshipTierId.trim()}.`);
  if (ctx.intimacyBand != null && ctx.intimacyBand !== 'none') out.push(`Intimacy: ${ctx.intimacyBand}.`);
  if (ctx.contentRating != null) out.push(`Content rating: ${ctx.contentRating}.`);
  return out;
}

function styleSentences(config: GenerationNodeConfig): string[] {
  const style = config.style ?? {};
  const out: string[] = [];
  const from = hasText(style.moodFrom) ? style.moodFrom.trim() : null;
  const to = hasText(style.moodTo) ? style.moodTo.trim() : null;
  if (from !== null && to !== null) out.push(`The mood shifts from ${from} to ${to}.`);
  else if (from !== null) out.push(`Starting mood: ${from}.`);
  else if (to !== null) out.push(`Ending mood: ${to}.`);
  if (style.pacing != null) out.push(`Pacing: ${style.pacing}.`);
  if (style.transitionType != null) out.push(`Transition: ${style.transitionType}.`);
  return out;
}

function durationSentences(config: GenerationNodeConfig): string[] {
  const { min, max, target } = config.duration ?? {};
  const out: string[] = [];
  if (isNumber(target)) out.push(`Target length: ${String(target)} seconds.`);
  if (isNumber(min) && isNumber(max)) out.push(`Allowed length: ${String(min)} to ${String(max)} seconds.`);
  else if (isNumber(min)) out.push(`Minimum length: ${String(min)} seconds.`);
  else if (isNumber(max)) out.push(`Maximum length: ${String(max)} seconds.`);
  return out;
}

function constraintSentences(config: GenerationNodeConfig): string[] {
  const constraints = config.constraints ?? {};
  const out: string[] = [];
  if (constraints.rating != null) out.push(`Audience rating: ${constraints.rating}.`);
  const required = cleanList(constraints.requiredElements);
  if (required.length > 0) out.push(`Must include: ${required.join(', ')}.`);
  const avoid = cleanList(constraints.avoidElements);
  if (avoid.length > 0) out.push(`Must avoid: ${avoid.join(', ')}.`);
  const rules = cleanList(constraints.contentRules);
  if (rules.length > 0) out.push(`Rules: ${rules.join('; ')}.`);
  return out;
}

export function buildDefaultPrompt(input: DefaultPromptInput): string {
  const type = input.config.generationType;
  if (!Object.hasOwn(OPENING, type)) {
    throw new GenError('GEN_BAD_REQUEST', `Invalid request: 'config.generationType' is not a generation type.`, {
      issues: [{ path: 'config.generationType', message: 'is not a generation type' }],
    });
  }
  return [
    OPENING[type],
    ...sceneSentences(input),
    ...socialSentences(input.socialContext),
    ...styleSentences(input.config),
    ...durationSentences(input.config),
    ...constraintSentences(input.config),
  ].join(' ');
}
