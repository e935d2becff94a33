import { z } from 'zod';

// domain.md §0: every optional field accepts null as "absent", and parsing removes null-valued optional
// fields so a parsed value never holds them. Required fields and array elements still refuse null.
export function nullTolerantObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const schema = z.object(shape);
  const optionalKeys = Object.keys(shape).filter((key) => z.safeParse(shape[key]!, undefined).success);
  return z.preprocess((value) => dropNullOptionals(value, optionalKeys), schema);
}

function dropNullOptionals(value: unknown, optionalKeys: readonly string[]): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  let copy: Record<string, unknown> | undefined;
  for (const key of optionalKeys) {
    if (Object.hasOwn(value, key) && (value as Record<string, unknown>)[key] === null) {
      copy ??= { ...(value as Record<string, unknown>) };
      delete copy[key];
    }
  }
  return copy ?? value;
}

/** A finite number (zod 4's z.number() already refuses NaN and ±Infinity). */
export const FiniteNumberSchema = z.number();

/**
 * An integer as domain.md §0 defines it: `Number.isInteger`. zod's z.int() stops at 2^53 − 1, which would let a
 * config the validator accepts fail the schema (domain.md §2 guarantees it passes).
 */
export function integer() {
  return z.number().refine(Number.isInteger, { message: 'must be an integer' }).meta({ type: 'integer' });
}

/** A record whose null entries count as absent and are removed on parse (validation.md §2 item 3). */
export function nullTolerantRecord<Value extends z.ZodType>(value: Value) {
  return z.preprocess(dropNullEntries, z.record(z.string(), value));
}

function dropNullEntries(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  if (!Object.values(value).includes(null)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== null) copy[key] = entry;
  return copy;
}

/** Ids of scenes, nodes, edges, assets and presets (project-format.md §2.1). */
export const EntityIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** ISO 8601 UTC timestamps with milliseconds, as the engine writes them (generation.md §1). */
export const IsoTimeSchema = z.string();

export const PromptVariablesSchema = nullTolerantRecord(z.union([z.string(), FiniteNumberSchema, z.boolean()]));
export type PromptVariables = z.infer<typeof PromptVariablesSchema>;
