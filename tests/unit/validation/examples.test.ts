import { describe, expect, it } from 'vitest';
import {
  getValidationStatus,
  getValidationSummary,
  isGenerationNodeValid,
  validateGenerationNode,
} from '../../../core/validation';
import { findings, rulesOf } from './helpers';

// validation.md §7 (examples A, B, C), the §3 quirks, ordering, and social.md §8 cases 8–14.

/** social.md §8: the suite's base config T. */
const T = {
  generationType: 'transition',
  purpose: 'gap_fill',
  style: {},
  duration: { min: 10, max: 30, target: 20 },
  constraints: {},
  strategy: 'per_playthrough',
  fallback: { mode: 'skip' },
  enabled: true,
  version: 1,
};

const EXAMPLE_A = {
  generationType: 'dialogue',
  purpose: 'ambient',
  style: { moodFrom: 'wary' },
  duration: { min: 4, max: 12, target: 8 },
  constraints: { requiredElements: ['name drop'], avoidElements: ['violence'] },
  strategy: 'per_player',
  seedSource: 'player',
  fallback: { mode: 'retry', maxRetries: 3, timeoutMs: 20000 },
  enabled: true,
  version: 2,
  socialContext: { contentRating: 'romantic', intimacyBand: 'light', npcIds: [4] },
};

const EXAMPLE_B = {
  generationType: 'transition',
  purpose: 'gap_fill',
  strategy: 'once',
  seedSource: 'fixed',
  enabled: 'yes',
  templateId: null,
  style: { moodFrom: 'calm', moodTo: 'tense' },
  duration: { min: '3', max: 8 },
  constraints: { rating: 'PG13' },
  fallback: { mode: 'skip', maxRetries: 12 },
};

describe('validation.md §7 examples', () => {
  it('A: a dialogue node over the user cap gives exactly one V13 error', () => {
    const result = validateGenerationNode(EXAMPLE_A, {
      world: { maxContentRating: 'romantic' },
      user: { maxContentRating: 'sfw' },
    });
    expect(result).toEqual({
      errors: [
        {
          rule: 'V13',
          message: "Content rating 'romantic' exceeds user maximum 'sfw'",
          path: 'socialContext.contentRating',
        },
      ],
      warnings: [],
      suggestions: [],
    });
    expect(getValidationStatus(result)).toBe('error');
    expect(getValidationSummary(result)).toBe('1 error');
  });

  it('B: types, sets and ranges, in order, with V01 and V46', () => {
    const result = validateGenerationNode(EXAMPLE_B);
    expect(result.errors).toEqual([
      { rule: 'V55', message: "enabled must be a boolean (got 'yes')", path: 'enabled' },
      { rule: 'V55', message: "duration.min must be a finite number (got '3')", path: 'duration.min' },
      { rule: 'V56', message: "constraints.rating must be one of G, PG, PG-13, R (got 'PG13')", path: 'constraints.rating' },
      { rule: 'V57', message: 'fallback.maxRetries must be an integer from 0 to 10 (got 12)', path: 'fallback.maxRetries' },
    ]);
    expect(result.warnings.map((issue) => issue.rule)).toEqual(['V01', 'V46']);
    expect(result.suggestions).toEqual([]);
    expect(getValidationSummary(result)).toBe('4 errors, 2 warnings');
  });

  it('C: an unknown world cap gives V50 and skips V12', () => {
    const result = validateGenerationNode(EXAMPLE_A, { world: { maxContentRating: 'PG-13' } });
    expect(result).toEqual({
      errors: [
        {
          rule: 'V50',
          message:
            "world.maxContentRating 'PG-13' is not a valid content rating. Valid options: sfw, romantic, mature_implied, restricted",
          path: 'world.maxContentRating',
        },
      ],
      warnings: [],
      suggestions: [],
    });
  });
});

