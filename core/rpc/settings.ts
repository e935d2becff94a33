// rpc.md §4: the studio settings the host keeps in <dataDir>/settings.json.
import { z } from 'zod';
import { ContentRatingSchema } from '../domain/vocabulary';
import { DEFAULT_USER_CONTENT_PREFERENCES } from '../domain/world';

export const THEMES = ['system', 'light', 'dark'] as const;

export const AutosaveIntervalSchema = z
  .int()
  .refine((value) => value === 0 || (value >= 5 && value <= 600), { message: 'Expected 0 (off) or 5..600 seconds' });

export const RecentProjectSchema = z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() });
export type RecentProject = z.infer<typeof RecentProjectSchema>;

export const StudioSettingsSchema = z.object({
  user: z.object({
    maxContentRating: ContentRatingSchema,
    reduceRomanticIntensity: z.boolean(),
    requireMatureContentConfirmation: z.boolean(),
  }),
  autosaveIntervalSec: AutosaveIntervalSchema,
  theme: z.enum(THEMES),
  health: z.object({ p95WarnMs: z.int().min(1) }),
  recent: z.array(RecentProjectSchema).max(10),
});
export type StudioSettings = z.infer<typeof StudioSettingsSchema>;

/** `settings.update({ patch })`: any subset, deep-merged; `recent` is maintained by project.open/save only. */
export const StudioSettingsPatchSchema = z.strictObject({
  user: StudioSettingsSchema.shape.user.partial().strict().optional(),
  autosaveIntervalSec: AutosaveIntervalSchema.optional(),
  theme: z.enum(THEMES).optional(),
  health: StudioSettingsSchema.shape.health.partial().strict().optional(),
});
export type StudioSettingsPatch = z.infer<typeof StudioSettingsPatchSchema>;

export const DEFAULT_STUDIO_SETTINGS: StudioSettings = Object.freeze({
  user: { ...DEFAULT_USER_CONTENT_PREFERENCES },
  autosaveIntervalSec: 30,
  theme: 'system',
  health: { p95WarnMs: 60_000 },
  recent: [],
}) as StudioSettings;
