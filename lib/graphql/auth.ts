// Role checks at the GraphQL edge: writes need writer/admin; reads need any key
// only where the deployment says so.
import type { Context } from './context.js';
import { userError } from './errors.js';

export function requireWriter(ctx: Context): void {
  if (ctx.writesOpen && ctx.foreignOrigin) {
    throw userError(
      'FORBIDDEN',
      'Writes are open on this server (no API key required), so mutations are accepted only from its own pages or from CORS_ORIGINS, not from another site.',
    );
  }
  if (ctx.caller.role === null) {
    throw userError(
      'UNAUTHENTICATED',
      ctx.caller.invalidKey
        ? 'The API key is unknown or revoked.'
        : 'This mutation needs an API key: Authorization: Bearer <key>.',
    );
  }
  if (ctx.caller.role === 'reader')
    throw userError('FORBIDDEN', 'This API key may only read; mutations need a writer or admin key.');
}

export function requireReader(ctx: Context): void {
  if (ctx.readsNeedKey && ctx.caller.role === null) {
    throw userError(
      'UNAUTHENTICATED',
      ctx.caller.invalidKey
        ? 'The API key is unknown or revoked.'
        : 'Reads need an API key on this deployment: Authorization: Bearer <key>.',
    );
  }
}

/**
 * The deployment's own business, admin keys only: the source registry (who counts toward verdicts) and
 * webhooks (who receives what, with a signing secret).
 */
export function requireAdmin(ctx: Context): void {
  requireWriter(ctx);
  if (ctx.caller.role !== 'admin')
    throw userError('FORBIDDEN', "This needs an admin API key (the source registry and webhooks are the operator's).");
}
