import type { RuleContext } from './rule-context';

// validation.md §3, V41–V49: fallback and strategy. Timeouts are checked only in `retry` mode and V42
// lets 0 through although its message says 1-5; both are compatibility quirks kept on purpose.

export function checkFallbackAndStrategyRules({ build: { view }, sink }: RuleContext): void {
  const { generationType: t, purpose: p, strategy: s, fallback: f } = view;
  const retry = f?.mode === 'retry';

  if (f?.mode === 'default_content' && !f.defaultContentId) {
    sink.error(
      'V41',
      'Fallback mode "default_content" requires defaultContentId to be set',
      'fallback.defaultContentId',
    );
  }
  const maxRetries = f?.maxRetries;
  if (retry && maxRetries !== undefined && (maxRetries < 0 || maxRetries > 5)) {
    sink.warning('V42', `maxRetries of ${String(maxRetries)} is outside recommended range (1-5)`, 'fallback.maxRetries');
  }
  const timeoutMs = f?.timeoutMs;
  if (retry && timeoutMs !== undefined && timeoutMs < 1000) {
    sink.warning('V43', 'Timeout under 1 second may cause premature failures', 'fallback.timeoutMs');
  }
  if (retry && timeoutMs !== undefined && timeoutMs > 60000) {
    sink.warning(
      'V44',
      'Timeout over 60 seconds may lead to poor user experience. Consider using a fallback strategy',
      'fallback.timeoutMs',
    );
  }
  if (f?.mode === 'placeholder' && t === 'transition') {
    sink.warning(
      'V45',
      'Placeholder fallback for transitions may disrupt narrative flow. Consider "default_content" or "retry"',
      'fallback.mode',
    );
  }
  if (f?.mode === 'skip' && p === 'gap_fill') {
    sink.warning('V46', 'Skip fallback for gap_fill purpose may leave narrative gaps. Consider "default_content"', 'fallback.mode');
  }
  if (!f) sink.error('V47', 'Fallback configuration is required', 'fallback');
  if (s === 'always') {
    sink.warning(
      'V48',
      'Strategy "always" will regenerate content every time - may impact performance and cost',
      'strategy',
    );
  }
  if (s === 'always' && t === 'transition' && p === 'gap_fill') {
    sink.suggestion('V49', 'Consider using "per_playthrough" strategy for transitions to enable caching', 'strategy');
  }
}
