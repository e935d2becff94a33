import { describe, expect, it } from 'vitest';
import { type GenerationNodeConfig } from '../../../core/domain';
import {
  BUILTIN_PROMPT_VARIABLE_PREFIXES,
  BUILTIN_PROMPT_VARIABLES,
  buildBuiltinVariables,
  buildDefaultPrompt,
  isBuiltinPromptVariable,
  resolvePrompt,
} from '../../../core/prompts';

const config: GenerationNodeConfig = {
  generationType: 'transition',
  purpose: 'gap_fill',
  strategy: 'per_player',
  fallback: { mode: 'skip' },
  style: { moodFrom: ' tense ', moodTo: '', pacing: 'fast', transitionType: 'abrupt' },
  duration: { min: 0, target: 6 },
  constraints: { rating: 'PG', requiredElements: [' rain ', ' ', 'fog'], avoidElements: ['  '], contentRules: ['a', ' b '] },
};

describe('BUILTIN_PROMPT_VARIABLES', () => {
  it('names every entry of both tables of prompts.md §5', () => {
    const scene = (p: string) => ['id', 'mood', 'summary', 'location', 'emotionalState'].map((f) => `${p}.${f}`);
    expect([...BUILTIN_PROMPT_VARIABLES].sort()).toEqual(
      [
        'generationType', 'purpose', 'playthroughId', 'playerId',
        ...scene('fromScene'), ...scene('toScene'),
        'style.moodFrom', 'style.moodTo', 'style.pacing', 'style.transitionType',
        'duration.min', 'duration.max', 'duration.target',
        'constraints.rating', 'constraints.requiredElements', 'constraints.avoidElements', 'constraints.contentRules',
        'social.tier', 'social.level', 'social.band', 'social.rating',
        'world.stylePresetId', 'default.prompt',
        'npc.id', 'npc.name', 'npcs.names',
      ].sort(),
    );
    expect(BUILTIN_PROMPT_VARIABLE_PREFIXES).toEqual(['player.choice.', 'player.flag.', 'player.stat.']);
  });

  it('recognizes prefixed names only with a non-empty remainder, and no misspellings', () => {
    expect(isBuiltinPromptVariable('player.flag.metKeeper')).toBe(true);
    expect(isBuiltinPromptVariable('player.flag.')).toBe(false);
    expect(isBuiltinPromptVariable('fromScene.mod')).toBe(false);
    expect(isBuiltinPromptVariable('toScene.emotionalState')).toBe(true);
  });
});

describe('buildBuiltinVariables', () => {
  it('binds only names that have a value, trimmed, lists joined as §5 says', () => {
    const vars = buildBuiltinVariables({
      config,
      fromScene: { id: 's1', mood: ' grim ', summary: '  ' },
      playthroughId: ' pt-1 ',
      playerId: '',
      socialContext: { relationshipTierId: 'friend', intimacyBand: 'none', contentRating: 'sfw' },
      world: { stylePresetId: 'noir' },
    });
    const { 'default.prompt': defaultPrompt, ...rest } = vars;
    expect(rest).toStrictEqual({
      generationType: 'transition',
      purpose: 'gap_fill',
      playthroughId: 'pt-1',
      'fromScene.id': 's1',
      'fromScene.mood': 'grim',
      'style.moodFrom': 'tense',
      'style.pacing': 'fast',
      'style.transitionType': 'abrupt',
      'duration.min': 0,
      'duration.target': 6,
      'constraints.rating': 'PG',
      'constraints.requiredElements': 'rain, fog',
      'constraints.contentRules': 'a; b',
      'social.tier': 'friend',
      'social.band': 'none',
      'social.rating': 'sfw',
      'world.stylePresetId': 'noir',
    });
    expect(defaultPrompt).toBe(
      buildDefaultPrompt({
        config,
        fromScene: { id: 's1', mood: ' grim ', summary: '  ' },
        socialContext: { relationshipTierId: 'friend', intimacyBand: 'none', contentRating: 'sfw' },
      }),
    );
  });

  it('always binds default.prompt, so a node without a prompt resolves to the default', () => {
    const bare: GenerationNodeConfig = { generationType: 'dialogue', purpose: 'adaptive', strategy: 'once', fallback: { mode: 'skip' } };
    const vars = buildBuiltinVariables({ config: bare });
    expect(Object.keys(vars).sort()).toEqual(['default.prompt', 'generationType', 'purpose']);
    expect(resolvePrompt({}, { families: [], versions: [] }, vars)).toEqual({
      text: 'Write dialogue lines for a scene in an interactive story.',
      versionId: null,
      source: 'default',
    });
  });

  it('skips building the default prompt when the caller says its template does not use it', () => {
    const bare: GenerationNodeConfig = { generationType: 'dialogue', purpose: 'adaptive', strategy: 'once', fallback: { mode: 'skip' } };
    const vars = buildBuiltinVariables({ config: bare, withDefaultPrompt: false });
    expect(Object.keys(vars).sort()).toEqual(['generationType', 'purpose']);
    expect(resolvePrompt({ inline: 'A {{purpose}} line.' }, { families: [], versions: [] }, vars).text).toBe('A adaptive line.');
  });

  it('leaves an unbound built-in for the renderer to report', () => {
    const vars = buildBuiltinVariables({ config });
    expect(() => resolvePrompt({ inline: '{{default.prompt}} Ends {{toScene.mood}}.' }, { families: [], versions: [] }, vars)).toThrow(
      expect.objectContaining({ code: 'GEN_PROMPT_UNBOUND', details: { missing: ['toScene.mood'] } }),
    );
  });
});
