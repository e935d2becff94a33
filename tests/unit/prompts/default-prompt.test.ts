import { describe, expect, it } from 'vitest';
import { type GenerationNodeConfig } from '../../../core/domain';
import { buildDefaultPrompt } from '../../../core/prompts';

const base = (over: Partial<GenerationNodeConfig> = {}): GenerationNodeConfig => ({
  generationType: 'transition',
  purpose: 'gap_fill',
  strategy: 'once',
  fallback: { mode: 'skip' },
  ...over,
});

describe('buildDefaultPrompt', () => {
  it('matches the worked example of prompts.md §6 byte for byte', () => {
    const text = buildDefaultPrompt({
      config: base({
        style: { moodFrom: 'tense', moodTo: 'relieved', pacing: 'medium', transitionType: 'gradual' },
        duration: { min: 4, max: 8, target: 6 },
        constraints: { requiredElements: ['rain', ' '], avoidElements: ['gore'] },
      }),
      fromScene: { id: 's1', summary: 'Argument in the kitchen', mood: 'tense' },
      toScene: { id: 's2', summary: 'Walk by the river', location: 'Old Town' },
      socialContext: { relationshipTierId: 'friend', intimacyBand: 'light', contentRating: 'romantic' },
    });
    expect(text).toBe(
      'Create a short video transition between two scenes of an interactive story. From: Argument in the kitchen, mood tense. To: Walk by the river, at Old Town. Relationship: friend. Intimacy: light. Content rating: romantic. The mood shifts from tense to relieved. Pacing: medium. Transition: gradual. Target length: 6 seconds. Allowed length: 4 to 8 seconds. Must include: rain. Must avoid: gore.',
    );
  });

  it.each([
    ['transition', 'Create a short video transition between two scenes of an interactive story.'],
    ['variation', 'Create a video variation of a scene in an interactive story.'],
    ['dialogue', 'Write dialogue lines for a scene in an interactive story.'],
    ['environment', 'Create an ambient environment video for a scene in an interactive story.'],
    ['npc_response', 'Create a short video of a character reacting to the player in an interactive story.'],
  ] as const)('opens a bare %s node with its sentence only', (generationType, opening) => {
    expect(buildDefaultPrompt({ config: base({ generationType }) })).toBe(opening);
  });

  it('describes one scene for non-transition types, preferring fromScene', () => {
    const scene = { id: ' s9 ', location: ' Pier ', mood: ' calm ', emotionalState: ' hopeful ' };
    expect(buildDefaultPrompt({ config: base({ generationType: 'dialogue' }), toScene: scene })).toBe(
      'Write dialogue lines for a scene in an interactive story. Scene: scene s9, at Pier, mood calm, feeling hopeful.',
    );
    expect(buildDefaultPrompt({ config: base({ generationType: 'variation' }), fromScene: { id: 'a', summary: ' ' }, toScene: scene })).toBe(
      'Create a video variation of a scene in an interactive story. Scene: scene a.',
    );
  });

  it('gives each transition scene its own sentence only when given', () => {
    expect(buildDefaultPrompt({ config: base(), toScene: { id: 'x' } })).toBe(
      'Create a short video transition between two scenes of an interactive story. To: scene x.',
    );
  });

  it('leaves out a none band, a blank tier and an absent rating', () => {
    expect(buildDefaultPrompt({ config: base(), socialContext: { relationshipTierId: '  ', intimacyBand: 'none' } })).toBe(
      'Create a short video transition between two scenes of an interactive story.',
    );
    expect(buildDefaultPrompt({ config: base(), socialContext: { relationshipTierId: ' lover ', contentRating: 'sfw' } })).toBe(
      'Create a short video transition between two scenes of an interactive story. Relationship: lover. Content rating: sfw.',
    );
  });

  it('chooses the mood and length sentences by what is present', () => {
    const opening = 'Create a short video transition between two scenes of an interactive story.';
    expect(buildDefaultPrompt({ config: base({ style: { moodFrom: ' dark ' }, duration: { min: 0 } }) })).toBe(
      `${opening} Starting mood: dark. Minimum length: 0 seconds.`,
    );
    expect(buildDefaultPrompt({ config: base({ style: { moodFrom: ' ', moodTo: 'light' }, duration: { max: 2.5 } }) })).toBe(
      `${opening} Ending mood: light. Maximum length: 2.5 seconds.`,
    );
  });

  it('writes the audience rating and the lists, trimmed, blanks dropped, rules joined with semicolons', () => {
    expect(
      buildDefaultPrompt({
        config: base({
          constraints: { rating: 'PG-13', requiredElements: [' ', ''], avoidElements: [' a ', 'b'], contentRules: [' no gore ', '', 'keep it short'] },
        }),
      }),
    ).toBe(
      'Create a short video transition between two scenes of an interactive story. Audience rating: PG-13. Must avoid: a, b. Rules: no gore; keep it short.',
    );
  });

  it('throws GEN_BAD_REQUEST for an unknown generation type', () => {
    expect(() => buildDefaultPrompt({ config: base({ generationType: 'toString' as never }) })).toThrow(
      expect.objectContaining({ code: 'GEN_BAD_REQUEST' }),
    );
  });
});
