// The part of the engine (engine.md §2) that the host exposes over RPC, typed from the contract so that the
// two cannot drift. The real Engine of core/engine satisfies it; transport unit tests pass a small fake.
import type { MethodInput as In, MethodOutput as Out } from '../rpc/contract';
import type { RequestUserPreferences, RequestWorldSettings } from '../domain/world';

type Awaitable<T> = T | Promise<T>;

export type HostEngineEvent = { type: string; generationId: string | null; at: string; data: Record<string, unknown> };

export type HostEngine = {
  generations: {
    create(request: In<'generations.create'>): Awaitable<Out<'generations.create'>>;
    get(id: string): Awaitable<Out<'generations.get'>>;
    list(filter?: In<'generations.list'>): Awaitable<Out<'generations.list'>>;
    cancel(id: string): Awaitable<Out<'generations.cancel'>>;
    retry(
      id: string,
      options?: { world?: RequestWorldSettings; user?: RequestUserPreferences; priority?: number },
    ): Awaitable<Out<'generations.retry'>>;
    validate(request: In<'generations.validate'>): Awaitable<Out<'generations.validate'>>;
    events(id: string): Awaitable<Out<'generations.events'>>;
  };
  prompts: {
    resolve(request: In<'prompts.resolve'>): Awaitable<Out<'prompts.resolve'>>;
    usage(input: In<'prompts.usage'>): Awaitable<Out<'prompts.usage'>>;
  };
  telemetry: {
    providers(input: In<'telemetry.providers'>): Awaitable<Out<'telemetry.providers'>>;
    operations(input: In<'telemetry.operations'>): Awaitable<Out<'telemetry.operations'>>;
    nodes(input: In<'telemetry.nodes'>): Awaitable<Out<'telemetry.nodes'>>;
    cache(input: In<'telemetry.cache'>): Awaitable<Out<'telemetry.cache'>>;
    errors(input: In<'telemetry.errors'>): Awaitable<Out<'telemetry.errors'>>;
  };
  cache: {
    stats(input: In<'cache.stats'>): Awaitable<Out<'cache.stats'>>;
    explain(input: In<'cache.explain'>): Awaitable<Out<'cache.explain'>>;
    invalidate(input: In<'cache.invalidate'>): Awaitable<Out<'cache.invalidate'>>;
    clear(input: In<'cache.clear'>): Awaitable<Out<'cache.clear'>>;
  };
  providers: {
    list(): Awaitable<Out<'providers.list'>>;
    configure(input: In<'providers.configure'>): Awaitable<Out<'providers.configure'>>;
    test(id: string): Awaitable<Out<'providers.test'>>;
    setSecret(input: In<'providers.setSecret'>): Awaitable<Out<'providers.setSecret'>>;
    clearSecret(input: In<'providers.clearSecret'>): Awaitable<Out<'providers.clearSecret'>>;
  };
  events: { subscribe(listener: (event: HostEngineEvent) => void): () => void };
  readonly startupNotices: ReadonlyArray<{ code: string; message: string }>;
};

/** project-format.md §6, implemented by core/export. */
export type HostExporter = {
  check(input: In<'export.check'>): Promise<Out<'export.check'>>;
  run(input: In<'export.run'>, options: { signal: AbortSignal }): Promise<Out<'export.run'>>;
};

/** Native dialogs in Electron; browser mode answers `supported: false` (rpc.md §3). */
export type HostDialogs = {
  openProject(input: In<'dialog.openProject'>): Promise<Out<'dialog.openProject'>>;
  saveProject(input: In<'dialog.saveProject'>): Promise<Out<'dialog.saveProject'>>;
  chooseFolder(input: In<'dialog.chooseFolder'>): Promise<Out<'dialog.chooseFolder'>>;
  chooseFile(input: In<'dialog.chooseFile'>): Promise<Out<'dialog.chooseFile'>>;
};

export const UNSUPPORTED_DIALOGS: HostDialogs = {
  openProject: async () => ({ path: null, supported: false }),
  saveProject: async () => ({ path: null, supported: false }),
  chooseFolder: async () => ({ path: null, supported: false }),
  chooseFile: async () => ({ path: null, supported: false }),
};
