import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGenError } from '../../../core/domain';
import { isBuiltinPromptVariable, resolvePrompt } from '../../../core/prompts';
import { CATALOG } from './fixtures';
import { cleanWith, findingsOf } from './helpers';

// validation.md §4: V51 chooses the template "exactly as resolvePrompt would choose it", and V52 reports
// what resolvePrompt refuses. This property holds the validator to the real resolver (prompts.md §4) with
// every built-in name bound, as the engine binds them at creation.

const NAMES = ['mood', 'tone', 'greeting', 'legacy', 'npc.name', 'player.flag.met', 'player.flag.', 'fromScene.mod', 'default.prompt'];
const BUILTINS = Object.fromEntries(NAMES.filter(isBuiltinPromptVariable).map((name) => [name, 'bound']));

const template = fc.array(fc.constantFrom(...NAMES), { maxLength: 4 }).map((names) => `Say ${names.map((n) => `{{ ${n} }}`).join(' ')}.`);
const prompt = fc.record(
  {
    inline: fc.oneof(fc.constantFrom('', '  \n'), template),
    versionId: fc.constantFrom('', 'pv-intro-1', 'pv-intro-2', 'pv-gone'),
    familyId: fc.constantFrom('', 'pf-intro', 'pf-empty', 'pf-gone'),
    autoSelectLatest: fc.boolean(),
    variables: fc.dictionary(fc.constantFrom(...NAMES), fc.constant('set'), { maxKeys: 3 }),
  },
  { requiredKeys: [] },
);

describe('V51 and V52 agree with resolvePrompt', () => {
  it('V51 names exactly what resolvePrompt finds unbound, and V52 fires exactly when it finds no template', () => {
    const outcomes = { resolved: 0, unbound: 0, notFound: 0 };
    fc.assert(
      fc.property(prompt, (config) => {
        const options = { prompts: CATALOG };
        const unbound = findingsOf('V51', cleanWith({ prompt: config }), options).map((f) => f.path?.slice('prompt.variables.'.length));
        const references = findingsOf('V52', cleanWith({ prompt: config }), options);
        let failure: unknown;
        try {
          resolvePrompt(config, CATALOG, BUILTINS);
        } catch (error) {
          failure = error;
        }
        if (failure === undefined) {
          outcomes.resolved += 1;
          expect([unbound, references]).toEqual([[], []]);
        } else if (isGenError(failure) && failure.code === 'GEN_PROMPT_UNBOUND') {
          outcomes.unbound += 1;
          expect(unbound).toEqual((failure.details as { missing: string[] }).missing);
          expect(references).toEqual([]);
        } else {
          outcomes.notFound += 1;
          expect(isGenError(failure) && failure.code).toBe('GEN_PROMPT_NOT_FOUND');
          const reason = isGenError(failure) ? (failure.details as { reason: string }).reason : '';
          expect(unbound).toEqual([]);
          expect(references.map((f) => f.path)).toEqual([reason === 'version_missing' ? 'prompt.versionId' : 'prompt.familyId']);
        }
      }),
      { numRuns: 500 },
    );
    // Each of the three outcomes must actually be exercised for the agreement to mean anything.
    expect(Math.min(outcomes.resolved, outcomes.unbound, outcomes.notFound)).toBeGreaterThan(20);
  });
});
