// Expected failures become GraphQL errors with extensions { code, field };
// anything else is masked and logged with the request id.
// Checks are structural, not instanceof: graphql can be loaded twice (ESM and CJS
// builds) in one process, and a class check would then mask expected errors.
import { GraphQLError } from 'graphql';
import { AppError } from '../errors.js';
import { countMetric, logger } from '../observability.js';

interface GraphQLErrorLike {
  name: string;
  message: string;
  originalError?: unknown;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

const isGraphQLError = (e: unknown): e is GraphQLErrorLike =>
  typeof e === 'object' && e !== null && (e as { name?: string }).name === 'GraphQLError';
const isAppError = (e: unknown): e is AppError =>
  typeof e === 'object' &&
  e !== null &&
  (e as { name?: string }).name === 'AppError' &&
  typeof (e as { code?: unknown }).code === 'string';

export function toGraphQLError(error: AppError, path?: ReadonlyArray<string | number>): GraphQLError {
  return new GraphQLError(error.message, {
    ...(path ? { path } : {}),
    extensions: { code: error.code, ...(error.field ? { field: error.field } : {}), ...(error.details ?? {}) },
  });
}

export const userError = (code: AppError['code'], message: string, field?: string): GraphQLError =>
  toGraphQLError(new AppError(code, message, field));

/** Yoga's maskError: show what the caller can act on, hide the rest. */
export function maskError(error: unknown, message: string, requestId?: string): Error {
  let original: unknown = error;
  while (isGraphQLError(original) && original.originalError) original = original.originalError;
  const path = isGraphQLError(error) ? error.path : undefined;
  if (isAppError(original)) return toGraphQLError(original, path);
  // Errors that are GraphQL errors all the way down (parse, validation, limits, auth) are meant for the caller.
  if (isGraphQLError(original)) return original as unknown as Error;
  countMetric('errors');
  logger.error('unexpected error', {
    requestId,
    error:
      original instanceof Error
        ? { name: original.name, message: original.message, stack: original.stack }
        : String(original),
  });
  return new GraphQLError(message, {
    ...(path ? { path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
  });
}
