// providers.md §6: secrets per provider id. The browser-mode host and the CLI never persist a key: it
// comes from GENWEAVE_SECRET_<ID> or from setSecret for this session. (Electron's store is safeStorage.)

export type SecretStore = {
  get(id: string): string | null;
  set(id: string, secret: string): { persisted: boolean };
  clear(id: string): void;
  has(id: string): boolean;
};

export function secretEnvName(id: string): string {
  return `GENWEAVE_SECRET_${id.toUpperCase().replace(/-/g, '_')}`;
}

export function createEnvSecretStore(env: Readonly<Record<string, string | undefined>>): SecretStore {
  const session = new Map<string, string>();
  // A cleared id also hides its environment variable for the rest of the session.
  const cleared = new Set<string>();
  function get(id: string): string | null {
    const set = session.get(id);
    if (set !== undefined) return set;
    if (cleared.has(id)) return null;
    const value = env[secretEnvName(id)];
    return value === undefined || value === '' ? null : value;
  }
  return {
    get,
    set(id, secret) {
      session.set(id, secret);
      cleared.delete(id);
      return { persisted: false };
    },
    clear(id) {
      session.delete(id);
      cleared.add(id);
    },
    has(id) {
      return get(id) !== null;
    },
  };
}
