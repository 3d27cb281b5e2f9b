// node:http -> Fetch Request -> yoga.fetch -> node:http response, for the local server.
// The body is read here with a hard cap, so an oversized request gets HTTP 413 whether it
// announces its length or not (chunked), and never reaches GraphQL.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIMITS } from '../app/limits.js';
import { clientRequestId, withRequestId } from '../requestContext.js';
import { httpRefusal, payloadTooLarge } from './refusal.js';

type FetchHandler = {
  fetch: (request: Request, serverContext: Record<string, unknown>) => Promise<Response> | Response;
};

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > maxBytes) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A stream (SSE subscriptions) is written as it comes, each event flushed, and cancelled when
 * the client goes away, so the subscription behind it ends too.
 */
async function streamBody(body: ReadableStream<Uint8Array>, res: ServerResponse): Promise<void> {
  const reader = body.getReader();
  // The response's close (not the request's, which fires once its body is read) means the client left.
  const stop = () => void reader.cancel().catch(() => undefined);
  res.once('close', stop);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
  } catch {
    // the client left, or the stream failed: nothing more to send
  } finally {
    res.end();
  }
}

export function createNodeHandler(yoga: FetchHandler, maxBytes: number = LIMITS.httpBodyMaxBytes) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const header = req.headers['x-request-id'];
    void withRequestId(clientRequestId(typeof header === 'string' ? header : undefined), async () => {
      try {
        const method = req.method ?? 'GET';
        const body = method === 'GET' || method === 'HEAD' ? undefined : await readBody(req, maxBytes);
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`;
        const response = await yoga.fetch(
          new Request(url, { method, headers, ...(body ? { body: new Uint8Array(body) } : {}) }),
          { clientAddress: req.socket.remoteAddress },
        );
        const outHeaders: Record<string, string | string[]> = {};
        response.headers.forEach((value, name) => {
          outHeaders[name] = value;
        });
        res.writeHead(response.status, outHeaders);
        if (response.body && (response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
          await streamBody(response.body, res);
          return;
        }
        res.end(Buffer.from(await response.arrayBuffer()));
      } catch (error) {
        if (res.headersSent) {
          res.destroy();
          return;
        }
        const tooLarge = error instanceof BodyTooLarge;
        const refusal = tooLarge
          ? payloadTooLarge(maxBytes)
          : httpRefusal(400, 'BAD_REQUEST', 'Could not read the request.');
        res.writeHead(refusal.status, { ...refusal.headers, connection: 'close' });
        res.end(refusal.body);
        if (tooLarge) req.destroy();
      }
    });
  };
}
