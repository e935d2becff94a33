import { describe, expect, it } from 'vitest';
import { PromptCatalogSchema, type PromptCatalog, type RelationshipSchema } from '../../../core/domain';
import { CATALOG } from './fixtures';
import { cleanWith, findings, findingsOf } from './helpers';

// validation.md §4, V50–V54: the project rules.

const RATINGS_MESSAGE = 'is not a valid content rating. Valid options: sfw, romantic, mature_implied, restricted';

describe('V50: unknown content rating', () => {
  it('V50 reports every rating field and cap, in the order of §4', () => {
    const config = cleanWith({
      socialContext: { originalRating: 'x4', userMaxRating: 'x3', worldMaxRating: 'x2', contentRating: 'x1' },
    });
    const issues = findingsOf('V50', config, { world: { maxContentRating: 'x5' }, user: { maxContentRating: 'x6' } });
    expect(issues).toEqual(
      [
        ['socialContext.contentRating', 'x1'],
        ['socialContext.worldMaxRating', 'x2'],
        ['socialContext.userMaxRating', 'x3'],
        ['socialContext.originalRating', 'x4'],
        ['world.maxContentRating', 'x5'],
        ['user.maxContentRating', 'x6'],
      ].map(([path, value]) => ({ rule: 'V50', severity: 'error', message: `${path} '${value}' ${RATINGS_MESSAGE}`, path })),
    );
  });

  it.each([
    ['an empty string', '', "''"],
    ['another vocabulary', 'PG-13', "'PG-13'"],
    ['a number', 3, "'3'"],
    ['a boolean', false, "'false'"],
    ['an object', { level: 1 }, "'an object'"],
    ['an array', ['sfw'], "'an array'"],
  ])('V50 reports %s, whatever its type', (_label, contentRating, shown) => {
    expect(findingsOf('V50', cleanWith({ socialContext: { contentRating } }))).toEqual([
      {
        rule: 'V50',
        severity: 'error',
        message: `socialContext.contentRating ${shown} ${RATINGS_MESSAGE}`,
        path: 'socialContext.contentRating',
      },
    ]);
  });

  it('V50 alone reports a non-string rating (no V55), and the view drops it (no V23)', () => {
    const config = cleanWith({ socialContext: { contentRating: 2 }, constraints: { rating: 'PG' } });
    expect(findings(config).map((f) => f.rule)).toEqual(['V50']);
  });

  it('V50 stays silent for the 4 ratings and for absent (null) fields', () => {
    const config = cleanWith({
      socialContext: { contentRating: 'sfw', worldMaxRating: 'romantic', userMaxRating: 'mature_implied', originalRating: null },
    });
    expect(findingsOf('V50', config, { world: { maxContentRating: 'restricted' }, user: {} })).toEqual([]);
  });
});

