// RPC-6: the contract as JSON Schema, committed as a golden file so that any change to a method or event
// shows up in review. Inputs are rendered as the handler receives them (after parsing); schemas used more
// than once are shared under $defs.
import { z } from 'zod';
import { events, methods } from './contract';

export function contractJsonSchema(): Record<string, unknown> {
  const whole = z.object({
    methods: z.object(
      Object.fromEntries(Object.entries(methods).map(([name, spec]) => [name, z.object({ input: spec.input, output: spec.output })])),
    ),
    events: z.object(events),
  });
  // z.custom (verbatim node configs) and transforms have no JSON Schema form; they appear as `{}`.
  return z.toJSONSchema(whole, { io: 'output', unrepresentable: 'any', reused: 'ref', target: 'draft-2020-12' });
}
