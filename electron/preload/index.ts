// rpc.md §7: the whole bridge between the sandboxed renderer and the main process. One frozen object, one
// function per contract method, `on` for contract events (payload only), `transport: 'electron'`. It imports
// nothing but electron and the plain name lists, so the sandboxed bundle stays tiny and auditable.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, METHOD_NAMES, RPC_CHANNEL } from '../../core/rpc/method-names';

type Listener = (payload: unknown) => void;
type BridgeIpc = Pick<typeof ipcRenderer, 'invoke' | 'on'>;

export function buildBridge(ipc: BridgeIpc): Readonly<Record<string, unknown>> {
  let nextId = 1;
  const listeners = new Map<string, Set<Listener>>();
  const knownEvents = new Set<string>(EVENT_NAMES);

  ipc.on(RPC_CHANNEL, (_event: IpcRendererEvent, frame: unknown) => {
    if (typeof frame !== 'object' || frame === null) return;
    const { event, payload } = frame as { event?: unknown; payload?: unknown };
    if (typeof event !== 'string') return;
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload); // never the IpcRendererEvent: it would hand the page a way back to ipcRenderer
      } catch (thrown) {
        queueMicrotask(() => {
          throw thrown;
        });
      }
    }
  });

  function call(method: string, input: unknown): Promise<unknown> {
    const id = `p${nextId++}`;
    return ipc.invoke(RPC_CHANNEL, { v: 1, id, method, input }).catch((thrown: unknown) => {
      // invoke rejects only when the request could not be sent (for example an input that cannot be cloned).
      const correlationId = `preload-${id}`;
      console.error(`[genweave preload] '${method}' could not be sent (reference ${correlationId})`, thrown);
      return {
        v: 1,
        id,
        ok: false,
        error: {
          code: 'GEN_INTERNAL',
          message: `Something went wrong inside Genweave Studio (reference ${correlationId}). The details are in the log.`,
          details: { correlationId },
        },
      };
    });
  }

  const areas: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const method of METHOD_NAMES) {
    const dot = method.indexOf('.');
    const area = method.slice(0, dot);
    (areas[area] ??= {})[method.slice(dot + 1)] = (input: unknown) => call(method, input);
  }

  const bridge: Record<string, unknown> = {};
  for (const [area, functions] of Object.entries(areas)) bridge[area] = Object.freeze(functions);
  bridge.on = (event: string, listener: Listener): (() => void) => {
    if (typeof event !== 'string' || !knownEvents.has(event)) throw new Error(`Unknown event '${String(event)}'.`);
    if (typeof listener !== 'function') throw new Error('The listener must be a function.');
    let set = listeners.get(event);
    if (set === undefined) listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };
  bridge.transport = 'electron';
  return Object.freeze(bridge);
}

contextBridge.exposeInMainWorld('genweave', buildBridge(ipcRenderer));
