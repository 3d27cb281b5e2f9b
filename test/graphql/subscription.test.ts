// verdictChanged over SSE, end to end: a client subscribed through the real node:http server
// before a report arrives receives the change the report causes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHandler } from '../../lib/http/node.js';
import { createTestApi } from '../support/graphql.js';

type Api = Awaited<ReturnType<typeof createTestApi>>;

async function serve(api: Api): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(createNodeHandler(api.yoga));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Open an SSE subscription; `next()` gives the next `event: next` payload (or the first error). */
async function subscribe(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  method: 'POST' | 'GET' = 'POST',
) {
  const abort = new AbortController();
  // GET is what the dashboard's EventSource sends.
  const response =
    method === 'GET'
      ? await fetch(
          `${url}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(JSON.stringify(variables))}`,
          { headers: { accept: 'text/event-stream' }, signal: abort.signal },
        )
      : await fetch(url, {
          method: 'POST',
          headers: { accept: 'text/event-stream', 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
          signal: abort.signal,
        });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const events: Array<{ event: string; data: any }> = [];
  async function next(timeoutMs = 15_000): Promise<{ event: string; data: any }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const split = buffer.indexOf('\n\n');
      if (split >= 0) {
        const block = buffer.slice(0, split);
        buffer = buffer.slice(split + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event) {
          const parsed = { event, data: data ? JSON.parse(data) : undefined };
          events.push(parsed);
          return parsed;
        }
        continue; // a keep-alive comment
      }
      if (Date.now() > deadline) throw new Error('no event in time');
      const chunk = await Promise.race([
        reader.read(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('no event in time')), deadline - Date.now()),
        ),
      ]);
      if (chunk.done) throw new Error('stream ended');
      buffer += chunk.value;
    }
  }
  return { response, next, events, close: () => abort.abort() };
}

const SUBSCRIPTION = `subscription($claimId: ID, $verdict: Verdict) {
  verdictChanged(claimId: $claimId, verdict: $verdict) { id claimId seq previousVerdict verdict rule reportId claim { id verdict } }
}`;
const SUBMIT = 'mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id } } }';
const INGEST = 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { id } } }';

describe('verdictChanged subscription (SSE)', () => {
  let api: Api;
  let server: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    api = await createTestApi();
    server = await serve(api);
  });
  afterAll(async () => {
    await server.close();
    await api.rt.close();
  });

  it('delivers the change a report causes to a client subscribed before it arrived', async () => {
    const claimId = (await api.gql(SUBMIT, { text: 'The Pellham ferry carried 300 passengers on its first day.' }))
      .data!.submitClaim.claim.id;
    const mine = await subscribe(server.url, SUBSCRIPTION, { claimId });
    const disputedOnly = await subscribe(server.url, SUBSCRIPTION, { claimId, verdict: 'DISPUTED' }, 'GET');
    try {
      expect(mine.response.status).toBe(200);
      expect(mine.response.headers.get('content-type')).toMatch(/text\/event-stream/);
      // Another claim's change must not reach this subscriber.
      await api.gql(SUBMIT, { text: 'The Dunmoor tram line opened with 12 stations in spring.' });
      await api.gql(INGEST, {
        input: {
          source: 'Dunmoor Echo',
          text: 'The Dunmoor tram line opened with 12 stations in spring, the council said.',
        },
      });
      const reportId = (
        await api.gql(INGEST, {
          input: {
            source: 'Pellham Daily',
            text: 'The Pellham ferry carried 300 passengers on its first day, the operator said.',
          },
        })
      ).data!.ingestReport.report.id;

      const got = await mine.next();
      expect(got.event).toBe('next');
      expect(got.data.data.verdictChanged).toMatchObject({
        claimId,
        seq: 1,
        previousVerdict: 'UNVERIFIED',
        verdict: 'SINGLE_SOURCE',
        rule: 'ONE_INDEPENDENT_SOURCE',
        reportId,
        claim: { id: claimId, verdict: 'SINGLE_SOURCE' },
      });

      await api.gql(INGEST, {
        input: { source: 'Pellham Coast Post', text: 'The Pellham ferry carried 900 passengers on its first day.' },
      });
      const disputed = await mine.next();
      expect(disputed.data.data.verdictChanged).toMatchObject({
        seq: 2,
        previousVerdict: 'SINGLE_SOURCE',
        verdict: 'DISPUTED',
        claim: { verdict: 'DISPUTED' },
      });
      // The filtered subscriber saw only the DISPUTED change.
      const filtered = await disputedOnly.next();
      expect(filtered.data.data.verdictChanged).toMatchObject({ seq: 2, verdict: 'DISPUTED' });
    } finally {
      mine.close();
      disputedOnly.close();
    }
  });
});

describe('verdictChanged where subscriptions are off (as on Lambda)', () => {
  it('answers UNAVAILABLE, naming the supported paths', async () => {
    const api = await createTestApi({ SUBSCRIPTIONS: 'false' });
    const server = await serve(api);
    const sub = await subscribe(server.url, SUBSCRIPTION, {});
    try {
      const first = await sub.next();
      expect(first.data.errors[0].extensions).toMatchObject({ code: 'UNAVAILABLE' });
      expect(first.data.errors[0].message).toMatch(/webhooks/);
    } finally {
      sub.close();
      await server.close();
      await api.rt.close();
    }
  });
});

describe('claims(changedSince:), the polling path where subscriptions are off', () => {
  it('lists the claims changed since a time, most recently changed first, and names the field on bad input', async () => {
    const api = await createTestApi({ SUBSCRIPTIONS: 'false' });
    try {
      const quiet = (await api.gql(SUBMIT, { text: 'The Aldcross lido reopened with a heated pool in May.' })).data!
        .submitClaim.claim.id;
      const since = new Date().toISOString();
      await new Promise((r) => setTimeout(r, 5));
      const changing = (await api.gql(SUBMIT, { text: 'The Rooksby ferry carried 300 passengers on its first day.' }))
        .data!.submitClaim.claim.id;
      await api.gql(INGEST, {
        input: {
          source: 'Rooksby Daily',
          text: 'The Rooksby ferry carried 300 passengers on its first day, the operator said.',
        },
      });
      const polled = await api.gql(
        'query($since: DateTime) { claims(changedSince: $since, first: 10) { nodes { id verdict updatedAt } } }',
        { since },
      );
      expect(polled.data!.claims.nodes.map((c: { id: string }) => c.id)).toEqual([changing]);
      expect(polled.data!.claims.nodes[0].verdict).toBe('SINGLE_SOURCE');
      const all = await api.gql('{ claims(changedSince: "2000-01-01", orderBy: RECENTLY_CHANGED) { nodes { id } } }');
      expect(all.data!.claims.nodes.map((c: { id: string }) => c.id)).toEqual([changing, quiet]);
      const bad = await api.gql('{ claims(changedSince: "yesterday") { nodes { id } } }');
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changedSince' });
      const newest = await api.gql('{ claims(changedSince: "2000-01-01", orderBy: NEWEST) { nodes { id } } }');
      expect(newest.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'changedSince' });
    } finally {
      await api.rt.close();
    }
  });
});
