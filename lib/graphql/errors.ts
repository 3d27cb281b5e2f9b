// Expected failures become GraphQL errors with extensions { code, field };
// anything else is masked and logged with the request id.
import { GraphQLError } from 'graphql';
import { AppError } from '../errors.js';
import { logger } from '../observability.js';

export function toGraphQLError(error: AppError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, ...(error.field ? { field: error.field } : {}) },
  });
}

export const userError = (code: AppError['code'], message: string, field?: string): GraphQLError =>
  toGraphQLError(new AppError(code, message, field));

/** Yoga's maskError: show what the caller can act on, hide the rest. */
export function maskError(error: unknown, message: string, requestId?: string): Error {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof AppError) {
    const e = toGraphQLError(original);
    const path = error instanceof GraphQLError ? error.path : undefined;
    return new GraphQLError(e.message, { extensions: e.extensions, ...(path ? { path } : {}) });
  }
  if (error instanceof GraphQLError && !error.originalError) return error; // validation and parse errors
  if (error instanceof GraphQLError && error.originalError instanceof GraphQLError) return error.originalError;
  logger.error('unexpected error', { requestId, error: original instanceof Error ? { name: original.name, message: original.message, stack: original.stack } : String(original) });
  return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) } });
}