describe('V51: unbound prompt placeholders', () => {
  const issue = (name: string) => ({
    rule: 'V51',
    severity: 'error',
    message: `Prompt placeholder '{{${name}}}' has no value. Add '${name}' to prompt.variables or use a built-in variable`,
    path: `prompt.variables.${name}`,
  });

  it('the fixture catalog is a valid PromptCatalog', () => {
    expect(PromptCatalogSchema.safeParse(CATALOG).success).toBe(true);
  });

  it('V51 reports each unknown name of an inline template once, in first-appearance order', () => {
    const inline =
      'Hi {{name}} and {{ name }}; {{fromScene.mod}} {{fromScene.mood}} {{player.flag.met}} {{player.flag.}} {{x}} {{bad-name}}';
    const config = cleanWith({ prompt: { inline, variables: { x: 1 } } });
    expect(findingsOf('V51', config)).toEqual([issue('name'), issue('fromScene.mod'), issue('player.flag.')]);
  });

  it('V51 knows every built-in name and the player prefixes', () => {
    const inline =
      '{{generationType}} {{default.prompt}} {{social.band}} {{npcs.names}} {{player.choice.door}} {{player.stat.hp}} {{world.stylePresetId}}';
    expect(findingsOf('V51', cleanWith({ prompt: { inline } }))).toEqual([]);
  });

  it('V51 reads prompt.variables as own keys only', () => {
    const config = cleanWith({ prompt: { inline: '{{constructor}} {{__proto__}}', variables: JSON.parse('{"__proto__":"x"}') } });
    expect(findingsOf('V51', config)).toEqual([issue('constructor')]);
  });

  it('V51 does not count a null variable, nor any variable of a record V55 removed', () => {
    expect(findingsOf('V51', cleanWith({ prompt: { inline: '{{a}}', variables: { a: null } } }))).toEqual([issue('a')]);
    const removed = cleanWith({ prompt: { inline: '{{a}} {{b}}', variables: { a: 'ok', b: [1] } } });
    expect(findingsOf('V51', removed)).toEqual([issue('a'), issue('b')]);
  });

  it('V51 checks the version named by versionId, knowing its declared defaults', () => {
    const config = cleanWith({ prompt: { inline: '  ', versionId: 'pv-intro-2' } });
    expect(findingsOf('V51', config, { prompts: CATALOG })).toEqual([issue('mood'), issue('tone')]);
  });

  it('V51 checks the latest version of a family when no versionId is set', () => {
    const config = cleanWith({ prompt: { familyId: 'pf-intro', variables: { mood: 'grim' } } });
    expect(findingsOf('V51', config, { prompts: CATALOG })).toEqual([issue('tone')]);
    const older = cleanWith({ prompt: { versionId: 'pv-intro-1', familyId: 'pf-intro' } });
    expect(findingsOf('V51', older, { prompts: CATALOG })).toEqual([issue('legacy')]);
  });

  it.each([
    ['without a catalog', { versionId: 'pv-intro-2' }, undefined],
    ['when the versionId does not resolve, even with a family', { versionId: 'pv-gone', familyId: 'pf-intro' }, CATALOG],
    ['when autoSelectLatest is false', { familyId: 'pf-intro', autoSelectLatest: false }, CATALOG],
    ['for a family without versions', { familyId: 'pf-empty' }, CATALOG],
    ['for the default prompt', {}, CATALOG],
  ])('V51 has nothing to check %s', (_label, prompt, prompts) => {
    expect(findingsOf('V51', cleanWith({ prompt }), prompts ? { prompts } : {})).toEqual([]);
  });
  it('V51 reads a malformed catalog without trusting it', () => {
    const malformed = {
      families: [{ id: 'pf-x' }, null, { id: 5 }],
      versions: [
        { id: 'pv-a', familyId: 'pf-x', versionNumber: 'one', text: '{{a}}', variables: null },
        { id: 'pv-b', familyId: 'pf-x', versionNumber: 1, text: '{{b}} {{c}}', variables: { c: { type: 'string', default: '' } } },
        { id: 'pv-c', familyId: 'pf-x', versionNumber: 2, text: 42, variables: [] },
        { id: 9, familyId: 'pf-x', versionNumber: 3, text: '{{d}}' },
      ],
    } as unknown as PromptCatalog;
    // Version 2 is the latest but has no text, so there is nothing to check; versionNumber 'one' never wins.
    expect(findingsOf('V51', cleanWith({ prompt: { familyId: 'pf-x' } }), { prompts: malformed })).toEqual([]);
    expect(findingsOf('V51', cleanWith({ prompt: { versionId: 'pv-b' } }), { prompts: malformed })).toEqual([issue('b')]);
    expect(findingsOf('V51', cleanWith({ prompt: { versionId: 'pv-a' } }), { prompts: malformed })).toEqual([issue('a')]);
    expect(findingsOf('V52', cleanWith({ prompt: { versionId: 'pv-c' } }), { prompts: malformed })).toEqual([]);
  });
});

describe('V52: prompt references', () => {
  const check = (prompt: unknown) => findingsOf('V52', cleanWith({ prompt }), { prompts: CATALOG });

  it('V52 reports a versionId that is not in the library, before looking at the family', () => {
    expect(check({ versionId: 'pv-gone', familyId: 'pf-gone' })).toEqual([
      {
        rule: 'V52',
        severity: 'error',
        message: "Prompt version 'pv-gone' was not found in the prompt library. Pick an existing version or clear prompt.versionId",
        path: 'prompt.versionId',
      },
    ]);
  });

  it('V52 reports a familyId that is not in the library', () => {
    expect(check({ versionId: '', familyId: 'pf-gone' })).toEqual([
      {
        rule: 'V52',
        severity: 'error',
        message: "Prompt family 'pf-gone' was not found in the prompt library. Pick an existing family or clear prompt.familyId",
        path: 'prompt.familyId',
      },
    ]);
  });

  it('V52 reports a family with autoSelectLatest false and no versionId', () => {
    expect(check({ familyId: 'pf-empty', autoSelectLatest: false })).toEqual([
      {
        rule: 'V52',
        severity: 'error',
        message:
          "Prompt family 'pf-empty' has autoSelectLatest set to false and no versionId. Set prompt.versionId or enable autoSelectLatest",
        path: 'prompt.familyId',
      },
    ]);
  });

  it('V52 reports a family without versions', () => {
    expect(check({ familyId: 'pf-empty' })).toEqual([
      {
        rule: 'V52',
        severity: 'error',
        message: "Prompt family 'pf-empty' has no versions yet. Add a version or clear prompt.familyId",
        path: 'prompt.familyId',
      },
    ]);
  });

  it.each([
    ['a resolving versionId wins over a missing family', { versionId: 'pv-intro-1', familyId: 'pf-gone' }],
    ['a resolving family', { familyId: 'pf-intro', autoSelectLatest: true }],
    ['a non-blank inline prompt', { inline: 'Text', versionId: 'pv-gone' }],
    ['no reference at all', { variables: {} }],
  ])('V52 stays silent for %s', (_label, prompt) => {
    expect(check(prompt)).toEqual([]);
  });

  it('V52 is skipped without a catalog', () => {
    expect(findingsOf('V52', cleanWith({ prompt: { versionId: 'pv-gone' } }))).toEqual([]);
  });
});

