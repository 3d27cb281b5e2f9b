// Slow: 20,000 claims sharing common words. Under the previous layout each term held one string
// set of its claims, which reached DynamoDB's 400 KB item limit at about 15,000 claims, after which
// every write touching the term failed. Now each (term, claim) is an item of its own.
// The claims' term entries are seeded in full batch writes (20,000 submitClaim calls would take
// many minutes); the claim after them and the report go through the app.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeClaim, watchTermsOf } from '../../lib/domain/index.js';
import type { Runtime } from '../../lib/runtime.js';
import type { DynamoStore } from '../../lib/store/dynamoStore.js';
import { itemBytes } from '../../lib/store/itemSize.js';
import { keys } from '../../lib/store/keys.js';
import { createTestRuntime } from '../support/runtime.js';

const CLAIMS = 20_000;

let rt: Runtime;
beforeAll(async () => {
  rt = await createTestRuntime();
});
afterAll(async () => rt.close());

describe('a term shared by 20,000 claims', () => {
  it('takes one more claim and a report that touches it, with every item small', async () => {
    const store = rt.store as DynamoStore;
    // The claims' entries under the shared word, in both term indexes: the part that grew without
    // bound. Each claim is "Ferry fares rose N percent." (four terms, all watched: it names nothing);
    // ids as long as real ones, so the old layout's set for the word would be about 520 KB.
    const sample = analyzeClaim('Ferry fares rose 1 percent.');
    const common = 'fare';
    expect(sample.terms).toContain(common);
    expect(watchTermsOf(sample).terms).toContain(common);
    const termCount = sample.terms.length;
    const ids = Array.from({ length: CLAIMS }, (_, i) => `clm_scale${String(i).padStart(15, '0')}`);
    await store.batchWrite(
      ids.flatMap((id) =>
        (['search', 'watch'] as const).map((index) => ({
          PutRequest: { Item: { ...keys.termClaim(common, index, id), n: termCount } },
        })),
      ),
      8,
    );

    // One more claim on the same words, through the app: its term writes touch the crowded terms.
    const { claim } = await rt.app.submitClaim({ text: 'Ferry fares rose 45 percent in the Brannock isles.' });
    expect(claim.version).toBeGreaterThan(0);
    const found = await store.claimsForTerms([common], 'search');
    expect(found.size).toBe(CLAIMS + 1);

    // A report with the common word: the ingest looks up the claims it may change among all of them.
    const { report, created, affectedClaims } = await rt.app.ingestReport({
      source: 'Brannock Packet',
      text: 'The Brannock ferry company printed its new fare table on Monday. Harbour staff handed copies to travellers at the quay.',
    });
    expect(created).toBe(true);
    // Sharing one of four watched words is not enough to change those claims (claimsAffectedBy).
    expect(affectedClaims).toBeLessThan(10);
    expect(await rt.app.getReport(report.id)).not.toBeNull();

    const doc = (store as unknown as { doc: DynamoDBDocumentClient }).doc;
    const page = await doc.send(
      new QueryCommand({
        TableName: rt.config.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.postingPartition(common) },
        Limit: 500,
      }),
    );
    const largest = Math.max(...(page.Items ?? []).map((i) => itemBytes(i)));
    expect(largest).toBeLessThan(200);
  }, 600_000);
});