describe('order', () => {
  it('puts every list in rule order, with project rules after the reference rules', () => {
    const config = {
      generationType: 'transition',
      purpose: '',
      strategy: 'always',
      seedSource: 'timestamp',
      enabled: false,
      version: 0,
      style: { pacing: 'slow', transitionType: 'abrupt' },
      duration: { min: 30, max: 10 },
      constraints: { requiredElements: ['a'], avoidElements: ['a'], contentRules: [] },
      fallback: { mode: 'default_content', timeoutMs: 'soon' },
      socialContext: { contentRating: 'restricted', intimacyBand: 'intense', intimacyLevelId: 'nope' },
      prompt: { inline: '{{who}}' },
      provider: 'ghost',
    };
    const result = validateGenerationNode(config, {
      world: { maxContentRating: 'romantic' },
      user: { maxContentRating: 'PG' },
      providers: ['local-preview'],
    });
    expect(result.errors.map((issue) => issue.rule)).toEqual([
      'V03', 'V12', 'V24', 'V30', 'V41', 'V50', 'V51', 'V53', 'V55', 'V57',
    ]);
    expect(result.warnings.map((issue) => issue.rule)).toEqual([
      'V01', 'V14', 'V15', 'V18', 'V21', 'V27', 'V39', 'V48', 'V54',
    ]);
    expect(result.suggestions.map((issue) => issue.rule)).toEqual(['V38']);
  });

  it('never mixes severities: each rule keeps its one severity', () => {
    const flat = findings({ generationType: 'dialogue', strategy: 'per_player', seedSource: 'fixed' });
    expect(flat.map((f) => [f.rule, f.severity])).toEqual([
      ['V03', 'error'],
      ['V47', 'error'],
      ['V01', 'warning'],
      ['V40', 'warning'],
      ['V10', 'suggestion'],
      ['V17', 'suggestion'],
    ]);
  });
});

describe('§3 quirks kept on purpose', () => {
  it('V39 also fires when min > max, with the negative difference, next to V30', () => {
    const result = validateGenerationNode({ ...T, duration: { min: 30, max: 10 } });
    expect(result.errors.map((e) => e.message)).toContain('Duration min (30s) cannot be greater than max (10s)');
    expect(result.warnings.find((w) => w.rule === 'V39')?.message).toBe(
      'Duration range of -20s is very tight and may limit generation flexibility',
    );
  });

  it('a missing enabled counts as disabled, and {} counts as present for style and duration', () => {
    const rules = rulesOf({ ...T, enabled: undefined, style: {}, duration: {} });
    expect(rules).toContain('V01');
    expect(rules).toContain('V18');
    expect(rules).not.toContain('V22');
    expect(rules).not.toContain('V40');
  });

  it('V23 fires whenever both ratings are set, because the vocabularies never match', () => {
    for (const rating of ['G', 'PG', 'PG-13', 'R']) {
      expect(rulesOf({ ...T, constraints: { rating }, socialContext: { contentRating: 'sfw' } })).toContain('V23');
    }
  });
});

describe('social.md §8 acceptance cases 8–14', () => {
  it('case 8: T has no errors and is valid', () => {
    const result = validateGenerationNode(T);
    expect(result.errors).toEqual([]);
    expect(isGenerationNodeValid(result)).toBe(true);
  });

  it('case 9: mature_implied over a romantic world cap is an error', () => {
    const result = validateGenerationNode(
      { ...T, socialContext: { intimacyBand: 'deep', contentRating: 'mature_implied' } },
      { world: { maxContentRating: 'romantic' } },
    );
    expect(result.errors.map((e) => e.message)).toContain("Content rating 'mature_implied' exceeds world maximum 'romantic'");
    expect(isGenerationNodeValid(result)).toBe(false);
  });

  it('case 10: romantic over an sfw user cap is an error', () => {
    const result = validateGenerationNode(
      { ...T, socialContext: { intimacyBand: 'light', contentRating: 'romantic' } },
      { user: { maxContentRating: 'sfw' } },
    );
    expect(result.errors.map((e) => e.message)).toContain("Content rating 'romantic' exceeds user maximum 'sfw'");
  });

  it('case 11: min > max is an error, and V39 warns about the -20s range', () => {
    const result = validateGenerationNode({ ...T, duration: { min: 30, max: 10 } });
    expect(result.errors.map((e) => e.message)).toContain('Duration min (30s) cannot be greater than max (10s)');
    expect(result.warnings.some((w) => w.message.startsWith('Duration range of -20s'))).toBe(true);
  });

  it('case 12: default_content without defaultContentId is an error', () => {
    const result = validateGenerationNode({ ...T, fallback: { mode: 'default_content' } });
    expect(result.errors.map((e) => e.message)).toContain(
      'Fallback mode "default_content" requires defaultContentId to be set',
    );
  });

  it('case 13: a restricted rating gives a warning', () => {
    const result = validateGenerationNode({ ...T, socialContext: { intimacyBand: 'intense', contentRating: 'restricted' } });
    expect(result.warnings.some((w) => w.message.includes('Content rating is "restricted"'))).toBe(true);
  });

  it('case 14: npc_response without a social context gets a suggestion', () => {
    const result = validateGenerationNode({ ...T, generationType: 'npc_response' });
    expect(result.suggestions.some((s) => s.message.includes('Consider adding social context'))).toBe(true);
  });
});
