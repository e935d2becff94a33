// Export of a project as a bundle a game runtime loads (project-format.md §6).
export { appVersion } from './app-version';
export { buildBundle, cacheKeyFormat, cacheKeyMatchesFormat, type AssetCopy, type BuiltBundle } from './build-bundle';
export {
  BUNDLE_FILE,
  BUNDLE_SCHEMA_FILE,
  BUNDLE_VERSION,
  ExportBundleSchema,
  exportBundleJsonSchema,
  type BundleAsset,
  type BundleNode,
  type BundleNodeResult,
  type ExportBundle,
} from './bundle-schema';
export { EXPORT_TEMP_PREFIX, type ExportFs } from './bundle-writer';
export { collectExportProblems, exportBlockedError, isNodeEnabled, type ExportCheckOptions, type ExportProblem } from './export-check';
export { createExporter, engineMediaSource } from './exporter';
export {
  checkExport,
  runExport,
  type ExportCheckInput,
  type ExportContext,
  type ExportMediaResult,
  type ExportMediaSource,
  type ExportRunInput,
  type ExportRunResult,
} from './run-export';
export { sortedJson } from './sorted-json';
