import { createIssueSink } from './issue-sink';
import { buildNodeView } from './node-view';
import { readOptions } from './options-view';
import type { RuleContext } from './rule-context';
import { checkContentRatingRule } from './rule-content-rating';
import { checkProviderRule } from './rule-provider';
import { checkRelationshipIdRule } from './rule-relationship-ids';
import { checkConstraintRules, checkDurationRules } from './rules-constraints-duration';
import { checkFallbackAndStrategyRules } from './rules-fallback-strategy';
import { checkGeneralRules } from './rules-general';
import { checkPlaceholderRule, checkPromptReferenceRule } from './rules-prompt';
import { checkSocialAndStyleRules } from './rules-social-style';
import { checkRangeRule, checkSetRule, checkTypeRule } from './rules-types';
import type { ValidationOptions, ValidationResult } from './types';

/** Rule groups in rule-id order: each appends to its severity list, so every list comes out in rule order. */
const RULE_GROUPS: readonly ((context: RuleContext) => void)[] = [
  checkGeneralRules, // V01–V11
  checkSocialAndStyleRules, // V12–V22
  checkConstraintRules, // V23–V29
  checkDurationRules, // V30–V40
  checkFallbackAndStrategyRules, // V41–V49
  checkContentRatingRule, // V50
  checkPlaceholderRule, // V51
  checkPromptReferenceRule, // V52
  checkProviderRule, // V53
  checkRelationshipIdRule, // V54
  checkTypeRule, // V55
  checkSetRule, // V56
  checkRangeRule, // V57
];

/**
 * validation.md: the one validator the editor, health view, export and engine all call. It is pure and
 * returns a result for any input at all; it never throws.
 */
export function validateGenerationNode(config: unknown, options?: ValidationOptions): ValidationResult {
  const context: RuleContext = { build: buildNodeView(config), options: readOptions(options), sink: createIssueSink() };
  for (const check of RULE_GROUPS) check(context);
  return context.sink.result();
}
