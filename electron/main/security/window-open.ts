// EL-3: window.open is always denied; a link to the documentation hosts opens in the system browser. The shape
// follows Actual's pure guard with an injected side effect (packages/desktop-electron/external-links.ts),
// without its http: case.
import { parseUrl } from './parse-url';

/** https hosts the studio may send the user to. */
export const EXTERNAL_URL_ALLOWLIST: ReadonlySet<string> = new Set(['github.com', 'docs.genweave.dev', 'genweave.dev']);

/** Calls `open` only for an https URL on the allowlist; answers whether it did. */
export function openExternalUrl(value: string, open: (url: string) => unknown): boolean {
  const url = parseUrl(value);
  if (url === undefined) return false;
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false;
  if (!EXTERNAL_URL_ALLOWLIST.has(url.hostname)) return false;
  open(url.href);
  return true;
}

export function windowOpenHandler(open: (url: string) => unknown): (details: { url: string }) => { action: 'deny' } {
  return ({ url }) => {
    openExternalUrl(url, open);
    return { action: 'deny' };
  };
}
