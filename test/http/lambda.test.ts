// The Lambda adapter with realistic API Gateway HTTP API (payload v2) events.
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLambdaHandler } from '../../lib/http/lambda.js';
import { createTestApi } from '../support/graphql.js';

let api: Awaited<ReturnType<typeof createTestApi>>;
let handler: ReturnType<typeof createLambdaHandler>;
beforeAll(async () => {
  api = await createTestApi();
  handler = createLambdaHandler(api.yoga);
});
afterAll(async () => api.rt.close());

function event(overrides: Partial<APIGatewayProxyEventV2> & { method?: string }): APIGatewayProxyEventV2 {
  const { method = 'POST', ...rest } = overrides;
  return {
    version: '2.0',
    routeKey: `${method} /graphql`,
    rawPath: '/graphql',
    rawQueryString: '',
    cookies: ['session=abc', 'theme=dark'],
    headers: {
      host: 'abc123.execute-api.eu-west-1.amazonaws.com',
      'content-type': 'application/json',
      'user-agent': 'curl/8.0',
      'x-forwarded-for': '203.0.113.9',
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'curl/8.0' },
      requestId: 'req-123',
      routeKey: `${method} /graphql`,
      stage: '$default',
      time: '24/Nov/2026:10:00:00 +0000',
      timeEpoch: 1795000000000,
    },
    isBase64Encoded: false,
    ...rest,
  } as APIGatewayProxyEventV2;
}

describe('Lambda adapter', () => {
  it('answers a POST with a JSON body', async () => {
    const result = await handler(event({ body: JSON.stringify({ query: '{ stats { claims } }' }) }));
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body!)).toEqual({ data: { stats: { claims: 0 } } });
    expect(result.headers?.['content-type']).toContain('application/json');
  });

  it('decodes a base64 body', async () => {
    const body = Buffer.from(
      JSON.stringify({
        query:
          'mutation { submitClaim(input: { text: "The Lakeside tram opened in May 2024." }) { claim { verdict } } }',
      }),
    ).toString('base64');
    const result = await handler(event({ body, isBase64Encoded: true }));
    expect(JSON.parse(result.body!).data.submitClaim.claim.verdict).toBe('UNVERIFIED');
  });

  it('answers a GET query from the query string', async () => {
    const query = encodeURIComponent('{ stats { claims } }');
    const result = await handler(
      event({
        method: 'GET',
        rawQueryString: `query=${query}`,
        headers: { host: 'x.example', accept: 'application/json' },
      }),
    );
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body!).data.stats.claims).toBe(1);
  });

  it('refuses an oversized body with 413 before parsing it', async () => {
    const result = await handler(event({ body: 'x'.repeat(2 * 1024 * 1024 + 1) }));
    expect(result.statusCode).toBe(413);
    expect(JSON.parse(result.body!).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with a 400, not a crash', async () => {
    const result = await handler(event({ body: '{"query": ' }));
    expect(result.statusCode).toBe(400);
  });
});
