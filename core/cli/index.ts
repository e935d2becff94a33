// The genweave command line (project-format.md §7).
export { runCli, usageText, COMMANDS } from './run-cli';
export { EXIT, exitCodeFor, UsageError, EnvironmentError, type ExitCode } from './exit-codes';
export { defaultDataDir, resolveDataDir } from './data-dir';
export { snapshotFileFor, diffEntries } from './commands/regress';
export type { CliIo, Command, CommandResult } from './command';
