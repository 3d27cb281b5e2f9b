// Calling the real Yoga server in-process, as a client would over HTTP.
import { createAuthenticator } from '../../lib/app/apiKeys.js';
import { createServer, type Server } from '../../lib/graphql/server.js';
import type { Runtime } from '../../lib/runtime.js';
import { createTestRuntime } from './runtime.js';

export interface GraphQLResult {
  status: number;
  data?: Record<string, any>;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function createTestApi(env: Record<string, string> = {}): Promise<{
  rt: Runtime;
  yoga: Server;
  gql: (query: string, variables?: Record<string, unknown>, key?: string) => Promise<GraphQLResult>;
}> {
  const rt = await createTestRuntime(env);
  const yoga = createServer({
    app: rt.app,
    config: rt.config,
    authenticate: createAuthenticator({ config: rt.config, store: rt.store }),
    live: rt.live,
  });
  const gql = async (query: string, variables: Record<string, unknown> = {}, key?: string): Promise<GraphQLResult> => {
    const response = await yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...(await response.json()) };
  };
  return { rt, yoga, gql };
}
