// The feature panels and dialogs of "Studio, part 2"; the shell mounts them (dock tabs, inspector, toolbar).
// Each component imports features.css itself, so a deep import brings its styles too.
export { PreviewPanel } from './preview/PreviewPanel';
export { GenerationsPanel } from './generations/GenerationsPanel';
export { HealthPanel } from './health/HealthPanel';
export { PromptLibraryPanel } from './prompts/PromptLibraryPanel';
export { WorldSettingsDialog } from './world-settings/WorldSettingsDialog';
export { SettingsDialog } from './settings/SettingsDialog';
export { ExportDialog } from './export/ExportDialog';
