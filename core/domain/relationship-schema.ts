import { z } from 'zod';
import { FiniteNumberSchema, nullTolerantObject } from './schema-helpers';
import { IntimacyBandSchema } from './vocabulary';

// domain.md §7: the relationship schema (axes, tiers, levels) and its cross-field rules.

const NonEmptyId = z.string().min(1, { message: 'must not be empty' });
const Label = z.string().optional();

export const RelationshipAxisSchema = nullTolerantObject({
  id: NonEmptyId,
  label: Label,
  min: FiniteNumberSchema,
  max: FiniteNumberSchema,
});

export const RelationshipTierSchema = nullTolerantObject({
  id: NonEmptyId,
  label: Label,
  min: FiniteNumberSchema,
});

export const LevelConditionSchema = z.discriminatedUnion('type', [
  z.object({ axis: NonEmptyId, type: z.literal('min'), min: FiniteNumberSchema }),
  z.object({ axis: NonEmptyId, type: z.literal('max'), max: FiniteNumberSchema }),
  z.object({ axis: NonEmptyId, type: z.literal('range'), min: FiniteNumberSchema, max: FiniteNumberSchema }),
]);

export const IntimacyLevelSchema = nullTolerantObject({
  id: NonEmptyId,
  label: Label,
  priority: z.int().min(0),
  band: IntimacyBandSchema,
  conditions: z.array(LevelConditionSchema).min(1, { message: 'must have at least one condition' }),
});

type Ctx = { addIssue: (issue: { code: 'custom'; message: string; path: (string | number)[] }) => void };

function reportDuplicateIds(items: readonly { id: string }[], list: string, ctx: Ctx): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', message: `duplicate id '${item.id}'`, path: [list, i, 'id'] });
    seen.add(item.id);
  });
}

export const RelationshipSchemaSchema = z
  .object({
    axes: z.array(RelationshipAxisSchema).min(1, { message: 'must declare at least one axis' }),
    tierAxis: NonEmptyId,
    tiers: z.array(RelationshipTierSchema).min(1, { message: 'must declare at least one tier' }),
    levels: z.array(IntimacyLevelSchema),
  })
  .superRefine((schema, ctx) => {
    reportDuplicateIds(schema.axes, 'axes', ctx);
    reportDuplicateIds(schema.tiers, 'tiers', ctx);
    reportDuplicateIds(schema.levels, 'levels', ctx);

    schema.axes.forEach((axis, i) => {
      if (!(axis.min < axis.max)) ctx.addIssue({ code: 'custom', message: 'min must be less than max', path: ['axes', i, 'max'] });
    });
    const axisIds = new Set(schema.axes.map((a) => a.id));

    const tierAxis = schema.axes.find((a) => a.id === schema.tierAxis);
    if (tierAxis === undefined) {
      ctx.addIssue({ code: 'custom', message: `'${schema.tierAxis}' is not a declared axis`, path: ['tierAxis'] });
    } else {
      schema.tiers.forEach((tier, i) => {
        if (tier.min < tierAxis.min || tier.min > tierAxis.max) {
          ctx.addIssue({ code: 'custom', message: `must lie within ${tierAxis.min}..${tierAxis.max}`, path: ['tiers', i, 'min'] });
        }
      });
      const first = schema.tiers[0];
      if (first !== undefined && first.min !== tierAxis.min) {
        ctx.addIssue({ code: 'custom', message: `the first tier must start at the axis min ${tierAxis.min}`, path: ['tiers', 0, 'min'] });
      }
    }
    for (let i = 1; i < schema.tiers.length; i++) {
      const prev = schema.tiers[i - 1];
      const cur = schema.tiers[i];
      if (prev !== undefined && cur !== undefined && !(cur.min > prev.min)) {
        ctx.addIssue({ code: 'custom', message: 'tier mins must strictly increase', path: ['tiers', i, 'min'] });
      }
    }

    schema.levels.forEach((level, li) => {
      level.conditions.forEach((cond, ci) => {
        if (!axisIds.has(cond.axis)) {
          ctx.addIssue({ code: 'custom', message: `'${cond.axis}' is not a declared axis`, path: ['levels', li, 'conditions', ci, 'axis'] });
        }
        if (cond.type === 'range' && !(cond.min <= cond.max)) {
          ctx.addIssue({ code: 'custom', message: 'min must not exceed max', path: ['levels', li, 'conditions', ci, 'max'] });
        }
      });
    });
  });

export type RelationshipAxis = z.infer<typeof RelationshipAxisSchema>;
export type RelationshipTier = z.infer<typeof RelationshipTierSchema>;
export type LevelCondition = z.infer<typeof LevelConditionSchema>;
export type IntimacyLevel = z.infer<typeof IntimacyLevelSchema>;
export type RelationshipSchema = z.infer<typeof RelationshipSchemaSchema>;

function ge(axis: string, min: number): LevelCondition {
  return { axis, type: 'min', min };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** social.md §2 / domain.md §7, exactly. Frozen at every depth so no caller can change it for everyone. */
export const DEFAULT_RELATIONSHIP_SCHEMA: RelationshipSchema = deepFreeze({
  axes: [
    { id: 'affinity', min: 0, max: 100 },
    { id: 'trust', min: 0, max: 100 },
    { id: 'chemistry', min: 0, max: 100 },
    { id: 'tension', min: 0, max: 100 },
  ],
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
