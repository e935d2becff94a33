import { describe, expect, it } from 'vitest';
import { validateGenerationNode, type ValidationOptions } from '../../../core/validation';
import { CLEAN, cleanWith, findingsOf, rulesOf } from './helpers';

// validation.md §2: a result for any input at all. Reading is own-property only, a read that throws counts
// as absent, and only the paths of the type table are read, so cycles and deep nesting are harmless.

function throwingProxy(target: object = {}): object {
  const fail = () => {
    throw new Error('hostile trap');
  };
  return new Proxy(target, {
    get: fail,
    has: fail,
    ownKeys: fail,
    getOwnPropertyDescriptor: fail,
    getPrototypeOf: fail,
  });
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

function deeplyNested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { child: value };
  return value;
}

describe('validateGenerationNode never throws', () => {
  it('handles cyclic configs, reading only the named paths', () => {
    const config: Record<string, unknown> = { ...CLEAN };
    config.self = config;
    config.style = config;
    const list: unknown[] = ['ok'];
    list.push(list);
    config.constraints = { requiredElements: list };
    expect(findingsOf('V55', config).map((f) => f.message)).toEqual([
      'constraints.requiredElements[1] must be a string (got an array)',
    ]);
  });

  it('handles very deep nesting where a value belongs', () => {
    const config = cleanWith({ prompt: { variables: { deep: deeplyNested(200_000) } }, extra: deeplyNested(200_000) });
    expect(findingsOf('V55', config).map((f) => f.path)).toEqual(['prompt.variables.deep']);
  });

  it('treats a getter that throws as an absent value', () => {
    const config: Record<string, unknown> = { ...CLEAN };
    Object.defineProperty(config, 'strategy', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    const modelParams = { temperature: 0.5 };
    Object.defineProperty(modelParams, 'seed', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    config.modelParams = modelParams;
    expect(rulesOf(config)).toEqual(['V04']);
  });

  it('treats a Proxy whose traps all throw as an object with nothing readable', () => {
    const result = validateGenerationNode(throwingProxy());
    expect(result.errors.map((e) => e.rule)).toEqual(['V02', 'V03', 'V04', 'V47']);
    // A Proxy of an array is an array (Array.isArray looks through it); its unreadable length makes it absent.
    expect(findingsOf('V55', cleanWith({ modelParams: throwingProxy(), constraints: { contentRules: throwingProxy([]) } }))).toEqual([]);
    expect(findingsOf('V55', cleanWith({ style: throwingProxy([]) })).map((f) => f.message)).toEqual([
      'style must be an object (got an array)',
    ]);
  });

  it('treats a revoked Proxy as an opaque object wherever it appears', () => {
    expect(() => validateGenerationNode(revokedProxy())).not.toThrow();
    const config = cleanWith({ style: revokedProxy(), constraints: { avoidElements: [revokedProxy()] } });
    expect(findingsOf('V55', config).map((f) => f.message)).toEqual([
      'constraints.avoidElements[0] must be a string (got an object)',
    ]);
  });

  it('reads own properties only, so inherited fields count as absent', () => {
    const inherited = Object.create({ generationType: 'transition', purpose: 'gap_fill', strategy: 'once' }) as object;
    expect(rulesOf(inherited).slice(0, 3)).toEqual(['V02', 'V03', 'V04']);
    const parsed = JSON.parse('{"__proto__": {"generationType": "transition"}, "toString": "x"}') as unknown;
    expect(rulesOf(parsed)).toContain('V02');
  });

  it('names exotic types by typeof', () => {
    const config = cleanWith({ enabled: Symbol('on'), version: 10n, templateId: new String('t') });
    expect(findingsOf('V55', config).map((f) => f.message)).toEqual([
      'enabled must be a boolean (got symbol)',
      'templateId must be a string (got an object)',
      'version must be a finite number (got bigint)',
    ]);
  });

  it('reports a hole in a sparse array as its first bad element, without walking the rest', () => {
    const config = cleanWith({ constraints: { contentRules: new Array(2 ** 32 - 1) } });
    expect(findingsOf('V55', config).map((f) => f.message)).toEqual([
      'constraints.contentRules[0] must be a string (got nothing)',
    ]);
  });

  it('survives hostile options', () => {
    const config = cleanWith({ provider: 'p', socialContext: { contentRating: 'romantic', intimacyLevelId: 'x' } });
    const hostile = [
      throwingProxy(),
      { world: throwingProxy(), user: throwingProxy(), prompts: throwingProxy(), providers: throwingProxy([]) },
      { world: { relationshipSchema: throwingProxy() }, providers: [Symbol('p'), 3, 'q'] },
      { prompts: { families: 'none', versions: [null, 3, { id: 7 }, { id: 'v', variables: throwingProxy() }] } },
      { world: 'x', user: 5, prompts: [], providers: 'p' },
    ] as unknown as ValidationOptions[];
    for (const options of hostile) {
      expect(() => validateGenerationNode(config, options)).not.toThrow();
    }
    expect(findingsOf('V53', config, hostile[2])[0]?.message).toBe("Provider 'p' is not configured. Configured providers: q");
    expect(findingsOf('V54', config, hostile[2])).toEqual([]);
  });
});
