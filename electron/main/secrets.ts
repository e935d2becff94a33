// providers.md §6, SEC-1: provider keys persisted only as safeStorage ciphertext in <dataDir>/secrets.json
// (mode 0600). When Linux has no real keyring (backend basic_text or unknown) or encryption is unavailable,
// nothing is written: the key lives in memory for this run and setSecret answers persisted: false.
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { z } from 'zod';
import type { SafeStorage } from 'electron';
import type { SecretStore } from '../../core/providers/secret-store';
import type { RpcLogger } from '../../core/rpc/logger';

const SecretsFileSchema = z.object({ version: z.literal(1), secrets: z.record(z.string(), z.string()) });
const WEAK_BACKENDS = new Set(['basic_text', 'unknown']);

type Storage = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> & {
  getSelectedStorageBackend?: () => string;
};

export type SafeStorageSecretStore = SecretStore & { canPersist(): boolean };

export function createSafeStorageSecretStore(options: { safeStorage: Storage; file: string; platform: NodeJS.Platform; logger: RpcLogger }): SafeStorageSecretStore {
  const { safeStorage, file, logger } = options;
  const session = new Map<string, string>(); // keys of this run, persisted or not
  const cleared = new Set<string>();

  function canPersist(): boolean {
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (options.platform !== 'linux') return true;
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    return !WEAK_BACKENDS.has(backend);
  }

  function readCiphertexts(): Record<string, string> {
    if (!existsSync(file)) return {};
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (thrown) {
      if (!(thrown instanceof SyntaxError)) throw thrown;
      logger.warn('secrets.unreadable', { file });
      return {};
    }
    const parsed = SecretsFileSchema.safeParse(raw);
    if (!parsed.success) {
      logger.warn('secrets.unreadable', { file });
      return {};
    }
    return parsed.data.secrets;
  }

  function writeCiphertexts(secrets: Record<string, string>): void {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.tmp-${randomUUID()}`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify({ version: 1, secrets }, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
    chmodSync(file, 0o600);
  }

  function get(id: string): string | null {
    const inMemory = session.get(id);
    if (inMemory !== undefined) return inMemory;
    if (cleared.has(id)) return null;
    const ciphertext = readCiphertexts()[id];
    if (ciphertext === undefined || !safeStorage.isEncryptionAvailable()) return null;
    try {
      const secret = safeStorage.decryptString(Buffer.from(ciphertext, 'base64'));
      session.set(id, secret);
      return secret;
    } catch (thrown) {
      // The keyring changed or the file came from another machine: the key must be entered again.
      logger.warn('secrets.decrypt_failed', { providerId: id, error: thrown instanceof Error ? thrown.message : 'unknown' });
      return null;
    }
  }

  return {
    canPersist,
    get,
    has: (id) => get(id) !== null,
    set(id, secret) {
      session.set(id, secret);
      cleared.delete(id);
      if (!canPersist()) return { persisted: false };
      const secrets = readCiphertexts();
      secrets[id] = safeStorage.encryptString(secret).toString('base64');
      writeCiphertexts(secrets);
      return { persisted: true };
    },
    clear(id) {
      session.delete(id);
      cleared.add(id);
      if (!existsSync(file)) return;
      const secrets = readCiphertexts();
      if (!Object.hasOwn(secrets, id)) return;
      delete secrets[id];
      if (Object.keys(secrets).length === 0) rmSync(file, { force: true });
      else writeCiphertexts(secrets);
    },
  };
}
