// rpc.md §8: the token arrives in the page's fragment, is removed from the address bar at once, and is traded
// for an HttpOnly session cookie with POST /session. Globals are injected so this stays testable and pure.
export type BrowserEnv = {
  location: { hash: string; pathname: string; search: string; host: string; protocol: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  fetch(url: string, init: { method: string; headers: Record<string, string>; credentials: 'same-origin' }): Promise<{ status: number }>;
};

/** Reads and removes `#token=…`; null when the fragment carries none (a reload keeps the cookie instead). */
export function takeTokenFromLocation(env: Pick<BrowserEnv, 'location' | 'history'>): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(env.location.hash);
  if (match === null) return null;
  env.history.replaceState(null, '', `${env.location.pathname}${env.location.search}`);
  return match[1] ?? null;
}

/** POST /session with the token; resolves when the host accepted it (204). */
export async function openBrowserSession(env: BrowserEnv, token: string): Promise<void> {
  const reply = await env.fetch('/session', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    credentials: 'same-origin',
  });
  if (reply.status !== 204) throw new Error(`The host refused the session (HTTP ${reply.status}).`);
}

export function rpcSocketUrl(location: BrowserEnv['location']): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc`;
}
