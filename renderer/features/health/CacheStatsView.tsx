import type { CacheStats } from '../../../core/domain/telemetry-shapes';
import { useStudio } from '../../stores/context';
import { formatPercent, formatTime } from '../shared/format';
import { useHealthApi } from './use-health';

/** telemetry.md §3.4, and Clear cache behind a confirmation (studio-ui.md §6). */
export function CacheStatsView(props: { stats: CacheStats | null }) {
  const studio = useStudio();
  const api = useHealthApi();
  const s = props.stats;
  const clear = async () => {
    const ok = await studio.ui.getState().askConfirm({
      title: 'Clear cache',
      message: 'Remove every cache entry of this project? Generations and media are kept; the next requests generate again.',
      confirmLabel: 'Clear cache',
    });
    if (ok) await api.getState().clearCache();
  };
  const figures: Array<[string, string, string]> = s
    ? [
        ['entries', 'Entries', String(s.entries)],
        ['once', 'Once', String(s.entriesByStrategy.once)],
        ['per_playthrough', 'Per playthrough', String(s.entriesByStrategy.per_playthrough)],
        ['per_player', 'Per player', String(s.entriesByStrategy.per_player)],
        ['hits', 'Hits', String(s.hits)],
        ['misses', 'Misses', String(s.misses)],
        ['stale', 'Stale', String(s.stale)],
        ['hitRate', 'Hit rate', formatPercent(s.hitRate)],
        ['dedupHits', 'Dedup hits', String(s.dedupHits)],
        ['inFlightJoins', 'In-flight joins', String(s.inFlightJoins)],
      ]
    : [];
  return (
    <section className="fx-section" data-testid="cache-stats" aria-label="Cache">
      <header className="fx-section-header">
        <h3>Cache</h3>
        <div className="fx-section-actions">
          {s?.newestWrittenAt ? <span className="muted">newest entry {formatTime(s.newestWrittenAt)}</span> : null}
          <button type="button" className="btn btn-danger" data-testid="cache-clear" onClick={() => void clear()}>
            Clear cache
          </button>
        </div>
      </header>
      {s ? (
        <div className="fx-figures">
          {figures.map(([key, label, value]) => (
            <div key={key} className="fx-figure" data-field={key}>
              <span className="fx-figure-value">{value}</span>
              <span className="fx-figure-label">{label}</span>
            </div>
          ))}
        </div>
      ) : (
        <p className="muted">No cache figures yet.</p>
      )}
    </section>
  );
}
