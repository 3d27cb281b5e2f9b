// URL safety for webhooks: what may be registered, and what a delivery may connect to after DNS.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkOutboundUrl,
  classifyAddress,
  OutboundRefused,
  postJson,
  type Resolver,
} from '../../lib/webhooks/outbound.js';

const LOCAL = { allowLoopback: true };
const AWS = { allowLoopback: false };
const LIMITS = { timeoutMs: 2_000, maxResponseBytes: 1_024 };

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['2606:4700::1111', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'metadata'],
    ['169.254.170.2', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['169.254.10.20', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'reserved'],
    ['::', 'reserved'],
    ['224.0.0.1', 'reserved'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a9fe:a9fe', 'metadata'],
    ['::ffff:127.0.0.1', 'loopback'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });
});

describe('checkOutboundUrl', () => {
  const reason = (url: string, policy = AWS) => {
    const r = checkOutboundUrl(url, policy);
    return 'reason' in r ? r.reason : undefined;
  };

  it('accepts public https URLs under either policy', () => {
    expect(reason('https://hooks.newsroom.example/factcheck')).toBeUndefined();
    expect(reason('https://hooks.newsroom.example:8443/x', LOCAL)).toBeUndefined();
    expect(reason('https://93.184.216.34/hook')).toBeUndefined();
  });

  it('refuses plain http, except to loopback where loopback is allowed', () => {
    expect(reason('http://hooks.newsroom.example/x')).toMatch(/https/);
    expect(reason('http://hooks.newsroom.example/x', LOCAL)).toMatch(/https/);
    expect(reason('http://127.0.0.1:9999/x', LOCAL)).toBeUndefined();
    expect(reason('http://localhost:9999/x', LOCAL)).toBeUndefined();
    expect(reason('http://[::1]:9999/x', LOCAL)).toBeUndefined();
    expect(reason('http://127.0.0.1:9999/x')).toMatch(/https/);
  });

  it('refuses loopback, private, link-local and metadata addresses where only public ones are allowed', () => {
    expect(reason('https://127.0.0.1/x')).toMatch(/loopback/);
    expect(reason('https://localhost/x')).toMatch(/loopback/);
    expect(reason('https://10.0.0.5/x')).toMatch(/private/);
    expect(reason('https://[fe80::1]/x')).toMatch(/link-local/);
    expect(reason('https://169.254.169.254/latest/meta-data/')).toMatch(/metadata/);
    expect(reason('https://[::ffff:169.254.169.254]/x')).toMatch(/metadata/);
    // Loopback allowed locally does not open private ranges.
    expect(reason('https://192.168.0.9/x', LOCAL)).toMatch(/private/);
  });

  it('refuses what is not an absolute URL, other schemes, and credentials', () => {
    expect(reason('/relative')).toMatch(/absolute/);
    expect(reason('ftp://files.example/x')).toMatch(/https/);
    expect(reason('https://user:pw@hooks.newsroom.example/x')).toMatch(/password/);
  });
});

describe('postJson', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ headers: Record<string, unknown>; body: string }> = [];
  let handler: (res: import('node:http').ServerResponse) => void = (res) => res.end('ok');

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push({ headers: req.headers, body });
        handler(res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('posts the body with its headers and returns the status', async () => {
    handler = (res) => res.writeHead(202).end('accepted');
    const out = await postJson(`${base}/hook`, '{"a":1}', { 'x-test': 'yes' }, LOCAL, LIMITS);
    expect(out).toEqual({ status: 202, body: 'accepted' });
    expect(seen.at(-1)).toMatchObject({
      body: '{"a":1}',
      headers: { 'x-test': 'yes', 'content-type': 'application/json' },
    });
  });

  it('resolves names through the checked lookup: localhost is loopback, allowed locally', async () => {
    const port = new URL(base).port;
    handler = (res) => res.end('ok');
    expect((await postJson(`http://localhost:${port}/hook`, '{}', {}, LOCAL, LIMITS)).status).toBe(200);
  });

  it('checks the addresses DNS returns at delivery time: a public-looking name that resolves inside is refused before connecting', async () => {
    // The name passed registration (a public name); at delivery it resolves to metadata, private or loopback (DNS rebinding).
    for (const [address, kind] of [
      ['169.254.169.254', 'metadata'],
      ['10.0.0.7', 'private'],
      ['127.0.0.1', 'loopback'],
    ] as const) {
      const rebinding: Resolver = (_host, _opts, cb) =>
        cb(null, [
          { address: '93.184.216.34', family: 4 },
          { address, family: 4 },
        ]);
      expect('url' in checkOutboundUrl('https://hooks.newsroom.example/x', AWS)).toBe(true);
      const before = seen.length;
      const error = await postJson('https://hooks.newsroom.example/x', '{}', {}, AWS, LIMITS, rebinding).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(OutboundRefused);
      expect((error as Error).message).toContain(kind);
      expect(seen.length).toBe(before);
    }
    // The same check lets a loopback answer through where loopback is allowed: the receiver gets the POST.
    const port = new URL(base).port;
    const toLoopback: Resolver = (_host, _opts, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]);
    handler = (res) => res.end('ok');
    expect((await postJson(`http://receiver.localhost:${port}/x`, '{}', {}, LOCAL, LIMITS, toLoopback)).status).toBe(
      200,
    );
  });

  it('reads at most maxResponseBytes of the answer', async () => {
    handler = (res) => {
      res.writeHead(500);
      res.end('x'.repeat(100_000));
    };
    const out = await postJson(`${base}/hook`, '{}', {}, LOCAL, { timeoutMs: 2_000, maxResponseBytes: 100 });
    expect(out.status).toBe(500);
    expect(out.body.length).toBe(100);
  });

  it('gives up when there is no answer in time', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    await expect(postJson(`${base}/hook`, '{}', {}, LOCAL, { timeoutMs: 300, maxResponseBytes: 100 })).rejects.toThrow(
      /no answer within 300 ms/,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses a URL the policy refuses without connecting', async () => {
    await expect(postJson('https://169.254.169.254/latest/meta-data/', '{}', {}, AWS, LIMITS)).rejects.toThrow(
      /metadata/,
    );
  });
});
