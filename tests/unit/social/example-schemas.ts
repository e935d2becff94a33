import type { RelationshipSchema } from '../../../core/domain';

/** social.md §7 example 7: two axes, tiers on affinity, two levels of equal priority. */
export const EXAMPLE_7_SCHEMA: RelationshipSchema = {
  axes: [
    { id: 'affinity', min: 0, max: 100 },
    { id: 'chemistry', min: 0, max: 100 },
  ],
  tierAxis: 'affinity',
  tiers: [
    { id: 'cold', min: 0 },
    { id: 'warm', min: 50 },
  ],
  levels: [
    { id: 'spark', priority: 1, band: 'light', conditions: [{ axis: 'chemistry', type: 'min', min: 30 }] },
    { id: 'crush', priority: 1, band: 'deep', conditions: [{ axis: 'affinity', type: 'range', min: 40, max: 70 }] },
  ],
};
