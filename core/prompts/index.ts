export {
  PLACEHOLDER_PATTERN,
  listTemplateVariables,
  renderPromptTemplate,
  promptUnboundError,
  type PromptVariableValue,
} from './template';
export { BUILTIN_PROMPT_VARIABLES, BUILTIN_PROMPT_VARIABLE_PREFIXES, isBuiltinPromptVariable } from './builtin-variables';
export {
  DEFAULT_PROMPT_TEMPLATE,
  choosePromptTemplate,
  promptBinding,
  resolvePrompt,
  type ResolvedPrompt,
} from './resolve-prompt';
export { buildDefaultPrompt, type DefaultPromptInput } from './default-prompt';
export { buildBuiltinVariables, type BuiltinVariablesInput } from './bind-builtin-variables';
