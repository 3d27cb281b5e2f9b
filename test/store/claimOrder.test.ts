// The store's claim orderings (also run against DynamoDB Local by `npm run test:dynamodb-local`): newest
// first and most recently changed first, over all claims and within one verdict, paged one by one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimOrder } from '../../lib/app/ports.js';
import type { Verdict } from '../../lib/domain/types.js';
import type { Runtime } from '../../lib/runtime.js';
import { createTestRuntime } from '../support/runtime.js';

let rt: Runtime;
const ids: string[] = [];

beforeAll(async () => {
  rt = await createTestRuntime();
  for (const text of [
    'The Orlen footbridge reopened to walkers in March 2024.',
    'The Selwick night market will move to the harbour in June.',
    'Volunteers planted 400 apple trees in the Dunmore orchard.',
  ]) {
    ids.push((await rt.app.submitClaim({ text })).claim.id);
    await new Promise((r) => setTimeout(r, 15));
  }
  await rt.app.ingestReport({
    source: 'Orlen Courier',
    text: 'The Orlen footbridge reopened to walkers in March 2024 after a winter of repairs.',
  });
});
afterAll(async () => rt.close());

async function all(order: ClaimOrder, verdict?: Verdict, changedSince?: string): Promise<string[]> {
  const out: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 10; i++) {
    const page = await rt.store.listClaims({
      first: 1,
      after,
      order,
      ...(verdict ? { verdict } : {}),
      ...(changedSince ? { changedSince } : {}),
    });
    out.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
  throw new Error('paging did not end');
}

describe('listClaims orderings', () => {
  it('pages the claims changed at or after a time, most recently changed first, with or without a verdict', async () => {
    const [bridge, market, orchard] = ids;
    const since = (await rt.store.getClaim(orchard!))!.updatedAt;
    expect(await all('changed', undefined, since)).toEqual([bridge, orchard]);
    expect(await all('changed', 'UNVERIFIED', since)).toEqual([orchard]);
    expect(await all('changed', 'SINGLE_SOURCE', since)).toEqual([bridge]);
    expect(await all('changed', undefined, '2000-01-01T00:00:00.000Z')).toEqual([bridge, orchard, market]);
    expect(await all('changed', undefined, new Date(Date.now() + 60_000).toISOString())).toEqual([]);
  });

  it('pages every claim newest first, and most recently changed first', async () => {
    const [bridge, market, orchard] = ids;
    expect(await all('created')).toEqual([orchard, market, bridge]);
    expect(await all('changed')).toEqual([bridge, orchard, market]);
  });

  it('pages one verdict newest first (filtered) and by change', async () => {
    const [bridge, market, orchard] = ids;
    expect(await all('created', 'UNVERIFIED')).toEqual([orchard, market]);
    expect(await all('changed', 'UNVERIFIED')).toEqual([orchard, market]);
    expect(await all('created', 'SINGLE_SOURCE')).toEqual([bridge]);
  });
});
