import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSafeStorageSecretStore } from '../../../../electron/main/secrets';
import { recordingLogger } from '../../rpc/support/fake-endpoint';
import { resetFakeElectron, safeStorage } from '../support/fake-electron';
import { figure } from '../../support/figure';

vi.mock('electron', async () => (await import('../support/fake-electron')).fake);

const KEY = 'sk-canary-7f9c2f1e';

function store(platform: NodeJS.Platform = 'linux') {
  const file = join(mkdtempSync(join(tmpdir(), 'gw-secrets-')), 'secrets.json');
  const logger = recordingLogger();
  return { file, logger, secrets: createSafeStorageSecretStore({ safeStorage, file, platform, logger }) };
}

describe('the safeStorage secret store', () => {
  beforeEach(() => resetFakeElectron());

  it('SEC-1 stores keys only as safeStorage ciphertext', () => {
    const { file, secrets } = store();
    expect(secrets.set('llm', KEY)).toEqual({ persisted: true });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(Buffer.from(KEY).toString('base64'));
    const saved = JSON.parse(text) as { secrets: Record<string, string> };
    expect(saved.secrets.llm).toBe(safeStorage.encryptString(KEY).toString('base64'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // A new store (the next run) decrypts what the last one wrote.
    const again = createSafeStorageSecretStore({ safeStorage, file, platform: 'linux', logger: recordingLogger() });
    expect(again.get('llm')).toBe(KEY);
    again.clear('llm');
    expect(again.has('llm')).toBe(false);
    expect(existsSync(file)).toBe(false);
    figure('SEC-1', { persisted_as: 'safeStorage', plain_in_file: 0, file_mode: '600' });
  });

  it('SEC-1 writes nothing on basic_text, an unknown backend or without encryption', () => {
    for (const setup of [() => (safeStorage.backend = 'basic_text'), () => (safeStorage.backend = 'unknown'), () => (safeStorage.available = false)]) {
      resetFakeElectron();
      setup();
      const { file, secrets } = store();
      expect(secrets.set('llm', KEY)).toEqual({ persisted: false });
      expect(secrets.get('llm')).toBe(KEY); // in memory for this run
      expect(existsSync(file)).toBe(false);
    }
  });

  it('SEC-1 asks for the key again when it cannot be decrypted', () => {
    const { file, secrets, logger } = store();
    secrets.set('llm', KEY);
    safeStorage.failDecrypt = true;
    const next = createSafeStorageSecretStore({ safeStorage, file, platform: 'linux', logger });
    expect(next.get('llm')).toBeNull();
    expect(next.has('llm')).toBe(false);
    expect(JSON.stringify(logger.entries)).not.toContain(KEY);
    expect(logger.entries.map((e) => e.event)).toContain('secrets.decrypt_failed');
  });

  it('ignores a damaged secrets file instead of failing the start', () => {
    const { file, secrets } = store();
    writeFileSync(file, '{"version":2}');
    expect(secrets.get('llm')).toBeNull();
  });
});
