// The host behind every transport: one dispatcher, one settings store, engine events fanned out to every
// connected client (rpc.md §6), and one project session per client (rpc.md §3).
import { createExporter, engineMediaSource } from '../export/exporter';
import { createProjectSession } from '../project/project-session';
import type { RecentEntry } from '../project/recent-projects';
import { type EventPayload, events } from '../rpc/contract';
import { createDispatcher } from '../rpc/dispatch';
import type { RpcEvent } from '../rpc/envelope';
import { type RpcLogger, stderrLogger } from '../rpc/logger';
import type { EventName } from '../rpc/method-names';
import type { TransportKind } from '../rpc/studio-shapes';
import { type ClientSession, createClientSession } from './client-session';
import { toRpcEvent } from './event-mapping';
import { createHostHandlers } from './host-handlers';
import { type HostDialogs, type HostEngine, type HostExporter, UNSUPPORTED_DIALOGS } from './host-engine';
import type { RpcEndpoint } from './rpc-endpoint';
import { openSettingsStore } from './settings-store';

export type StudioHostOptions = {
  engine: HostEngine;
  dataDir: string;
  transport: TransportKind;
  version: string;
  /** Defaults to core/export with the engine's providers, the settings' user caps and the engine's media. */
  exporter?: HostExporter;
  dialogs?: HostDialogs;
  logger?: RpcLogger;
  /** Parse outputs and event payloads against the contract (development and test builds). */
  checkOutputs?: boolean;
  /** Where `project.new({ template: 'sample' })` copies from, and the home folder it copies to by default. */
  sampleDir?: string;
  homeDir?: string;
  /** A project path given at launch, reported by app.info so the studio opens it first. */
  launchProject?: string | null;
};

export type StudioHost = RpcEndpoint & {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  readonly clients: ReadonlySet<ClientSession>;
  /** Detaches from the engine's events and forgets every client; the engine stays open (its owner closes it). */
  close(): void;
};

export async function createStudioHost(options: StudioHostOptions): Promise<StudioHost> {
  const logger = options.logger ?? stderrLogger;
  const checkOutputs = options.checkOutputs ?? process.env.NODE_ENV !== 'production';
  const settings = await openSettingsStore(options.dataDir, logger);
  const clients = new Map<ClientSession, (event: RpcEvent) => void>();

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    if (checkOutputs) {
      const parsed = events[event].safeParse(payload);
      if (!parsed.success) {
        logger.error('rpc.event_violation', { event, issues: parsed.error.issues });
        return;
      }
    }
    const frame: RpcEvent = { v: 1, event, payload };
    for (const send of clients.values()) send(frame);
  }

  async function onRecent(entry: RecentEntry): Promise<void> {
    emit('settings.onDidChange', { settings: await settings.addRecent(entry) });
  }

  const dispatcher = createDispatcher<ClientSession>({
    logger,
    checkOutputs,
    handlers: createHostHandlers({
      engine: options.engine,
      dataDir: options.dataDir,
      transport: options.transport,
      dialogs: options.dialogs ?? UNSUPPORTED_DIALOGS,
      exporter:
        options.exporter ??
        createExporter({
          providerIds: async () => (await options.engine.providers.list()).map((provider) => provider.id),
          user: () => settings.get().user,
          mediaSource: engineMediaSource(options.engine, options.dataDir),
        }),
      settings,
      version: options.version,
      launchProject: options.launchProject ?? null,
      emit,
    }),
  });

  // Engine events are delivered in the order they were published, even when one needs a read (statusChanged).
  let delivery: Promise<void> = Promise.resolve();
  const unsubscribe = options.engine.events.subscribe((engineEvent) => {
    delivery = delivery.then(async () => {
      try {
        const mapped = await toRpcEvent(engineEvent, options.engine);
        if (mapped !== null) emit(mapped.event, mapped.payload as EventPayload<EventName>);
      } catch (thrown) {
        logger.error('host.event_failure', { type: engineEvent.type, generationId: engineEvent.generationId, error: thrown });
      }
    });
  });

  return {
    dataDir: options.dataDir,
    dispatch: (frame, session, frameOptions) => dispatcher.dispatch(frame, session, frameOptions),
    dispatchText: (text, session) => dispatcher.dispatchText(text, session),
    connect(send) {
      const project = createProjectSession({
        dataDir: options.dataDir,
        onRecent,
        ...(options.sampleDir === undefined ? {} : { sampleDir: options.sampleDir }),
        ...(options.homeDir === undefined ? {} : { homeDir: options.homeDir }),
      });
      const session = createClientSession(project);
      clients.set(session, send);
      return session;
    },
    disconnect(session) {
      clients.delete(session);
    },
    emit,
    get clients() {
      return new Set(clients.keys());
    },
    close() {
      unsubscribe();
      clients.clear();
    },
  };
}
