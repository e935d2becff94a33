import {
  DEFAULT_RELATIONSHIP_SCHEMA,
  GenError,
  RelationshipSchemaSchema,
  type IntimacyBand,
  type LevelCondition,
  type RelationshipAxis,
  type RelationshipSchema,
  type RelationshipValues,
} from '../domain';

// social.md §3: reading values, tiers, levels and bands against a relationship schema.

/**
 * Every function that takes a schema checks it first (social.md §3). The frozen default is known to be valid,
 * so the common path skips the parse.
 */
export function checkRelationshipSchema(schema: RelationshipSchema | null | undefined): RelationshipSchema {
  if (schema === undefined || schema === null || schema === DEFAULT_RELATIONSHIP_SCHEMA) return DEFAULT_RELATIONSHIP_SCHEMA;
  const result = RelationshipSchemaSchema.safeParse(schema);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: ['relationshipSchema', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = issues[0] as { path: string; message: string };
  throw new GenError('GEN_BAD_REQUEST', `Invalid request: '${first.path}' ${first.message}.`, { issues });
}

/** An own, finite value clamped to the axis range; anything else counts as 0 (then clamped). */
export function valueOf(values: Readonly<RelationshipValues> | undefined, axis: RelationshipAxis): number {
  const raw: unknown = values !== undefined && values !== null && Object.hasOwn(values, axis.id) ? values[axis.id] : 0;
  const v = typeof raw === 'number' && Number.isFinite(raw) ? raw : 0;
  return Math.min(Math.max(v, axis.min), axis.max);
}

function axisById(schema: RelationshipSchema, id: string): RelationshipAxis {
  // The schema check guarantees every referenced axis exists.
  return schema.axes.find((axis) => axis.id === id) as RelationshipAxis;
}

export function tierOf(values: Readonly<RelationshipValues> | undefined, schema: RelationshipSchema): string {
  const v = valueOf(values, axisById(schema, schema.tierAxis));
  let tier = (schema.tiers[0] as { id: string }).id;
  for (const t of schema.tiers) if (t.min <= v) tier = t.id;
  return tier;
}

function holds(condition: LevelCondition, values: Readonly<RelationshipValues> | undefined, schema: RelationshipSchema): boolean {
  const v = valueOf(values, axisById(schema, condition.axis));
  switch (condition.type) {
    case 'min':
      return v >= condition.min;
    case 'max':
      return v <= condition.max;
    case 'range':
      return condition.min <= v && v <= condition.max;
  }
}

export function levelOf(values: Readonly<RelationshipValues> | undefined, schema: RelationshipSchema): string | null {
  let best: { id: string; priority: number } | null = null;
  for (const level of schema.levels) {
    // `>=` so that on equal priority the later level in the list wins.
    if ((best === null || level.priority >= best.priority) && level.conditions.every((c) => holds(c, values, schema))) {
      best = level;
    }
  }
  return best === null ? null : best.id;
}

export function bandOf(levelId: string | null | undefined, schema: RelationshipSchema): IntimacyBand {
  if (typeof levelId !== 'string' || levelId === '') return 'none';
  return schema.levels.find((level) => level.id === levelId)?.band ?? 'none';
}

/** The id of the last tier, in list order, whose min is at or below the tier-axis value. Never null. */
export function computeRelationshipTier(values: RelationshipValues, schema?: RelationshipSchema): string {
  return tierOf(values, checkRelationshipSchema(schema));
}

/** The highest-priority level whose conditions all hold (a tie goes to the later one), or null. */
export function computeIntimacyLevel(values: RelationshipValues, schema?: RelationshipSchema): string | null {
  return levelOf(values, checkRelationshipSchema(schema));
}

/** The band of the level with exactly this id; `none` for no id or an id the schema does not define. */
export function intimacyBandForLevel(levelId: string | null | undefined, schema?: RelationshipSchema): IntimacyBand {
  return bandOf(levelId, checkRelationshipSchema(schema));
}
