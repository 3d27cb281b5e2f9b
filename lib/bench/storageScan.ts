// What a table holds, read from outside the store code: a full scan, every item sized as DynamoDB
// sizes it (lib/store/itemSize.ts: UTF-8 bytes of attribute names and values) and counted by kind
// (its `type` attribute, or the first parts of its keys: `TERM/R` for a posting).
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { itemBytes } from '../store/itemSize.js';

export interface TableContents {
  items: number;
  bytes: number;
  byKind: Record<string, { items: number; bytes: number }>;
}

const kindOf = (item: Record<string, unknown>): string =>
  typeof item.type === 'string'
    ? item.type
    : `${String(item.PK ?? '?').split('#')[0]}/${String(item.SK ?? '?').split('#')[0]}`;

export async function scanTable(doc: DynamoDBDocumentClient, table: string): Promise<TableContents> {
  const out: TableContents = { items: 0, bytes: 0, byKind: {} };
  let start: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      const bytes = itemBytes(item);
      const kind = out.byKind[kindOf(item)] ?? { items: 0, bytes: 0 };
      out.byKind[kindOf(item)] = kind;
      kind.items += 1;
      kind.bytes += bytes;
      out.items += 1;
      out.bytes += bytes;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}
