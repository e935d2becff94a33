import { describe, expect, it } from 'vitest';
import { collectPlaceholders, renderText, renderValue } from '../../../core/providers/templates';

const VALUES = new Map<string, unknown>([
  ['prompt', 'a "quoted" sky & sea'],
  ['seed', 42],
  ['flag', true],
  ['jobId', 'job/1 2'],
]);

describe('templates', () => {
  it('replaces an exact placeholder by the typed value and an embedded one by its text', () => {
    const body = { p: '{{prompt}}', s: '{{seed}}', f: '{{flag}}', mix: 'seed={{seed}} flag={{flag}}', list: ['{{seed}}', 'x'], keep: 3 };
    expect(renderValue(body, VALUES, 'Mapping', true)).toEqual({
      p: 'a "quoted" sky & sea',
      s: 42,
      f: true,
      mix: 'seed=42 flag=true',
      list: [42, 'x'],
      keep: 3,
    });
  });

  it('leaves embedded placeholders alone when only exact ones count (workflows)', () => {
    expect(renderValue({ a: 'x {{seed}}', b: '{{seed}}' }, VALUES, 'Workflow', false)).toEqual({ a: 'x {{seed}}', b: 42 });
  });

  it('URL-encodes values inserted into a path', () => {
    expect(renderText('/jobs/{{jobId}}/cancel', VALUES, 'Mapping', encodeURIComponent)).toBe('/jobs/job%2F1%202/cancel');
  });

  it('fails a placeholder without a value as bad_request naming it', () => {
    expect(() => renderValue({ a: '{{modelParams.style}}' }, VALUES, 'Mapping', true)).toThrow(
      expect.objectContaining({ errorClass: 'bad_request', message: "Mapping placeholder '{{modelParams.style}}' has no value" }),
    );
  });

  it('collects the names a template uses, deeply', () => {
    expect([...collectPlaceholders({ a: ['{{x}}', { b: 'p {{y}} q {{x}}' }] }, true)]).toEqual(['x', 'y']);
    expect([...collectPlaceholders({ a: ['{{x}}', { b: 'p {{y}}' }] }, false)]).toEqual(['x']);
  });

  it('does not let a "__proto__" key of the template touch the prototype', () => {
    const rendered = renderValue(JSON.parse('{"__proto__": {"polluted": "{{seed}}"}}'), VALUES, 'Mapping', true) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(rendered, '__proto__')).toBe(true);
  });
});
