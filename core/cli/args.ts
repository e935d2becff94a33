import { UsageError } from './exit-codes';

// A small, strict parser: every option must be declared, so a typo is a usage error (exit 2), never ignored.

export type OptionKind = 'boolean' | 'string' | 'integer';
export type OptionSpec = Readonly<Record<string, OptionKind>>;
export type ParsedOptions = Record<string, string | number | boolean | undefined>;

export const GLOBAL_OPTIONS: OptionSpec = { json: 'boolean', help: 'boolean', version: 'boolean', 'data-dir': 'string' };

export function parseArgs(args: readonly string[], spec: OptionSpec): { positionals: string[]; options: ParsedOptions } {
  const all: OptionSpec = { ...GLOBAL_OPTIONS, ...spec };
  const positionals: string[] = [];
  const options: ParsedOptions = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option '${arg}'.`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    const kind = Object.hasOwn(all, name) ? all[name] : undefined;
    if (kind === undefined) throw new UsageError(`Unknown option '--${name}'.`);
    if (kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`Option '--${name}' takes no value.`);
      options[name] = true;
      continue;
    }
    const value = eq === -1 ? args[++i] : arg.slice(eq + 1);
    if (value === undefined || (eq === -1 && value.startsWith('--'))) throw new UsageError(`Option '--${name}' needs a value.`);
    if (kind === 'integer') {
      if (!/^-?\d+$/.test(value)) throw new UsageError(`Option '--${name}' needs a whole number, got '${value}'.`);
      options[name] = Number(value);
    } else {
      options[name] = value;
    }
  }
  return { positionals, options };
}

export function requireOption(options: ParsedOptions, name: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`Missing required option '--${name}'.`);
  return value;
}

export function stringOption(options: ParsedOptions, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

export function integerOption(options: ParsedOptions, name: string): number | undefined {
  const value = options[name];
  return typeof value === 'number' ? value : undefined;
}
