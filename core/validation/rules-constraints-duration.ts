import { display } from './format';
import type { DurationView } from './node-view';
import type { RuleContext } from './rule-context';

// validation.md §3, V23–V40: constraint lists and duration ranges. "Defined" means present in the view,
// so 0 is a value and a `null` is not (the §3 quirks).

/** The required elements that are also avoided, in required-list order, each once (V24). */
function conflictingElements(required: readonly string[], avoided: readonly string[]): string[] {
  const avoidedSet = new Set(avoided);
  return [...new Set(required.filter((element) => avoidedSet.has(element)))];
}

export function checkConstraintRules({ build: { view }, sink }: RuleContext): void {
  const { constraints: k, socialContext: sc } = view;
  const required = k?.requiredElements;
  const avoided = k?.avoidElements;

  if (k?.rating && sc?.contentRating && k.rating !== sc.contentRating) {
    sink.warning(
      'V23',
      `Constraint rating '${display(k.rating)}' differs from social context rating '${display(sc.contentRating)}'`,
      'constraints.rating',
    );
  }
  if (required && avoided) {
    const conflicts = conflictingElements(required, avoided);
    if (conflicts.length > 0) {
      sink.error(
        'V24',
        `Elements appear in both required and avoided lists: ${conflicts.join(', ')}`,
        'constraints.requiredElements',
      );
    }
  }
  if (required?.length === 0) {
    sink.warning(
      'V25',
      'requiredElements is set but empty - consider removing or adding elements',
      'constraints.requiredElements',
    );
  }
  if (avoided?.length === 0) {
    sink.warning('V26', 'avoidElements is set but empty - consider removing or adding elements', 'constraints.avoidElements');
  }
  if (k?.contentRules?.length === 0) {
    sink.warning('V27', 'contentRules is set but empty - consider removing or adding rules', 'constraints.contentRules');
  }
  if (required && required.length > 5) {
    sink.warning(
      'V28',
      `${String(required.length)} required elements may be too restrictive and could lead to generation failures`,
      'constraints.requiredElements',
    );
  }
  if (avoided && avoided.length > 10) {
    sink.warning(
      'V29',
      `${String(avoided.length)} avoided elements may be excessive and could limit creative variety`,
      'constraints.avoidElements',
    );
  }
}

export function checkDurationRules({ build: { view }, sink }: RuleContext): void {
  const { generationType: t } = view;
  const d: DurationView = view.duration ?? {};
  const { min, max, target } = d;

  if (min !== undefined && max !== undefined && min > max) {
    sink.error('V30', `Duration min (${String(min)}s) cannot be greater than max (${String(max)}s)`, 'duration.min');
  }
  if (target !== undefined && min !== undefined && target < min) {
    sink.error('V31', `Duration target (${String(target)}s) cannot be less than min (${String(min)}s)`, 'duration.target');
  }
  if (target !== undefined && max !== undefined && target > max) {
    sink.error('V32', `Duration target (${String(target)}s) cannot be greater than max (${String(max)}s)`, 'duration.target');
  }
  if (min !== undefined && min < 0) sink.error('V33', 'Duration min cannot be negative', 'duration.min');
  if (max !== undefined && max < 0) sink.error('V34', 'Duration max cannot be negative', 'duration.max');
  if (target !== undefined && target < 0) sink.error('V35', 'Duration target cannot be negative', 'duration.target');

  if (t === 'transition' && max !== undefined && max < 2) {
    sink.warning(
      'V36',
      'Transition duration under 2 seconds may feel too abrupt. Consider 3-10 seconds for smooth transitions',
      'duration.max',
    );
  }
  if (max !== undefined && max > 300) {
    sink.warning(
      'V37',
      `Duration max of ${String(max)}s (${String(Math.floor(max / 60))} minutes) is very long and may impact user experience`,
      'duration.max',
    );
  }
  if (min !== undefined && max !== undefined && target === undefined) {
    sink.suggestion('V38', 'Consider setting a target duration to guide generation quality', 'duration.target');
  }
  // Quirk kept on purpose: this also fires when min > max, printing the negative difference as JS computes it.
  if (min !== undefined && max !== undefined && max - min < 1) {
    sink.warning(
      'V39',
      `Duration range of ${String(max - min)}s is very tight and may limit generation flexibility`,
      'duration',
    );
  }
  if (!view.duration && (t === 'transition' || t === 'dialogue')) {
    sink.warning('V40', `${display(t)} generation should specify duration constraints for better quality`, 'duration');
  }
}
