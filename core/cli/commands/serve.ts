import { startBrowserHost } from '../../host/browser-host';
import { integerOption, stringOption } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../exit-codes';

// project-format.md §7: the browser-mode host on 127.0.0.1 until SIGINT or SIGTERM, then a clean close.
export const serveCommand: Command = {
  name: 'serve',
  usage: 'genweave serve [--port <n>] [--project <path>] [--providers <file>]',
  summary: 'Run the studio in a browser (loopback only) until interrupted.',
  options: { port: 'integer', project: 'string', providers: 'string' },
  async run({ positionals, options, dataDir, io }) {
    if (positionals.length > 0) throw new UsageError('serve takes no positional arguments.');
    const port = integerOption(options, 'port');
    if (port !== undefined && (port < 0 || port > 65535)) throw new UsageError("Option '--port' must be between 0 and 65535.");
    const project = stringOption(options, 'project');
    const providers = stringOption(options, 'providers');
    const host = await startBrowserHost({
      dataDir,
      print: (line) => io.stdout(`${line}\n`),
      ...(port === undefined ? {} : { port }),
      ...(project === undefined ? {} : { projectPath: project }),
      ...(providers === undefined ? {} : { providersFile: providers }),
    });
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await host.stop();
    // Being stopped is how serve ends, so it is a success; the ready line was already printed.
    return { exitCode: EXIT.ok, lines: ['Stopped.'], json: { url: host.url, stopped: true } };
  },
};
