// The dashboard's files through both adapters: `/` and the hashed assets, gzipped when asked, with a
// content-security policy that keeps every request on this origin; nothing else of the disk is reachable;
// GraphQL and GraphiQL still answer at /graphql.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLambdaHandler } from '../../lib/http/lambda.js';
import { createTestApi } from '../support/graphql.js';

let dir: string;
let api: Awaited<ReturnType<typeof createTestApi>>;
const script = `console.log(${JSON.stringify('dashboard '.repeat(400))});`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><title>desk</title><script type="module" src="/assets/index-abc123.js"></script>',
  );
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), script);
  api = await createTestApi({ DASHBOARD_DIR: dir, GRAPHIQL: 'true' });
});
afterAll(async () => {
  await api.rt.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) =>
  api.yoga.fetch(`http://localhost${path}`, { headers });

describe('dashboard files', () => {
  it('serves index.html at / with a same-origin content-security policy and no caching', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<title>desk</title>');
  });

  it('serves hashed assets as immutable, gzipped when the client accepts it', async () => {
    const plain = await get('/assets/index-abc123.js');
    expect(plain.headers.get('cache-control')).toContain('immutable');
    expect(await plain.text()).toBe(script);
    const zipped = await get('/assets/index-abc123.js', { 'accept-encoding': 'gzip, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(script);
  });

  it('answers 404 for anything the build did not write, including paths that climb out', async () => {
    for (const path of ['/nope.js', '/../package.json', '/assets/../../package.json', '/%2e%2e/package.json']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('leaves /graphql to GraphQL, and renders GraphiQL there from local files only', async () => {
    const query = await api.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ stats { claims } }' }),
    });
    expect(await query.json()).toEqual({ data: { stats: { claims: 0 } } });
    const page = await get('/graphql', { accept: 'text/html' });
    const html = await page.text();
    expect(html).toContain('<title>factcheck GraphQL</title>');
    expect(html).toContain('renderYogaGraphiQL');
    expect(html).not.toMatch(/<(?:script|link)[^>]+(?:src|href)="https?:/);
  });

  it('keeps a gzipped file binary through the Lambda adapter', async () => {
    const handler = createLambdaHandler(api.yoga);
    const event = {
      rawPath: '/assets/index-abc123.js',
      rawQueryString: '',
      headers: { host: 'x.example', 'accept-encoding': 'gzip' },
      requestContext: { http: { method: 'GET' } },
    } as unknown as APIGatewayProxyEventV2;
    const result = await handler(event);
    expect(result.isBase64Encoded).toBe(true);
    expect(gunzipSync(Buffer.from(result.body!, 'base64')).toString()).toBe(script);
  });

  it('says how to build the dashboard when it is not built', async () => {
    const bare = await createTestApi({ DASHBOARD_DIR: join(dir, 'missing') });
    const res = await bare.yoga.fetch('http://localhost/');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('npm run web:build');
    await bare.rt.close();
  });
});
