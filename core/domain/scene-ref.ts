import { z } from 'zod';
import { FiniteNumberSchema, nullTolerantObject } from './schema-helpers';

/** domain.md §5. The id appears in the cache key, so it must not be empty. */
export const SceneRefSchema = nullTolerantObject({
  id: z.string().min(1),
  mood: z.string().optional(),
  summary: z.string().optional(),
  location: z.string().optional(),
  emotionalState: z.string().optional(),
});
export type SceneRef = z.infer<typeof SceneRefSchema>;

export const PlayerContextSnapshotSchema = nullTolerantObject({
  playthroughId: z.string().min(1).optional(),
  playerId: z.string().min(1).optional(),
  choices: z.record(z.string(), z.union([z.string(), FiniteNumberSchema, z.boolean()])).optional(),
  flags: z.record(z.string(), z.boolean()).optional(),
  stats: z.record(z.string(), FiniteNumberSchema).optional(),
});
export type PlayerContextSnapshot = z.infer<typeof PlayerContextSnapshotSchema>;
