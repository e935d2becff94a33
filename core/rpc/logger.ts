// The host's log. Failures that the wire hides (stacks, causes, paths) are written here under a correlation id
// (rpc.md §2); tests inject a recording logger to find them.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { inspect } from 'node:util';

export type RpcLogger = {
  error(event: string, fields: Record<string, unknown>): void;
  warn(event: string, fields: Record<string, unknown>): void;
};

function format(level: string, event: string, fields: Record<string, unknown>): string {
  // inspect, not JSON.stringify: a thrown value may be cyclic or hold a BigInt.
  return `${new Date().toISOString()} ${level} ${event} ${inspect(fields, { depth: 6, breakLength: Infinity })}\n`;
}

export const stderrLogger: RpcLogger = {
  error: (event, fields) => process.stderr.write(format('ERROR', event, fields)),
  warn: (event, fields) => process.stderr.write(format('WARN', event, fields)),
};

/** Also appends to a file: a packaged app has no terminal, and GEN_INTERNAL tells the user to look in the log. */
export function fileLogger(file: string): RpcLogger {
  mkdirSync(dirname(file), { recursive: true });
  const write = (line: string) => {
    process.stderr.write(line);
    appendFileSync(file, line, { mode: 0o600 });
  };
  return {
    error: (event, fields) => write(format('ERROR', event, fields)),
    warn: (event, fields) => write(format('WARN', event, fields)),
  };
}
