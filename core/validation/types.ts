import type {
  PromptCatalog,
  RequestUserPreferences,
  RequestWorldSettings,
  UserContentPreferences,
  WorldSettings,
} from '../domain';

// validation.md §1.

/** One finding. `rule` is `V01`…`V57`; `path` is absent only for the issue about a non-object config. */
export interface ValidationIssue {
  rule: string;
  message: string;
  path?: string;
}

export interface ValidationResult {
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
  suggestions: ValidationIssue[];
}

/**
 * Context for the project rules. Caps are checked only when passed: the validator applies no defaults.
 * The request shapes are accepted too, because a cap outside the 4 ratings is a finding (V50), not a type
 * error at the call site.
 */
export interface ValidationOptions {
  world?: WorldSettings | RequestWorldSettings;
  user?: UserContentPreferences | RequestUserPreferences;
  /** Enables V52, and lets V51 check versioned templates. */
  prompts?: PromptCatalog;
  /** Enables V53. */
  providers?: readonly string[];
}
