// createServer: one Yoga instance with its plugins, created once per process.
// Query-shape limits (depth, aliases, cost, tokens, directives) are queryLimits.ts,
// field suggestions are blocked by graphql-armor where introspection is off; batching is off; expected errors keep their code, others are masked.
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Authenticate } from '../app/apiKeys.js';
import { LIMITS } from '../app/limits.js';
import type { App } from '../app/types.js';
import type { Config } from '../config.js';
import { clientRequestId, currentRequestId } from '../requestContext.js';
import { corsFor, isForeignOrigin, onlyJsonBodies } from './browserGuards.js';
import { createLoaders, type Context } from './context.js';
import type { LiveEvents } from './live.js';
import { maskError } from './errors.js';
import { queryLimits } from './queryLimits.js';
import { writeRateLimit } from './rateLimit.js';
import { schema } from './schema.js';
import { serveDashboard } from '../http/dashboard.js';
import { payloadTooLarge, refusalResponse } from '../http/refusal.js';

export { QUERY_LIMITS } from './queryLimits.js';

/** Refuse bodies over the limit before they are read: 413, not a crash. */
function bodyLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const length = Number(request.headers.get('content-length') ?? '0');
      if (length > maxBytes) endResponse(refusalResponse(payloadTooLarge(maxBytes, length), fetchAPI));
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

type GraphiQLOptions = Parameters<typeof import('@graphql-yoga/render-graphiql').renderGraphiQL>[0];

/**
 * GraphiQL from the project's own node_modules (scripts, styles and editor workers inlined in one page),
 * so it renders on a network with no internet. The page is about 9 MB: it is imported only when GraphiQL
 * is first opened (never on Lambda, where GraphiQL is off and the module is left out of the bundle) and
 * rendered once per set of options.
 */
function localGraphiQL(): (options?: GraphiQLOptions) => Promise<string> {
  const rendered = new Map<string, Promise<string>>();
  return (options) => {
    const key = JSON.stringify(options ?? {});
    let page = rendered.get(key);
    if (!page) {
      page = import('@graphql-yoga/render-graphiql').then((m) => m.renderGraphiQL(options));
      rendered.set(key, page);
    }
    return page;
  };
}

export interface ServerDeps {
  app: App;
  config: Config;
  authenticate: Authenticate;
  /** the verdictChanged feed (Runtime.live); without it the subscription answers UNAVAILABLE */
  live?: LiveEvents | undefined;
}

export type Server = YogaServerInstance<Record<string, unknown>, Context>;

export function createServer({ app, config, authenticate, live }: ServerDeps): Server {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: config.graphiql ? { title: 'factcheck GraphQL' } : false,
    ...(config.graphiql ? { renderGraphiQL: localGraphiQL() } : {}),
    landingPage: false,
    cors: corsFor(config.corsOrigins),
    batching: false,
    logging: false,
    maskedErrors: { maskError: (error, message) => maskError(error, message, currentRequestId()) },
    plugins: [
      ...(config.dashboard ? [serveDashboard({ dir: config.dashboardDir, graphqlEndpoint: '/graphql' })] : []),
      bodyLimit(LIMITS.httpBodyMaxBytes),
      onlyJsonBodies(),
      queryLimits(),
      // Only armor's suggestion blocking: the shape limits are ours (queryLimits.ts), each with its own code.
      EnvelopArmorPlugin({
        maxDepth: { enabled: false },
        maxAliases: { enabled: false },
        costLimit: { enabled: false },
        maxTokens: { enabled: false },
        maxDirectives: { enabled: false },
        blockFieldSuggestion: { enabled: !config.introspection },
      }),
      ...(config.introspection ? [] : [disableIntrospection()]),
      writeRateLimit(),
    ],
    context: async ({ request, clientAddress }) => ({
      app,
      clientAddress: typeof clientAddress === 'string' ? clientAddress : undefined,
      caller: await authenticate(request.headers.get('authorization')),
      requestId: currentRequestId() ?? clientRequestId(request.headers.get('x-request-id')) ?? 'none',
      readsNeedKey: config.readsNeedKey,
      writesOpen: !config.apiKeys && !config.keysInTable,
      foreignOrigin: isForeignOrigin(request, config.corsOrigins),
      live,
      loaders: createLoaders(app),
    }),
  });
}
