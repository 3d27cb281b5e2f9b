// Write rate limits through GraphQL: counted in the store per API key (or client address when
// writes are open), so two server instances over one table share the limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, createAuthenticator } from '../../lib/app/apiKeys.js';
import { createApp } from '../../lib/app/index.js';
import type { Clock } from '../../lib/app/ports.js';
import { createServer } from '../../lib/graphql/server.js';
import type { Runtime } from '../../lib/runtime.js';
import { createTestRuntime } from '../support/runtime.js';

let rt: Runtime;
beforeAll(async () => {
  rt = await createTestRuntime({ KEYS_IN_TABLE: 'true' });
});
afterAll(async () => rt.close());

/** A fixed instant in the middle of a minute, so no test run crosses a window. */
const at = (iso: string): Clock => ({ now: () => new Date(iso) });

/** One "instance": its own App and Yoga over the shared store, as each Lambda container has. */
function instance(clock: Clock, perMinute: number, config = rt.config) {
  const app = createApp({ store: rt.store, clock, writeRatePerMinute: perMinute, sourcePolicy: config.sourcePolicy });
  const yoga = createServer({ app, config, authenticate: createAuthenticator({ config, store: rt.store }) });
  return async (query: string, variables: Record<string, unknown>, key?: string, clientAddress?: string) => {
    const response = await yoga.fetch(
      'http://localhost/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      },
      { clientAddress },
    );
    return (await response.json()) as {
      data?: any;
      errors?: Array<{ message: string; extensions?: Record<string, any> }>;
    };
  };
}

const SUBMIT = 'mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id } } }';
const claimText = (i: number) => `The Kessling ferry made ${i + 10} crossings on its opening day.`;

describe('write rate limit', () => {
  it('refuses writes beyond the rate per key with RATE_LIMITED and a retry-after hint, across instances; reads go on', async () => {
    const clock = at('2026-03-02T10:15:30Z');
    const [one, two] = [instance(clock, 3), instance(clock, 3)];
    const { key } = await createApiKey(rt.store, 'writer');
    const { key: other } = await createApiKey(rt.store, 'writer');
    expect((await one(SUBMIT, { text: claimText(1) }, key)).errors).toBeUndefined();
    expect((await two(SUBMIT, { text: claimText(2) }, key)).errors).toBeUndefined();
    expect((await one(SUBMIT, { text: claimText(3) }, key)).errors).toBeUndefined();
    const refused = await two(SUBMIT, { text: claimText(4) }, key);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
    expect(refused.errors?.[0]?.message).toMatch(/3 a minute per API key/);
    expect(refused.data?.submitClaim ?? null).toBeNull();
    // Nothing was written for the refused call, another key has its own budget, reads are not limited.
    expect((await one('{ stats { claims } }', {}, key)).data.stats.claims).toBe(3);
    expect((await one(SUBMIT, { text: claimText(5) }, other)).errors).toBeUndefined();
    expect((await one('{ stats { claims } }', {}, key)).data.stats.claims).toBe(4);
    // The next minute starts a new count.
    expect((await instance(at('2026-03-02T10:16:05Z'), 3)(SUBMIT, { text: claimText(6) }, key)).errors).toBeUndefined();
  });

  it('counts every mutation field of a request, and limits by client address when writes are open', async () => {
    const clock = at('2026-03-02T11:40:10Z');
    const open = { ...rt.config, keysInTable: false, apiKeys: undefined };
    const gql = instance(clock, 2, open);
    const two = `mutation { a: submitClaim(input: { text: "${claimText(20)}" }) { claim { id } } b: submitClaim(input: { text: "${claimText(21)}" }) { claim { id } } }`;
    expect((await gql(two, {}, undefined, '203.0.113.7')).errors).toBeUndefined();
    expect(
      (await gql(SUBMIT, { text: claimText(22) }, undefined, '203.0.113.7')).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 50 });
    expect((await gql(SUBMIT, { text: claimText(23) }, undefined, '198.51.100.4')).errors).toBeUndefined();
  });

  it('refuses ingests beyond the rate under either source policy, and stores nothing for them', async () => {
    const INGEST = 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { id } } }';
    const report = (i: number) => ({
      source: 'Kessling Courier',
      text: `The Kessling ferry carried ${i * 7 + 100} passengers across the sound on its opening day.`,
    });
    for (const [n, sourcePolicy] of (['open', 'registered'] as const).entries()) {
      const gql = instance(at(`2026-03-02T13:0${n}:20Z`), 2, { ...rt.config, sourcePolicy });
      const { key } = await createApiKey(rt.store, 'writer');
      const before = (await gql('{ stats { reports } }', {}, key)).data.stats.reports;
      expect((await gql(INGEST, { input: report(n * 10 + 1) }, key)).errors).toBeUndefined();
      expect((await gql(INGEST, { input: report(n * 10 + 2) }, key)).errors).toBeUndefined();
      const refused = await gql(INGEST, { input: report(n * 10 + 3) }, key);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 40 });
      expect((await gql('{ stats { reports } }', {}, key)).data.stats.reports).toBe(before + 2);
    }
  });

  it('is off at 0, and the default (120 a minute) leaves room for the test suites', async () => {
    const gql = instance(at('2026-03-02T12:00:00Z'), 0);
    const { key } = await createApiKey(rt.store, 'writer');
    for (let i = 0; i < 5; i++) expect((await gql(SUBMIT, { text: claimText(30 + i) }, key)).errors).toBeUndefined();
    expect(rt.config.writeRatePerMinute).toBe(120);
  });
});