describe('V53: providers', () => {
  it('V53 reports a provider that is not configured, listing the configured ones', () => {
    expect(findingsOf('V53', cleanWith({ provider: 'openai-main' }), { providers: ['local-preview', 'comfy'] })).toEqual([
      {
        rule: 'V53',
        severity: 'error',
        message: "Provider 'openai-main' is not configured. Configured providers: local-preview, comfy",
        path: 'provider',
      },
    ]);
  });

  it('V53 says "none" when no provider is configured', () => {
    expect(findingsOf('V53', cleanWith({ provider: 'comfy' }), { providers: [] })[0]?.message).toBe(
      "Provider 'comfy' is not configured. Configured providers: none",
    );
  });

  it('V53 stays silent for a configured or absent provider, or without the option', () => {
    expect(findingsOf('V53', cleanWith({ provider: 'comfy' }), { providers: ['comfy'] })).toEqual([]);
    expect(findingsOf('V53', cleanWith({ provider: null }), { providers: [] })).toEqual([]);
    expect(findingsOf('V53', cleanWith({ provider: 'comfy' }))).toEqual([]);
    expect(findingsOf('V53', cleanWith({ provider: 42 }), { providers: [] })).toEqual([]);
  });
});

describe('V54: relationship schema ids', () => {
  const social = (socialContext: unknown) => cleanWith({ socialContext });

  it('V54 warns for an unknown level and then an unknown tier, against the default schema', () => {
    expect(findingsOf('V54', social({ relationshipTierId: 'buddy', intimacyLevelId: 'flirty' }), { world: {} })).toEqual([
      {
        rule: 'V54',
        severity: 'warning',
        message:
          "Intimacy level 'flirty' is not defined in the world's relationship schema and will be treated as band 'none'. " +
          'Defined levels: light_flirt, deep_flirt, intimate, very_intimate, soulmates',
        path: 'socialContext.intimacyLevelId',
      },
      {
        rule: 'V54',
        severity: 'warning',
        message:
          "Relationship tier 'buddy' is not defined in the world's relationship schema. " +
          'Defined tiers: stranger, acquaintance, friend, close_friend, lover',
        path: 'socialContext.relationshipTierId',
      },
    ]);
  });

  const custom: RelationshipSchema = {
    axes: [{ id: 'bond', min: 0, max: 10 }],
    tierAxis: 'bond',
    tiers: [
      { id: 'cold', min: 0 },
      { id: 'warm', min: 5 },
    ],
    levels: [],
  };

  it('V54 uses the world schema and says "none" when it has no levels', () => {
    const issues = findingsOf('V54', social({ intimacyLevelId: 'light_flirt', relationshipTierId: 'friend' }), {
      world: { relationshipSchema: custom },
    });
    expect(issues.map((i) => i.message)).toEqual([
      "Intimacy level 'light_flirt' is not defined in the world's relationship schema and will be treated as band 'none'. Defined levels: none",
      "Relationship tier 'friend' is not defined in the world's relationship schema. Defined tiers: cold, warm",
    ]);
  });

  it('V54 is skipped when the schema fails RelationshipSchemaSchema', () => {
    const broken = { ...custom, tierAxis: 'missing-axis' };
    expect(findingsOf('V54', social({ intimacyLevelId: 'x' }), { world: { relationshipSchema: broken } })).toEqual([]);
  });

  it('V54 stays silent for known or empty ids, and without a world', () => {
    expect(findingsOf('V54', social({ intimacyLevelId: 'intimate', relationshipTierId: 'lover' }), { world: {} })).toEqual([]);
    expect(findingsOf('V54', social({ intimacyLevelId: '', relationshipTierId: '' }), { world: {} })).toEqual([]);
    expect(findingsOf('V54', social({ intimacyLevelId: 'flirty' }))).toEqual([]);
  });
});
