import { GenError } from '../domain';
import type { ErrorClass, GenErrorCode } from '../domain';
import { ProviderError } from './adapter';
import type { ProviderUpdate } from './adapter';
import { cutProviderMessage } from './redact';
import type { Redactor } from './redact';

// errors.md §4: from a provider error class to the code recorded on the failed generation.

export const ERROR_CLASS_CODES: Readonly<Record<ErrorClass, GenErrorCode>> = {
  timeout: 'GEN_TIMEOUT',
  rate_limited: 'GEN_PROVIDER_RATE_LIMITED',
  server_error: 'GEN_PROVIDER_UNAVAILABLE',
  connection: 'GEN_PROVIDER_UNAVAILABLE',
  auth: 'GEN_PROVIDER_AUTH',
  bad_request: 'GEN_PROVIDER_REJECTED',
  filtered: 'GEN_FILTERED',
  bad_response: 'GEN_PROVIDER_BAD_RESPONSE',
  provider_failed: 'GEN_PROVIDER_ERROR',
};

export const RETRYABLE_ERROR_CLASSES: readonly ErrorClass[] = ['timeout', 'rate_limited', 'server_error', 'connection'];

export function isRetryableErrorClass(errorClass: ErrorClass): boolean {
  return RETRYABLE_ERROR_CLASSES.includes(errorClass);
}

export function codeForProviderError(error: ProviderError): GenErrorCode {
  if (error.errorClass === 'bad_response' && error.reason === 'empty_output') return 'GEN_EMPTY_OUTPUT';
  return ERROR_CLASS_CODES[error.errorClass];
}

/**
 * A terminal job status other than `completed` as the error the engine records (providers.md §1):
 * `failed` → provider_failed, `filtered` → filtered. `cancelled` and non-terminal statuses give null.
 */
export function providerErrorForUpdate(providerId: string, update: ProviderUpdate): ProviderError | null {
  const init = update.errorMessage === undefined ? {} : { providerMessage: update.errorMessage };
  if (update.status === 'failed') return new ProviderError('provider_failed', `Provider '${providerId}' reported that the job failed`, init);
  if (update.status === 'filtered') return new ProviderError('filtered', `Provider '${providerId}' filtered the content`, init);
  return null;
}

export type FailureContext = { timeoutMs: number; attempt: number; redact?: Redactor };

/** The GenError of errors.md §3 for a provider failure: exact template, `details` carrying every value. */
export function genErrorForProviderFailure(providerId: string, error: ProviderError, context: FailureContext): GenError {
  const code = codeForProviderError(error);
  const providerMessage =
    error.providerMessage === undefined ? undefined : cutProviderMessage(error.providerMessage, context.redact ?? ((s) => s));
  const withMessage = providerMessage === undefined || providerMessage === '' ? {} : { providerMessage };
  const withStatus = error.httpStatus === undefined ? {} : { httpStatus: error.httpStatus };
  const who = `Provider '${providerId}'`;
  let result: GenError;
  switch (error.errorClass) {
    case 'timeout':
      result = new GenError(code, `${who} did not finish within ${context.timeoutMs} ms.`, {
        providerId,
        timeoutMs: context.timeoutMs,
        attempt: context.attempt,
      });
      break;
    case 'rate_limited':
      result =
        error.retryAfterMs === undefined
          ? new GenError(code, `${who} is rate limiting requests.`, { providerId })
          : new GenError(code, `${who} is rate limiting requests. Try again in ${Math.ceil(error.retryAfterMs / 1000)} s.`, {
              providerId,
              retryAfterMs: error.retryAfterMs,
            });
      break;
    case 'server_error':
    case 'connection':
      result = new GenError(code, `${who} is unavailable. Check that it is running and reachable.`, {
        providerId,
        errorClass: error.errorClass,
        ...withStatus,
        ...withMessage,
      });
      break;
    case 'auth':
      result = new GenError(code, `${who} rejected the credentials. Check its API key under Providers.`, { providerId, ...withStatus });
      break;
    case 'bad_request':
      result = new GenError(
        code,
        error.httpStatus === undefined ? `${who} rejected the request.` : `${who} rejected the request (HTTP ${error.httpStatus}).`,
        { providerId, ...withStatus, ...withMessage },
      );
      break;
    case 'filtered':
      result = new GenError(code, `${who} filtered the content. Adjust the prompt or the node's constraints.`, { providerId, ...withMessage });
      break;
    case 'bad_response':
      result =
        code === 'GEN_EMPTY_OUTPUT'
          ? new GenError(code, `${who} returned no content.`, { providerId })
          : new GenError(code, `${who} returned a response that could not be read.`, { providerId, reason: error.reason ?? 'unexpected_status' });
      break;
    case 'provider_failed':
      result = new GenError(code, `${who} reported that the job failed.`, { providerId, ...withMessage });
      break;
  }
  result.cause = error;
  return result;
}
