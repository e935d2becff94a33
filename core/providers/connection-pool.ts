import http from 'node:http';
import https from 'node:https';

// Kept-alive connections for one engine's provider exchanges (providers.md §4). A connection per
// exchange costs a TCP (and TLS) handshake on both ends, more than a local model's whole answer to a
// short prompt. A pooled socket carries no request state: credentials travel in each request's headers,
// and a socket whose exchange failed, was cancelled or was cut at a size cap is destroyed, never
// returned. Idle sockets close after CONNECTION_IDLE_MS — below the 5 s keep-alive of Node servers and
// common proxies, so a reused socket is rarely one the server is closing — or sooner when the server's
// `Keep-Alive: timeout` hint says so; destroy() ends them all when the engine closes.

export const CONNECTION_IDLE_MS = 2000;
const MAX_IDLE_PER_ORIGIN = 16;

export type ConnectionPool = {
  agentFor(url: URL): http.Agent;
  destroy(): void;
};

export function createConnectionPool(): ConnectionPool {
  const options = { keepAlive: true, maxFreeSockets: MAX_IDLE_PER_ORIGIN, timeout: CONNECTION_IDLE_MS, scheduling: 'lifo' as const };
  const plain = new http.Agent(options);
  const secure = new https.Agent(options);
  return {
    agentFor: (url) => (url.protocol === 'https:' ? secure : plain),
    destroy() {
      plain.destroy();
      secure.destroy();
    },
  };
}
