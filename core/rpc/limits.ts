// rpc.md §2 payload limits, checked before any schema so that a hostile input cannot make zod (or anything
// recursive) blow the stack or allocate without bound. The walk is iterative: its stack is an array, so a
// 100,000-deep array costs memory proportional to its depth and never raises a RangeError.
import { GenError } from '../domain/gen-error';

export const RPC_LIMITS = {
  frameBytes: 16 * 1024 * 1024,
  depth: 64,
  stringBytes: 1024 * 1024,
  promptTextBytes: 64 * 1024,
} as const;

type Frame = {
  readonly container: object;
  readonly keys: readonly string[] | null; // null for arrays
  readonly length: number;
  readonly depth: number;
  readonly key: string; // the segment under which this container sits in its parent
  readonly inDocument: boolean;
  next: number;
  emitted: number;
};

type StringScan = { utf8: number; json: number };

/** UTF-8 length of the raw string and byte length of its JSON.stringify form, in one pass. */
function scanString(value: string): StringScan {
  let utf8 = 0;
  let json = 2;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) {
      utf8 += 1;
      if (c === 0x22 || c === 0x5c) json += 2;
      else if (c < 0x20) json += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
      else json += 1;
    } else if (c < 0x800) {
      utf8 += 2;
      json += 2;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length && isLowSurrogate(value.charCodeAt(i + 1))) {
      utf8 += 4;
      json += 4;
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      utf8 += 3; // a lone surrogate encodes as U+FFFD
      json += 6; // and JSON.stringify escapes it as \udxxx
    } else {
      utf8 += 3;
      json += 3;
    }
  }
  return { utf8, json };
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function scalarJsonBytes(value: unknown): number {
  if (value === null) return 4;
  if (typeof value === 'boolean') return value ? 4 : 5;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).length : 4;
  if (typeof value === 'bigint') return String(value).length;
  return 0; // undefined, functions and symbols are not serialised
}

/** Prompt texts (domain.md §8): `….prompt.inline` and `….versions[<i>].text`. */
function isPromptText(stack: readonly Frame[], key: string): boolean {
  const parent = stack[stack.length - 1];
  if (parent === undefined) return false;
  if (key === 'inline') return parent.key === 'prompt' && parent.keys !== null;
  if (key === 'text' && parent.keys !== null) {
    const list = stack[stack.length - 2];
    return list !== undefined && list.keys === null && list.key === 'versions';
  }
  return false;
}

function pathOf(stack: readonly Frame[], leaf: string | null): string {
  const parts = stack.slice(1).map((f) => f.key);
  if (leaf !== null) parts.push(leaf);
  return parts.join('.');
}

function limitError(limit: number, path: string, message: string): GenError {
  return new GenError('GEN_BAD_REQUEST', `Invalid request: '${path || 'input'}' ${message}.`, {
    limit,
    issues: [{ path, message }],
  });
}

export function frameTooLarge(bytes: number): GenError {
  return new GenError(
    'GEN_PAYLOAD_TOO_LARGE',
    `The request is too large (${bytes} bytes; the limit is ${RPC_LIMITS.frameBytes} bytes).`,
    { bytes, limit: RPC_LIMITS.frameBytes },
  );
}

/** Strings under `input.document` of project.* and export.* are bounded only by the frame (rpc.md §2). */
function carriesDocument(method: string): boolean {
  return method.startsWith('project.') || method.startsWith('export.');
}

function openFrame(value: object, depth: number, key: string, inDocument: boolean): Frame {
  const keys = Array.isArray(value) ? null : Object.keys(value);
  return { container: value, keys, length: keys === null ? (value as unknown[]).length : keys.length, depth, key, inDocument, next: 0, emitted: 0 };
}

/**
 * Checks the rpc.md §2 limits of one request. `frameBytes` is the size of the received frame when the
 * transport has one (WebSocket text); otherwise the JSON size of the envelope is computed while walking.
 * Returns the first violation, the frame size taking precedence over depth and string limits.
 */
export function checkPayloadLimits(
  envelope: { v: number; id: string; method: string; input: unknown },
  options: { frameBytes?: number } = {},
): GenError | null {
  if (options.frameBytes !== undefined && options.frameBytes > RPC_LIMITS.frameBytes) return frameTooLarge(options.frameBytes);
  const documentAware = carriesDocument(envelope.method);
  // `{"v":1,"id":…,"method":…` + `,"input":` + input + `}`; sizes in UTF-8 bytes.
  let bytes = `{"v":${envelope.v},"id":`.length + scanString(envelope.id).json + ',"method":'.length + scanString(envelope.method).json + ',"input":'.length;
  let firstViolation: GenError | null = null;

  const visitString = (stack: readonly Frame[], key: string | null, value: string, inDocument: boolean): void => {
    const scan = scanString(value);
    bytes += scan.json;
    if (firstViolation !== null) return;
    const promptText = key !== null && isPromptText(stack, key);
    if (promptText && scan.utf8 > RPC_LIMITS.promptTextBytes) {
      firstViolation = limitError(RPC_LIMITS.promptTextBytes, pathOf(stack, key), `is longer than ${RPC_LIMITS.promptTextBytes} bytes, the limit for a prompt text`);
    } else if (!promptText && !inDocument && scan.utf8 > RPC_LIMITS.stringBytes) {
      firstViolation = limitError(RPC_LIMITS.stringBytes, pathOf(stack, key), `is longer than ${RPC_LIMITS.stringBytes} bytes, the limit for a string`);
    }
  };

  const root = envelope.input;
  if (typeof root === 'string') visitString([], null, root, false);
  else if (typeof root !== 'object' || root === null) bytes += scalarJsonBytes(root);
  else {
    const stack: Frame[] = [openFrame(root, 1, '', false)];
    bytes += 2;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next >= frame.length) {
        stack.pop();
        continue;
      }
      const index = frame.next++;
      const key = frame.keys === null ? String(index) : frame.keys[index]!;
      const value = (frame.container as Record<string, unknown>)[key];
      const serialisable = value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
      if (frame.keys !== null) {
        if (!serialisable) continue; // JSON.stringify drops such properties
        visitString(stack, null, key, frame.inDocument);
        bytes += 1; // the colon
      }
      if (frame.emitted++ > 0) bytes += 1; // the comma
      const inDocument = frame.inDocument || (documentAware && stack.length === 1 && key === 'document');
      if (typeof value === 'string') visitString(stack, key, value, inDocument);
      else if (typeof value === 'object' && value !== null) {
        const depth = frame.depth + 1;
        if (depth > RPC_LIMITS.depth && firstViolation === null) {
          firstViolation = limitError(RPC_LIMITS.depth, pathOf(stack, key), `is nested more than ${RPC_LIMITS.depth} levels deep`);
        }
        bytes += 2;
        stack.push(openFrame(value, depth, key, inDocument));
      } else bytes += serialisable ? scalarJsonBytes(value) : 4; // an array holds null in their place
    }
  }
  bytes += 1;
  if (options.frameBytes === undefined && bytes > RPC_LIMITS.frameBytes) return frameTooLarge(bytes);
  return firstViolation;
}
