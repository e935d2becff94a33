import { genErrorFromWire } from '../../../core/domain/gen-error';
import type { StudioRpc, MethodInput, MethodName, MethodOutput } from '../../rpc/rpc-types';

// Feature stores get the shell's RPC client when they are created (STYLE.md §6); unit tests pass an
// in-process fake. These helpers turn an error reply into the GenError it carries, so store actions can use
// one try/catch and show `message`.

export type { StudioRpc };

export async function invoke<M extends MethodName>(rpc: StudioRpc, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const reply = await rpc.call(method, input);
  if (!reply.ok) throw genErrorFromWire(reply.error);
  return reply.result;
}

/** The message to show for anything a store caught: GenErrors carry a readable message (STYLE.md §5). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
