import { describe, expect, it } from 'vitest';
import { EnvironmentError, EXIT, exitCodeFor, resolveDataDir, runCli, UsageError } from '../../../core/cli';
import { defaultDataDir } from '../../../core/cli';
import { GenError } from '../../../core/domain';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), env: {}, signal: new AbortController().signal } };
}

describe('the CLI front end', () => {
  it.each([
    [['validate'], 'validate needs exactly one <project> path.'],
    [['validate', 'a', 'b'], 'validate needs exactly one <project> path.'],
    [['validate', 'a', '--strict=yes'], "Option '--strict' takes no value."],
    [['validate', 'a', '-x'], "Unknown option '-x'."],
    [['export', 'a'], "Missing required option '--out'."],
    [['export', 'a', '--out'], "Option '--out' needs a value."],
    [['generate', 'a', '--node', 'n', '--timeout', 'soon'], "Option '--timeout' needs a whole number, got 'soon'."],
    [['frobnicate'], "Unknown command 'frobnicate'."],
  ])('answers %j with a usage error (exit 2)', async (argv, message) => {
    const { err, io } = capture();
    expect(await runCli(argv, io)).toBe(EXIT.usage);
    expect(err[0]).toBe(`genweave: ${message}\n`);
  });

  it('prints one JSON object for --json, also on failure', async () => {
    const { out, io } = capture();
    expect(await runCli(['validate', '/no/such/file.genweave.json', '--json'], io)).toBe(EXIT.project);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toMatchObject({ ok: false, exitCode: 3, error: { code: 'GEN_PROJECT_INVALID' } });
  });

  it('maps errors to exit codes', () => {
    expect(exitCodeFor(new UsageError('x'))).toBe(2);
    expect(exitCodeFor(new GenError('GEN_PROJECT_TOO_NEW', 'x'))).toBe(3);
    expect(exitCodeFor(new GenError('GEN_DB_TOO_NEW', 'x'))).toBe(4);
    expect(exitCodeFor(new GenError('GEN_STORAGE_BUSY', 'x'))).toBe(4);
    expect(exitCodeFor(new GenError('GEN_EXPORT_BLOCKED', 'x'))).toBe(1);
    expect(exitCodeFor(new EnvironmentError('x'))).toBe(4);
    expect(exitCodeFor(Object.assign(new Error('in use'), { code: 'EADDRINUSE' }))).toBe(4);
  });

  it('resolves the data dir from --data-dir, then GENWEAVE_DATA_DIR, then the studio default', () => {
    expect(resolveDataDir('/a', { GENWEAVE_DATA_DIR: '/b' })).toBe('/a');
    expect(resolveDataDir(undefined, { GENWEAVE_DATA_DIR: '/b' })).toBe('/b');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/u/.config' }, 'linux')).toBe('/home/u/.config/Genweave Studio/data');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toMatch(/Genweave Studio.data$/);
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/Genweave Studio\/data$/);
  });
});
