import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { figure } from '../../support/figure';

// electron-builder's own YAML parser (a dependency of it, without type declarations).
const { load } = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

type BuilderConfig = { appId?: string; asar?: boolean; files?: string[]; electronFuses?: Record<string, boolean>; linux?: unknown; mac?: unknown; win?: unknown };

describe('the packaged build', () => {
  it('EL-9 sets the fuses of rpc.md §7', () => {
    const config = load(readFileSync(new URL('../../../../electron-builder.yml', import.meta.url), 'utf8')) as BuilderConfig;
    const expected = {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    };
    let held = 0;
    for (const [fuse, value] of Object.entries(expected)) {
      expect(config.electronFuses?.[fuse], fuse).toBe(value);
      held++;
    }
    expect(held).toBe(7);
    figure('EL-9', { fuses: `${held}/7` });
    expect(config.asar).toBe(true);
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.files).toContain('out/**/*');
    for (const platform of ['linux', 'mac', 'win'] as const) expect(config[platform]).toBeDefined();
  });
});
