// The RPC area's public surface for Node code (host, CLI, Electron main). The renderer imports the pure files
// directly (client.ts, default-transport.ts, contract.ts), never this index, which pulls in the dispatcher.
export { methods, events, deadlineSecOf, isEventName, isMethodName, type MethodSpec, type MethodInput, type MethodOutput, type EventPayload } from './contract';
export { METHOD_NAMES, EVENT_NAMES, RPC_CHANNEL, type MethodName, type EventName } from './method-names';
export { RpcRequestSchema, RpcResponseSchema, RpcEventSchema, type RpcRequest, type RpcResponse, type RpcEvent, type RpcError, type RpcResult } from './envelope';
export { RPC_LIMITS, checkPayloadLimits } from './limits';
export { createDispatcher, type Dispatcher, type Handlers, type Handler, type CallContext } from './dispatch';
export { stderrLogger, fileLogger, type RpcLogger } from './logger';
export { contractJsonSchema } from './contract-json-schema';
export { createRpcClient, type RpcClient } from './client';
export { createInProcessTransport, type InProcessHost } from './transport-in-process';
export type { RpcTransport, ConnectionState, ConnectionObservable } from './transport';
export { createWebSocketTransport, RECONNECT_BACKOFF, type WebSocketLike } from './transport-websocket';
export { createElectronTransport, type GenweaveBridge } from './transport-electron';
export { createDefaultTransport, type RendererGlobals } from './default-transport';
export { StudioSettingsSchema, StudioSettingsPatchSchema, DEFAULT_STUDIO_SETTINGS, type StudioSettings, type StudioSettingsPatch } from './settings';
export type { TransportKind, AppInfo, DialogInput, DialogResult, ImportReport } from './studio-shapes';
