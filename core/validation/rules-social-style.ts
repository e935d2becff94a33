import { CONTENT_RATINGS, PACINGS, TRANSITION_TYPES } from '../domain';
import { display } from './format';
import type { RuleContext } from './rule-context';

// validation.md §3, V12–V22: caps, social context and style.

function ratingIndex(value: unknown): number {
  return typeof value === 'string' ? (CONTENT_RATINGS as readonly string[]).indexOf(value) : -1;
}

/** §2.6: an unknown rating or cap skips the comparison (V50 reports it); it never counts as `sfw`. */
function exceedsCap(rating: unknown, cap: unknown): boolean {
  const r = ratingIndex(rating);
  const c = ratingIndex(cap);
  return r >= 0 && c >= 0 && r > c;
}

export function checkSocialAndStyleRules({ build: { view }, options, sink }: RuleContext): void {
  const { generationType: t, socialContext: sc, style: st } = view;
  const rating = sc?.contentRating;

  if (sc && exceedsCap(rating, options.worldMaxRating)) {
    sink.error(
      'V12',
      `Content rating '${display(rating)}' exceeds world maximum '${display(options.worldMaxRating)}'`,
      'socialContext.contentRating',
    );
  }
  if (sc && exceedsCap(rating, options.userMaxRating)) {
    sink.error(
      'V13',
      `Content rating '${display(rating)}' exceeds user maximum '${display(options.userMaxRating)}'`,
      'socialContext.contentRating',
    );
  }
  if (rating === 'restricted') {
    sink.warning(
      'V14',
      'Content rating is "restricted" - ensure user has explicitly consented to this level',
      'socialContext.contentRating',
    );
  }
  if (sc?.intimacyBand === 'intense') {
    sink.warning(
      'V15',
      'Intimacy band is "intense" - content will be highly romantic/intimate in nature',
      'socialContext.intimacyBand',
    );
  }
  if (sc && (sc.npcIds === undefined || sc.npcIds.length === 0) && t === 'npc_response') {
    sink.warning('V16', 'NPC response generation should include npcIds in social context', 'socialContext.npcIds');
  }
  if (!sc && (t === 'npc_response' || t === 'dialogue')) {
    sink.suggestion('V17', 'Consider adding social context to make generation relationship-aware', 'socialContext');
  }

  if (st && t === 'transition' && (!st.moodFrom || !st.moodTo)) {
    sink.warning(
      'V18',
      'Transition generation should specify both moodFrom and moodTo for coherent mood progression',
      'style',
    );
  }
  if (st?.pacing && !(PACINGS as readonly string[]).includes(st.pacing)) {
    sink.error('V19', `Invalid pacing '${display(st.pacing)}'. Valid options: ${PACINGS.join(', ')}`, 'style.pacing');
  }
  if (st?.transitionType && !(TRANSITION_TYPES as readonly string[]).includes(st.transitionType)) {
    sink.error(
      'V20',
      `Invalid transition type '${display(st.transitionType)}'. Valid options: ${TRANSITION_TYPES.join(', ')}`,
      'style.transitionType',
    );
  }
  if (st?.transitionType === 'abrupt' && st.pacing === 'slow') {
    sink.warning(
      'V21',
      'Abrupt transition type with slow pacing may feel disjointed. Consider "gradual" transition or "medium"/"fast" pacing',
      'style.transitionType',
    );
  }
  if (!st && t === 'transition') {
    sink.suggestion('V22', 'Consider adding style rules to guide transition mood and pacing', 'style');
  }
}
