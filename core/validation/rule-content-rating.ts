import { CONTENT_RATINGS, isContentRating } from '../domain';
import { display } from './format';
import type { RuleContext } from './rule-context';

// validation.md §4, V50: a content rating or cap outside the 4 values, whatever its type. It replaces the
// reference behaviour of reading an unknown rating as `sfw`.

export function checkContentRatingRule({ build, options, sink }: RuleContext): void {
  const fields = [...build.ratings];
  if (options.worldMaxRating !== undefined) fields.push({ path: 'world.maxContentRating', value: options.worldMaxRating });
  if (options.userMaxRating !== undefined) fields.push({ path: 'user.maxContentRating', value: options.userMaxRating });
  for (const { path, value } of fields) {
    if (isContentRating(value)) continue;
    sink.error(
      'V50',
      `${path} '${display(value)}' is not a valid content rating. Valid options: ${CONTENT_RATINGS.join(', ')}`,
      path,
    );
  }
}
