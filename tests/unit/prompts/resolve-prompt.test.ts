import { describe, expect, it } from 'vitest';
import { isGenError, type PromptCatalog, type PromptFamily, type PromptVersion } from '../../../core/domain';
import { resolvePrompt } from '../../../core/prompts';

const family = (id: string, slug = id): PromptFamily => ({
  id,
  slug,
  title: id,
  promptType: 'visual',
  tags: [],
  isActive: true,
  createdAt: '2025-03-01T10:00:00.000Z',
});
const version = (id: string, familyId: string, versionNumber: number, text: string, variables: PromptVersion['variables'] = {}): PromptVersion => ({
  id,
  familyId,
  versionNumber,
  text,
  variables,
  tags: [],
  createdAt: '2025-03-01T10:00:00.000Z',
});

const CATALOG: PromptCatalog = {
  families: [family('pf-storm', 'storm'), family('pf-empty', 'empty'), family('pf-inactive', 'inactive')],
  versions: [
    version('pv-1', 'pf-storm', 1, 'Storm v1 {{mood}}', { mood: { type: 'string', default: 'grey' } }),
    version('pv-3', 'pf-storm', 3, 'Storm v3 {{mood}} {{n}}', { mood: { type: 'string', default: 'dark' }, n: { type: 'number', default: 2 } }),
    version('pv-2', 'pf-storm', 2, 'Storm v2'),
    version('pv-x', 'pf-inactive', 1, 'Inactive but resolves'),
  ],
};
CATALOG.families[2]!.isActive = false;

function notFound(fn: () => unknown): { message: string; details: unknown } {
  try {
    fn();
  } catch (error) {
    if (isGenError(error) && error.code === 'GEN_PROMPT_NOT_FOUND') return error as never;
    throw error;
  }
  throw new Error('expected GEN_PROMPT_NOT_FOUND');
}

describe('resolvePrompt: precedence inline > versionId > familyId > default', () => {
  it('uses a non-blank inline prompt over every reference', () => {
    expect(resolvePrompt({ inline: 'Hello {{x}}', versionId: 'nope', familyId: 'nope', variables: { x: 1 } }, CATALOG)).toEqual({
      text: 'Hello 1',
      versionId: null,
      source: 'inline',
    });
  });

  it('skips a blank inline prompt', () => {
    expect(resolvePrompt({ inline: ' \n\t', versionId: 'pv-2' }, CATALOG)).toEqual({ text: 'Storm v2', versionId: 'pv-2', source: 'versioned' });
  });

  it('uses versionId over familyId', () => {
    expect(resolvePrompt({ versionId: 'pv-1', familyId: 'pf-storm' }, CATALOG)).toEqual({
      text: 'Storm v1 grey',
      versionId: 'pv-1',
      source: 'versioned',
    });
  });

  it('picks the family version with the highest number, whatever the list order', () => {
    expect(resolvePrompt({ familyId: 'pf-storm' }, CATALOG)).toEqual({ text: 'Storm v3 dark 2', versionId: 'pv-3', source: 'versioned' });
    expect(resolvePrompt({ familyId: 'pf-storm', autoSelectLatest: true }, CATALOG).versionId).toBe('pv-3');
  });

  it('still resolves an inactive family', () => {
    expect(resolvePrompt({ familyId: 'pf-inactive' }, CATALOG).text).toBe('Inactive but resolves');
  });

  it('falls back to the default prompt when nothing is set', () => {
    const vars = { 'default.prompt': 'The default.' };
    expect(resolvePrompt({}, CATALOG, vars)).toEqual({ text: 'The default.', versionId: null, source: 'default' });
    expect(resolvePrompt({ versionId: '', familyId: '', inline: '' }, CATALOG, vars).source).toBe('default');
  });

  it('reports default.prompt as unbound when the caller does not supply it', () => {
    expect(() => resolvePrompt({}, CATALOG)).toThrow(expect.objectContaining({ code: 'GEN_PROMPT_UNBOUND', details: { missing: ['default.prompt'] } }));
  });
});

describe('resolvePrompt: binding', () => {
  it('layers declared defaults, then config variables, then caller variables', () => {
    expect(resolvePrompt({ familyId: 'pf-storm', variables: { mood: 'calm' } }, CATALOG).text).toBe('Storm v3 calm 2');
    expect(resolvePrompt({ familyId: 'pf-storm', variables: { mood: 'calm' } }, CATALOG, { mood: 'wild', n: 9 }).text).toBe('Storm v3 wild 9');
  });

  it('does not apply a version’s defaults to inline prompts', () => {
    expect(() => resolvePrompt({ inline: '{{mood}}' }, CATALOG)).toThrow(expect.objectContaining({ code: 'GEN_PROMPT_UNBOUND' }));
  });

  it('keeps a declared __proto__ default as plain data', () => {
    const catalog: PromptCatalog = {
      families: [family('pf-p')],
      versions: [version('pv-p', 'pf-p', 1, '{{__proto__}}', JSON.parse('{"__proto__":{"type":"string","default":"safe"}}'))],
    };
    expect(resolvePrompt({ versionId: 'pv-p' }, catalog).text).toBe('safe');
    expect(({} as Record<string, unknown>).type).toBeUndefined();
  });
});

describe('resolvePrompt: not found', () => {
  it('version_missing, even when a valid familyId is set', () => {
    const error = notFound(() => resolvePrompt({ versionId: 'pv-9', familyId: 'pf-storm' }, CATALOG));
    expect(error.message).toBe("Prompt version 'pv-9' was not found in the prompt library.");
    expect(error.details).toEqual({ versionId: 'pv-9', reason: 'version_missing' });
  });

  it('family_missing', () => {
    const error = notFound(() => resolvePrompt({ familyId: 'pf-nope' }, CATALOG));
    expect(error.message).toBe("Prompt family 'pf-nope' was not found in the prompt library.");
    expect(error.details).toEqual({ familyId: 'pf-nope', reason: 'family_missing' });
  });

  it('no_version_selected', () => {
    const error = notFound(() => resolvePrompt({ familyId: 'pf-storm', autoSelectLatest: false }, CATALOG));
    expect(error.message).toBe("Prompt family 'pf-storm' has autoSelectLatest off and no versionId.");
    expect(error.details).toEqual({ familyId: 'pf-storm', reason: 'no_version_selected' });
  });

  it('family_empty', () => {
    const error = notFound(() => resolvePrompt({ familyId: 'pf-empty' }, CATALOG));
    expect(error.message).toBe("Prompt family 'pf-empty' has no versions.");
    expect(error.details).toEqual({ familyId: 'pf-empty', reason: 'family_empty' });
  });

  it('looks ids up exactly', () => {
    expect(notFound(() => resolvePrompt({ versionId: 'PV-1' }, CATALOG)).details).toMatchObject({ reason: 'version_missing' });
    expect(notFound(() => resolvePrompt({ familyId: 'storm' }, CATALOG)).details).toMatchObject({ reason: 'family_missing' });
  });
});
