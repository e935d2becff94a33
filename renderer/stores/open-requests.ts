import type { StudioRpc } from '../rpc/rpc-types';
import type { ProjectActions } from './project-actions';
import type { SessionStore } from './session-store';

// Projects the host names for the studio to open: app.info.launchProject at start-up, then each
// app.onDidRequestOpen (a second desktop launch with a path, a file opened from Finder; rpc.md §6). A request
// runs File › Open Recent's flow: the unsaved-changes prompt, then open, errors as toasts. Requests run one at a
// time after the launch project, so the project left open is the one asked for last and no prompt cancels
// another.

type Deps = { rpc: StudioRpc; session: SessionStore; project: Pick<ProjectActions, 'openPath' | 'openRecent'> };

/** Starts the session and subscribes at once, so a request sent while it is still starting waits its turn. */
export function startOpenRequests({ rpc, session, project }: Deps): () => void {
  let queue: Promise<void> = Promise.resolve();
  function enqueue(job: () => Promise<void>): void {
    queue = queue.then(job).catch((thrown: unknown) => {
      // RPC calls answer errors as data, so this is a bug: report it as uncaught and keep serving requests.
      queueMicrotask(() => {
        throw thrown;
      });
    });
  }

  const started = session.getState().start();
  enqueue(async () => {
    await started;
    const launchProject = session.getState().info?.launchProject;
    // Nothing is open yet, so there is nothing unsaved to ask about.
    if (launchProject) await project.openPath(launchProject);
  });
  return rpc.on('app.onDidRequestOpen', ({ path }) => enqueue(() => project.openRecent(path)));
}
