// rpc.md §1–§2: the one dispatcher behind every transport (in-process, Electron IPC, WebSocket). Whatever
// arrives, the answer is an RpcResponse: nothing throws across the boundary, and internals never cross it.
import { randomUUID } from 'node:crypto';
import { type GenError, isGenError, GenError as GenErrorClass } from '../domain/gen-error';
import { type MethodInput, type MethodOutput, type MethodSpec, deadlineSecOf, isMethodName, methods } from './contract';
import { RpcRequestSchema, type RpcResponse, badRequest, errorResponse, issuesFromZod, okResponse } from './envelope';
import { RPC_LIMITS, checkPayloadLimits, frameTooLarge } from './limits';
import { type RpcLogger, stderrLogger } from './logger';
import type { MethodName } from './method-names';

export type CallContext<S> = { readonly session: S; readonly signal: AbortSignal; readonly method: MethodName };

export type Handler<M extends MethodName, S> = (
  input: MethodInput<M>,
  context: CallContext<S>,
) => Promise<MethodOutput<M>> | MethodOutput<M>;

export type Handlers<S> = { readonly [M in MethodName]: Handler<M, S> };

export type Dispatcher<S> = {
  /** One request object (in-process, IPC). `frameBytes` is given when the transport received raw bytes. */
  dispatch(frame: unknown, session: S, options?: { frameBytes?: number }): Promise<RpcResponse>;
  /** One text frame (WebSocket): size first, then JSON, then as `dispatch`. */
  dispatchText(text: string, session: S): Promise<RpcResponse>;
};

export type DispatcherOptions<S> = {
  handlers: Handlers<S>;
  logger?: RpcLogger;
  /** Parse every output against its schema (development and test builds, rpc.md §1). */
  checkOutputs?: boolean;
};

function internalError(logger: RpcLogger, event: string, fields: Record<string, unknown>): GenError {
  const correlationId = randomUUID();
  logger.error(event, { correlationId, ...fields });
  return new GenErrorClass(
    'GEN_INTERNAL',
    `Something went wrong inside Genweave Studio (reference ${correlationId}). The details are in the log.`,
    { correlationId },
  );
}

function echoId(frame: unknown): string {
  if (typeof frame !== 'object' || frame === null || !Object.hasOwn(frame, 'id')) return '';
  const id = (frame as { id: unknown }).id;
  return typeof id === 'string' && id.length <= 128 ? id : '';
}

function timeoutError(method: MethodName, seconds: number): GenError {
  return new GenErrorClass('GEN_RPC_TIMEOUT', `'${method}' did not answer within ${seconds} s.`, { method, seconds });
}

export function createDispatcher<S>(options: DispatcherOptions<S>): Dispatcher<S> {
  const logger = options.logger ?? stderrLogger;
  const checkOutputs = options.checkOutputs ?? process.env.NODE_ENV !== 'production';

  /** Runs the handler under its deadline; resolves to its output or rejects with what it threw. */
  function runWithDeadline(method: MethodName, input: unknown, session: S): Promise<unknown> {
    const seconds = deadlineSecOf(method);
    const controller = new AbortController();
    const handler = options.handlers[method] as Handler<MethodName, S>;
    const work = Promise.resolve().then(() =>
      handler(input as MethodInput<MethodName>, { session, signal: controller.signal, method }),
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(timeoutError(method, seconds));
      }, seconds * 1000);
    });
    return Promise.race([work, deadline]).finally(() => {
      clearTimeout(timer);
      // A handler that settles after its deadline must not become an unhandled rejection.
      work.catch((late: unknown) => {
        if (controller.signal.aborted) logger.warn('rpc.late_failure', { method, error: late });
      });
    });
  }

  function wrapThrown(method: string, thrown: unknown): GenError {
    if (isGenError(thrown)) {
      if (thrown.code === 'GEN_INTERNAL') logger.error('rpc.internal', { method, error: thrown });
      return thrown;
    }
    return internalError(logger, 'rpc.unexpected', { method, error: thrown });
  }

  async function dispatch(frame: unknown, session: S, frameOptions: { frameBytes?: number } = {}): Promise<RpcResponse> {
    const id = echoId(frame);
    try {
      const envelope = RpcRequestSchema.safeParse(frame);
      if (!envelope.success) return errorResponse(id, badRequest(issuesFromZod(envelope.error)));
      const request = envelope.data;
      const limitError = checkPayloadLimits(request, frameOptions);
      if (limitError !== null) return errorResponse(id, limitError);
      const method = request.method;
      if (!isMethodName(method)) {
        return errorResponse(id, new GenErrorClass('GEN_RPC_UNKNOWN_METHOD', `Unknown method '${method}'.`, { method }));
      }
      const spec: MethodSpec = methods[method];
      const input = spec.input.safeParse(request.input);
      if (!input.success) return errorResponse(id, badRequest(issuesFromZod(input.error)));
      let result: unknown;
      try {
        result = await runWithDeadline(method, input.data, session);
      } catch (thrown) {
        return errorResponse(id, wrapThrown(method, thrown));
      }
      if (checkOutputs) {
        const output = spec.output.safeParse(result);
        if (!output.success) {
          return errorResponse(id, internalError(logger, 'rpc.output_violation', { method, issues: issuesFromZod(output.error) }));
        }
      }
      return okResponse(id, result);
    } catch (thrown) {
      return errorResponse(id, internalError(logger, 'rpc.dispatch_failure', { error: thrown }));
    }
  }

  async function dispatchText(text: string, session: S): Promise<RpcResponse> {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > RPC_LIMITS.frameBytes) return errorResponse('', frameTooLarge(bytes));
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch (thrown) {
      // The parser's message quotes the frame, which is the caller's data: say only what is wrong.
      if (!(thrown instanceof SyntaxError)) throw thrown;
      return errorResponse('', badRequest([{ path: '', message: 'is not JSON' }]));
    }
    return dispatch(frame, session, { frameBytes: bytes });
  }

  return { dispatch, dispatchText };
}
