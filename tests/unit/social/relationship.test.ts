import { describe, expect, it } from 'vitest';
import { isGenError, type RelationshipSchema } from '../../../core/domain';
import { computeIntimacyLevel, computeRelationshipTier, intimacyBandForLevel } from '../../../core/social';
import { EXAMPLE_7_SCHEMA as CUSTOM } from './example-schemas';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('computeRelationshipTier', () => {
  it.each([
    [-5, 'stranger'],
    [0, 'stranger'],
    [9.999, 'stranger'],
    [10, 'acquaintance'],
    [29.999, 'acquaintance'],
    [30, 'friend'],
    [59.99, 'friend'],
    [60, 'close_friend'],
    [79.9, 'close_friend'],
    [80, 'lover'],
    [100, 'lover'],
    [150, 'lover'],
  ])('reads affinity %s as %s (half-open tiers, clamped, no gaps)', (affinity, tier) => {
    expect(computeRelationshipTier({ affinity })).toBe(tier);
  });

  it('counts a missing, non-finite or inherited value as 0', () => {
    expect(computeRelationshipTier({})).toBe('stranger');
    expect(computeRelationshipTier({ affinity: Number.NaN })).toBe('stranger');
    expect(computeRelationshipTier({ affinity: Number.POSITIVE_INFINITY })).toBe('stranger');
    expect(computeRelationshipTier({ affinity: '70' as unknown as number })).toBe('stranger');
    expect(computeRelationshipTier(Object.create({ affinity: 90 }) as Record<string, number>)).toBe('stranger');
  });

  it('uses the tier axis of a custom schema', () => {
    expect(computeRelationshipTier({ affinity: 49, chemistry: 99 }, CUSTOM)).toBe('cold');
    expect(computeRelationshipTier({ affinity: 50 }, CUSTOM)).toBe('warm');
  });
});

describe('computeIntimacyLevel', () => {
  it('returns null when no level matches', () => {
    expect(computeIntimacyLevel({})).toBeNull();
    expect(computeIntimacyLevel({ affinity: 19.9, chemistry: 100 })).toBeNull();
  });

  it('treats bounds as inclusive', () => {
    expect(computeIntimacyLevel({ affinity: 20, chemistry: 20 })).toBe('light_flirt');
    expect(computeIntimacyLevel({ affinity: 95, chemistry: 95, trust: 90, tension: 10 })).toBe('soulmates');
    expect(computeIntimacyLevel({ affinity: 95, chemistry: 95, trust: 90, tension: 10.5 })).toBe('very_intimate');
  });

  it('picks the highest priority among matches', () => {
    expect(computeIntimacyLevel({ affinity: 45, chemistry: 52, trust: 25, tension: 30 })).toBe('deep_flirt');
    expect(computeIntimacyLevel({ affinity: 70, chemistry: 65, trust: 45 })).toBe('intimate');
    expect(computeIntimacyLevel({ affinity: 97, chemistry: 96, trust: 92, tension: 12 })).toBe('very_intimate');
  });

  it('lets the later level win a priority tie', () => {
    expect(computeIntimacyLevel({ affinity: 50, chemistry: 35 }, CUSTOM)).toBe('crush');
    const reversed = { ...CUSTOM, levels: [...CUSTOM.levels].reverse() };
    expect(computeIntimacyLevel({ affinity: 50, chemistry: 35 }, reversed)).toBe('spark');
  });

  it('checks range and max conditions on both sides', () => {
    expect(computeIntimacyLevel({ affinity: 71, chemistry: 35 }, CUSTOM)).toBe('spark');
    expect(computeIntimacyLevel({ affinity: 39, chemistry: 0 }, CUSTOM)).toBeNull();
    expect(computeIntimacyLevel({ affinity: 40, chemistry: 0 }, CUSTOM)).toBe('crush');
    expect(computeIntimacyLevel({ affinity: 70, chemistry: 0 }, CUSTOM)).toBe('crush');
  });

  it('lets a lower-priority level that comes later lose to an earlier higher one', () => {
    const schema: RelationshipSchema = {
      ...CUSTOM,
      levels: [
        { id: 'high', priority: 5, band: 'intense', conditions: [{ axis: 'chemistry', type: 'max', max: 50 }] },
        { id: 'low', priority: 4, band: 'light', conditions: [{ axis: 'chemistry', type: 'max', max: 50 }] },
      ],
    };
    expect(computeIntimacyLevel({ chemistry: 10 }, schema)).toBe('high');
  });
});

describe('intimacyBandForLevel', () => {
  it('looks bands up by exact level id', () => {
    expect(intimacyBandForLevel('light_flirt')).toBe('light');
    expect(intimacyBandForLevel('deep_flirt')).toBe('deep');
    expect(intimacyBandForLevel('intimate')).toBe('deep');
    expect(intimacyBandForLevel('very_intimate')).toBe('intense');
    expect(intimacyBandForLevel('soulmates')).toBe('intense');
  });

  it('gives none for no id and for ids the schema does not define', () => {
    expect(intimacyBandForLevel(null)).toBe('none');
    expect(intimacyBandForLevel(undefined)).toBe('none');
    expect(intimacyBandForLevel('')).toBe('none');
    expect(intimacyBandForLevel('sweetheart', CUSTOM)).toBe('none');
    expect(intimacyBandForLevel('flirt')).toBe('none');
    expect(intimacyBandForLevel('INTIMATE')).toBe('none');
    expect(intimacyBandForLevel('crush', CUSTOM)).toBe('deep');
  });
});

describe('schema checking', () => {
  const broken = { ...CUSTOM, tiers: [{ id: 'cold', min: 10 }] };

  it.each([
    ['computeRelationshipTier', () => computeRelationshipTier({}, broken)],
    ['computeIntimacyLevel', () => computeIntimacyLevel({}, broken)],
    ['intimacyBandForLevel', () => intimacyBandForLevel('spark', broken)],
  ])('%s throws GEN_BAD_REQUEST for an invalid schema', (_name, call) => {
    const error = thrown(call);
    expect(isGenError(error) && error.code).toBe('GEN_BAD_REQUEST');
    expect((error as Error).message).toMatch(/^Invalid request: 'relationshipSchema\.tiers\.0\.min' .+\.$/);
    expect((error as { details: unknown }).details).toEqual({
      issues: [{ path: 'relationshipSchema.tiers.0.min', message: expect.any(String) }],
    });
  });

  it('treats a null schema as the default', () => {
    expect(computeRelationshipTier({ affinity: 35 }, null as unknown as undefined)).toBe('friend');
  });
});
