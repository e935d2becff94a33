// The host area: everything behind the RPC contract (rpc.md §3–§8) for Electron main, the CLI and npm start.
export { createStudioHost, type StudioHost, type StudioHostOptions } from './studio-host';
export { startBrowserHost, type BrowserHost, type BrowserHostOptions } from './browser-host';
export { startWsHost, type WsHost, type WsHostOptions } from './ws-host';
export { connectInProcess } from './in-process';
export { createClientSession, projectFolderOf, type ClientSession } from './client-session';
export { UNSUPPORTED_DIALOGS, type HostDialogs, type HostEngine, type HostEngineEvent, type HostExporter } from './host-engine';
export type { RpcEndpoint } from './rpc-endpoint';
export { STUDIO_CSP, browserModeCsp } from './security-headers';
export { resolveConfinedFile, type ConfinedLookup } from './confined-path';
export { contentTypeForPath } from './content-types';
export { routeMedia, routeAsset, type FileRoute } from './file-routes';
export { ENGINE_TO_RPC_EVENT } from './event-mapping';
