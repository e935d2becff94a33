import { GenError } from '../domain/gen-error';

// prompts.md §3: placeholder grammar, strict binding, one pass.

/** The exact placeholder expression of prompts.md §3. A fresh copy is made per use: /g regexes carry lastIndex. */
export const PLACEHOLDER_PATTERN = /\{\{[ \t]*([A-Za-z_][A-Za-z0-9_.]*)[ \t]*\}\}/g;

export type PromptVariableValue = string | number | boolean;

function placeholders(template: string): IterableIterator<RegExpMatchArray> {
  return template.matchAll(new RegExp(PLACEHOLDER_PATTERN.source, 'g'));
}

/** Unique placeholder names in order of first appearance. */
export function listTemplateVariables(template: string): string[] {
  const names = new Set<string>();
  for (const match of placeholders(template)) names.add(match[1] as string);
  return [...names];
}

/** A value is an own property holding a string, a number or a boolean; inherited names never bind. */
function boundValue(variables: object, name: string): string | undefined {
  if (!Object.hasOwn(variables, name)) return undefined;
  const value: unknown = (variables as Record<string, unknown>)[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function promptUnboundError(missing: readonly string[]): GenError {
  return new GenError('GEN_PROMPT_UNBOUND', `Prompt has no value for: ${missing.join(', ')}.`, { missing: [...missing] });
}

/**
 * Replaces every placeholder in one left-to-right pass. Output is assembled from slices, never through
 * String.prototype.replace, so `$&` or `$1` inside a value stays verbatim and inserted text is never rescanned.
 */
export function renderPromptTemplate(template: string, variables: Readonly<Record<string, PromptVariableValue>>): string {
  const matches = [...placeholders(template)];
  const missing = new Set<string>();
  const values = matches.map((match) => {
    const name = match[1] as string;
    const value = boundValue(variables, name);
    if (value === undefined) missing.add(name);
    return value;
  });
  if (missing.size > 0) throw promptUnboundError([...missing]);

  let out = '';
  let cursor = 0;
  matches.forEach((match, i) => {
    const start = match.index as number;
    out += template.slice(cursor, start) + (values[i] as string);
    cursor = start + match[0].length;
  });
  return out + template.slice(cursor);
}
