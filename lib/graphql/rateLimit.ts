// Write rate limits at the GraphQL edge: every mutation field counts one write of the caller's
// API key (or, with no key, of its client address) before anything executes. The counting is in
// the store (lib/app/rateLimit.ts), so the limit holds across server instances.
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.js';
import { toGraphQLError } from './errors.js';

const isAppError = (e: unknown): e is import('../errors.js').AppError => (e as { name?: string })?.name === 'AppError';

export function writeRateLimit(): Plugin<Context> {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const ctx = args.contextValue as Context;
      const subject = ctx.caller.keyId ? `key:${ctx.caller.keyId}` : `addr:${ctx.clientAddress ?? 'unknown'}`;
      try {
        await ctx.app.admitWrite(subject, operation.selectionSet.selections.length);
      } catch (e) {
        if (!isAppError(e)) throw e;
        setResultAndStopExecution({ errors: [toGraphQLError(e)] });
      }
    },
  };
}
