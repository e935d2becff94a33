import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methods } from '../../../core/rpc/contract';
import { METHOD_NAMES } from '../../../core/rpc/method-names';
import { createFakeEndpoint } from './support/fake-endpoint';
import { SAMPLE_INPUTS } from './support/sample-inputs';

type Path = Array<string | number>;

/** Every path to an object or array inside `value` (the root included). */
function containerPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (typeof value !== 'object' || value === null) return out;
  out.push(path);
  for (const [key, child] of Object.entries(value)) containerPaths(child, [...path, Array.isArray(value) ? Number(key) : key], out);
  return out;
}

function at(value: unknown, path: Path): Record<string | number, unknown> {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value) as Record<string | number, unknown>;
}

const replacement = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(Number.NaN),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

const mutation = fc.record({
  op: fc.constantFrom('drop', 'swap', 'add', 'nan'),
  pick: fc.nat(),
  key: fc.constantFrom('extra', 'x', '__proto__', 'constructor'),
  value: replacement,
});

describe('contract inputs under mutation', () => {
  it('RPC-3 rejects wrong-typed input before the handler runs', async () => {
    let valid = 0;
    let invalid = 0;
    for (const method of METHOD_NAMES) {
      const endpoint = createFakeEndpoint();
      const session = endpoint.connect(() => {});
      const seed = SAMPLE_INPUTS[method];
      expect(methods[method].input.safeParse(seed).success, `${method} seed`).toBe(true);
      const paths = containerPaths(seed);
      await fc.assert(
        fc.asyncProperty(mutation, async ({ op, pick, key, value }) => {
          const mutant = structuredClone(seed) as Record<string, unknown>;
          const container = at(mutant, paths[pick % paths.length]!);
          const keys = Object.keys(container);
          const target = keys[pick % Math.max(keys.length, 1)];
          if (op === 'add' || target === undefined) Object.defineProperty(container, key, { value, enumerable: true, configurable: true, writable: true });
          else if (op === 'drop') delete container[target];
          else container[target] = op === 'nan' ? Number.NaN : value;

          const expectedValid = methods[method].input.safeParse(mutant).success;
          const before = endpoint.handlerCalls();
          const reply = await endpoint.dispatch({ v: 1, id: 'f', method, input: mutant }, session);
          if (expectedValid) {
            valid++;
            expect(endpoint.handlerCalls()).toBe(before + 1);
          } else {
            invalid++;
            expect(endpoint.handlerCalls()).toBe(before);
            expect(reply.ok).toBe(false);
            if (reply.ok) return;
            expect(reply.error.code).toBe('GEN_BAD_REQUEST');
            const issues = (reply.error.details as { issues: Array<{ path: string; message: string; expected?: string }> }).issues;
            expect(issues.length).toBeGreaterThan(0);
            for (const issue of issues) {
              expect(typeof issue.path).toBe('string');
              expect(issue.message.length).toBeGreaterThan(0);
            }
          }
        }),
        { numRuns: 1000 },
      );
    }
    console.log(`FIGURE RPC-3 methods=${METHOD_NAMES.length} valid_mutants=${valid} invalid_mutants=${invalid}`);
    expect(invalid).toBeGreaterThan(0);
    expect(valid).toBeGreaterThan(0);
  });
});
