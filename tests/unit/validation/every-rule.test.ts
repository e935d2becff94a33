import { describe, expect, it } from 'vitest';
import type { ValidationOptions } from '../../../core/validation';
import { CATALOG } from './fixtures';
import { cleanWith, findingsOf } from './helpers';

// One triggering config per rule, V01…V57. The messages go to a golden file so that any change to the
// compatibility contract (validation.md: ids, severities, paths, messages) shows up as a reviewed diff.

const transition = { generationType: 'transition', purpose: 'gap_fill' };

const TRIGGERS: Readonly<Record<string, readonly [overrides: Record<string, unknown>, options?: ValidationOptions]>> = {
  V01: [{ enabled: false }],
  V02: [{ generationType: '' }],
  V03: [{ purpose: undefined }],
  V04: [{ strategy: null }],
  V05: [{ generationType: 'environment', purpose: 'gap_fill' }],
  V06: [{ templateId: '  ' }],
  V07: [{ seedSource: 'random' }],
  V08: [{ seedSource: 'timestamp' }],
  V09: [{ strategy: 'per_playthrough' }],
  V10: [{ strategy: 'per_player' }],
  V11: [{ seedSource: undefined }],
  V12: [{ socialContext: { contentRating: 'restricted' } }, { world: { maxContentRating: 'romantic' } }],
  V13: [{ socialContext: { contentRating: 'romantic' } }, { user: { maxContentRating: 'sfw' } }],
  V14: [{ socialContext: { contentRating: 'restricted' } }],
  V15: [{ socialContext: { intimacyBand: 'intense' } }],
  V16: [{ generationType: 'npc_response', purpose: 'adaptive', socialContext: {} }],
  V17: [{ generationType: 'dialogue', purpose: 'ambient' }],
  V18: [{ ...transition, style: { moodTo: 'tense' } }],
  V19: [{ style: { pacing: 'rapid' } }],
  V20: [{ style: { transitionType: 'fade' } }],
  V21: [{ style: { transitionType: 'abrupt', pacing: 'slow' } }],
  V22: [transition],
  V23: [{ constraints: { rating: 'R' }, socialContext: { contentRating: 'mature_implied' } }],
  V24: [{ constraints: { requiredElements: ['fire', 'rain'], avoidElements: ['rain', 'fire'] } }],
  V25: [{ constraints: { requiredElements: [] } }],
  V26: [{ constraints: { avoidElements: [] } }],
  V27: [{ constraints: { contentRules: [] } }],
  V28: [{ constraints: { requiredElements: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] } }],
  V29: [{ constraints: { avoidElements: 'abcdefghijkl'.split('') } }],
  V30: [{ duration: { min: 12, max: 6 } }],
  V31: [{ duration: { min: 4, target: 3 } }],
  V32: [{ duration: { max: 4, target: 5 } }],
  V33: [{ duration: { min: -1 } }],
  V34: [{ duration: { max: -1 } }],
  V35: [{ duration: { target: -1 } }],
  V36: [{ ...transition, duration: { max: 1 } }],
  V37: [{ duration: { max: 3600 } }],
  V38: [{ duration: { min: 2, max: 9 } }],
  V39: [{ duration: { min: 2, max: 2.5 } }],
  V40: [{ generationType: 'dialogue', purpose: 'ambient' }],
  V41: [{ fallback: { mode: 'default_content' } }],
  V42: [{ fallback: { mode: 'retry', maxRetries: 8 } }],
  V43: [{ fallback: { mode: 'retry', timeoutMs: 500 } }],
  V44: [{ fallback: { mode: 'retry', timeoutMs: 90000 } }],
  V45: [transition],
  V46: [{ purpose: 'gap_fill', fallback: { mode: 'skip' } }],
  V47: [{ fallback: undefined }],
  V48: [{ strategy: 'always' }],
  V49: [{ ...transition, strategy: 'always' }],
  V50: [{ socialContext: { contentRating: 'PG-13' } }],
  V51: [{ prompt: { inline: 'A {{weather}} day' } }],
  V52: [{ prompt: { familyId: 'pf-empty' } }, { prompts: CATALOG }],
  V53: [{ provider: 'comfy' }, { providers: ['local-preview'] }],
  V54: [{ socialContext: { relationshipTierId: 'rival' } }, { world: {} }],
  V55: [{ version: '1' }],
  V56: [{ fallback: { mode: 'later' } }],
  V57: [{ version: 0 }],
};

describe('every rule V01…V57', () => {
  it('has a triggering case for each of the 57 rule ids', () => {
    const expected = Array.from({ length: 57 }, (_, i) => `V${String(i + 1).padStart(2, '0')}`);
    expect(Object.keys(TRIGGERS)).toEqual(expected);
  });

  it('fires each rule on its case, and the messages match the golden file', async () => {
    const lines: string[] = [];
    for (const [rule, [overrides, options]] of Object.entries(TRIGGERS)) {
      const issues = findingsOf(rule, cleanWith(overrides), options);
      expect(issues.length, rule).toBeGreaterThan(0);
      for (const issue of issues) lines.push(`${issue.rule} ${issue.severity} ${issue.path ?? '-'}: ${issue.message}`);
    }
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./golden/rule-messages.txt');
  });
});
