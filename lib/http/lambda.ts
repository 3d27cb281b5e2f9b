// API Gateway HTTP API (payload v2) -> Fetch Request -> yoga.fetch -> v2 result.
// Thin on purpose: headers, cookies, query string and base64 bodies are translated,
// nothing else is decided here.
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import { LIMITS } from '../app/limits.js';
import { withRequestId } from '../requestContext.js';
import { payloadTooLarge } from './refusal.js';

type FetchHandler = {
  fetch: (request: Request, serverContext: Record<string, unknown>) => Promise<Response> | Response;
};

const TEXT_TYPES = /^(?:text\/|application\/(?:json|graphql-response\+json|javascript|xml))/i;

export function toRequest(event: APIGatewayProxyEventV2): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(event.headers ?? {})) if (value !== undefined) headers.set(name, value);
  if (event.cookies?.length) headers.set('cookie', event.cookies.join('; '));
  const host = headers.get('host') ?? event.requestContext?.domainName ?? 'localhost';
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  const url = `https://${host}${event.rawPath ?? '/'}${query}`;
  const method = event.requestContext?.http?.method ?? 'GET';
  const body =
    event.body === undefined || event.body === null || method === 'GET' || method === 'HEAD'
      ? undefined
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64')
        : event.body;
  return new Request(url, { method, headers, ...(body !== undefined ? { body } : {}) });
}

export async function toResult(response: Response): Promise<APIGatewayProxyStructuredResultV2> {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  // Header names are case-insensitive; some fetch implementations keep the case they were given.
  response.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (lower === 'set-cookie') cookies.push(value);
    else headers[lower] = value;
  });
  const contentType = response.headers.get('content-type') ?? '';
  const buffer = Buffer.from(await response.arrayBuffer());
  // A compressed body (the dashboard's gzipped files) is bytes whatever its content type says.
  const isText = !response.headers.get('content-encoding') && (contentType === '' || TEXT_TYPES.test(contentType));
  return {
    statusCode: response.status,
    headers,
    ...(cookies.length ? { cookies } : {}),
    body: isText ? buffer.toString('utf8') : buffer.toString('base64'),
    isBase64Encoded: !isText,
  };
}

const tooLarge = (bytes: number): APIGatewayProxyStructuredResultV2 => {
  const { status, headers, body } = payloadTooLarge(LIMITS.httpBodyMaxBytes, bytes);
  return { statusCode: status, headers, body };
};

export function createLambdaHandler(yoga: FetchHandler) {
  return async (event: APIGatewayProxyEventV2, context?: LambdaContext): Promise<APIGatewayProxyStructuredResultV2> => {
    const bytes = event.body
      ? event.isBase64Encoded
        ? Buffer.byteLength(event.body, 'base64')
        : Buffer.byteLength(event.body)
      : 0;
    if (bytes > LIMITS.httpBodyMaxBytes) return tooLarge(bytes);
    const requestId = context?.awsRequestId ?? event.requestContext?.requestId;
    // The caller's address as API Gateway saw it (not a header a client could set): rate limits when writes are open.
    return withRequestId(requestId, async () =>
      toResult(await yoga.fetch(toRequest(event), { clientAddress: event.requestContext?.http?.sourceIp })),
    );
  };
}
