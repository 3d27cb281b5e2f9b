// Webhooks end to end: registered through GraphQL, fed by verdict changes that reports cause,
// delivered to a receiver on 127.0.0.1 by the same delivery code the SQS worker runs.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRecord } from '../../lib/app/types.js';
import { createTestApi } from '../support/graphql.js';
import { startReceiver, type Receiver } from '../support/receiver.js';

type Api = Awaited<ReturnType<typeof createTestApi>>;
let api: Api;
const receivers: Receiver[] = [];

beforeAll(async () => {
  // Retries 40 ms apart instead of 10 s; at most 4 attempts; a hung receiver fails an attempt after 500 ms.
  api = await createTestApi({ WEBHOOK_RETRY_BASE_MS: '40', WEBHOOK_MAX_ATTEMPTS: '4', WEBHOOK_TIMEOUT_MS: '500' });
});
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
afterAll(async () => api.rt.close());

const SUBMIT = 'mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id verdict } } }';
const INGEST = 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { id } } }';
const CREATE = `mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url verdicts claimIds status } } }`;
const WEBHOOKS = `{ webhooks { id url status failingSince deliveries { eventId claimId status attempts lastStatus lastError deliveredAt } } }`;

async function claimAbout(town: string): Promise<string> {
  const r = await api.gql(SUBMIT, { text: `The ${town} ferry carried 300 passengers on its first day.` });
  expect(r.data!.submitClaim.claim.verdict).toBe('UNVERIFIED');
  return r.data!.submitClaim.claim.id;
}

/** Three reports: one source (SINGLE_SOURCE), a second (CORROBORATED), then a conflicting number (DISPUTED). */
const reportsAbout = (town: string) => [
  { source: `${town} Daily`, text: `The ${town} ferry carried 300 passengers on its first day, the operator said.` },
  { source: `${town} Harbour Times`, text: `On its first day in service, 300 passengers rode the new ${town} ferry.` },
  { source: `${town} Coast Post`, text: `The ${town} ferry carried 900 passengers on its first day.` },
];

async function ingest(input: { source: string; text: string }): Promise<string> {
  const r = await api.gql(INGEST, { input });
  expect(r.errors).toBeUndefined();
  return r.data!.ingestReport.report.id;
}

async function webhookFor(
  receiver: Receiver,
  claimIds: string[],
  verdicts?: string[],
): Promise<{ id: string; secret: string }> {
  const r = await api.gql(CREATE, { input: { url: receiver.url, claimIds, ...(verdicts ? { verdicts } : {}) } });
  expect(r.errors).toBeUndefined();
  return { id: r.data!.createWebhook.webhook.id, secret: r.data!.createWebhook.secret };
}

async function receiver(answer?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}

const settled = () => api.rt.localDeliveries!.idle();

async function deliveriesOf(webhookId: string): Promise<DeliveryRecord[]> {
  const r = await api.gql(WEBHOOKS);
  return r.data!.webhooks.find((w: { id: string }) => w.id === webhookId).deliveries;
}

