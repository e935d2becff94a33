import { GenError, type PromptCatalog, type PromptConfig, type PromptSource, type PromptVersion } from '../domain';
import { renderPromptTemplate, type PromptVariableValue } from './template';

// prompts.md §1 and §4: inline > versionId > familyId > default, then strict rendering.

export type ResolvedPrompt = { text: string; versionId: string | null; source: PromptSource };

/** The template of the default source: the structured default prompt, bound as a built-in (§5–6). */
export const DEFAULT_PROMPT_TEMPLATE = '{{default.prompt}}';

type Chosen = { template: string; version: PromptVersion | null; source: PromptSource };

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function notFound(message: string, details: Record<string, unknown>): GenError {
  return new GenError('GEN_PROMPT_NOT_FOUND', message, details);
}

/** Picks the template. A reference that is set always wins and never falls back to a lower source. */
export function choosePromptTemplate(config: PromptConfig, catalog: PromptCatalog): Chosen {
  if (typeof config.inline === 'string' && config.inline.trim() !== '') {
    return { template: config.inline, version: null, source: 'inline' };
  }
  if (nonEmpty(config.versionId)) {
    const versionId = config.versionId;
    const version = catalog.versions.find((v) => v.id === versionId);
    if (version === undefined) {
      throw notFound(`Prompt version '${versionId}' was not found in the prompt library.`, { versionId, reason: 'version_missing' });
    }
    return { template: version.text, version, source: 'versioned' };
  }
  if (nonEmpty(config.familyId)) {
    const familyId = config.familyId;
    if (!catalog.families.some((f) => f.id === familyId)) {
      throw notFound(`Prompt family '${familyId}' was not found in the prompt library.`, { familyId, reason: 'family_missing' });
    }
    if (config.autoSelectLatest === false) {
      throw notFound(`Prompt family '${familyId}' has autoSelectLatest off and no versionId.`, {
        familyId,
        reason: 'no_version_selected',
      });
    }
    let latest: PromptVersion | undefined;
    for (const v of catalog.versions) {
      if (v.familyId === familyId && (latest === undefined || v.versionNumber > latest.versionNumber)) latest = v;
    }
    if (latest === undefined) {
      throw notFound(`Prompt family '${familyId}' has no versions.`, { familyId, reason: 'family_empty' });
    }
    return { template: latest.text, version: latest, source: 'versioned' };
  }
  return { template: DEFAULT_PROMPT_TEMPLATE, version: null, source: 'default' };
}

/** The declared defaults of a version, as own data properties (a declared `__proto__` stays a plain key). */
function declaredDefaults(version: PromptVersion | null): Record<string, PromptVariableValue> {
  if (version === null) return {};
  return Object.fromEntries(
    Object.entries(version.variables).flatMap(([name, decl]) => (decl.default === undefined ? [] : [[name, decl.default]])),
  );
}

/** The binding of §4 step 2: declared defaults, then the config's variables, then the caller's (last word). */
export function promptBinding(
  config: PromptConfig,
  version: PromptVersion | null,
  variables?: Readonly<Record<string, PromptVariableValue>>,
): Record<string, PromptVariableValue> {
  return { ...declaredDefaults(version), ...(config.variables ?? {}), ...(variables ?? {}) };
}

export function resolvePrompt(
  config: PromptConfig,
  catalog: PromptCatalog,
  variables?: Readonly<Record<string, PromptVariableValue>>,
): ResolvedPrompt {
  const chosen = choosePromptTemplate(config, catalog);
  const text = renderPromptTemplate(chosen.template, promptBinding(config, chosen.version, variables));
  return { text, versionId: chosen.version === null ? null : chosen.version.id, source: chosen.source };
}
