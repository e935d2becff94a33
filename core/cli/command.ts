import type { OptionSpec, ParsedOptions } from './args';
import type { ExitCode } from './exit-codes';

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Aborted on SIGINT: long commands stop and the CLI exits with 130. */
  signal: AbortSignal;
};

export type CommandContext = {
  io: CliIo;
  json: boolean;
  dataDir: string;
  positionals: string[];
  options: ParsedOptions;
};

/** What a command produced: the text lines for a person, the object for --json, and the exit code. */
export type CommandResult = { exitCode: ExitCode; lines: string[]; json: Record<string, unknown> };

export type Command = {
  name: string;
  usage: string;
  summary: string;
  options: OptionSpec;
  run(context: CommandContext): Promise<CommandResult>;
};
