import { runCli } from './run-cli';

// The `genweave` executable (bin/genweave.mjs runs this file through tsx when no build exists). SIGINT and
// SIGTERM abort the running command; a command cut short exits 130, `serve` stops cleanly and exits 0.
const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second signal while the first is being handled means "stop now".
    if (controller.signal.aborted) process.exit(130);
    controller.abort(new Error(signal));
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  signal: controller.signal,
});
process.exitCode = code;
// Let stdout drain, then leave even if a library left a handle open (the engine is already closed).
process.stdout.write('', () => process.exit(code));
