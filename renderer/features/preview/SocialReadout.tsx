import { BandChip } from '../shared/BandChip';
import { RatingChip } from '../shared/RatingChip';
import type { LiveKey, LiveSocial } from './preview-logic';

/** The live tier, level, band, rating, clamp note and cache key (studio-ui.md §5). */
export function SocialReadout(props: { social: LiveSocial; cacheKey: LiveKey }) {
  const { social, cacheKey } = props;
  const ctx = social.ok ? social.enforcement.context : null;
  return (
    <div className="fx-readout" aria-live="polite">
      {!social.ok ? (
        <p className="fx-note fx-note-error">{social.message}</p>
      ) : ctx === null ? (
        <p className="muted">No social context: no NPCs and no authored rating, so no rating is enforced.</p>
      ) : null}
      <dl className="fx-kv fx-kv-grid">
        <div className="fx-kv-row">
          <dt>Tier</dt>
          <dd data-testid="preview-social-tier" data-value={ctx?.relationshipTierId ?? ''}>
            {ctx?.relationshipTierId ?? '—'}
          </dd>
        </div>
        <div className="fx-kv-row">
          <dt>Level</dt>
          <dd data-testid="preview-social-level" data-value={ctx?.intimacyLevelId ?? ''}>
            {ctx ? (ctx.intimacyLevelId ?? 'none') : '—'}
          </dd>
        </div>
        <div className="fx-kv-row">
          <dt>Band</dt>
          <dd data-testid="preview-social-band" data-value={ctx?.intimacyBand ?? ''}>
            {ctx?.intimacyBand ? <BandChip band={ctx.intimacyBand} /> : '—'}
          </dd>
        </div>
        <div className="fx-kv-row">
          <dt>Rating</dt>
          <dd data-testid="preview-social-rating" data-value={ctx?.contentRating ?? ''}>
            {ctx?.contentRating ? <RatingChip rating={ctx.contentRating} /> : '—'}
          </dd>
        </div>
      </dl>
      {social.ok && social.clampNote ? (
        <p className="fx-note fx-note-warning" data-testid="preview-rating-clamped">
          <span aria-hidden="true">⚠ </span>
          {social.clampNote}
        </p>
      ) : null}
      <div className="fx-cache-key">
        <span className="muted">Cache key</span>
        <code data-testid="preview-cache-key" data-valid={cacheKey.ok} className="fx-mono fx-wrap">
          {cacheKey.ok ? (cacheKey.key ?? 'none (strategy "always" is never cached)') : cacheKey.message}
        </code>
      </div>
    </div>
  );
}
