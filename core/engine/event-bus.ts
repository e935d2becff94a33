// engine.md §2.6: listeners run after the transaction that caused the event has committed, in commit
// order; a throwing listener is logged and does not affect the others.

export type EngineEvent = {
  type: string;
  generationId: string | null;
  at: string;
  data: Record<string, unknown>;
};

export type EventFilter = { types?: string[]; generationId?: string };
export type EventListener = (event: EngineEvent) => void;

export type EventBus = {
  subscribe(listener: EventListener, filter?: EventFilter): () => void;
  publish(event: EngineEvent): void;
  clear(): void;
};

export function createEventBus(): EventBus {
  const subscriptions = new Set<{ listener: EventListener; filter: EventFilter | undefined }>();
  return {
    subscribe(listener, filter) {
      const entry = { listener, filter };
      subscriptions.add(entry);
      return () => {
        subscriptions.delete(entry);
      };
    },
    publish(event) {
      for (const { listener, filter } of [...subscriptions]) {
        if (filter?.types !== undefined && !filter.types.includes(event.type)) continue;
        if (filter?.generationId !== undefined && filter.generationId !== event.generationId) continue;
        try {
          listener(event);
        } catch (error) {
          console.error(`genweave: an event listener for '${event.type}' threw`, error);
        }
      }
    },
    clear() {
      subscriptions.clear();
    },
  };
}
