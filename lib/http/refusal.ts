// Answers given before GraphQL runs (a body too large, unreadable, or not JSON), in the shape of a GraphQL
// error response so a client reads them like any other error. Each adapter (the Yoga plugins, the Lambda
// adapter, the local node:http server) sends the same answer its own way.

export interface HttpRefusal {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function httpRefusal(status: number, code: string, message: string): HttpRefusal {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ errors: [{ message, extensions: { code } }] }),
  };
}

/** HTTP 413: `bytes` when the size is known, e.g. from Content-Length; a chunked body is refused as soon as it passes the limit. */
export function payloadTooLarge(maxBytes: number, bytes?: number): HttpRefusal {
  const message =
    bytes === undefined
      ? `Request body is over the ${maxBytes}-byte limit.`
      : `Request body is ${bytes} bytes; the limit is ${maxBytes}.`;
  return httpRefusal(413, 'PAYLOAD_TOO_LARGE', message);
}

/** The refusal as a Fetch Response, for Yoga plugins. */
export const refusalResponse = (refusal: HttpRefusal, fetchAPI: { Response: typeof Response }): Response =>
  new fetchAPI.Response(refusal.body, { status: refusal.status, headers: refusal.headers });
