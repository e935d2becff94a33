import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { browserModeCsp } from '../../../../../core/host/security-headers';
import { STUDIO_CSP } from '../../../../../electron/main/security/csp';
import { figure } from '../../../support/figure';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fake);

const EXPECTED =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('content security policy', () => {
  it('EL-5 sets a CSP without inline script, eval or remote sources', (context) => {
    expect(STUDIO_CSP).toBe(EXPECTED);
    expect(STUDIO_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(browserModeCsp(5123)).toBe(EXPECTED.replace("connect-src 'self'", "connect-src 'self' ws://127.0.0.1:5123 ws://localhost:5123"));
    const html = new URL('../../../../../renderer/index.html', import.meta.url);
    if (!existsSync(html)) {
      context.skip('renderer/index.html is not there yet');
      return;
    }
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(html, 'utf8'));
    expect(meta?.[1]).toBe(EXPECTED);
    figure('EL-5', { header_matches: STUDIO_CSP === EXPECTED, meta_matches: meta?.[1] === EXPECTED, unsafe_sources: 0 });
  });
});
