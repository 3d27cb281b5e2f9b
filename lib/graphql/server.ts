// createServer: one Yoga instance with its plugins, created once per process.
// Query-shape limits (depth, aliases, cost, tokens, directives) come from
// graphql-armor; batching is off; expected errors keep their code, others are masked.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Authenticate } from '../app/apiKeys.js';
import { LIMITS } from '../app/limits.js';
import type { App } from '../app/types.js';
import type { Config } from '../config.js';
import { currentRequestId } from '../requestContext.js';
import { createLoaders, type Context } from './context.js';
import { maskError } from './errors.js';
import { writeRateLimit } from './rateLimit.js';
import { schema } from './schema.js';

export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 5_000,
  maxTokens: 2_000,
  maxDirectives: 20,
} as const;

/** Refuse bodies over the limit before they are read: 413, not a crash. */
function bodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const length = Number(request.headers.get('content-length') ?? '0');
      if (length > maxBytes) {
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message: `Request body is ${length} bytes; the limit is ${maxBytes}.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }),
            { status: 413, headers: { 'content-type': 'application/json' } },
          ),
        );
      }
    },
  };
}

function disableIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

export interface ServerDeps {
  app: App;
  config: Config;
  authenticate: Authenticate;
}

export type Server = YogaServerInstance<Record<string, unknown>, Context>;

export function createServer({ app, config, authenticate }: ServerDeps): Server {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: config.graphiql ? { title: 'factcheck GraphQL' } : false,
    landingPage: false,
    batching: false,
    logging: false,
    maskedErrors: { maskError: (error, message) => maskError(error, message, currentRequestId()) },
    plugins: [
      bodyLimit(LIMITS.httpBodyMaxBytes),
      EnvelopArmorPlugin({
        maxDepth: { n: QUERY_LIMITS.maxDepth },
        maxAliases: { n: QUERY_LIMITS.maxAliases },
        costLimit: { maxCost: QUERY_LIMITS.maxCost },
        maxTokens: { n: QUERY_LIMITS.maxTokens },
        maxDirectives: { n: QUERY_LIMITS.maxDirectives },
        blockFieldSuggestion: { enabled: !config.introspection },
      }),
      ...(config.introspection ? [] : [disableIntrospection()]),
      writeRateLimit(),
    ],
    context: async ({ request, clientAddress }) => ({
      app,
      clientAddress: typeof clientAddress === 'string' ? clientAddress : undefined,
      caller: await authenticate(request.headers.get('authorization')),
      requestId: currentRequestId() ?? request.headers.get('x-request-id') ?? 'none',
      readsNeedKey: config.readsNeedKey,
      loaders: createLoaders(app),
    }),
  });
}
