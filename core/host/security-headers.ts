// rpc.md §7–§8: the one Content-Security-Policy of the studio. Browser mode adds only its own socket origins.
export const STUDIO_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function browserModeCsp(port: number): string {
  return STUDIO_CSP.replace("connect-src 'self'", `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`);
}

/** Headers on every browser-mode reply; `Cache-Control: no-store` on all but the static renderer files. */
export function browserModeHeaders(port: number, options: { cacheable: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': browserModeCsp(port),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  if (!options.cacheable) headers['Cache-Control'] = 'no-store';
  return headers;
}
