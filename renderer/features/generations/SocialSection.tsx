import type { Generation } from '../../../core/domain/generation';
import { BandChip } from '../shared/BandChip';
import { RatingChip } from '../shared/RatingChip';
import { bindingCaps } from './detail-logic';
import { DetailSection } from './DetailSection';
import { KeyValues } from './KeyValues';

/** The stored (enforced) social context; a clamp names the original rating and the binding cap or caps. */
export function SocialSection(props: { g: Generation }) {
  const ctx = props.g.socialContext;
  if (!ctx) {
    return (
      <DetailSection title="Social context" testId="gen-detail-social">
        <p className="muted">No social context: no NPCs and no authored rating.</p>
      </DetailSection>
    );
  }
  const caps = bindingCaps(ctx);
  return (
    <DetailSection title="Social context" testId="gen-detail-social">
      <KeyValues
        rows={[
          ['Tier', ctx.relationshipTierId],
          ['Level', ctx.intimacyLevelId],
          ['Band', ctx.intimacyBand ? <BandChip band={ctx.intimacyBand} /> : null],
          ['Rating', ctx.contentRating ? <RatingChip rating={ctx.contentRating} /> : null],
          ['Caps', `world ${ctx.worldMaxRating ?? '—'} · user ${ctx.userMaxRating ?? '—'}`],
          ['NPCs', ctx.npcIds?.join(', ')],
          ['Values', ctx.relationshipValues ? Object.entries(ctx.relationshipValues).map(([k, v]) => `${k} ${v}`).join(', ') : null],
        ]}
      />
      {ctx.ratingClamped ? (
        <p className="fx-note fx-note-warning" data-testid="gen-detail-rating-clamped">
          Rating clamped from <strong>{ctx.originalRating}</strong> to <strong>{ctx.contentRating}</strong> by the{' '}
          {caps.length === 0 ? 'caps' : caps.map((c) => `${c} cap`).join(' and ')}.
        </p>
      ) : null}
    </DetailSection>
  );
}
