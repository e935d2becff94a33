import { DEFAULT_RELATIONSHIP_SCHEMA, RelationshipSchemaSchema, type RelationshipSchema } from '../domain';
import type { RuleContext } from './rule-context';

// validation.md §4, V54: level and tier ids checked against the world's relationship schema.

/** The parsed schema, or `undefined` when it fails RelationshipSchemaSchema (V54 is then skipped). */
function parseSchema(raw: unknown): RelationshipSchema | undefined {
  try {
    const parsed = RelationshipSchemaSchema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  } catch {
    // safeParse reports schema failures as data, but a throwing getter or Proxy trap in the input still
    // propagates; such a schema cannot be read, which counts as failing the schema.
    return undefined;
  }
}

export function checkRelationshipIdRule({ build: { view }, options, sink }: RuleContext): void {
  const sc = view.socialContext;
  if (!options.worldGiven || sc === undefined) return;
  const schema = parseSchema(options.relationshipSchema ?? DEFAULT_RELATIONSHIP_SCHEMA);
  if (schema === undefined) return;

  const levelId = sc.intimacyLevelId;
  const levelIds = schema.levels.map((level) => level.id);
  if (levelId && !levelIds.includes(levelId)) {
    sink.warning(
      'V54',
      `Intimacy level '${levelId}' is not defined in the world's relationship schema and will be treated as band 'none'. ` +
        `Defined levels: ${levelIds.length > 0 ? levelIds.join(', ') : 'none'}`,
      'socialContext.intimacyLevelId',
    );
  }
  const tierId = sc.relationshipTierId;
  const tierIds = schema.tiers.map((tier) => tier.id);
  if (tierId && !tierIds.includes(tierId)) {
    sink.warning(
      'V54',
      `Relationship tier '${tierId}' is not defined in the world's relationship schema. Defined tiers: ${tierIds.join(', ')}`,
      'socialContext.relationshipTierId',
    );
  }
}
