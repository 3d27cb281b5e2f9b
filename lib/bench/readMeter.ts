// Read units as DynamoDB bills them, counted where the reads are sent, like lib/bench/writeMeter.ts:
// a middleware asks every get, query and batch get for its consumed capacity and adds up what the store
// answers (the embedded store bills like DynamoDB: 1 unit per 4 KB a query returns, at least 1, half
// for an eventually consistent read). Each call is counted under the partition kind it reads
// (`TBUCKET` for the term index's slots, `TNEW` for its recent items, `TMERGE` for its state ...).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Capacity, unitsOf } from './writeMeter.js';

const READS = new Set(['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand']);

export interface ReadMeter {
  total: number;
  byKind: Record<string, number>;
  reset(): void;
}

type Item = Record<string, unknown>;
interface ReadInput {
  ReturnConsumedCapacity?: string;
  Key?: Item;
  ExpressionAttributeValues?: Item;
  RequestItems?: Record<string, { Keys?: Item[] }>;
}

const kindOf = (input: ReadInput): string => {
  const pk =
    input.Key?.PK ??
    input.ExpressionAttributeValues?.[':pk'] ??
    Object.values(input.RequestItems ?? {})[0]?.Keys?.[0]?.PK ??
    '?';
  return String(pk).split('#')[0]!;
};

export function meterReads(doc: DynamoDBDocumentClient): ReadMeter {
  const meter: ReadMeter = {
    total: 0,
    byKind: {},
    reset() {
      meter.total = 0;
      meter.byKind = {};
    },
  };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (!READS.has(context.commandName ?? '')) return next(args);
      const input = args.input as ReadInput;
      input.ReturnConsumedCapacity = 'TOTAL';
      const out = await next(args);
      const units = unitsOf((out.output as { ConsumedCapacity?: Capacity }).ConsumedCapacity);
      const kind = kindOf(input);
      meter.total += units;
      meter.byKind[kind] = (meter.byKind[kind] ?? 0) + units;
      return out;
    },
    { step: 'initialize', name: 'readMeter' },
  );
  return meter;
}
