// The current request's id, available to logging and error masking anywhere below
// the entry point without threading it through every call.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export const currentRequestId = (): string | undefined => requestContext.getStore()?.requestId;

/**
 * A client's x-request-id, if it is a plain token (letters, digits, . _ : -, at most 64):
 * it is echoed into errors and logs, so anything else is replaced by our own id.
 */
export function clientRequestId(header: string | null | undefined): string | undefined {
  return header && /^[A-Za-z0-9._:-]{1,64}$/.test(header) ? header : undefined;
}

export function withRequestId<T>(requestId: string | undefined, fn: () => T): T {
  return requestContext.run({ requestId: requestId || randomUUID() }, fn);
}
