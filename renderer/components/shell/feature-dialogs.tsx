import type { ComponentType } from 'react';
import { ExportDialog } from '../../features/export/ExportDialog';
import { SettingsDialog } from '../../features/settings/SettingsDialog';
import { WorldSettingsDialog } from '../../features/world-settings/WorldSettingsDialog';
import type { FeatureDialog } from '../../stores/ui-store';

/** The dialogs behind toolbar-export, toolbar-world-settings and toolbar-settings (studio-ui.md §10). */
export const FEATURE_DIALOGS: Record<FeatureDialog, ComponentType<{ onClose(): void }>> = {
  export: ExportDialog,
  'world-settings': WorldSettingsDialog,
  settings: SettingsDialog,
};
