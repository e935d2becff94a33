// rpc.md §3: the state that belongs to one client (one window, one WebSocket connection). The engine is shared;
// the project session (current path, hash last read, pending migration) is not.
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import type { ProjectSession } from '../project/project-session';

export type ClientSession = {
  readonly id: string;
  readonly project: ProjectSession;
};

export function createClientSession(project: ProjectSession): ClientSession {
  return { id: randomUUID(), project };
}

/** The folder that `/asset/…` and `app://genweave/asset/…` resolve against (rpc.md §5). */
export function projectFolderOf(session: ClientSession): string | null {
  const current = session.project.currentPath;
  return current === null ? null : dirname(current);
}
