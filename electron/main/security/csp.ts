// rpc.md §7, EL-5: the one policy, sent as a header by the app:// handler and kept identical in renderer/index.html.
export { STUDIO_CSP } from '../../../core/host/security-headers';
