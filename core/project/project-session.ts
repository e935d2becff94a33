import { stat } from 'node:fs/promises';
import path from 'node:path';
import { GenError, type Asset, type ProjectDocument } from '../domain';
import { createNewProject, type NewProjectOptions } from './new-project';
import { importAssetFile } from './project-assets';
import { errnoOf, readProjectFile, requireProjectDocument } from './project-file';
import { describeIgnoredFields } from './unknown-fields';
import {
  discardRecoverySnapshot,
  listRecoverable,
  readRecoverySnapshot,
  type RecoverableProject,
  restoreRecoverySnapshot,
  writeRecoverySnapshot,
} from './recovery';
import { saveProjectFile } from './save-project';
import type { RecentEntry } from './recent-projects';

// The project.* methods for one client (one window, one WebSocket connection, one CLI run): its current
// path, the hash last read or written, a pending migration and whether the document is unsaved
// (rpc.md §3, project-format.md §3–4). The engine is shared; this state is not.

export type ProjectSessionOptions = {
  dataDir: string;
  now?: () => Date;
  sampleDir?: string;
  homeDir?: string;
  /** Called after a successful open, save or new with a path: the host adds it to settings.recent. */
  onRecent?: (entry: RecentEntry) => void | Promise<void>;
};

export type OpenedProject = {
  document: ProjectDocument;
  path: string;
  migratedFrom: number | null;
  recovery: { available: boolean; savedAt?: string };
  /** One-time notices for the user, e.g. "Ignored unknown fields: …". */
  notices: string[];
};

export type ProjectSession = ReturnType<typeof createProjectSession>;

export function createProjectSession(options: ProjectSessionOptions) {
  const now = options.now ?? (() => new Date());
  let currentPath: string | null = null;
  let sha256: string | null = null;
  let migratedFrom: number | null = null;
  let projectId: string | null = null;
  // True while the client holds changes that are only in a recovery snapshot (autosaved, restored, migrated).
  let unsaved = false;

  const remember = async (file: string, name: string) => {
    await options.onRecent?.({ path: file, name, openedAt: now().toISOString() });
  };

  async function save(document: unknown, target: string, expected: string | null | undefined, force: boolean) {
    const parsed = requireProjectDocument(document);
    const saved = await saveProjectFile({ path: target, document: parsed, expectedSha256: expected, force, migratedFrom, now });
    currentPath = saved.path;
    sha256 = saved.sha256;
    migratedFrom = null;
    projectId = parsed.projectId;
    unsaved = false;
    await discardRecoverySnapshot(options.dataDir, parsed.projectId);
    await remember(saved.path, parsed.name);
    return { path: saved.path, savedAt: saved.savedAt, sha256: saved.sha256 };
  }

  return {
    get currentPath(): string | null {
      return currentPath;
    },

    async newProject(input: { template: NewProjectOptions['template']; path?: string }) {
      const created = await createNewProject({
        template: input.template,
        now,
        ...(input.path === undefined ? {} : { path: input.path }),
        ...(options.sampleDir === undefined ? {} : { sampleDir: options.sampleDir }),
        ...(options.homeDir === undefined ? {} : { homeDir: options.homeDir }),
      });
      currentPath = created.path;
      sha256 = created.saved?.sha256 ?? null;
      migratedFrom = null;
      projectId = created.document.projectId;
      unsaved = created.path === null;
      if (created.path !== null) await remember(created.path, created.document.name);
      return { document: created.document, path: created.path };
    },

    async open(input: { path: string }): Promise<OpenedProject> {
      const loaded = await readProjectFile(path.resolve(input.path));
      currentPath = loaded.path;
      sha256 = loaded.sha256;
      migratedFrom = loaded.migratedFrom;
      projectId = loaded.document.projectId;
      unsaved = loaded.migratedFrom !== null;
      const snapshot = await readRecoverySnapshot(options.dataDir, loaded.document.projectId);
      const modified = await modifiedAt(loaded.path);
      const recovery =
        snapshot !== null && Date.parse(snapshot.savedAt) > modified ? { available: true, savedAt: snapshot.savedAt } : { available: false };
      await remember(loaded.path, loaded.document.name);
      const notice = describeIgnoredFields(loaded.ignoredFields);
      return { document: loaded.document, path: loaded.path, migratedFrom: loaded.migratedFrom, recovery, notices: notice === null ? [] : [notice] };
    },

    async save(input: { document: unknown; force?: boolean }) {
      if (currentPath === null) {
        throw new GenError('GEN_BAD_REQUEST', "Invalid request: 'path' the project has not been saved yet; use Save As.", {
          issues: [{ path: 'path', message: 'the project has not been saved yet; use Save As' }],
        });
      }
      return save(input.document, currentPath, sha256, input.force === true);
    },

    async saveAs(input: { document: unknown; path: string }) {
      const target = path.resolve(input.path);
      // Saving over the file this client read keeps the changed-on-disk check; another path is the user's choice.
      return save(input.document, target, target === currentPath ? sha256 : undefined, false);
    },

    async autosave(input: { document: unknown }) {
      const document = requireProjectDocument(input.document);
      projectId = document.projectId;
      unsaved = true;
      return writeRecoverySnapshot(options.dataDir, { document, path: currentPath, baseSha256: sha256, savedAt: now().toISOString() });
    },

    listRecoverable(): Promise<RecoverableProject[]> {
      return listRecoverable(options.dataDir);
    },

    async restore(input: { projectId: string }) {
      const snapshot = await restoreRecoverySnapshot(options.dataDir, input.projectId);
      currentPath = snapshot.path;
      sha256 = snapshot.baseSha256;
      migratedFrom = null;
      projectId = snapshot.document.projectId;
      unsaved = true;
      return { document: snapshot.document, path: snapshot.path, savedAt: snapshot.savedAt };
    },

    async discardRecovery(input: { projectId: string }) {
      await discardRecoverySnapshot(options.dataDir, input.projectId);
      if (input.projectId === projectId) unsaved = false;
      return {};
    },

    async importAsset(input: { sourcePath: string; document?: Pick<ProjectDocument, 'assets'> }): Promise<{ asset: Asset }> {
      if (currentPath === null) {
        throw new GenError('GEN_BAD_REQUEST', "Invalid request: 'sourcePath' save the project before importing assets.", {
          issues: [{ path: 'sourcePath', message: 'save the project before importing assets' }],
        });
      }
      return { asset: await importAssetFile({ projectPath: currentPath, sourcePath: input.sourcePath, ...(input.document ? { document: input.document } : {}) }) };
    },

    /** A clean document's snapshot goes; an unsaved one's stays for the welcome screen. */
    async close() {
      if (projectId !== null && !unsaved) await discardRecoverySnapshot(options.dataDir, projectId);
      currentPath = null;
      sha256 = null;
      migratedFrom = null;
      projectId = null;
      unsaved = false;
      return {};
    },
  };
}

async function modifiedAt(file: string): Promise<number> {
  try {
    return (await stat(file)).mtimeMs;
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT') return 0;
    throw cause;
  }
}
