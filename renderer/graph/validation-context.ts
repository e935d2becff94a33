import type { ProjectDocument } from '../../core/domain/project-document';
import { DEFAULT_WORLD_MAX_RATING, type UserContentPreferences, type WorldSettings } from '../../core/domain/world';
import type { ProviderListItem } from '../../core/rpc/provider-shapes';
import type { StudioSettings } from '../../core/rpc/settings';

// studio-ui.md §4.2: the studio validates with exactly what the engine will enforce: the project's world
// settings and the user's preferences with the defaults filled in (validation.md §1), the prompt catalog,
// and every configured provider id, enabled or not, as at creation.

export type ValidationContext = {
  world: WorldSettings;
  user: UserContentPreferences;
  prompts: ProjectDocument['prompts'];
  providers: readonly string[];
};

export function buildValidationContext(
  doc: Pick<ProjectDocument, 'world' | 'prompts'>,
  settings: Pick<StudioSettings, 'user'>,
  providers: readonly Pick<ProviderListItem, 'id'>[],
): ValidationContext {
  return {
    world: { ...doc.world.settings, maxContentRating: doc.world.settings.maxContentRating ?? DEFAULT_WORLD_MAX_RATING },
    user: { ...settings.user },
    prompts: doc.prompts,
    providers: providers.map((p) => p.id),
  };
}
