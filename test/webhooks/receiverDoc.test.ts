// The receiver example in docs/webhooks.md, run as written against a real delivery: the docs
// cannot drift from what the service sends.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApi } from '../support/graphql.js';

const doc = readFileSync(new URL('../../docs/webhooks.md', import.meta.url), 'utf8');
const snippet = /### Receiving[\s\S]*?```js\n([\s\S]*?)```/.exec(doc)?.[1];

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

describe('docs/webhooks.md receiver example', () => {
  let api: Awaited<ReturnType<typeof createTestApi>> | undefined;
  let server: Server | undefined;
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    await api?.rt.close();
  });

  it('accepts a real delivery and refuses a tampered or stale one', async () => {
    expect(snippet).toBeDefined();
    api = await createTestApi({ WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_MAX_ATTEMPTS: '2' });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/factcheck`;
    const claimId = (
      await api.gql(
        'mutation { submitClaim(input: { text: "The Larchfield ferry carried 300 passengers on its first day." }) { claim { id } } }',
      )
    ).data!.submitClaim.claim.id;
    const made = await api.gql(
      'mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { secret webhook { id } } }',
      { i: { url, claimIds: [claimId] } },
    );
    const { secret, webhook } = made.data!.createWebhook;

    const file = join(mkdtempSync(join(tmpdir(), 'receiver-')), 'receiver.mjs');
    writeFileSync(file, snippet!);
    process.env.FACTCHECK_WEBHOOK_SECRET = secret;
    const mod = (await import(pathToFileURL(file).href)) as {
      server: Server;
      verify: (body: string, header: string, now?: number) => boolean;
    };
    server = mod.server;
    await new Promise<void>((r) => server!.listen(port, '127.0.0.1', r));
    const seen: Array<{ body: string; header: string }> = [];
    server.prependListener('request', (req) => {
      const chunks: Buffer[] = [];
      req
        .on('data', (c: Buffer) => chunks.push(c))
        .on('end', () =>
          seen.push({
            body: Buffer.concat(chunks).toString('utf8'),
            header: String(req.headers['x-factcheck-signature']),
          }),
        );
    });

    await api.gql('mutation($i: IngestReportInput!) { ingestReport(input: $i) { report { id } } }', {
      i: {
        source: 'Larchfield Daily',
        text: 'The Larchfield ferry carried 300 passengers on its first day, the operator said.',
      },
    });
    await api.rt.localDeliveries!.idle();
    const [delivery] = await api.rt.store.listDeliveries(webhook.id, 1);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 1, lastStatus: 204 });

    const [got] = seen;
    expect(mod.verify(got!.body, got!.header)).toBe(true);
    expect(mod.verify(got!.body.replace('SINGLE_SOURCE', 'DISPUTED'), got!.header)).toBe(false);
    // Replayed six minutes later: outside the window.
    const t = Number(/t=(\d+)/.exec(got!.header)![1]);
    expect(mod.verify(got!.body, got!.header, t + 6 * 60)).toBe(false);
    const forged = got!.header.slice(0, -1) + (got!.header.endsWith('0') ? '1' : '0');
    const replay = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-factcheck-signature': forged },
      body: got!.body,
    });
    expect(replay.status).toBe(401);
  });
});
