// `genweave serve` and `npm start` without Electron (rpc.md §8, project-format.md §7): open the engine, put
// the studio host behind the loopback WebSocket host, print the ready line, and close everything on stop.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { GenError } from '../domain/gen-error';
import { type ProviderConfig, ProviderConfigSchema } from '../domain/provider-config';
import { appVersion } from '../export/app-version';
import { openEngine } from '../engine/open-engine';
import { type RpcLogger, stderrLogger } from '../rpc/logger';
import { defaultRendererDir } from './package-root';
import { createStudioHost } from './studio-host';
import { startWsHost } from './ws-host';

export type BrowserHostOptions = {
  dataDir: string;
  port?: number;
  /** A project opened first by the studio (`app.info.launchProject`). */
  projectPath?: string;
  /** Provider configs for this run only (`serve --providers`), never written to providers.json. */
  providersFile?: string;
  rendererDir?: string;
  logger?: RpcLogger;
  /** Where the ready line goes; stdout by default. */
  print?: (line: string) => void;
};

export type BrowserHost = { readonly port: number; readonly url: string; readonly readyLine: string; stop(): Promise<void> };

async function readProvidersFile(file: string): Promise<ProviderConfig[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (thrown) {
    throw new GenError('GEN_BAD_REQUEST', `Invalid request: 'providers' cannot be read from '${file}'.`, {
      issues: [{ path: 'providers', message: thrown instanceof SyntaxError ? 'is not JSON' : 'cannot be read' }],
    });
  }
  const parsed = z.array(ProviderConfigSchema).safeParse(Array.isArray(raw) ? raw : (raw as { providers?: unknown })?.providers);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    throw new GenError('GEN_BAD_REQUEST', `Invalid request: '${issues[0]?.path ?? 'providers'}' ${issues[0]?.message ?? 'is invalid'}.`, { issues });
  }
  return parsed.data;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const logger = options.logger ?? stderrLogger;
  const providers = options.providersFile === undefined ? undefined : await readProvidersFile(options.providersFile);
  const engine = await openEngine({ dataDir: options.dataDir, ...(providers === undefined ? {} : { providers }) });
  try {
    const studio = await createStudioHost({
      engine,
      dataDir: options.dataDir,
      transport: 'browser',
      version: appVersion(),
      logger,
      launchProject: options.projectPath === undefined ? null : resolve(options.projectPath),
    });
    const host = await startWsHost({
      endpoint: studio,
      rendererDir: options.rendererDir ?? defaultRendererDir(),
      logger,
      ...(options.port === undefined ? {} : { port: options.port }),
    });
    (options.print ?? ((line) => process.stdout.write(`${line}\n`)))(host.readyLine);
    return {
      port: host.port,
      url: host.url,
      readyLine: host.readyLine,
      async stop() {
        await host.stop();
        studio.close();
        await engine.close();
      },
    };
  } catch (thrown) {
    await engine.close();
    throw thrown;
  }
}
