import { isBuiltinPromptVariable, listTemplateVariables } from '../prompts';
import type { PromptView } from './node-view';
import { familyVersions, findVersion, latestVersion, type CatalogView } from './prompt-catalog-view';
import type { RuleContext } from './rule-context';

// validation.md §4, V51 and V52. The template is chosen exactly as resolvePrompt chooses it (prompts.md
// §1, §4): inline > versionId > familyId; a reference that does not resolve leaves nothing to check here,
// because V52 reports it, and the default prompt is always bound.

interface ChosenTemplate {
  readonly text: string;
  readonly defaults: readonly string[];
}

function usableInline(prompt: PromptView | undefined): string | undefined {
  const inline = prompt?.inline;
  return inline !== undefined && inline.trim() !== '' ? inline : undefined;
}

function chooseTemplate(prompt: PromptView | undefined, catalog: CatalogView | undefined): ChosenTemplate | undefined {
  const inline = usableInline(prompt);
  if (inline !== undefined) return { text: inline, defaults: [] };
  if (prompt === undefined || catalog === undefined) return undefined;
  const { versionId, familyId } = prompt;
  // A versionId that is set always wins, even when it does not resolve: the resolver never falls back.
  const version = versionId
    ? findVersion(catalog, versionId)
    : familyId && catalog.familyIds.has(familyId) && prompt.autoSelectLatest !== false
      ? latestVersion(catalog, familyId)
      : undefined;
  return typeof version?.text === 'string' ? { text: version.text, defaults: version.defaults } : undefined;
}

export function checkPlaceholderRule({ build: { view }, options, sink }: RuleContext): void {
  const template = chooseTemplate(view.prompt, options.catalog);
  if (template === undefined) return;
  const variables = view.prompt?.variables;
  for (const name of listTemplateVariables(template.text)) {
    if (variables?.has(name) || template.defaults.includes(name) || isBuiltinPromptVariable(name)) continue;
    sink.error(
      'V51',
      `Prompt placeholder '{{${name}}}' has no value. Add '${name}' to prompt.variables or use a built-in variable`,
      `prompt.variables.${name}`,
    );
  }
}

export function checkPromptReferenceRule({ build: { view }, options: { catalog }, sink }: RuleContext): void {
  const prompt = view.prompt;
  if (catalog === undefined || prompt === undefined || usableInline(prompt) !== undefined) return;
  const { versionId, familyId } = prompt;
  if (versionId) {
    if (findVersion(catalog, versionId) === undefined) {
      sink.error(
        'V52',
        `Prompt version '${versionId}' was not found in the prompt library. Pick an existing version or clear prompt.versionId`,
        'prompt.versionId',
      );
    }
    return;
  }
  if (!familyId) return;
  if (!catalog.familyIds.has(familyId)) {
    sink.error(
      'V52',
      `Prompt family '${familyId}' was not found in the prompt library. Pick an existing family or clear prompt.familyId`,
      'prompt.familyId',
    );
  } else if (prompt.autoSelectLatest === false) {
    sink.error(
      'V52',
      `Prompt family '${familyId}' has autoSelectLatest set to false and no versionId. Set prompt.versionId or enable autoSelectLatest`,
      'prompt.familyId',
    );
  } else if (familyVersions(catalog, familyId).length === 0) {
    sink.error(
      'V52',
      `Prompt family '${familyId}' has no versions yet. Add a version or clear prompt.familyId`,
      'prompt.familyId',
    );
  }
}
