import './jitless';
import '@xyflow/react/dist/style.css';
import './styles/tokens.css';
import './styles/app.css';
import './styles/canvas.css';
import './styles/inspector.css';
import './styles/panels.css';
import './features/features.css';
import { ReactFlowProvider } from '@xyflow/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createRpcClient } from '../core/rpc/client';
import { createDefaultTransport, type RendererGlobals } from '../core/rpc/default-transport';
import { App } from './components/App';
import { StoresProvider } from './stores/context';
import { createStudioStores } from './stores/create-stores';
import { startOpenRequests } from './stores/open-requests';

// rpc.md §7–§8: `window.genweave` means Electron; otherwise the browser-mode WebSocket host.
const transport = createDefaultTransport({
  location: window.location,
  history: window.history,
  fetch: (url, init) => window.fetch(url, init),
  genweave: (window as { genweave?: unknown }).genweave,
  // WebSocketLike types its handlers' events as unknown, which DOM's WebSocket (Event) does not assign to.
  WebSocket: window.WebSocket as unknown as RendererGlobals['WebSocket'],
});
const rpc = createRpcClient(transport);
const stores = createStudioStores(rpc);
rpc.connection.subscribe((state) => stores.session.getState().setConnected(state !== 'disconnected'));
stores.run.getState().start();
// The launch project (`genweave serve --project <path>`, the desktop command line), then any project a second
// desktop launch or Finder asks for. Subscribed here, synchronously: the desktop host sends requests once the
// page has loaded.
startOpenRequests(stores);

const container = document.getElementById('root');
if (!container) throw new Error('renderer/index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <StoresProvider stores={stores}>
      <ReactFlowProvider>
        <App />
      </ReactFlowProvider>
    </StoresProvider>
  </StrictMode>,
);
