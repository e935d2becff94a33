// rpc.md §2: the three frames every transport carries, and the shape of an error on the wire.
import { z } from 'zod';
import { GEN_ERROR_CODES, GenError } from '../domain/gen-error';

export const RPC_VERSION = 1;

export const RpcRequestSchema = z.strictObject({
  v: z.literal(RPC_VERSION),
  id: z.string().min(1).max(128),
  method: z.string().max(256),
  input: z.unknown(),
});
export type RpcRequest = z.infer<typeof RpcRequestSchema>;

export const RpcErrorSchema = z.strictObject({
  code: z.enum(GEN_ERROR_CODES),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type RpcError = z.infer<typeof RpcErrorSchema>;

export const RpcResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({ v: z.literal(RPC_VERSION), id: z.string(), ok: z.literal(true), result: z.unknown() }),
  z.strictObject({ v: z.literal(RPC_VERSION), id: z.string(), ok: z.literal(false), error: RpcErrorSchema }),
]);
export type RpcResponse = z.infer<typeof RpcResponseSchema>;

export const RpcEventSchema = z.strictObject({
  v: z.literal(RPC_VERSION),
  event: z.string(),
  payload: z.unknown(),
});
export type RpcEvent = z.infer<typeof RpcEventSchema>;

/** Either a result or an error: what `call` resolves to, whatever the transport. */
export type RpcResult<T> = { ok: true; result: T } | { ok: false; error: RpcError };

export type RpcIssue = { path: string; message: string; expected?: string };

function pathToString(path: readonly PropertyKey[]): string {
  return path.map((segment) => String(segment)).join('.');
}

/** zod issues as the plain `{ path, message }` list of errors.md (`GEN_BAD_REQUEST`). */
export function issuesFromZod(error: z.ZodError): RpcIssue[] {
  return error.issues.map((issue) => {
    const out: RpcIssue = { path: pathToString(issue.path), message: issue.message };
    if (issue.code === 'invalid_type') out.expected = String(issue.expected);
    return out;
  });
}

export function badRequest(issues: RpcIssue[]): GenError {
  const first = issues[0] ?? { path: '', message: 'is not valid' };
  const text = first.message.replace(/\.$/, '');
  return new GenError('GEN_BAD_REQUEST', `Invalid request: '${first.path || 'input'}' ${text.charAt(0).toLowerCase()}${text.slice(1)}.`, {
    issues: issues.map((i) => ({ ...i })),
  });
}

export function okResponse(id: string, result: unknown): RpcResponse {
  return { v: RPC_VERSION, id, ok: true, result };
}

export function errorResponse(id: string, error: GenError): RpcResponse {
  return { v: RPC_VERSION, id, ok: false, error: error.toWire() };
}
