// The project document on disk: open, migrate, save atomically, recover, assets, new projects, imports, and
// the generation request built from a document (project-format.md §2.6–§5).
export { removeStaleTemps, syncDirectory, toStorageError, writeFileAtomic, type AtomicFs } from './atomic-write';
export { buildCreateRequest, type BuildRequestOptions } from './build-create-request';
export { PROJECT_MIGRATIONS, migrateProject, type ProjectMigration, type RawProject } from './migrations';
export { createNewProject, defaultSamplePath, DEFAULT_SAMPLE_DIR, loadSampleDocument, SAMPLE_FILE_NAME, type NewProjectOptions } from './new-project';
export { checkAssetFiles, importAssetFile, outsideRoot, resolveAssetFile } from './project-assets';
export {
  encodeProjectDocument,
  errnoOf,
  formatIssuePath,
  parseProjectText,
  readProjectFile,
  requireProjectDocument,
  sha256Hex,
  type LoadedProject,
  type ParsedProject,
} from './project-file';
export { createProjectSession, type OpenedProject, type ProjectSession, type ProjectSessionOptions } from './project-session';
export { addRecentProject, describeRecentProjects, RECENT_LIMIT, type RecentEntry, type RecentItem } from './recent-projects';
export {
  discardRecoverySnapshot,
  listRecoverable,
  readRecoverySnapshot,
  RecoverySnapshotSchema,
  restoreRecoverySnapshot,
  writeRecoverySnapshot,
  type RecoverableProject,
  type RecoverySnapshot,
} from './recovery';
export { generateEntityId, mediaTypeForFileName, sanitizeFileName, uniqueFileName } from './safe-names';
export { saveProjectFile, type SavedProject, type SaveProjectOptions } from './save-project';
export { describeIgnoredFields, findIgnoredFields } from './unknown-fields';
export { importFromProject, type ImportConflict, type ImportResult } from './import-project';
