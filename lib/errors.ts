// One place for expected failures. The GraphQL layer turns an AppError into a
// GraphQLError with extensions { code, field }; anything else is unexpected and
// is masked (logged with the request id, never shown to the caller).

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'UNAVAILABLE'
  | 'RATE_LIMITED';

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  /** more for the caller to act on (e.g. retryAfterSeconds), shown in the error's extensions */
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, field?: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.details = details;
  }
}

export const badInput = (field: string, reason: string): AppError =>
  new AppError('BAD_USER_INPUT', `${field}: ${reason}`, field);

export const notFound = (field: string, what: string, id: string): AppError =>
  new AppError('NOT_FOUND', `${field}: no ${what} with id "${id}"`, field);

/** An outbound call (a webhook delivery) refused by lib/webhooks/outbound.ts: the URL or the address DNS gave is not allowed. */
export class OutboundRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefused';
  }
}

/** A webhook delivery attempt that did not succeed: the SQS worker fails the record so the queue offers it again (or dead-letters it). */
export class DeliveryNotDone extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeliveryNotDone';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
