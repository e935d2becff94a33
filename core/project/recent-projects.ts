import { stat } from 'node:fs/promises';
import { errnoOf } from './project-file';

// rpc.md §3 project.recent and §4 settings.recent: newest first, at most 10, one entry per path. The host
// keeps the list in its settings; these helpers only compute it.

export type RecentEntry = { path: string; name: string; openedAt: string };
export type RecentItem = RecentEntry & { exists: boolean };

export const RECENT_LIMIT = 10;

export function addRecentProject(recent: readonly RecentEntry[], entry: RecentEntry): RecentEntry[] {
  return [entry, ...recent.filter((item) => item.path !== entry.path)].slice(0, RECENT_LIMIT);
}

export async function describeRecentProjects(recent: readonly RecentEntry[]): Promise<RecentItem[]> {
  const sorted = [...recent].sort((a, b) => (a.openedAt < b.openedAt ? 1 : a.openedAt > b.openedAt ? -1 : 0)).slice(0, RECENT_LIMIT);
  return Promise.all(sorted.map(async (item) => ({ ...item, exists: await isFile(item.path) })));
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch (cause) {
    // A path that cannot be inspected (gone, or on an unmounted drive) is shown as missing, not as an error.
    if (errnoOf(cause) !== undefined) return false;
    throw cause;
  }
}
