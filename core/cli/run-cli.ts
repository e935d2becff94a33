import { isGenError } from '../domain';
import { appVersion } from '../export';
import { parseArgs } from './args';
import type { CliIo, Command } from './command';
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { generateCommand } from './commands/generate';
import { regressCommand } from './commands/regress';
import { serveCommand } from './commands/serve';
import { validateCommand } from './commands/validate';
import { resolveDataDir } from './data-dir';
import { EXIT, type ExitCode, exitCodeFor, UsageError } from './exit-codes';

// project-format.md §7: `genweave <command> [options]`. Results go to stdout, diagnostics to stderr; with
// --json, stdout holds exactly one JSON object.

export const COMMANDS: readonly Command[] = [validateCommand, exportCommand, checkCommand, regressCommand, serveCommand, generateCommand];

export function usageText(): string {
  return [
    'Usage: genweave <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Options for every command:',
    '  --data-dir <dir>  engine data folder (default: the studio\'s; or GENWEAVE_DATA_DIR)',
    '  --json            print one JSON object instead of text',
    '  --help            show this help',
    '  --version         print the version',
    '',
    'Exit codes: 0 success, 1 domain failure, 2 usage, 3 project unreadable, 4 environment, 130 interrupted.',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const wantsJson = argv.includes('--json');
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === 'help') {
      io.stdout(`${usageText()}\n`);
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === '--version') {
      io.stdout(wantsJson ? `${JSON.stringify({ ok: true, version: appVersion() })}\n` : `${appVersion()}\n`);
      return EXIT.ok;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (command === undefined) throw new UsageError(name.startsWith('-') ? `Unknown option '${name}'.` : `Unknown command '${name}'.`);
    const { positionals, options } = parseArgs(rest, command.options);
    if (options.help === true) {
      io.stdout(`Usage: ${command.usage}\n${command.summary}\n`);
      return EXIT.ok;
    }
    if (options.version === true) {
      io.stdout(`${appVersion()}\n`);
      return EXIT.ok;
    }
    const dataDir = resolveDataDir(typeof options['data-dir'] === 'string' ? options['data-dir'] : undefined, io.env);
    const result = await command.run({ io, json: options.json === true, dataDir, positionals, options });
    if (io.signal.aborted && command.name !== 'serve') return interrupted(io, wantsJson);
    if (options.json === true) io.stdout(`${JSON.stringify({ ok: result.exitCode === EXIT.ok, command: command.name, exitCode: result.exitCode, ...result.json })}\n`);
    else if (result.lines.length > 0) io.stdout(`${result.lines.join('\n')}\n`);
    return result.exitCode;
  } catch (error) {
    if (io.signal.aborted) return interrupted(io, wantsJson);
    const exitCode = exitCodeFor(error);
    const wire = isGenError(error) ? error.toWire() : { code: error instanceof UsageError ? 'USAGE' : 'GEN_INTERNAL', message: messageOf(error) };
    if (wantsJson) io.stdout(`${JSON.stringify({ ok: false, exitCode, error: wire })}\n`);
    io.stderr(`genweave: ${wire.message}\n`);
    if (error instanceof UsageError) io.stderr("Run 'genweave --help' for usage.\n");
    else if (exitCode === EXIT.domain && !isGenError(error) && error instanceof Error && error.stack !== undefined) io.stderr(`${error.stack}\n`);
    return exitCode;
  }
}

function interrupted(io: CliIo, json: boolean): ExitCode {
  if (json) io.stdout(`${JSON.stringify({ ok: false, exitCode: EXIT.interrupted, error: { code: 'INTERRUPTED', message: 'Interrupted.' } })}\n`);
  io.stderr('genweave: interrupted.\n');
  return EXIT.interrupted;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
