import { describe, expect, it, vi } from 'vitest';
import { guardWebContents } from '../../../../../electron/main/security/navigation';
import { FakeWebContents } from '../../support/fake-electron';
import { NAVIGATION_CORPUS } from '../../support/url-corpus';
import { figure } from '../../../support/figure';

vi.mock('electron', async () => (await import('../../support/fake-electron')).fake);


describe('navigation guard', () => {
  it('EL-2 prevents every navigation, same origin included', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never, async () => {});
    let prevented = 0;
    for (const url of NAVIGATION_CORPUS) {
      for (const event of ['will-navigate', 'will-redirect']) {
        expect(contents.emitPreventable(event, url).prevented, `${event} ${url}`).toBe(true);
        prevented++;
      }
    }
    expect(prevented).toBe(NAVIGATION_CORPUS.length * 2);
    figure('EL-2', { urls: NAVIGATION_CORPUS.length, prevented: `${prevented}/${NAVIGATION_CORPUS.length * 2}` });
    expect(contents.emitPreventable('will-attach-webview', {}, { src: 'https://evil.example' }).prevented).toBe(true);
  });
});
