import type { ContentRating } from '../../../core/domain/vocabulary';

/** studio-ui.md §5: sfw green, romantic blue, mature_implied orange, restricted red; the text is always shown. */
export function RatingChip(props: { rating: ContentRating; testId?: string }) {
  return (
    <span className={`fx-chip fx-rating-${props.rating}`} data-rating={props.rating} data-testid={props.testId}>
      {props.rating}
    </span>
  );
}
