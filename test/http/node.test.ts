// The local server's HTTP edge: real sockets, a chunked oversized body, a normal query.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHandler } from '../../lib/http/node.js';
import { createTestApi } from '../support/graphql.js';

let api: Awaited<ReturnType<typeof createTestApi>>;
let server: Server;
let port: number;
beforeAll(async () => {
  api = await createTestApi();
  server = createServer(createNodeHandler(api.yoga, 64 * 1024));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.close();
  await api.rt.close();
});

function post(chunks: string[], chunked: boolean): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const size = chunks.reduce((n, c) => n + Buffer.byteLength(c), 0);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(chunked ? {} : { 'content-length': String(size) }) },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', (e) =>
      (e as NodeJS.ErrnoException).code === 'ECONNRESET' || (e as NodeJS.ErrnoException).code === 'EPIPE'
        ? undefined
        : reject(e),
    );
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe('local HTTP server', () => {
  it('answers a GraphQL POST', async () => {
    const res = await post([JSON.stringify({ query: '{ stats { claims } }' })], false);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ data: { stats: { claims: 0 } } });
  });

  it('refuses a chunked body over the limit with 413, without a declared length', async () => {
    const chunk = 'x'.repeat(16 * 1024);
    const res = await post(
      Array.from({ length: 8 }, () => chunk),
      true,
    );
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});
