import { isAbsent, isArrayValue, isPlainObject, readKeys, readLength, readOwn } from './safe-read';

// The parts of a PromptCatalog that V51 and V52 need, read with the same never-throw discipline as the
// config. core/prompts' choosePromptTemplate trusts a parsed catalog and throws on a missing reference;
// the validator must survive any argument and report instead, so it mirrors that choice here
// (tests/unit/validation/prompt-agreement.test.ts holds the two to the same answers).

export interface CatalogVersion {
  readonly id: string;
  readonly familyId: unknown;
  readonly versionNumber: unknown;
  readonly text: unknown;
  /** Names declared with a `default` in the version's `variables` (known to V51). */
  readonly defaults: readonly string[];
}

export interface CatalogView {
  readonly familyIds: ReadonlySet<string>;
  readonly versions: readonly CatalogVersion[];
}

function readObjects(list: unknown): object[] {
  if (!isArrayValue(list)) return [];
  const length = readLength(list) ?? 0;
  const objects: object[] = [];
  for (let i = 0; i < length; i += 1) {
    const item = readOwn(list, String(i));
    if (isPlainObject(item)) objects.push(item);
  }
  return objects;
}

function declaredDefaults(variables: unknown): string[] {
  if (!isPlainObject(variables)) return [];
  return (readKeys(variables) ?? []).filter((name) => !isAbsent(readOwn(readOwn(variables, name), 'default')));
}

function readVersion(version: object): CatalogVersion | undefined {
  const id = readOwn(version, 'id');
  if (typeof id !== 'string') return undefined;
  return {
    id,
    familyId: readOwn(version, 'familyId'),
    versionNumber: readOwn(version, 'versionNumber'),
    text: readOwn(version, 'text'),
    defaults: declaredDefaults(readOwn(version, 'variables')),
  };
}

/** The catalog's ids and versions, or `undefined` when no catalog was given (V52 is then skipped). */
export function readCatalog(prompts: unknown): CatalogView | undefined {
  if (!isPlainObject(prompts)) return undefined;
  const familyIds = new Set<string>();
  for (const family of readObjects(readOwn(prompts, 'families'))) {
    const id = readOwn(family, 'id');
    if (typeof id === 'string') familyIds.add(id);
  }
  const versions: CatalogVersion[] = [];
  for (const raw of readObjects(readOwn(prompts, 'versions'))) {
    const version = readVersion(raw);
    if (version !== undefined) versions.push(version);
  }
  return { familyIds, versions };
}

export function findVersion(catalog: CatalogView, versionId: string): CatalogVersion | undefined {
  return catalog.versions.find((version) => version.id === versionId);
}

export function familyVersions(catalog: CatalogView, familyId: string): CatalogVersion[] {
  return catalog.versions.filter((version) => version.familyId === familyId);
}

/** The family's version with the highest `versionNumber` (prompts.md §1), as resolvePrompt picks it. */
export function latestVersion(catalog: CatalogView, familyId: string): CatalogVersion | undefined {
  let latest: CatalogVersion | undefined;
  for (const version of familyVersions(catalog, familyId)) {
    const number = version.versionNumber;
    if (typeof number !== 'number') continue;
    if (latest === undefined || number > (latest.versionNumber as number)) latest = version;
  }
  return latest;
}
