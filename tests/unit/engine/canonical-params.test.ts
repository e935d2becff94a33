import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { GenerationNodeConfig } from '../../../core/domain';
import { buildCanonicalParams, deriveSeed, effectiveModelParams } from '../../../core/engine/canonical-params';

const base: GenerationNodeConfig = {
  generationType: 'dialogue',
  purpose: 'adaptive',
  strategy: 'per_playthrough',
  fallback: { mode: 'skip' },
  enabled: true,
};

function seedOf(nodeId: string, scope: string): number {
  return parseInt(createHash('sha256').update(`${nodeId}|${scope}`).digest('hex').slice(0, 8), 16);
}

describe('canonical params (generation.md §4)', () => {
  it('normalizes strings and lists and leaves out what does not shape the output', () => {
    const config: GenerationNodeConfig = {
      ...base,
      templateId: 'tpl',
      style: { moodFrom: '  calm ', moodTo: '   ', pacing: 'slow' },
      constraints: { requiredElements: [' b', 'a', 'b', ''], avoidElements: ['  '], contentRules: [' two ', '', 'one'] },
      duration: { min: 2 },
    };
    const params = buildCanonicalParams({
      providerId: 'local-preview', operation: 'text_generation', prompt: 'p', config, seed: 7, modelParams: {},
      fromScene: { id: 's1', mood: ' ', summary: ' tide ' }, playthroughId: 'pt-1', playerId: 'pl-1', socialContext: null,
    });
    expect(params).toEqual({
      providerId: 'local-preview', operation: 'text_generation', prompt: 'p', generationType: 'dialogue', purpose: 'adaptive',
      style: { moodFrom: 'calm', pacing: 'slow' }, duration: { min: 2 },
      constraints: { requiredElements: ['a', 'b'], contentRules: ['two', 'one'] },
      seed: 7, version: 1, fromScene: { id: 's1', summary: 'tide' }, playthroughId: 'pt-1', modelParams: {},
    });
  });

  it('keeps the enforced social context with ascending unique NPC ids', () => {
    const params = buildCanonicalParams({
      providerId: 'x', operation: 'text_generation', prompt: 'p', config: { ...base, strategy: 'per_player' }, seed: 1, modelParams: {},
      playerId: 'pl-1', socialContext: { intimacyBand: 'light', contentRating: 'romantic', npcIds: [3, 1, 3], ratingClamped: true, originalRating: 'restricted' },
    });
    expect(params.playerId).toBe('pl-1');
    expect(params.socialContext).toEqual({ intimacyBand: 'light', contentRating: 'romantic', npcIds: [1, 3] });
  });

  it('lays the node params over the provider defaults and model, null removing a default', () => {
    const provider = { id: 'p', kind: 'openai-compatible' as const, baseUrl: 'http://127.0.0.1:1', model: 'm1', defaults: { temperature: 0.5, topP: 0.9 } };
    expect(effectiveModelParams(provider, { ...base, modelParams: { topP: null, maxTokens: 20 } })).toEqual({ temperature: 0.5, model: 'm1', maxTokens: 20 });
    expect(effectiveModelParams(provider, { ...base, modelParams: { model: 'm2' } }).model).toBe('m2');
  });

  it('derives the seed from the node id and the seed scope', () => {
    expect(deriveSeed('n1', base, {}, 0)).toBe(seedOf('n1', 'node'));
    expect(deriveSeed('n1', { ...base, seedSource: 'playthrough' }, { playthroughId: 'pt' }, 0)).toBe(seedOf('n1', 'pt:pt'));
    expect(deriveSeed('n1', { ...base, seedSource: 'player' }, { playerId: 'me' }, 0)).toBe(seedOf('n1', 'player:me'));
    expect(deriveSeed('n1', { ...base, seedSource: 'timestamp' }, {}, 42)).toBe(seedOf('n1', 'ts:42'));
    expect(deriveSeed('n1', { ...base, seedSource: 'fixed', modelParams: { seed: 99 } }, {}, 0)).toBe(99);
    expect(deriveSeed('n1', { ...base, seedSource: 'fixed', modelParams: { seed: -1 } }, {}, 0)).toBe(0);
    expect(() => deriveSeed('n1', { ...base, seedSource: 'player' }, { playerId: '' }, 0)).toThrow(expect.objectContaining({ code: 'GEN_MISSING_SEED_CONTEXT' }));
  });
});
