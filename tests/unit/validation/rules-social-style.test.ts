import { describe, expect, it } from 'vitest';
import { cleanWith, findings, findingsOf } from './helpers';

// validation.md §3, V12–V22: caps, social context and style.

const withRating = (contentRating: unknown) => cleanWith({ socialContext: { contentRating } });

describe('V12–V13: caps', () => {
  it('V12 errs when the rating exceeds the world cap', () => {
    expect(findingsOf('V12', withRating('mature_implied'), { world: { maxContentRating: 'romantic' } })).toEqual([
      {
        rule: 'V12',
        severity: 'error',
        message: "Content rating 'mature_implied' exceeds world maximum 'romantic'",
        path: 'socialContext.contentRating',
      },
    ]);
  });

  it('V13 errs when the rating exceeds the user cap', () => {
    expect(findingsOf('V13', withRating('restricted'), { user: { maxContentRating: 'sfw' } })).toEqual([
      {
        rule: 'V13',
        severity: 'error',
        message: "Content rating 'restricted' exceeds user maximum 'sfw'",
        path: 'socialContext.contentRating',
      },
    ]);
  });

  it('V12 and V13 each give one issue, world first, when both caps are exceeded', () => {
    const errors = findings(withRating('restricted'), {
      world: { maxContentRating: 'romantic' },
      user: { maxContentRating: 'sfw' },
    }).filter((finding) => finding.rule === 'V12' || finding.rule === 'V13');
    expect(errors.map((e) => e.message)).toEqual([
      "Content rating 'restricted' exceeds world maximum 'romantic'",
      "Content rating 'restricted' exceeds user maximum 'sfw'",
    ]);
  });

  it.each([
    ['the rating equals the cap', withRating('romantic'), { maxContentRating: 'romantic' }],
    ['the rating is below the cap', withRating('sfw'), { maxContentRating: 'romantic' }],
    ['the cap is unknown (V50 reports it)', withRating('restricted'), { maxContentRating: 'PG-13' }],
    ['the rating is unknown (V50 reports it)', withRating('R'), { maxContentRating: 'sfw' }],
    ['the rating is not a string', withRating(3), { maxContentRating: 'sfw' }],
    ['there is no social context', cleanWith({}), { maxContentRating: 'sfw' }],
  ])('V12 and V13 stay silent when %s', (_label, config, cap) => {
    expect(findingsOf('V12', config, { world: cap })).toEqual([]);
    expect(findingsOf('V13', config, { user: cap })).toEqual([]);
  });

  it('V12 and V13 apply no default cap when the caller passes none', () => {
    expect(findingsOf('V12', withRating('restricted'))).toEqual([]);
    expect(findingsOf('V13', withRating('restricted'), { world: {}, user: {} })).toEqual([]);
  });
});

describe('V14–V17: social context', () => {
  it('V14 warns for the restricted rating', () => {
    expect(findingsOf('V14', withRating('restricted'))).toEqual([
      {
        rule: 'V14',
        severity: 'warning',
        message: 'Content rating is "restricted" - ensure user has explicitly consented to this level',
        path: 'socialContext.contentRating',
      },
    ]);
    expect(findingsOf('V14', withRating('mature_implied'))).toEqual([]);
  });

  it('V15 warns for the intense band', () => {
    expect(findingsOf('V15', cleanWith({ socialContext: { intimacyBand: 'intense' } }))).toEqual([
      {
        rule: 'V15',
        severity: 'warning',
        message: 'Intimacy band is "intense" - content will be highly romantic/intimate in nature',
        path: 'socialContext.intimacyBand',
      },
    ]);
    expect(findingsOf('V15', cleanWith({ socialContext: { intimacyBand: 'deep' } }))).toEqual([]);
  });

  const npcResponse = (socialContext: unknown) =>
    cleanWith({ generationType: 'npc_response', purpose: 'adaptive', socialContext });

  it.each([
    ['absent', {}],
    ['empty', { npcIds: [] }],
    ['null', { npcIds: null }],
    ['of the wrong type (removed from the view)', { npcIds: 'npc-4' }],
  ])('V16 warns when an npc_response context has npcIds %s', (_label, socialContext) => {
    expect(findingsOf('V16', npcResponse(socialContext))).toEqual([
      {
        rule: 'V16',
        severity: 'warning',
        message: 'NPC response generation should include npcIds in social context',
        path: 'socialContext.npcIds',
      },
    ]);
  });

  it('V16 stays silent with npcIds, for other types, and without a context', () => {
    expect(findingsOf('V16', npcResponse({ npcIds: [4] }))).toEqual([]);
    expect(findingsOf('V16', cleanWith({ generationType: 'dialogue', socialContext: {} }))).toEqual([]);
    expect(findingsOf('V16', npcResponse(undefined))).toEqual([]);
  });

  it.each([
    ['npc_response', 'adaptive', undefined],
    ['dialogue', 'ambient', undefined],
    ['dialogue', 'ambient', ['not', 'an', 'object']],
  ])('V17 suggests a social context for %s (socialContext %j)', (generationType, purpose, socialContext) => {
    expect(findingsOf('V17', cleanWith({ generationType, purpose, socialContext }))).toEqual([
      {
        rule: 'V17',
        severity: 'suggestion',
        message: 'Consider adding social context to make generation relationship-aware',
        path: 'socialContext',
      },
    ]);
  });

  it('V17 stays silent when a context is present, even empty, and for other types', () => {
    expect(findingsOf('V17', cleanWith({ generationType: 'dialogue', socialContext: {} }))).toEqual([]);
    expect(findingsOf('V17', cleanWith({ generationType: 'environment', purpose: 'ambient' }))).toEqual([]);
  });
});

