import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type UserContentPreferences, UserContentPreferencesSchema } from '../domain';
import { errnoOf, toStorageError } from '../project';

// What validate and export read from the data dir without opening the engine: the configured provider ids
// (V53, engine.md §1) and the user's content preferences (rpc.md §4).

export async function configuredProviderIds(dataDir: string): Promise<string[]> {
  const list = await readJsonIfExists(path.join(dataDir, 'providers.json'));
  const ids = Array.isArray(list) ? list.flatMap((entry: unknown) => (isRecord(entry) && typeof entry.id === 'string' ? [entry.id] : [])) : [];
  return ids.includes('local-preview') ? ids : ['local-preview', ...ids];
}

export async function userPreferences(dataDir: string): Promise<UserContentPreferences | undefined> {
  const settings = await readJsonIfExists(path.join(dataDir, 'settings.json'));
  const parsed = UserContentPreferencesSchema.safeParse(isRecord(settings) ? settings.user : undefined);
  return parsed.success ? parsed.data : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJsonIfExists(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    if (errnoOf(cause) === 'ENOENT') return undefined;
    throw toStorageError(cause, `read '${file}'`);
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    // The engine and host own these files and report their damage; the CLI falls back to the defaults.
    if (cause instanceof SyntaxError) return undefined;
    throw cause;
  }
}
