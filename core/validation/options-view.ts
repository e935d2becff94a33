import { readCatalog, type CatalogView } from './prompt-catalog-view';
import { isAbsent, isArrayValue, isPlainObject, readLength, readOwn } from './safe-read';

// The validation options, read defensively: they are typed, but the validator promises to return a result
// for any argument at all, so nothing here trusts their shape.

export interface OptionsView {
  /** True when `options.world` is an object: V54 runs only then. */
  readonly worldGiven: boolean;
  /** `world.maxContentRating` when present, raw (V12, V50). */
  readonly worldMaxRating: unknown;
  /** `world.relationshipSchema` when present, raw (V54 parses it). */
  readonly relationshipSchema: unknown;
  /** `user.maxContentRating` when present, raw (V13, V50). */
  readonly userMaxRating: unknown;
  /** The prompt library, when given (V51, V52). */
  readonly catalog: CatalogView | undefined;
  /** The configured provider ids, when given (V53). Entries that are not strings are ignored. */
  readonly providers: readonly string[] | undefined;
}

function readStrings(list: unknown): string[] | undefined {
  if (!isArrayValue(list)) return undefined;
  const length = readLength(list) ?? 0;
  const strings: string[] = [];
  for (let i = 0; i < length; i += 1) {
    const item = readOwn(list, String(i));
    if (typeof item === 'string') strings.push(item);
  }
  return strings;
}

export function readOptions(options: unknown): OptionsView {
  const world = readOwn(options, 'world');
  const user = readOwn(options, 'user');
  const present = (value: unknown): unknown => (isAbsent(value) ? undefined : value);
  return {
    worldGiven: isPlainObject(world),
    worldMaxRating: present(readOwn(world, 'maxContentRating')),
    relationshipSchema: present(readOwn(world, 'relationshipSchema')),
    userMaxRating: present(readOwn(user, 'maxContentRating')),
    catalog: readCatalog(readOwn(options, 'prompts')),
    providers: readStrings(readOwn(options, 'providers')),
  };
}
