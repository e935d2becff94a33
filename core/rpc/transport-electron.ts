// rpc.md §7 from the renderer's side: `window.genweave`, exposed by the preload, already speaks the contract;
// this adapter only routes `area.verb` to `bridge[area][verb]`.
import { clientFailure } from './client-failure';
import type { RpcResponse } from './envelope';
import { type RpcTransport, createConnectionState } from './transport';

type BridgeFunction = (input: unknown) => Promise<RpcResponse>;

/** The shape of `window.genweave` (electron/preload/index.ts builds it from the same method names). */
export type GenweaveBridge = {
  readonly transport: 'electron';
  on(event: string, listener: (payload: unknown) => void): () => void;
} & { readonly [area: string]: unknown };

export function isGenweaveBridge(value: unknown): value is GenweaveBridge {
  return typeof value === 'object' && value !== null && (value as { transport?: unknown }).transport === 'electron';
}

function bridgeFunction(bridge: GenweaveBridge, method: string): BridgeFunction | null {
  const dot = method.indexOf('.');
  const area = method.slice(0, dot);
  const verb = method.slice(dot + 1);
  if (dot < 0 || !Object.hasOwn(bridge, area)) return null;
  const namespace = bridge[area];
  if (typeof namespace !== 'object' || namespace === null || !Object.hasOwn(namespace, verb)) return null;
  const fn = (namespace as Record<string, unknown>)[verb];
  return typeof fn === 'function' ? (fn as BridgeFunction) : null;
}

export function createElectronTransport(bridge: GenweaveBridge): RpcTransport {
  return {
    kind: 'electron',
    async call(method, input) {
      const fn = bridgeFunction(bridge, method);
      if (fn === null) {
        return { v: 1, id: '', ok: false, error: { code: 'GEN_RPC_UNKNOWN_METHOD', message: `Unknown method '${method}'.`, details: { method } } };
      }
      try {
        return await fn(input);
      } catch (thrown) {
        return clientFailure('', `the bridge failed on '${method}'`, thrown);
      }
    },
    on: (event, listener) => bridge.on(event, listener),
    connection: createConnectionState('connected'),
  };
}
