import { got, gotElement } from './format';
import { isAbsent, isArrayValue, isPlainObject, readKeys, readLength, readOwn } from './safe-read';
import { NODE_FIELDS, type FieldSpec, type ValueType } from './type-table';

// validation.md §2.4: rules V01–V54 run on a *view* of the config: absent values dropped, values of the
// wrong JavaScript type removed (and reported by V55). These interfaces are what the builder guarantees.

export interface StyleView {
  readonly moodFrom?: string;
  readonly moodTo?: string;
  readonly pacing?: string;
  readonly transitionType?: string;
}

export interface DurationView {
  readonly min?: number;
  readonly max?: number;
  readonly target?: number;
}

export interface ConstraintsView {
  readonly rating?: string;
  readonly requiredElements?: readonly string[];
  readonly avoidElements?: readonly string[];
  readonly contentRules?: readonly string[];
}

export interface FallbackView {
  readonly mode?: string;
  readonly defaultContentId?: string;
  readonly maxRetries?: number;
  readonly timeoutMs?: number;
}

export interface SocialContextView {
  readonly intimacyLevelId?: string;
  readonly relationshipTierId?: string;
  readonly intimacyBand?: string;
  readonly npcIds?: readonly number[];
  readonly relationshipValues?: ReadonlyMap<string, number>;
  readonly ratingClamped?: boolean;
  readonly contentRating?: string;
  readonly worldMaxRating?: string;
  readonly userMaxRating?: string;
  readonly originalRating?: string;
}

export interface PromptView {
  readonly inline?: string;
  readonly versionId?: string;
  readonly familyId?: string;
  readonly autoSelectLatest?: boolean;
  readonly variables?: ReadonlyMap<string, string | number | boolean>;
}

export interface NodeView {
  readonly enabled?: boolean;
  /** Never removed, whatever its type: rules only test truthiness or compare with fixed strings. */
  readonly generationType?: unknown;
  readonly purpose?: unknown;
  readonly strategy?: unknown;
  readonly seedSource?: string;
  readonly templateId?: string;
  readonly provider?: string;
  readonly modelParams?: ReadonlyMap<string, string | number | boolean | null>;
  readonly version?: number;
  readonly style?: StyleView;
  readonly duration?: DurationView;
  readonly constraints?: ConstraintsView;
  readonly fallback?: FallbackView;
  readonly socialContext?: SocialContextView;
  readonly prompt?: PromptView;
}

/** A V55 finding. `path` is undefined only for the whole-config issue. */
export interface TypeIssue {
  readonly path: string | undefined;
  readonly message: string;
}

/** A present content-rating value, kept raw for V50 whatever its type. */
export interface RatingField {
  readonly path: string;
  readonly value: unknown;
}

export interface NodeViewBuild {
  readonly view: NodeView;
  /** V55 issues in type-table order, the whole-config issue first. */
  readonly typeIssues: readonly TypeIssue[];
  /** Every path V55 reported, so later rules can tell "removed" from "absent". */
  readonly typeIssuePaths: ReadonlySet<string>;
  /** Present `socialContext` ratings, in V50 order. */
  readonly ratings: readonly RatingField[];
}

interface Builder {
  readonly typeIssues: TypeIssue[];
  readonly typeIssuePaths: Set<string>;
  readonly ratings: RatingField[];
}

function reportType(builder: Builder, path: string, expected: string, found: string): void {
  builder.typeIssues.push({ path, message: `${path} must be ${expected} (got ${found})` });
  builder.typeIssuePaths.add(path);
}

/** The elements of a well-typed array, or `undefined` after reporting its first bad element. */
function readArray(builder: Builder, raw: readonly unknown[], path: string, element: ValueType): unknown[] | undefined {
  const length = readLength(raw);
  if (length === undefined) return undefined;
  const items: unknown[] = [];
  for (let i = 0; i < length; i += 1) {
    const item = readOwn(raw, String(i));
    if (!element.accepts(item)) {
      // The array is removed whole; only its first bad element is reported (validation.md §5).
      reportType(builder, `${path}[${i}]`, element.expected, gotElement(item));
      return undefined;
    }
    items.push(item);
  }
  return items;
}

/** The entries of a well-typed record, or `undefined` after reporting its first bad entry. */
function readRecord(
  builder: Builder,
  raw: object,
  path: string,
  entry: ValueType,
  keepsNull: boolean,
): Map<string, unknown> | undefined {
  const keys = readKeys(raw);
  if (keys === undefined) return undefined;
  const entries = new Map<string, unknown>();
  for (const key of keys) {
    const item = readOwn(raw, key);
    if (item === undefined || (item === null && !keepsNull)) continue;
    if (!entry.accepts(item)) {
      reportType(builder, `${path}.${key}`, entry.expected, got(item));
      return undefined;
    }
    entries.set(key, item);
  }
  return entries;
}

/** The view of one field, or `undefined` when it is absent or removed. */
function readField(builder: Builder, raw: unknown, field: FieldSpec, path: string): unknown {
  switch (field.kind) {
    case 'value':
      if (field.type.accepts(raw)) return raw;
      reportType(builder, path, field.type.expected, got(raw));
      return undefined;
    case 'kept-string':
      if (typeof raw !== 'string') reportType(builder, path, 'a string', got(raw));
      return raw;
    case 'rating':
      builder.ratings.push({ path, value: raw });
      // §6: a non-string rating is removed from the view; a string outside the set stays (V50 reports it).
      return typeof raw === 'string' ? raw : undefined;
    case 'object':
      if (isPlainObject(raw)) return readObject(builder, raw, field.fields, path);
      reportType(builder, path, 'an object', got(raw));
      return undefined;
    case 'array':
      if (isArrayValue(raw)) return readArray(builder, raw, path, field.element);
      reportType(builder, path, 'an array', got(raw));
      return undefined;
    case 'record':
      if (isPlainObject(raw)) return readRecord(builder, raw, path, field.entry, field.keepsNull);
      reportType(builder, path, 'an object', got(raw));
      return undefined;
  }
}

function readObject(builder: Builder, raw: object, fields: readonly FieldSpec[], prefix: string): object {
  const view: Record<string, unknown> = {};
  for (const field of fields) {
    const present = readOwn(raw, field.key);
    if (isAbsent(present)) continue;
    const viewed = readField(builder, present, field, prefix === '' ? field.key : `${prefix}.${field.key}`);
    if (viewed !== undefined) view[field.key] = viewed;
  }
  return view;
}

/** Builds the view of `config` and collects the V55 issues on the way (validation.md §2.4, §5, §6). */
export function buildNodeView(config: unknown): NodeViewBuild {
  const builder: Builder = { typeIssues: [], typeIssuePaths: new Set(), ratings: [] };
  if (!isPlainObject(config)) {
    builder.typeIssues.push({ path: undefined, message: `Generation node config must be an object (got ${got(config)})` });
  }
  const source = isPlainObject(config) ? config : {};
  // The builder only ever stores values that passed the type table, which is what NodeView declares.
  const view = readObject(builder, source, NODE_FIELDS, '') as NodeView;
  return { view, typeIssues: builder.typeIssues, typeIssuePaths: builder.typeIssuePaths, ratings: builder.ratings };
}
