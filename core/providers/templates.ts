import { ProviderError } from './adapter';

// providers.md §8.3–8.4: `{{name}}` placeholders in workflows and http-job mappings. A string that is
// exactly one placeholder becomes the typed value; inside a longer string (http-job only) it becomes text.

const EXACT = /^\{\{([A-Za-z0-9_.-]+)\}\}$/;
const EMBEDDED = /\{\{([A-Za-z0-9_.-]+)\}\}/g;

export type TemplateValues = ReadonlyMap<string, unknown>;

export function missingPlaceholderError(name: string, where: string): ProviderError {
  return new ProviderError('bad_request', `${where} placeholder '{{${name}}}' has no value`);
}

/** Every placeholder name in a value (strings, arrays and objects, deeply), in first-seen order. */
export function collectPlaceholders(value: unknown, embedded: boolean, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (embedded) for (const match of value.matchAll(EMBEDDED)) into.add(match[1]!);
    else {
      const exact = EXACT.exec(value);
      if (exact !== null) into.add(exact[1]!);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) collectPlaceholders(item, embedded, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) collectPlaceholders(item, embedded, into);
  }
  return into;
}

function lookup(values: TemplateValues, name: string, where: string): unknown {
  const value = values.get(name);
  if (value === undefined) throw missingPlaceholderError(name, where);
  return value;
}

export function valueAsText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Replaces placeholders in text; `encode` applies to each inserted value (URL-encoding in paths). */
export function renderText(text: string, values: TemplateValues, where: string, encode: (s: string) => string = (s) => s): string {
  return text.replace(EMBEDDED, (_match, name: string) => encode(valueAsText(lookup(values, name, where))));
}

/** A deep copy of `value` with placeholders replaced; `embedded: false` replaces exact matches only. */
export function renderValue(value: unknown, values: TemplateValues, where: string, embedded: boolean): unknown {
  if (typeof value === 'string') {
    const exact = EXACT.exec(value);
    if (exact !== null) return lookup(values, exact[1]!, where);
    return embedded ? renderText(value, values, where) : value;
  }
  if (Array.isArray(value)) return value.map((item) => renderValue(item, values, where, embedded));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderValue(item, values, where, embedded)]));
  }
  return value;
}
