import { describe, expect, it } from 'vitest';
import { DEFAULT_RELATIONSHIP_SCHEMA, RelationshipSchemaSchema, type RelationshipSchema } from '../../../core/domain';
import { EXAMPLE_7_SCHEMA } from './example-schemas';

/** Example 7 with only its first level: a small valid schema, a fresh copy each test may mutate. */
function base(): RelationshipSchema {
  return structuredClone({ ...EXAMPLE_7_SCHEMA, levels: EXAMPLE_7_SCHEMA.levels.slice(0, 1) });
}

function issuesOf(schema: unknown): Array<{ path: string; message: string }> {
  const result = RelationshipSchemaSchema.safeParse(schema);
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function pathsOf(mutate: (s: RelationshipSchema) => void): string[] {
  const s = base();
  mutate(s);
  return issuesOf(s).map((i) => i.path);
}

describe('RelationshipSchemaSchema', () => {
  it('accepts the default schema and a small custom one', () => {
    expect(issuesOf(DEFAULT_RELATIONSHIP_SCHEMA)).toEqual([]);
    expect(issuesOf(base())).toEqual([]);
  });

  it('matches the default of domain.md §7 exactly', () => {
    const ge = (axis: string, min: number) => ({ axis, type: 'min', min });
    expect(DEFAULT_RELATIONSHIP_SCHEMA).toEqual({
      axes: ['affinity', 'trust', 'chemistry', 'tension'].map((id) => ({ id, min: 0, max: 100 })),
      tierAxis: 'affinity',
      tiers: [
        { id: 'stranger', min: 0 },
        { id: 'acquaintance', min: 10 },
        { id: 'friend', min: 30 },
        { id: 'close_friend', min: 60 },
        { id: 'lover', min: 80 },
      ],
      levels: [
        { id: 'light_flirt', priority: 1, band: 'light', conditions: [ge('affinity', 20), ge('chemistry', 20)] },
        { id: 'deep_flirt', priority: 2, band: 'deep', conditions: [ge('affinity', 40), ge('chemistry', 40), ge('trust', 20)] },
        { id: 'intimate', priority: 3, band: 'deep', conditions: [ge('affinity', 60), ge('chemistry', 60), ge('trust', 40)] },
        { id: 'very_intimate', priority: 4, band: 'intense', conditions: [ge('affinity', 80), ge('chemistry', 80), ge('trust', 60)] },
        {
          id: 'soulmates',
          priority: 5,
          band: 'intense',
          conditions: [ge('affinity', 95), ge('chemistry', 95), ge('trust', 90), { axis: 'tension', type: 'max', max: 10 }],
        },
      ],
    });
  });

  it('is frozen at every depth', () => {
    expect(Object.isFrozen(DEFAULT_RELATIONSHIP_SCHEMA)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RELATIONSHIP_SCHEMA.levels)).toBe(true);
    expect(Object.isFrozen(DEFAULT_RELATIONSHIP_SCHEMA.levels[4]?.conditions[3])).toBe(true);
    expect(() => {
      (DEFAULT_RELATIONSHIP_SCHEMA.tiers[1] as { min: number }).min = 5;
    }).toThrow(TypeError);
  });

  it('requires at least one axis, one tier, and one condition per level', () => {
    expect(pathsOf((s) => (s.axes = []))).toContain('axes');
    expect(pathsOf((s) => (s.tiers = []))).toContain('tiers');
    expect(pathsOf((s) => (s.levels[0]!.conditions = []))).toEqual(['levels.0.conditions']);
  });

  it('refuses empty and duplicate ids', () => {
    expect(pathsOf((s) => (s.axes[1]!.id = ''))).toContain('axes.1.id');
    expect(pathsOf((s) => (s.axes[1]!.id = 'affinity'))).toContain('axes.1.id');
    expect(pathsOf((s) => (s.tiers[1]!.id = 'cold'))).toEqual(['tiers.1.id']);
    expect(pathsOf((s) => s.levels.push({ ...s.levels[0]!, priority: 2 }))).toEqual(['levels.1.id']);
    expect(pathsOf((s) => (s.levels[0]!.id = ''))).toEqual(['levels.0.id']);
  });

  it('requires finite axis bounds with min below max', () => {
    expect(pathsOf((s) => (s.axes[1]!.max = 0))).toEqual(['axes.1.max']);
    expect(pathsOf((s) => (s.axes[1]!.max = -5))).toEqual(['axes.1.max']);
    expect(pathsOf((s) => (s.axes[1]!.max = Number.POSITIVE_INFINITY))).toEqual(['axes.1.max']);
    expect(pathsOf((s) => (s.axes[1]!.min = Number.NaN))).toEqual(['axes.1.min']);
  });

  it('requires the tier axis to be declared', () => {
    expect(pathsOf((s) => (s.tierAxis = 'trust'))).toEqual(['tierAxis']);
  });

  it('requires tiers to start at the axis min, stay in range and strictly increase', () => {
    expect(pathsOf((s) => (s.tiers[0]!.min = 5))).toEqual(['tiers.0.min']);
    expect(pathsOf((s) => (s.tiers[1]!.min = 101))).toEqual(['tiers.1.min']);
    expect(pathsOf((s) => (s.tiers[1]!.min = 0))).toEqual(['tiers.1.min']);
    expect(pathsOf((s) => s.tiers.push({ id: 'hot', min: 50 }))).toEqual(['tiers.2.min']);
    expect(pathsOf((s) => s.tiers.push({ id: 'hot', min: 100 }))).toEqual([]);
  });

  it('requires integer priorities of at least 0 and a known band', () => {
    expect(pathsOf((s) => (s.levels[0]!.priority = -1))).toEqual(['levels.0.priority']);
    expect(pathsOf((s) => (s.levels[0]!.priority = 1.5))).toEqual(['levels.0.priority']);
    expect(pathsOf((s) => ((s.levels[0] as { band: string }).band = 'hot'))).toEqual(['levels.0.band']);
  });

  it('requires conditions on declared axes with finite bounds and min ≤ max for ranges', () => {
    expect(pathsOf((s) => (s.levels[0]!.conditions[0]!.axis = 'trust'))).toEqual(['levels.0.conditions.0.axis']);
    expect(pathsOf((s) => (s.levels[0]!.conditions = [{ axis: 'affinity', type: 'range', min: 70, max: 40 }]))).toEqual([
      'levels.0.conditions.0.max',
    ]);
    expect(pathsOf((s) => (s.levels[0]!.conditions = [{ axis: 'affinity', type: 'range', min: 40, max: 40 }]))).toEqual([]);
    expect(pathsOf((s) => (s.levels[0]!.conditions = [{ axis: 'affinity', type: 'max', max: Number.NaN }]))).toEqual([
      'levels.0.conditions.0.max',
    ]);
    expect(issuesOf({ ...base(), levels: [{ id: 'x', priority: 0, band: 'none', conditions: [{ axis: 'affinity', type: 'between' }] }] })).not.toEqual([]);
  });

  it('allows an empty level list and drops null labels', () => {
    const s = { ...base(), levels: [], axes: [{ id: 'affinity', label: null, min: 0, max: 1 }], tiers: [{ id: 'a', min: 0, label: 'A' }] };
    const parsed = RelationshipSchemaSchema.parse(s);
    expect(parsed.axes[0]).toEqual({ id: 'affinity', min: 0, max: 1 });
    expect(parsed.tiers[0]).toEqual({ id: 'a', min: 0, label: 'A' });
  });
});
