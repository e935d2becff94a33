// A failure that happens on the client's side of a transport (a bridge that threw, a socket that dropped).
// It has the GEN_INTERNAL shape of errors.md; the reference points at the renderer's console log.
import type { RpcResponse } from './envelope';

export function clientFailure(id: string, what: string, cause: unknown): RpcResponse {
  const correlationId = `client-${Math.random().toString(36).slice(2, 12)}`;
  console.error(`[genweave rpc] ${what} (reference ${correlationId})`, cause);
  return {
    v: 1,
    id,
    ok: false,
    error: {
      code: 'GEN_INTERNAL',
      message: `Something went wrong inside Genweave Studio (reference ${correlationId}). The details are in the log.`,
      details: { correlationId },
    },
  };
}
