import type { IntimacyBand } from '../../../core/domain/vocabulary';

/** studio-ui.md §5: bands keep the reference colours (none grey, light pink, deep dark pink, intense red). */
export function BandChip(props: { band: IntimacyBand; testId?: string }) {
  return (
    <span className={`fx-chip fx-band-${props.band}`} data-band={props.band} data-testid={props.testId}>
      {props.band}
    </span>
  );
}
