// The compact layout (statement packs, keyed postings and band members, one item per term and
// claim) and the layout stores wrote before it: both are read, and deletes remove both.
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeInput, reportIndexOf, reportRecordOf } from '../../lib/app/ingest.js';
import { validateReport } from '../../lib/app/validate.js';
import type { Runtime } from '../../lib/runtime.js';
import type { DynamoStore } from '../../lib/store/dynamoStore.js';
import { createTestRuntime } from '../support/runtime.js';

let rt: Runtime;
let store: DynamoStore;
beforeAll(async () => {
  rt = await createTestRuntime();
  store = rt.store as DynamoStore;
});
afterAll(async () => rt.close());

type Item = Record<string, unknown>;
const doc = () => (store as unknown as { doc: import('@aws-sdk/lib-dynamodb').DynamoDBDocumentClient }).doc;
const table = () => rt.config.tableName;

async function partition(pk: string): Promise<Item[]> {
  const out = await doc().send(
    new QueryCommand({
      TableName: table(),
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': pk },
    }),
  );
  return out.Items ?? [];
}

async function itemsNaming(reportId: string): Promise<Item[]> {
  const out: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await doc().send(new ScanCommand({ TableName: table(), ExclusiveStartKey: start }));
    out.push(...(page.Items ?? []).filter((i) => JSON.stringify(i).includes(reportId)));
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/** Invented text: twenty sentences, so the statements take two packs. */
const longText = Array.from(
  { length: 20 },
  (_, i) =>
    `The Marrowby canal trust counted ${100 + i} narrowboats at lock ${i + 1} on the eastern branch during the spring survey.`,
).join(' ');

describe('compact layout', () => {
  it('stores a report as a few items: statement packs, its text and one recent item of the term index', async () => {
    const { report } = await rt.app.ingestReport({ source: 'Marrowby Gazette', text: longText });
    const own = await partition(`REPORT#${report.id}`);
    expect(own.map((i) => i.SK).sort()).toEqual(['REPORT', 'STMTS#0000', 'STMTS#0001', 'TEXT']);
    const statements = await rt.app.reportStatements(report);
    expect(statements).toHaveLength(20);
    expect(statements[19]!.text).toContain('lock 20');
    const postings = await store.postings('narrowboat', 100);
    expect(postings).toContainEqual(
      expect.objectContaining({ reportId: report.id, statements: Array.from({ length: 20 }, (_, i) => i) }),
    );
    // No item per term or band: the postings and bands are in one recent item, then in the merged buckets.
    expect(await partition('TERM#narrowboat')).toEqual([]);
    const naming = await itemsNaming(report.id);
    const indexItems = naming.filter((i) => !/^REPORT(HASH|URL)?#/.test(String(i.PK)));
    expect(indexItems.map((i) => String(i.PK))).toEqual([expect.stringMatching(/^TNEW#\d$/)]);
    await store.mergeTermIndex(false);
    expect(await store.postings('narrowboat', 100)).toEqual(postings);
  });

  it('reads and deletes a report stored in the layout written before packs', async () => {
    const valid = validateReport({
      source: 'Old Layout Ledger',
      text: 'The Quillon ferry board sold 3,400 tickets on Saturday. It blamed the storm for the delays on Sunday.',
      publishedAt: '2024-05-06',
    });
    const analysis = analyzeInput(valid);
    const index = reportIndexOf(analysis, valid.text);
    const id = 'rep_legacy0000000000000001';
    const record = reportRecordOf(id, valid, analysis, '2024-05-06T10:00:00.000Z', id, 'v-test');
    // The items as stores wrote them before: JSON string attributes, one statement per item,
    // postings with lists and a reportId, one string set per copy band.
    const legacy: Item[] = [
      {
        PK: `REPORT#${id}`,
        SK: 'REPORT',
        GSI1PK: `SOURCE#${record.sourceKey}`,
        GSI1SK: `${record.publishedAt}#${id}`,
        GSI2PK: 'REPORTS',
        GSI2SK: `${record.ingestedAt}#${id}`,
        type: 'Report',
        ...record,
        signature: JSON.stringify(record.signature),
        terms: JSON.stringify(record.terms),
        profile: JSON.stringify(record.profile),
      },
      ...index.statements.map((s) => ({
        PK: `REPORT#${id}`,
        SK: `STMT#${String(s.index).padStart(5, '0')}`,
        type: 'Statement',
        reportId: id,
        data: JSON.stringify(s),
      })),
      ...index.postings.map((p) => ({
        PK: `TERM#${p.term}`,
        SK: `R#${id}`,
        type: 'Posting',
        reportId: id,
        st: p.statements,
        ...(p.carried?.length ? { cs: p.carried } : {}),
      })),
      ...index.bands.map((b) => ({ PK: `BAND#${b}`, SK: 'REPORTS', ids: new Set([id]) })),
    ];
    await store.batchWrite(legacy.map((Item) => ({ PutRequest: { Item } })));
    await store.addToCounters({ reports: 1 });
    await store.addToSource(record.sourceKey, record.source, 1);

    const read = await rt.app.getReport(id);
    expect(read).toMatchObject({ id, terms: record.terms, signature: record.signature });
    expect((await rt.app.reportStatements(read!)).map((s) => s.text)).toEqual(index.statements.map((s) => s.text));
    const carried = (await store.postings('quillon', 100)).find((p) => p.reportId === id);
    expect(carried).toMatchObject({ statements: [0], carried: [1] });
    expect(await store.bandMembers(index.bands.slice(0, 1))).toContain(id);

    // Retrieval and judging read it like any other report.
    const { claim } = await rt.app.submitClaim({ text: 'The Quillon ferry board sold 3,400 tickets.' });
    expect(claim.supportCount).toBe(1);

    await rt.app.deleteReport(id);
    const left = await itemsNaming(id);
    // Only the claim's evidence (until its re-check, which the delete ran) may still name it.
    expect(left.filter((i) => !String(i.PK).startsWith('CLAIM#'))).toEqual([]);
  });

  it('finds claims in the one-item-per-claim term index and in the string sets of stores written before', async () => {
    await store.batchWrite([
      { PutRequest: { Item: { PK: 'TERM#tollgate', SK: 'WATCH', ids: new Set(['clm_old1:2', 'clm_old2:1']) } } },
    ]);
    await store.addClaimToTerms('clm_new1', ['tollgate', 'brackwater'], 'watch');
    const hits = await store.claimsForTerms(['tollgate', 'brackwater'], 'watch');
    expect(Object.fromEntries(hits)).toEqual({
      clm_old1: { hits: 1, termCount: 2 },
      clm_old2: { hits: 1, termCount: 1 },
      clm_new1: { hits: 2, termCount: 2 },
    });
    expect((await store.claimsForTerms(['tollgate'], 'search')).size).toBe(0);
  });
});
