// rpc.md §7: one instance, so a project named by a second launch or by macOS `open-file` opens in the running
// studio. A path can arrive before the renderer can hear it (open-file fires before `ready` when Finder starts
// the app with a file), so it waits here: taken as app.info.launchProject if the host is not built yet, else
// sent as app.onDidRequestOpen once the page has loaded. One window shows one project, so the latest path wins.
import { resolve } from 'node:path';

const PROJECT_FILE = /\.genweave\.json$/i;

/** The first-launch filter: only a `.genweave.json` path is a project; anything else is ignored. */
export function isProjectPath(value: string): boolean {
  return PROJECT_FILE.test(value);
}

/**
 * A `.genweave.json` path on a command line, made absolute. A second instance passes its own working
 * directory, which is where a relative path was typed.
 */
export function projectPathFromArgv(argv: readonly string[], workingDirectory: string = process.cwd()): string | null {
  const found = argv.slice(1).find((arg) => !arg.startsWith('-') && isProjectPath(arg));
  return found === undefined ? null : resolve(workingDirectory, found);
}

export type OpenRequests = {
  /** An absolute project path the OS asked for. */
  request(path: string): void;
  /** The launch project for app.info: a path requested so far, else `fallback`. What it returns is not sent again. */
  takeLaunchProject(fallback: string | null): string | null;
  /** The renderer listens from now on: a waiting path is sent at once, later ones as they come. */
  deliverTo(send: (path: string) => void): void;
};

export function createOpenRequests(): OpenRequests {
  let pending: string | null = null;
  let send: ((path: string) => void) | null = null;
  return {
    request(path) {
      if (send === null) pending = path;
      else send(path);
    },
    takeLaunchProject(fallback) {
      const taken = pending ?? fallback;
      pending = null;
      return taken;
    },
    deliverTo(next) {
      send = next;
      if (pending === null) return;
      const path = pending;
      pending = null;
      next(path);
    },
  };
}
