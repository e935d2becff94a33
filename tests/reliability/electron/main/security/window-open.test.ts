import { describe, expect, it, vi } from 'vitest';
import { guardWebContents } from '../../../../../electron/main/security/navigation';
import { openExternalUrl } from '../../../../../electron/main/security/window-open';
import { FakeWebContents } from '../../support/fake-electron';
import { NAVIGATION_CORPUS } from '../../support/url-corpus';
import { figure } from '../../../support/figure';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fake);

describe('window.open and external links', () => {
  it('EL-3 denies window.open and opens only allowlisted https', () => {
    const opened: string[] = [];
    const contents = new FakeWebContents();
    guardWebContents(contents as never, async (url) => void opened.push(url));
    const allowed = ['https://github.com/genweave/genweave-studio', 'https://docs.genweave.dev/rpc'];
    const refused = [...NAVIGATION_CORPUS, 'http://github.com/', 'https://github.com.evil.example/', 'https://user@github.com/', 'https://github.com:444/', 'not a url'];
    for (const url of [...allowed, ...refused]) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(allowed);

    const direct: string[] = [];
    for (const url of refused) expect(openExternalUrl(url, (u) => direct.push(u))).toBe(false);
    expect(direct).toEqual([]);
    expect(openExternalUrl(allowed[0]!, (u) => direct.push(u))).toBe(true);
    expect(direct).toEqual([allowed[0]]);
    figure('EL-3', { window_open_denied: `${allowed.length + refused.length}/${allowed.length + refused.length}`, opened_external: opened.length, refused_external: refused.length });
  });
});
