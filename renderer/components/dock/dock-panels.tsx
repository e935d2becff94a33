import type { ComponentType } from 'react';
import { GenerationsPanel } from '../../features/generations/GenerationsPanel';
import { HealthPanel } from '../../features/health/HealthPanel';
import { PromptLibraryPanel } from '../../features/prompts/PromptLibraryPanel';
import type { DockTab } from '../../stores/ui-store';
import { ProblemsPanel } from './ProblemsPanel';

export const DOCK_TABS: ReadonlyArray<{ id: DockTab; label: string }> = [
  { id: 'generations', label: 'Generations' },
  { id: 'health', label: 'Health' },
  { id: 'prompts', label: 'Prompts' },
  { id: 'problems', label: 'Problems' },
];

/** The component shown in each dock panel (studio-ui.md §6–§9). */
export const DOCK_PANELS: Record<DockTab, ComponentType> = {
  generations: GenerationsPanel,
  health: HealthPanel,
  prompts: PromptLibraryPanel,
  problems: ProblemsPanel,
};
