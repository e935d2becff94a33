import {
  CONSTRAINT_RATINGS,
  FALLBACK_MODES,
  GENERATION_STRATEGIES,
  GENERATION_TYPES,
  INTIMACY_BANDS,
  PACINGS,
  PURPOSES,
  SEED_SOURCES,
  TRANSITION_TYPES,
} from '../domain';
import { got } from './format';
import type { NodeView } from './node-view';
import type { RuleContext } from './rule-context';

// validation.md §5–§6, V55–V57: types, sets and ranges, each in type-table order, one issue per path.

/** Which strings V56 reports for a path, given the earlier rule that owns the rest (§5). */
type SetScope = 'non-empty' | 'empty-only' | 'any';

interface SetRule {
  readonly path: string;
  readonly values: readonly string[];
  readonly scope: SetScope;
  readonly read: (view: NodeView) => unknown;
  /** When true, an absent value is reported too (`got nothing`). */
  readonly required?: (view: NodeView) => boolean;
}

const SET_RULES: readonly SetRule[] = [
  // An empty string is V02–V04's.
  { path: 'generationType', values: GENERATION_TYPES, scope: 'non-empty', read: (v) => v.generationType },
  { path: 'purpose', values: PURPOSES, scope: 'non-empty', read: (v) => v.purpose },
  { path: 'strategy', values: GENERATION_STRATEGIES, scope: 'non-empty', read: (v) => v.strategy },
  // A non-empty string outside the set is V07/V19/V20's.
  { path: 'seedSource', values: SEED_SOURCES, scope: 'empty-only', read: (v) => v.seedSource },
  { path: 'style.pacing', values: PACINGS, scope: 'empty-only', read: (v) => v.style?.pacing },
  { path: 'style.transitionType', values: TRANSITION_TYPES, scope: 'empty-only', read: (v) => v.style?.transitionType },
  { path: 'constraints.rating', values: CONSTRAINT_RATINGS, scope: 'any', read: (v) => v.constraints?.rating },
  {
    path: 'fallback.mode',
    values: FALLBACK_MODES,
    scope: 'any',
    read: (v) => v.fallback?.mode,
    required: (v) => v.fallback !== undefined,
  },
  { path: 'socialContext.intimacyBand', values: INTIMACY_BANDS, scope: 'any', read: (v) => v.socialContext?.intimacyBand },
];

function inScope(value: string, scope: SetScope): boolean {
  if (scope === 'non-empty') return value !== '';
  if (scope === 'empty-only') return value === '';
  return true;
}

interface RangeRule {
  readonly path: string;
  readonly range: string;
  readonly read: (view: NodeView) => number | undefined;
  readonly accepts: (value: number) => boolean;
}

const RANGE_RULES: readonly RangeRule[] = [
  { path: 'version', range: 'an integer >= 1', read: (v) => v.version, accepts: (n) => Number.isInteger(n) && n >= 1 },
  {
    path: 'fallback.maxRetries',
    range: 'an integer from 0 to 10',
    read: (v) => v.fallback?.maxRetries,
    accepts: (n) => Number.isInteger(n) && n >= 0 && n <= 10,
  },
  {
    path: 'fallback.timeoutMs',
    range: 'an integer >= 100',
    read: (v) => v.fallback?.timeoutMs,
    accepts: (n) => Number.isInteger(n) && n >= 100,
  },
];

export function checkTypeRule({ build, sink }: RuleContext): void {
  for (const issue of build.typeIssues) sink.error('V55', issue.message, issue.path);
}

export function checkSetRule({ build: { view, typeIssuePaths }, sink }: RuleContext): void {
  for (const rule of SET_RULES) {
    const value = rule.read(view);
    const outside = typeof value === 'string' && !rule.values.includes(value) && inScope(value, rule.scope);
    // A value V55 removed is V55's alone; only a truly absent required value is V56's.
    const missing = value === undefined && rule.required?.(view) === true && !typeIssuePaths.has(rule.path);
    if (outside || missing) {
      sink.error('V56', `${rule.path} must be one of ${rule.values.join(', ')} (got ${got(value)})`, rule.path);
    }
  }
}

export function checkRangeRule({ build: { view }, sink }: RuleContext): void {
  for (const rule of RANGE_RULES) {
    const value = rule.read(view);
    if (value !== undefined && !rule.accepts(value)) {
      sink.error('V57', `${rule.path} must be ${rule.range} (got ${String(value)})`, rule.path);
    }
  }
  const npcIds = view.socialContext?.npcIds ?? [];
  const index = npcIds.findIndex((id) => !Number.isInteger(id));
  if (index >= 0) {
    const path = `socialContext.npcIds[${index}]`;
    sink.error('V57', `${path} must be an integer (got ${String(npcIds[index])})`, path);
  }
}
