import { randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  GenError,
  DEFAULT_PROVIDERS,
  effectiveProviderSettings,
  parseProviderConfig,
  type EffectiveProviderSettings,
  type ProviderConfig,
  type ProviderKind,
} from '../domain';
import type { ProviderAdapter, ProviderCapabilities, SecretStore } from '../providers';

// engine.md §1 and §2.5: the provider list of this engine, with the adapter and settings of each.

export type ResolvedProvider = {
  config: ProviderConfig;
  adapter: ProviderAdapter;
  settings: EffectiveProviderSettings;
  capabilities: ProviderCapabilities;
};

export type AdapterLookup = (kind: ProviderKind) => ProviderAdapter;

export type ProviderRegistry = ReturnType<typeof createProviderRegistry>;

const PROVIDERS_FILE = 'providers.json';

export function createProviderRegistry(options: {
  dataDir: string;
  providers: readonly ProviderConfig[] | undefined;
  adapters: AdapterLookup;
  secrets: SecretStore;
}) {
  const persisted = options.providers === undefined;
  const file = join(options.dataDir, PROVIDERS_FILE);
  let configs = withLocalPreview(options.providers ?? readProvidersFile(file));

  // Configs are replaced, never changed, so each one's resolution is computed once (the scheduler and the
  // runner resolve providers for every job).
  const resolved = new WeakMap<ProviderConfig, ResolvedProvider>();
  function resolve(config: ProviderConfig): ResolvedProvider {
    let provider = resolved.get(config);
    if (provider === undefined) {
      const adapter = options.adapters(config.kind);
      provider = { config, adapter, settings: effectiveProviderSettings(config), capabilities: adapter.capabilities(config) };
      resolved.set(config, provider);
    }
    return provider;
  }

  function notFound(providerId: string): GenError {
    return new GenError('GEN_PROVIDER_NOT_FOUND', `Provider '${providerId}' is not configured.`, {
      providerId,
      configured: configs.map((c) => c.id),
    });
  }

  function save(next: ProviderConfig[]): void {
    configs = withLocalPreview(next);
    if (persisted) writeJsonAtomic(file, configs);
  }

  return {
    ids: () => configs.map((c) => c.id),
    find(id: string): ResolvedProvider | undefined {
      const config = configs.find((c) => c.id === id);
      return config === undefined ? undefined : resolve(config);
    },
    require(id: string): ResolvedProvider {
      const config = configs.find((c) => c.id === id);
      if (config === undefined) throw notFound(id);
      return resolve(config);
    },
    secret(id: string): string | null {
      return options.secrets.get(id);
    },
    allSecrets(): string[] {
      return configs.map((c) => options.secrets.get(c.id)).filter((s): s is string => typeof s === 'string' && s !== '');
    },
    list() {
      return configs.map((config) => ({
        ...config,
        hasSecret: (options.secrets.get(config.id) ?? '') !== '',
        capabilities: resolve(config).capabilities,
      }));
    },
    configure(input: { config: unknown } | { remove: string }) {
      if ('remove' in input) {
        if (input.remove === 'local-preview') throw cannotRemoveLocalPreview('removed');
        if (!configs.some((c) => c.id === input.remove)) throw notFound(input.remove);
        save(configs.filter((c) => c.id !== input.remove));
        return;
      }
      const config = parseProviderConfig(input.config);
      if (config.id === 'local-preview' && (config.kind !== 'local-preview' || config.enabled === false)) {
        throw cannotRemoveLocalPreview('disabled');
      }
      const index = configs.findIndex((c) => c.id === config.id);
      save(index === -1 ? [...configs, config] : configs.map((c, i) => (i === index ? config : c)));
    },
    setSecret(id: string, secret: string) {
      if (!configs.some((c) => c.id === id)) throw notFound(id);
      return { hasSecret: true, persisted: options.secrets.set(id, secret).persisted };
    },
    clearSecret(id: string) {
      if (!configs.some((c) => c.id === id)) throw notFound(id);
      options.secrets.clear(id);
      return { hasSecret: false, persisted: false };
    },
  };
}

function cannotRemoveLocalPreview(action: string): GenError {
  return new GenError('GEN_BAD_REQUEST', `Invalid request: 'local-preview' cannot be ${action}.`, {
    issues: [{ path: 'id', message: `local-preview cannot be ${action}` }],
  });
}

/** `local-preview` is always present, even if omitted (engine.md §1). */
function withLocalPreview(list: readonly ProviderConfig[]): ProviderConfig[] {
  return list.some((c) => c.id === 'local-preview') ? [...list] : [...DEFAULT_PROVIDERS, ...list];
}

function readProvidersFile(file: string): ProviderConfig[] {
  if (!existsSync(file)) return [...DEFAULT_PROVIDERS];
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(parsed)) {
    throw new GenError('GEN_BAD_REQUEST', `Invalid request: '${PROVIDERS_FILE}' must hold a list of providers.`, {
      issues: [{ path: PROVIDERS_FILE, message: 'must hold a list of providers' }],
    });
  }
  return parsed.map((entry) => parseProviderConfig(entry));
}

// Temp file beside the target so the rename stays within one filesystem.
function writeJsonAtomic(target: string, value: unknown): void {
  const temp = `${target}.tmp-${randomUUID()}`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, `${JSON.stringify(value, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, target);
}
