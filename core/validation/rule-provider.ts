import type { RuleContext } from './rule-context';

// validation.md §4, V53. An absent provider means `local-preview`, which is always configured.

export function checkProviderRule({ build: { view }, options: { providers }, sink }: RuleContext): void {
  const provider = view.provider;
  if (providers === undefined || provider === undefined || providers.includes(provider)) return;
  const configured = providers.length > 0 ? providers.join(', ') : 'none';
  sink.error('V53', `Provider '${provider}' is not configured. Configured providers: ${configured}`, 'provider');
}
