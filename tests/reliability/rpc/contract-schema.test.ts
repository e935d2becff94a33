import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { events, methods } from '../../../core/rpc/contract';
import { contractJsonSchema } from '../../../core/rpc/contract-json-schema';
import { EVENT_NAMES, METHOD_NAMES } from '../../../core/rpc/method-names';
import { figure } from '../support/figure';

describe('the RPC contract', () => {
  it('RPC-6 matches the committed JSON Schema of the contract', async () => {
    const schema = `${JSON.stringify(contractJsonSchema(), null, 2)}\n`;
    await expect(schema).toMatchFileSnapshot('./golden/contract.schema.json');
    figure('RPC-6', { methods: Object.keys(methods).length, events: Object.keys(events).length, schema_bytes: schema.length, schema_diff: 0 });
  });

  it('names every method area.verb and every event area.onDidX, exactly as the plain name lists', () => {
    expect(Object.keys(methods)).toEqual([...METHOD_NAMES]);
    expect(Object.keys(events)).toEqual([...EVENT_NAMES]);
    for (const name of METHOD_NAMES) expect(name).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
    for (const name of EVENT_NAMES) expect(name).toMatch(/^[a-z]+\.onDid[A-Z][A-Za-z]*$/);
  });

  it('SEC-3 returns key status as booleans only', () => {
    const secretStatus = { hasSecret: true, persisted: false };
    expect(methods['providers.setSecret'].output.parse(secretStatus)).toEqual(secretStatus);
    expect(methods['providers.clearSecret'].output.safeParse({ ...secretStatus, secret: 'sk-x' }).success).toBe(false);
    expect(methods['providers.setSecret'].output.safeParse({ hasSecret: 'yes', persisted: false }).success).toBe(false);
    const item = { id: 'local-preview', kind: 'local-preview', hasSecret: false, capabilities: { operations: [], poll: false, cancel: false, reportsCost: false } };
    expect(methods['providers.list'].output.safeParse([item]).success).toBe(true);
    expect(methods['providers.list'].output.safeParse([{ ...item, hasSecret: 'sk-live' }]).success).toBe(false);

    // No output or event schema has a key-like property that is not a boolean (names ending in the word;
    // `secretHeader` names a header and `perInputTokenUsd` is a price).
    const keyLike = /(secret|api_?key|token|password|authorization|credentials?)$/i;
    const offending: string[] = [];
    const outputs = [
      ...Object.entries(methods).map(([name, spec]) => [name, spec.output] as const),
      ...Object.entries(events).map(([name, schema]) => [name, schema] as const),
    ];
    for (const [name, schema] of outputs) {
      const stack: Array<{ node: unknown; path: string }> = [{ node: z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }), path: name }];
      while (stack.length > 0) {
        const { node, path } = stack.pop()!;
        if (typeof node !== 'object' || node === null) continue;
        const properties = (node as { properties?: Record<string, { type?: unknown }> }).properties ?? {};
        for (const [key, value] of Object.entries(properties)) {
          if (keyLike.test(key) && value.type !== 'boolean') offending.push(`${path}.${key}`);
        }
        for (const [key, child] of Object.entries(node)) stack.push({ node: child, path: `${path}/${key}` });
      }
    }
    expect(offending).toEqual([]);
  });
});