describe('V18–V22: style', () => {
  const transition = (style: unknown) => cleanWith({ generationType: 'transition', purpose: 'gap_fill', style });
  const V18 = {
    rule: 'V18',
    severity: 'warning',
    message: 'Transition generation should specify both moodFrom and moodTo for coherent mood progression',
    path: 'style',
  };

  it.each([
    ['an empty style', {}],
    ['only moodFrom', { moodFrom: 'calm' }],
    ['an empty moodTo', { moodFrom: 'calm', moodTo: '' }],
  ])('V18 warns for a transition with %s', (_label, style) => {
    expect(findingsOf('V18', transition(style))).toEqual([V18]);
  });

  it('V18 stays silent with both moods, for other types, and without style', () => {
    expect(findingsOf('V18', transition({ moodFrom: 'calm', moodTo: 'tense' }))).toEqual([]);
    expect(findingsOf('V18', cleanWith({ style: {} }))).toEqual([]);
    expect(findingsOf('V18', transition(undefined))).toEqual([]);
  });

  it('V19 errs for a pacing outside the set and leaves "" to V56', () => {
    expect(findingsOf('V19', cleanWith({ style: { pacing: 'rapid' } }))).toEqual([
      {
        rule: 'V19',
        severity: 'error',
        message: "Invalid pacing 'rapid'. Valid options: slow, medium, fast",
        path: 'style.pacing',
      },
    ]);
    expect(findingsOf('V19', cleanWith({ style: { pacing: '' } }))).toEqual([]);
    expect(findingsOf('V19', cleanWith({ style: { pacing: 'fast' } }))).toEqual([]);
  });

  it('V20 errs for a transition type outside the set and leaves "" to V56', () => {
    expect(findingsOf('V20', cleanWith({ style: { transitionType: 'fade' } }))).toEqual([
      {
        rule: 'V20',
        severity: 'error',
        message: "Invalid transition type 'fade'. Valid options: gradual, abrupt",
        path: 'style.transitionType',
      },
    ]);
    expect(findingsOf('V20', cleanWith({ style: { transitionType: '' } }))).toEqual([]);
    expect(findingsOf('V20', cleanWith({ style: { transitionType: 'abrupt' } }))).toEqual([]);
  });

  it('V21 warns for an abrupt transition at slow pacing', () => {
    expect(findingsOf('V21', cleanWith({ style: { transitionType: 'abrupt', pacing: 'slow' } }))).toEqual([
      {
        rule: 'V21',
        severity: 'warning',
        message:
          'Abrupt transition type with slow pacing may feel disjointed. Consider "gradual" transition or "medium"/"fast" pacing',
        path: 'style.transitionType',
      },
    ]);
  });

  it('V21 stays silent for other combinations and when transitionType is not set', () => {
    expect(findingsOf('V21', cleanWith({ style: { transitionType: 'abrupt', pacing: 'fast' } }))).toEqual([]);
    expect(findingsOf('V21', cleanWith({ style: { transitionType: 'gradual', pacing: 'slow' } }))).toEqual([]);
    expect(findingsOf('V21', cleanWith({ style: { pacing: 'slow' } }))).toEqual([]);
  });

  it('V22 suggests style rules for a transition without style', () => {
    expect(findingsOf('V22', transition(undefined))).toEqual([
      {
        rule: 'V22',
        severity: 'suggestion',
        message: 'Consider adding style rules to guide transition mood and pacing',
        path: 'style',
      },
    ]);
  });

  it('V22 stays silent for an empty style object (present) and for other types', () => {
    expect(findingsOf('V22', transition({}))).toEqual([]);
    expect(findingsOf('V22', cleanWith({}))).toEqual([]);
  });
});
