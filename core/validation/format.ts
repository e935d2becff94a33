import { isAbsent, isArrayValue } from './safe-read';

// validation.md §2.5: how values print inside messages. Nothing here calls String() on an object or a
// symbol, so formatting can never throw.

/** `got(v)`: what a V55/V56 message says it found. */
export function got(value: unknown): string {
  if (isAbsent(value)) return 'nothing';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isArrayValue(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** `got(v)` for an array element, where `null` is a value of the wrong type rather than an absence. */
export function gotElement(value: unknown): string {
  return value === null ? 'null' : got(value);
}

/** `display(v)`: a string as it is, anything else as `got(v)`. */
export function display(value: unknown): string {
  return typeof value === 'string' ? value : got(value);
}
