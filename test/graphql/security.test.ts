// What a browser page of another site can and cannot make the API do, what a deployed
// stage reveals, and what a client can put into logs and stored text.
import { createServer as createHttpServer, request as httpRequest, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../lib/app/apiKeys.js';
import { loadConfig } from '../../lib/config.js';
import { createServer } from '../../lib/graphql/server.js';
import { createNodeHandler } from '../../lib/http/node.js';
import { createTestApi } from '../support/graphql.js';

type Api = Awaited<ReturnType<typeof createTestApi>>;
let api: Api;
let desk: Api;
beforeAll(async () => {
  api = await createTestApi();
  desk = await createTestApi({ CORS_ORIGINS: 'https://desk.example' });
});
afterAll(async () => {
  await api.rt.close();
  await desk.rt.close();
});

const SUBMIT =
  'mutation { submitClaim(input: { text: "The Quarry Lane school reopened in September." }) { claim { id } } }';
const post = (target: Api, headers: Record<string, string>, body: BodyInit) =>
  target.yoga.fetch('http://localhost/graphql', { method: 'POST', headers, body });
const claimCount = async () => (await api.gql('{ stats { claims } }')).data!.stats.claims as number;

describe('operations only from JSON bodies (item: form posts)', () => {
  it.each([
    ['a form post', 'application/x-www-form-urlencoded', `query=${encodeURIComponent(SUBMIT)}`],
    ['a text/plain post', 'text/plain', JSON.stringify({ query: SUBMIT })],
  ])('refuses %s from another site with 415, writing nothing', async (_, type, body) => {
    const before = await claimCount();
    const response = await post(api, { 'content-type': type, origin: 'https://evil.example' }, body);
    expect(response.status).toBe(415);
    expect((await response.json()).errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await claimCount()).toBe(before);
  });

  it('refuses a multipart post with 415, writing nothing', async () => {
    const before = await claimCount();
    const form = new FormData();
    form.set('operations', JSON.stringify({ query: SUBMIT }));
    form.set('map', '{}');
    const response = await api.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: form,
    });
    expect(response.status).toBe(415);
    expect(await claimCount()).toBe(before);
  });

  it('runs no mutation over GET', async () => {
    const before = await claimCount();
    const response = await api.yoga.fetch(`http://localhost/graphql?query=${encodeURIComponent(SUBMIT)}`, {
      headers: { accept: 'application/json' },
    });
    expect(response.status).toBe(405);
    expect(await claimCount()).toBe(before);
  });

  it('refuses a JSON mutation from a foreign Origin when writes are open; its own origin and no origin may write', async () => {
    const before = await claimCount();
    const foreign = await post(
      api,
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      JSON.stringify({ query: SUBMIT }),
    );
    expect((await foreign.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    const nullOrigin = await post(
      api,
      { 'content-type': 'application/json', origin: 'null' },
      JSON.stringify({ query: SUBMIT }),
    );
    expect((await nullOrigin.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await claimCount()).toBe(before);
    const reads = await post(
      api,
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      JSON.stringify({ query: '{ stats { claims } }' }),
    );
    expect((await reads.json()).data.stats.claims).toBe(before);
    const own = await post(
      api,
      { 'content-type': 'application/json', origin: 'http://localhost' },
      JSON.stringify({ query: SUBMIT }),
    );
    expect((await own.json()).data.submitClaim.claim.id).toMatch(/^clm_/);
    expect(await claimCount()).toBe(before + 1);
  });
});

describe('CORS only for configured origins, never with credentials', () => {
  it.each(['https://evil.example', 'null'])('sends no CORS headers to origin %s', async (origin) => {
    const response = await post(
      api,
      { 'content-type': 'application/json', origin },
      JSON.stringify({ query: '{ stats { claims } }' }),
    );
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    const preflight = await api.yoga.fetch('http://localhost/graphql', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows a configured origin without credentials, and no other', async () => {
    const allowed = await desk.yoga.fetch('http://localhost/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://desk.example', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://desk.example');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    const other = await post(
      desk,
      { 'content-type': 'application/json', origin: 'https://evil.example' },
      JSON.stringify({ query: '{ stats { claims } }' }),
    );
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const write = await post(
      desk,
      { 'content-type': 'application/json', origin: 'https://desk.example' },
      JSON.stringify({ query: SUBMIT }),
    );
    expect((await write.json()).data.submitClaim.claim.id).toMatch(/^clm_/);
  });
});

describe('introspection and field suggestions', () => {
  const serverWith = (env: Record<string, string>) => {
    const config = { ...api.rt.config, introspection: loadConfig(env).introspection };
    return createServer({
      app: api.rt.app,
      config,
      authenticate: createAuthenticator({ config, store: api.rt.store }),
    });
  };
  const ask = async (yoga: ReturnType<typeof serverWith>, query: string) =>
    (
      await yoga.fetch('http://localhost/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      })
    ).json();

  it('are off by default on AWS', async () => {
    const aws = serverWith({ AWS_LAMBDA_FUNCTION_NAME: 'factcheck-graphql' });
    expect((await ask(aws, '{ __schema { types { name } } }')).errors?.[0]?.message).toMatch(/introspection/i);
    const typo = await ask(aws, '{ stats { claimz } }');
    expect(typo.errors[0].message).not.toMatch(/did you mean/i);
  });

  it('are on locally', async () => {
    const local = serverWith({});
    expect((await ask(local, '{ __schema { queryType { name } } }')).data.__schema.queryType.name).toBe('Query');
    expect((await ask(local, '{ stats { claimz } }')).errors[0].message).toMatch(/did you mean/i);
  });
});

describe('x-request-id', () => {
  let server: HttpServer;
  let port: number;
  beforeAll(async () => {
    const broken = Object.create(api.rt.app) as typeof api.rt.app;
    broken.stats = async () => {
      throw new Error('boom');
    };
    const yoga = createServer({ app: broken, config: api.rt.config, authenticate: async () => ({ role: 'admin' }) });
    server = createHttpServer(createNodeHandler(yoga));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => server.close());

  const requestIdOf = (header: string) =>
    new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path: '/graphql',
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': header },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => (body += d));
          res.on('end', () => resolve(JSON.parse(body).errors[0].extensions.requestId));
        },
      );
      req.on('error', reject);
      req.end(JSON.stringify({ query: '{ stats { claims } }' }));
    });

  it('is kept when it is a plain short token, and replaced otherwise', async () => {
    expect(await requestIdOf('desk-42.retry:1')).toBe('desk-42.retry:1');
    for (const header of ['<script>alert(1)</script>', 'a'.repeat(5_000), 'line one" injected="yes']) {
      const id = await requestIdOf(header);
      expect(id).not.toBe(header);
      expect(id).toMatch(/^[A-Za-z0-9._:-]{1,64}$/);
    }
  });
});

describe('bidirectional and invisible controls', () => {
  it.each(['202E', '2066', '200F', '202A', '200B'])(
    'are normalised away before hashing and storing (U+%s)',
    async (code) => {
      const control = String.fromCharCode(parseInt(code, 16));
      const text = 'The Wrenfield dam held 40 million cubic metres in May.';
      const first = (
        await api.gql('mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id text } } }', {
          text,
        })
      ).data!.submitClaim.claim;
      const tampered = `The Wrenfield ${control}dam held 40${control} million cubic metres in May.`;
      const again = (
        await api.gql(
          'mutation($text: String!) { submitClaim(input: { text: $text }) { created claim { id text } } }',
          { text: tampered },
        )
      ).data!.submitClaim;
      expect(again.claim.id).toBe(first.id);
      expect(again.created).toBe(false);
      expect(again.claim.text).toBe(text);
      const report = (
        await api.gql(
          'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { title source { name } } } }',
          {
            input: {
              source: `Wren${control}field Post`,
              title: `Dam ${control}full`,
              text: `${tampered} Engineers were pleased.`,
            },
          },
        )
      ).data!.ingestReport.report;
      expect(report).toEqual({ title: 'Dam full', source: { name: 'Wrenfield Post' } });
    },
  );
});
