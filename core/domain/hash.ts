import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';

/** generation.md §6: lowercase hex SHA-256 of canonicalJson({ canonical_params, inputs }). */
export function computeReproducibleHash(canonicalParams: Record<string, unknown>, inputs: readonly unknown[]): string {
  return sha256Hex(reproducibleHashText(canonicalParams, inputs));
}

/** The exact text that is hashed, for callers that hash with node:crypto on their hot path. */
export function reproducibleHashText(canonicalParams: Record<string, unknown>, inputs: readonly unknown[]): string {
  return canonicalJson({ canonical_params: canonicalParams, inputs });
}
