import type { GenerationNodeConfig } from '../domain';
import type { ValidationResult } from '../validation';
import { plainJsonKey } from './plain-json-key';
import { deepFreeze } from './deep-freeze';

// generation.md §11 step 1 for a node asked again and again — a game asks the same node for every player
// and every scene visit, with only the variables changing. The validator's verdict and the parsed config
// depend on nothing but the config, the world, the user's caps, the prompt catalog and the provider ids,
// so equal inputs (plainJsonKey) reuse them instead of validating and parsing again. Kept values are
// frozen: a caller can read them, never change what the next request sees.

export type NodeCheck = { validation: ValidationResult; config: GenerationNodeConfig };

const KEPT = 64;

export type NodeCheckMemo = ReturnType<typeof createNodeCheckMemo>;

export function createNodeCheckMemo() {
  const kept = new Map<string, NodeCheck>();
  return {
    // An absent part (no world, no catalog) is keyed as null: parsed requests hold no nulls, so the two never meet.
    key: (parts: readonly unknown[]): string | null => plainJsonKey(parts.map((part) => part ?? null)),
    get(key: string): NodeCheck | undefined {
      const hit = kept.get(key);
      if (hit !== undefined) {
        // Most recently used last, so the oldest is the one evicted.
        kept.delete(key);
        kept.set(key, hit);
      }
      return hit;
    },
    set(key: string, check: NodeCheck): void {
      if (kept.size >= KEPT) kept.delete(kept.keys().next().value as string);
      kept.set(key, deepFreeze(check));
    },
  };
}
