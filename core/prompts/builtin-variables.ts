// prompts.md §5: every name the engine or the host binds automatically. V51 treats these as known.

const SCENE_FIELDS = ['id', 'mood', 'summary', 'location', 'emotionalState'] as const;

export const BUILTIN_PROMPT_VARIABLES: readonly string[] = Object.freeze([
  'generationType',
  'purpose',
  'playthroughId',
  'playerId',
  ...SCENE_FIELDS.map((f) => `fromScene.${f}`),
  ...SCENE_FIELDS.map((f) => `toScene.${f}`),
  'style.moodFrom',
  'style.moodTo',
  'style.pacing',
  'style.transitionType',
  'duration.min',
  'duration.max',
  'duration.target',
  'constraints.rating',
  'constraints.requiredElements',
  'constraints.avoidElements',
  'constraints.contentRules',
  'social.tier',
  'social.level',
  'social.band',
  'social.rating',
  'world.stylePresetId',
  'default.prompt',
  // Supplied by the host through request.variables (second table of §5).
  'npc.id',
  'npc.name',
  'npcs.names',
]);

/** `player.choice.<x>`, `player.flag.<x>` and `player.stat.<x>` for any non-empty `<x>`. */
export const BUILTIN_PROMPT_VARIABLE_PREFIXES: readonly string[] = Object.freeze([
  'player.choice.',
  'player.flag.',
  'player.stat.',
]);

const BUILTIN_SET: ReadonlySet<string> = new Set(BUILTIN_PROMPT_VARIABLES);

/** True for an exact built-in name or a prefixed name with a non-empty remainder. */
export function isBuiltinPromptVariable(name: string): boolean {
  return BUILTIN_SET.has(name) || BUILTIN_PROMPT_VARIABLE_PREFIXES.some((p) => name.startsWith(p) && name.length > p.length);
}
