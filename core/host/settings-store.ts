// rpc.md §4: <dataDir>/settings.json, owned by the host, validated on read and written atomically.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GenError } from '../domain/gen-error';
import { writeFileAtomic } from '../project/atomic-write';
import { addRecentProject, type RecentEntry } from '../project/recent-projects';
import type { RpcLogger } from '../rpc/logger';
import { DEFAULT_STUDIO_SETTINGS, type StudioSettings, type StudioSettingsPatch, StudioSettingsSchema } from '../rpc/settings';

export const SETTINGS_FILE = 'settings.json';

export type SettingsStore = {
  get(): StudioSettings;
  update(patch: StudioSettingsPatch): Promise<StudioSettings>;
  addRecent(entry: RecentEntry): Promise<StudioSettings>;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Objects merge key by key; anything else (arrays included) replaces. Own keys only: `__proto__` is data. */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isRecord(base) || !isRecord(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(base)) out[key] = base[key];
  for (const key of Object.keys(patch)) {
    const merged = deepMerge(Object.hasOwn(out, key) ? out[key] : undefined, patch[key]);
    Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function invalidSettings(issues: Array<{ path: string; message: string }>): GenError {
  const first = issues[0] ?? { path: '', message: 'is invalid' };
  return new GenError('GEN_BAD_REQUEST', `Invalid request: '${first.path || 'patch'}' ${first.message}.`, { issues });
}

/**
 * Reads the file once. A missing file means the defaults; a damaged one is logged and replaced by the defaults
 * in memory (the file itself is rewritten only by the next update), so a bad settings file never blocks start.
 */
export async function openSettingsStore(dataDir: string, logger: RpcLogger): Promise<SettingsStore> {
  const file = join(dataDir, SETTINGS_FILE);
  let current: StudioSettings = structuredClone(DEFAULT_STUDIO_SETTINGS);
  let text: string | null = null;
  try {
    text = await readFile(file, 'utf8');
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new GenError('GEN_STORAGE_ERROR', `Could not read the settings: ${(thrown as Error).message}.`, {
        operation: 'read the settings',
        reason: (thrown as Error).message,
      });
    }
  }
  if (text !== null) {
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (thrown) {
      logger.warn('settings.unreadable', { file, error: thrown });
    }
    const parsed = StudioSettingsSchema.safeParse(deepMerge(structuredClone(DEFAULT_STUDIO_SETTINGS), raw));
    if (parsed.success) current = parsed.data;
    else logger.warn('settings.invalid', { file, issues: parsed.error.issues });
  }

  // Changes are applied one at a time, each to the result of the previous, so quick updates never lose one.
  let queue: Promise<unknown> = Promise.resolve();
  function enqueue(change: (settings: StudioSettings) => StudioSettings): Promise<StudioSettings> {
    const run = queue.then(async () => {
      const next = change(current);
      await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`, { operation: 'save the settings' });
      current = next;
      return structuredClone(next);
    });
    // The caller receives the failure through `run`; the queue itself only has to keep going.
    queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  return {
    get: () => structuredClone(current),
    update: (patch) =>
      enqueue((settings) => {
        const parsed = StudioSettingsSchema.safeParse(deepMerge(structuredClone(settings), patch));
        if (!parsed.success) {
          throw invalidSettings(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
        }
        return parsed.data;
      }),
    addRecent: (entry) => enqueue((settings) => ({ ...settings, recent: addRecentProject(settings.recent, entry) })),
  };
}
