import type { GenerationEvent } from '../../../core/domain/generation';
import { formatTime } from '../shared/format';
import { DetailSection } from './DetailSection';

/** One row per stored event, oldest first (engine.md §2.1); the payload summarised as key=value pairs. */
function summarise(event: GenerationEvent): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(event.data)) {
    if (key === 'generationId' || key === 'at' || key === 'generation') continue;
    if (key === 'why' && typeof value === 'object' && value !== null) {
      const why = value as Record<string, unknown>;
      parts.push(`why=${String(why['source'])}/${String(why['reason'])}`);
      continue;
    }
    parts.push(`${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  }
  return parts.join(' · ');
}

export function GenerationTimeline(props: { events: readonly GenerationEvent[] }) {
  return (
    <DetailSection title={`Events (${props.events.length})`} testId="gen-detail-events">
      {props.events.length === 0 ? (
        <p className="muted">No stored events.</p>
      ) : (
        <ol className="fx-timeline">
          {props.events.map((event) => (
            <li key={event.seq} data-type={event.type}>
              <time dateTime={event.at}>{formatTime(event.at)}</time>
              <code>{event.type}</code>
              <span className="muted">{summarise(event)}</span>
            </li>
          ))}
        </ol>
      )}
    </DetailSection>
  );
}
