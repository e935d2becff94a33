export { openDatabase, DATABASE_FILE, type OpenedDatabase, type StartupNotice } from './open-database';
export { applyPragmas, readPragmas, type PragmaReadings } from './pragmas';
export {
  MIGRATIONS,
  LATEST_SCHEMA_VERSION,
  migrationSha256,
  readUserVersion,
  type Migration,
} from './migrations';
export { backupDatabase, listBackups, backupsDir, BACKUPS_KEPT } from './backups';
export {
  openMediaStore,
  extensionForMediaType,
  mediaTypeForExtension,
  sha256Hex,
  countTempFiles,
  type MediaStore,
  type StoredMedia,
} from './media-store';
export { toStorageError, sqliteCodeOf, isCorruptionError } from './sqlite-errors';
export { compactTimestamp, isoTime } from './time-stamp';
export { prepareNumbered, type NumberedStatement } from './numbered-statement';
