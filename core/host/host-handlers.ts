// rpc.md §3: every contract method, implemented by the host. Engine areas are forwarded (with the user caps
// taken from settings, never from the renderer); project.* use the client's own project session.
import { describeRecentProjects } from '../project/recent-projects';
import type { Handlers } from '../rpc/dispatch';
import type { EventPayload } from '../rpc/contract';
import type { EventName } from '../rpc/method-names';
import type { TransportKind } from '../rpc/studio-shapes';
import type { ClientSession } from './client-session';
import type { HostDialogs, HostEngine, HostExporter } from './host-engine';
import { importIntoProject } from './project-import';
import type { SettingsStore } from './settings-store';

export type HostHandlerOptions = {
  engine: HostEngine;
  dataDir: string;
  transport: TransportKind;
  dialogs: HostDialogs;
  exporter: HostExporter;
  settings: SettingsStore;
  version: string;
  launchProject: string | null;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
};

export function createHostHandlers(options: HostHandlerOptions): Handlers<ClientSession> {
  const { engine, settings, emit } = options;
  // rpc.md §3: a renderer cannot loosen the user cap; the host's settings are the only source of it.
  const user = () => settings.get().user;

  async function providersChanged<T>(result: T): Promise<T> {
    emit('providers.onDidChange', { providers: await engine.providers.list() });
    return result;
  }

  return {
    'app.info': () => ({
      version: options.version,
      transport: options.transport,
      dataDir: options.dataDir,
      platform: process.platform,
      startupNotices: [...engine.startupNotices],
      launchProject: options.launchProject,
    }),

    'project.new': (input, { session }) => session.project.newProject(input),
    'project.open': (input, { session }) => session.project.open(input),
    'project.save': (input, { session }) => session.project.save(input),
    'project.saveAs': (input, { session }) => session.project.saveAs(input),
    'project.recent': async () => ({ items: await describeRecentProjects(settings.get().recent) }),
    'project.autosave': (input, { session }) => session.project.autosave(input),
    'project.listRecoverable': (_input, { session }) => session.project.listRecoverable(),
    'project.restore': (input, { session }) => session.project.restore(input),
    'project.discardRecovery': (input, { session }) => session.project.discardRecovery(input),
    'project.importAsset': (input, { session }) => session.project.importAsset(input),
    'project.import': (input, { session }) => importIntoProject(input, session),
    'project.close': (_input, { session }) => session.project.close(),

    'dialog.openProject': (input) => options.dialogs.openProject(input),
    'dialog.saveProject': (input) => options.dialogs.saveProject(input),
    'dialog.chooseFolder': (input) => options.dialogs.chooseFolder(input),
    'dialog.chooseFile': (input) => options.dialogs.chooseFile(input),

    'generations.create': (input) => engine.generations.create({ ...input, user: user() }),
    'generations.get': ({ id }) => engine.generations.get(id),
    'generations.list': (input) => engine.generations.list(input),
    'generations.cancel': ({ id }) => engine.generations.cancel(id),
    'generations.retry': ({ id, world, priority }) =>
      engine.generations.retry(id, {
        user: user(),
        ...(world === undefined ? {} : { world }),
        ...(priority === undefined ? {} : { priority }),
      }),
    'generations.validate': (input) => engine.generations.validate({ ...input, user: user() }),
    'generations.events': ({ id }) => engine.generations.events(id),

    'prompts.resolve': (input) => engine.prompts.resolve({ ...input, user: user() }),
    'prompts.usage': (input) => engine.prompts.usage(input),

    'telemetry.providers': (input) => engine.telemetry.providers(input),
    'telemetry.operations': (input) => engine.telemetry.operations(input),
    'telemetry.nodes': (input) => engine.telemetry.nodes(input),
    'telemetry.cache': (input) => engine.telemetry.cache(input),
    'telemetry.errors': (input) => engine.telemetry.errors(input),

    'cache.stats': (input) => engine.cache.stats(input),
    'cache.explain': (input) => engine.cache.explain(input),
    'cache.invalidate': (input) => engine.cache.invalidate(input),
    'cache.clear': (input) => engine.cache.clear(input),

    'providers.list': () => engine.providers.list(),
    'providers.configure': async (input) => {
      const list = await engine.providers.configure(input);
      emit('providers.onDidChange', { providers: list });
      return list;
    },
    'providers.test': async ({ id }) => providersChanged(await engine.providers.test(id)),
    'providers.setSecret': async (input) => providersChanged(await engine.providers.setSecret(input)),
    'providers.clearSecret': async (input) => providersChanged(await engine.providers.clearSecret(input)),

    'export.check': (input) => options.exporter.check(input),
    'export.run': (input, { signal }) => options.exporter.run(input, { signal }),

    'settings.get': () => settings.get(),
    'settings.update': async ({ patch }) => {
      const next = await settings.update(patch);
      emit('settings.onDidChange', { settings: next });
      return next;
    },
  };
}
