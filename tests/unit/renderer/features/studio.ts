import { DEFAULT_STUDIO_SETTINGS } from '../../../../core/rpc/settings';
import { createStudioStores } from '../../../../renderer/stores/create-stores';
import { createFakeRpc } from './fake-rpc';
import { sampleDocument } from './fixtures';

/** The shell's real stores on a fake client, with the sample document open and the app "ready". */
export function createStudio() {
  const fake = createFakeRpc();
  const studio = createStudioStores(fake.rpc);
  studio.graph.getState().load(sampleDocument(), '/projects/harbor/harbor.genweave.json');
  studio.session.setState({
    appState: 'ready',
    settings: structuredClone(DEFAULT_STUDIO_SETTINGS),
    providers: [
      {
        id: 'local-preview',
        kind: 'local-preview',
        hasSecret: false,
        capabilities: { operations: ['text_generation', 'video_transition'], poll: false, cancel: true, reportsCost: false },
      },
    ],
    info: { version: '0.1.0', transport: 'browser', dataDir: '/tmp/data', platform: 'linux', startupNotices: [] },
  });
  return { fake, studio };
}
