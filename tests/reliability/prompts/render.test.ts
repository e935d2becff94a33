import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isGenError } from '../../../core/domain';
import { listTemplateVariables, renderPromptTemplate } from '../../../core/prompts';
import { figure } from '../support/figure';
import { fakeHttpJobConfig } from '../../fake-provider';
import { engineOn, fakeProvider, request } from '../support/engine-kit';

function unbound(fn: () => unknown): { message: string; details: { missing: string[] } } {
  try {
    fn();
  } catch (error) {
    if (isGenError(error) && error.code === 'GEN_PROMPT_UNBOUND') return error as never;
    throw error;
  }
  throw new Error('expected GEN_PROMPT_UNBOUND');
}

describe('listTemplateVariables', () => {
  it('lists unique names in first-appearance order', () => {
    expect(listTemplateVariables('{{b}} {{ a }} {{b}} {{\tfromScene.mood\t}} {{a}}')).toEqual(['b', 'a', 'fromScene.mood']);
  });

  it('ignores text outside the placeholder grammar', () => {
    expect(listTemplateVariables('{{ bad-name }} {{}} {x} {{1a}} {{ a b }} {{\na}} {{ _ok.1 }}')).toEqual(['_ok.1']);
    expect(listTemplateVariables('')).toEqual([]);
  });

  it('matches leftmost and non-overlapping', () => {
    expect(listTemplateVariables('{{{a}}}')).toEqual(['a']);
    expect(listTemplateVariables('{{{{a}}}}')).toEqual(['a']);
  });
});

// Text made of ordinary strings and the pieces most likely to confuse a renderer.
const trickyText = fc
  .array(fc.oneof(fc.string(), fc.constantFrom('{{', '}}', '{{v}}', '{{ name }}', '$&', '$1', '$$', '\u{1F600}', '\uD800', '\0')))
  .map((parts) => parts.join(''));

describe('renderPromptTemplate', () => {
  it('renders strings, numbers and booleans (prompts.md §3 example)', () => {
    expect(renderPromptTemplate('Hi {{ name }}, {{n}} left', { name: 'Ada', n: 3 })).toBe('Hi Ada, 3 left');
    expect(renderPromptTemplate('{{a}}|{{b}}|{{c}}|{{d}}', { a: true, b: false, c: 0.5, d: -0 })).toBe('true|false|0.5|0');
  });

  it('treats an empty string as a value and neither trims nor escapes', () => {
    expect(renderPromptTemplate('[{{a}}]', { a: '' })).toBe('[]');
    expect(renderPromptTemplate('[{{a}}]', { a: '  <b>&amp;\n' })).toBe('[  <b>&amp;\n]');
  });

  it('keeps literal text that is not a placeholder', () => {
    expect(renderPromptTemplate('{{ bad-name }} {{}} {single} {{a}}', { a: 'x' })).toBe('{{ bad-name }} {{}} {single} x');
    expect(renderPromptTemplate('{{{a}}}', { a: 'v' })).toBe('{v}');
  });

  it('IN-3 inserts values verbatim in one pass', () => {
    // IN-3: values that look like placeholders or String.replace patterns stay exactly as given.
    const values = ['{{name}}', '{{ secret }}', '}}{{', '$&', '$1', "$'", '$`', '$$', '$<n>'];
    for (const value of values) {
      expect(renderPromptTemplate('<{{v}}>', { v: value, name: 'NAME', secret: 'SECRET' })).toBe(`<${value}>`);
    }
    expect(renderPromptTemplate('{{a}}{{b}}', { a: '{{', b: 'b}}' })).toBe('{{b}}');
    fc.assert(
      fc.property(trickyText, fc.string(), (value, prefix) => {
        expect(renderPromptTemplate(`${prefix.replace(/[{}]/g, '')}{{ v }}`, { v: value })).toBe(prefix.replace(/[{}]/g, '') + value);
      }),
      { numRuns: 200 },
    );
    // An unbound name is reported even when a value contains it; nothing is expanded twice.
    const error = unbound(() => renderPromptTemplate('{{a}} {{b}} {{a}}', { a: '{{b}}' }));
    expect(error.details.missing).toEqual(['b']);
    figure('IN-3', { fixed_values: values.length, fuzz_values: 200, second_expansions: 0 });
  });

  it('lists every unbound name once, in first-appearance order', () => {
    const error = unbound(() => renderPromptTemplate('{{z}} {{a}} {{ok}} {{z}} {{m}}', { ok: 1 }));
    expect(error.details).toEqual({ missing: ['z', 'a', 'm'] });
    expect(error.message).toBe('Prompt has no value for: z, a, m.');
  });

  it('binds only own properties holding a string, a number or a boolean', () => {
    const inherited = Object.create({ name: 'proto' }) as Record<string, string>;
    const cases: Array<[string, Record<string, unknown>]> = [
      ['constructor', {}],
      ['toString', {}],
      ['__proto__', {}],
      ['name', inherited],
      ['x', { x: undefined }],
      ['x', { x: null }],
      ['x', { x: {} }],
      ['x', { x: ['a'] }],
      ['x', { x: 1n }],
    ];
    for (const [name, vars] of cases) {
      expect(unbound(() => renderPromptTemplate(`{{${name}}}`, vars as never)).details.missing).toEqual([name]);
    }
    const own = JSON.parse('{"__proto__":"data"}') as Record<string, string>;
    expect(renderPromptTemplate('{{__proto__}}', own)).toBe('data');
  });

  it('renders a template without placeholders unchanged', () => {
    expect(renderPromptTemplate('plain $& text', {})).toBe('plain $& text');
  });
});

describe('IN-3 through the engine', () => {
  it('never sends an unexpanded placeholder to the provider', async () => {
    const fake = await fakeProvider();
    const engine = await engineOn({ providers: [fakeHttpJobConfig(fake.url)] });
    const unbound = await engine.generations
      .create(request({}, { provider: 'fake-job', prompt: { inline: 'The keeper greets {{npcName}} and {{x}}.', variables: { npcName: 'Mara' } } }))
      .then(() => null, (error: unknown) => error);
    expect(isGenError(unbound) && ['GEN_PROMPT_UNBOUND', 'GEN_VALIDATION_FAILED'].includes(unbound.code)).toBe(true);
    expect(fake.calls()).toHaveLength(0);
    const { generation } = await engine.generations.create(
      request({ nodeId: 'gen-in3' }, { provider: 'fake-job', prompt: { inline: 'Say {{line}}.', variables: { line: '$& {{npcName}}' } } }),
    );
    await engine.generations.wait(generation.id);
    const sent = fake.calls().filter((c) => c.kind === 'submit').map((c) => JSON.stringify(c.body));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Say $& {{npcName}}.');
    figure('IN-3', { unbound_refused: isGenError(unbound), provider_calls_when_unbound: 0, value_sent_verbatim: sent[0]!.includes('Say $& {{npcName}}.') });
  });
});
