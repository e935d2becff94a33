import { effectiveProviderSettings } from '../domain';
import type { ProviderConfig } from '../domain';
import { isProviderError } from './adapter';
import type { ProviderContext, ProviderTestResult } from './adapter';
import { genErrorForProviderFailure } from './classify';

// providers.md §7: one exchange per kind, with the warnings every kind shares.

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** A key sent in clear text over the network can be read by anyone on the path. */
export function transportWarnings(config: ProviderConfig, secret: string | null): string[] {
  if (secret === null || secret === '' || config.baseUrl === undefined) return [];
  const url = new URL(config.baseUrl);
  if (url.protocol !== 'http:' || isLoopbackHost(url.hostname)) return [];
  return [`The API key is sent over plain http: to '${url.host}'. Use https: for providers on other machines.`];
}

/** A failed test exchange as a result: the message is the errors.md template of its class. */
export function failedTest(ctx: ProviderContext, error: unknown): ProviderTestResult {
  if (!isProviderError(error)) throw error;
  const timeoutMs = effectiveProviderSettings(ctx.config).requestTimeoutMs ?? 0;
  const genError = genErrorForProviderFailure(ctx.config.id, error, { timeoutMs, attempt: 1 });
  return { ok: false, message: genError.message, warnings: transportWarnings(ctx.config, ctx.secret) };
}