/** What a receiver does (the README's example): HMAC-SHA256 of "<t>.<raw body>", compared in constant time, within 5 minutes. */
function verifies(secret: string, rawBody: string, header: string | undefined): boolean {
  const { t, v1 } = Object.fromEntries((header ?? '').split(',').map((kv) => kv.split('=')));
  if (!t || !v1 || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('webhooks', () => {
  it('delivers a verdict change once, signed with the secret shown at creation', async () => {
    const claimId = await claimAbout('Brackwater');
    const rx = await receiver();
    const hook = await webhookFor(rx, [claimId]);
    expect(hook.secret).toMatch(/^whsec_/);
    const reportId = await ingest(reportsAbout('Brackwater')[0]!);
    await settled();

    expect(rx.received).toHaveLength(1);
    const [got] = rx.received;
    expect(got!.json).toMatchObject({
      type: 'claim.verdictChanged',
      data: {
        claimId,
        previousVerdict: 'UNVERIFIED',
        verdict: 'SINGLE_SOURCE',
        rule: 'ONE_INDEPENDENT_SOURCE',
        reportId,
        seq: 1,
        text: 'The Brackwater ferry carried 300 passengers on its first day.',
      },
    });
    expect(got!.json.id).toMatch(/^evt_/);
    expect(got!.json.data.confidence).toBeGreaterThan(0);
    expect(Date.parse(got!.json.createdAt)).not.toBeNaN();
    expect(got!.headers['x-factcheck-event']).toBe('claim.verdictChanged');
    expect(verifies(hook.secret, got!.body, got!.headers['x-factcheck-signature'] as string)).toBe(true);
    // Another secret, or a body changed by one byte, does not verify.
    expect(verifies('whsec_other', got!.body, got!.headers['x-factcheck-signature'] as string)).toBe(false);
    expect(
      verifies(
        hook.secret,
        got!.body.replace('SINGLE_SOURCE', 'CORROBORATED'),
        got!.headers['x-factcheck-signature'] as string,
      ),
    ).toBe(false);

    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({
      eventId: got!.json.id,
      claimId,
      status: 'DELIVERED',
      attempts: 1,
      lastStatus: 200,
      lastError: null,
    });
    // The secret is never readable again: the Webhook type has no field for it.
    const probe = await api.gql('{ webhooks { id secret } }');
    expect(probe.errors?.[0]?.message).toMatch(/secret/);

    // The same report again changes nothing: no second delivery.
    await ingest(reportsAbout('Brackwater')[0]!);
    await settled();
    expect(rx.received).toHaveLength(1);
  });

  it('sends the delivery again, with the same body, to an endpoint that answered 500', async () => {
    const claimId = await claimAbout('Ostmere');
    const rx = await receiver((n) => (n === 0 ? 500 : 200));
    const hook = await webhookFor(rx, [claimId]);
    await ingest(reportsAbout('Ostmere')[0]!);
    await settled();

    expect(rx.received).toHaveLength(2);
    expect(rx.received[1]!.body).toBe(rx.received[0]!.body);
    expect(
      verifies(hook.secret, rx.received[1]!.body, rx.received[1]!.headers['x-factcheck-signature'] as string),
    ).toBe(true);
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 2, lastStatus: 200 });
    expect(delivery!.lastError).toMatch(/HTTP 500/);
  });

  it('retries an endpoint that does not answer in time', async () => {
    const claimId = await claimAbout('Quillan');
    const rx = await receiver((n) => (n === 0 ? 'hang' : 200));
    const hook = await webhookFor(rx, [claimId]);
    await ingest(reportsAbout('Quillan')[0]!);
    await settled();
    expect(rx.received).toHaveLength(2);
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 2, lastStatus: 200 });
    expect(delivery!.lastError).toMatch(/no answer within 500 ms/);
  });

  it('loses nothing when the worker crashes between sending and recording the outcome', async () => {
    const claimId = await claimAbout('Feldhaven');
    const rx = await receiver();
    const hook = await webhookFor(rx, [claimId]);
    const store = api.rt.store;
    const record = store.recordDeliveryAttempt.bind(store);
    let crashes = 0;
    // The receiver has the POST, then the worker dies before acknowledging it.
    store.recordDeliveryAttempt = async (...args) => {
      if (crashes++ === 0) throw new Error('worker crashed mid-delivery');
      return record(...args);
    };
    try {
      await ingest(reportsAbout('Feldhaven')[0]!);
      await settled();
    } finally {
      store.recordDeliveryAttempt = record;
    }
    // At least once: sent again after the crash, and recorded once it was acknowledged.
    expect(rx.received).toHaveLength(2);
    expect(rx.received[0]!.json.id).toBe(rx.received[1]!.json.id);
    const [delivery] = await deliveriesOf(hook.id);
    expect(delivery).toMatchObject({ status: 'DELIVERED', attempts: 1 });
  });

  it("announces a change stored by a writer that stopped before publishing it, at the claim's next re-check", async () => {
    const claimId = await claimAbout('Marrowby');
    const rx = await receiver();
    await webhookFor(rx, [claimId]);
    const store = api.rt.store;
    const recheck = () =>
      api.gql('mutation($id: ID!) { recheckClaim(id: $id) { claim { verdict } } }', { id: claimId });
    /** Run `step` with one store method failing, as a writer that stops there would. */
    async function stoppingAt(method: 'listWebhooks' | 'putVerdictEvent', step: () => Promise<unknown>) {
      const original = store[method];
      store[method] = async () => {
        throw new Error(`stopped at ${method}`);
      };
      try {
        await step();
        await settled();
      } finally {
        store[method] = original as never;
      }
    }

    // Stopped before dispatching: the verdict is stored and still carries its event; nothing was announced.
    await stoppingAt('listWebhooks', () => ingest(reportsAbout('Marrowby')[0]!));
    let stored = (await store.getClaim(claimId))!;
    expect(stored.verdict).toBe('SINGLE_SOURCE');
    expect(stored.unsentEvents.map((e) => e.verdict)).toEqual(['SINGLE_SOURCE']);
    expect(rx.received).toHaveLength(0);
    await recheck();
    await settled();
    expect(rx.received.map((r) => r.json.data.verdict)).toEqual(['SINGLE_SOURCE']);
    expect((await store.getClaim(claimId))!.unsentEvents).toEqual([]);

    // Stopped after dispatching, before the outbox write: finished at the next re-check, without a second delivery.
    await stoppingAt('putVerdictEvent', () => ingest(reportsAbout('Marrowby')[1]!));
    stored = (await store.getClaim(claimId))!;
    expect(stored.unsentEvents.map((e) => e.verdict)).toEqual(['CORROBORATED']);
    expect(rx.received.map((r) => r.json.data.verdict)).toEqual(['SINGLE_SOURCE', 'CORROBORATED']);
    await recheck();
    await settled();
    expect(rx.received.map((r) => r.json.data.verdict)).toEqual(['SINGLE_SOURCE', 'CORROBORATED']);
    expect((await store.getClaim(claimId))!.unsentEvents).toEqual([]);
    expect((await store.listVerdictEvents(claimId, 10)).map((e) => [e.seq, e.verdict])).toEqual([
      [1, 'SINGLE_SOURCE'],
      [2, 'CORROBORATED'],
    ]);
  });

  it('dead-letters a delivery after the last attempt and marks the endpoint failing; a later success clears it', async () => {
    const claimId = await claimAbout('Tarnwick');
    let failing = true;
    const rx = await receiver(() => (failing ? 500 : 200));
    const hook = await webhookFor(rx, [claimId]);
    await ingest(reportsAbout('Tarnwick')[0]!);
    await settled();
    expect(rx.received).toHaveLength(4); // WEBHOOK_MAX_ATTEMPTS
    let list = (await api.gql(WEBHOOKS)).data!.webhooks.find((w: { id: string }) => w.id === hook.id);
    expect(list).toMatchObject({ status: 'FAILING' });
    expect(list.failingSince).toBeTruthy();
    expect(list.deliveries[0]).toMatchObject({ status: 'DEAD', attempts: 4, lastStatus: 500 });

    failing = false;
    await ingest(reportsAbout('Tarnwick')[1]!);
    await settled();
    list = (await api.gql(WEBHOOKS)).data!.webhooks.find((w: { id: string }) => w.id === hook.id);
    expect(list).toMatchObject({ status: 'ACTIVE', failingSince: null });
    expect(list.deliveries.map((d: DeliveryRecord) => d.status)).toEqual(['DELIVERED', 'DEAD']);
  });

  it('sends only the verdicts a webhook asks for, and nothing after it is deleted', async () => {
    const claimId = await claimAbout('Holloway');
    const rx = await receiver();
    const disputedOnly = await webhookFor(rx, [claimId], ['DISPUTED']);
    const [single, corroborated, disputed] = reportsAbout('Holloway');
    await ingest(single!);
    await ingest(corroborated!);
    await settled();
    expect(rx.received).toHaveLength(0);
    await ingest(disputed!);
    await settled();
    expect(rx.received.map((r) => r.json.data.verdict)).toEqual(['DISPUTED']);

    const deleted = await api.gql('mutation($id: ID!) { deleteWebhook(id: $id) { webhook { id } } }', {
      id: disputedOnly.id,
    });
    expect(deleted.data!.deleteWebhook.webhook.id).toBe(disputedOnly.id);
    expect((await api.gql(WEBHOOKS)).data!.webhooks.some((w: { id: string }) => w.id === disputedOnly.id)).toBe(false);
    const again = await api.gql('mutation($id: ID!) { deleteWebhook(id: $id) { webhook { id } } }', {
      id: disputedOnly.id,
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it.each([
    ['plain http to a public host', { url: 'http://hooks.newsroom.example/x' }, 'input.url', /https/],
    ['a private address', { url: 'https://10.0.0.8/x' }, 'input.url', /private/],
    ['the metadata address', { url: 'https://169.254.169.254/latest/meta-data/' }, 'input.url', /metadata/],
    ['not a URL', { url: 'hooks' }, 'input.url', /absolute/],
    ['an empty URL', { url: ' ' }, 'input.url', /empty/],
    [
      'a claim id that is not one',
      { url: 'https://hooks.newsroom.example/x', claimIds: ['no such#id'] },
      'input.claimIds[0]',
      /not an id/,
    ],
    [
      'an unknown claim',
      { url: 'https://hooks.newsroom.example/x', claimIds: ['clm_unknown'] },
      'input.claimIds[0]',
      /no claim/,
    ],
  ])('refuses %s with an error naming the field', async (_, input, field, message) => {
    const r = await api.gql(CREATE, { input });
    expect(r.errors?.[0]?.extensions).toMatchObject({ field });
    expect(r.errors?.[0]?.message).toMatch(message);
  });
});

describe('webhook order', () => {
  let ordered: Api;
  beforeAll(async () => {
    ordered = await createTestApi({ WEBHOOK_RETRY_BASE_MS: '40', WEBHOOK_TIMEOUT_MS: '10000' });
  });
  afterAll(async () => ordered.rt.close());

  it("delivers one claim's changes in order: later changes wait while an earlier one is retried", async () => {
    const claimId = (await ordered.gql(SUBMIT, { text: 'The Wrenfold ferry carried 300 passengers on its first day.' }))
      .data!.submitClaim.claim.id;
    // The first delivery is held open until all three changes are queued, then refused: the others must wait for its retry.
    let release!: (status: number) => void;
    const held = new Promise<number>((resolve) => (release = resolve));
    const rx = await startReceiver((n) => (n === 0 ? held : 200));
    try {
      const made = await ordered.gql(CREATE, { input: { url: rx.url, claimIds: [claimId] } });
      const hookId = made.data!.createWebhook.webhook.id;
      for (const input of reportsAbout('Wrenfold'))
        expect((await ordered.gql(INGEST, { input })).errors).toBeUndefined();
      expect(rx.received).toHaveLength(1); // the other two wait behind the first
      release(503);
      await ordered.rt.localDeliveries!.idle();

      expect(rx.received.map((r) => [r.json.data.seq, r.json.data.verdict])).toEqual([
        [1, 'SINGLE_SOURCE'],
        [1, 'SINGLE_SOURCE'],
        [2, 'CORROBORATED'],
        [3, 'DISPUTED'],
      ]);
      expect(rx.received.map((r) => r.json.data.previousVerdict)).toEqual([
        'UNVERIFIED',
        'UNVERIFIED',
        'SINGLE_SOURCE',
        'CORROBORATED',
      ]);
      const list = (await ordered.gql(WEBHOOKS)).data!.webhooks.find((w: { id: string }) => w.id === hookId);
      expect(list.deliveries.map((d: DeliveryRecord) => [d.status, d.attempts])).toEqual([
        ['DELIVERED', 1],
        ['DELIVERED', 1],
        ['DELIVERED', 2],
      ]);
    } finally {
      await rx.close();
    }
  });
});

describe('webhooks with API keys', () => {
  let keyed: Api;
  beforeAll(async () => {
    keyed = await createTestApi({ API_KEYS: 'admin-key-for-tests', KEYS_IN_TABLE: 'true' });
  });
  afterAll(async () => keyed.rt.close());

  it('are for admin keys only', async () => {
    const { createApiKey } = await import('../../lib/app/apiKeys.js');
    const writer = await createApiKey(keyed.rt.store, 'writer');
    const input = { url: 'https://hooks.newsroom.example/x' };
    expect((await keyed.gql(CREATE, { input })).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await keyed.gql(CREATE, { input }, writer.key)).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await keyed.gql(WEBHOOKS, {}, writer.key)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const made = await keyed.gql(CREATE, { input }, 'admin-key-for-tests');
    expect(made.data!.createWebhook.webhook).toMatchObject({
      url: 'https://hooks.newsroom.example/x',
      status: 'ACTIVE',
      verdicts: [],
      claimIds: [],
    });
  });
});
