// Write units as DynamoDB bills them, counted where the writes are sent: a middleware on the
// document client asks every write for its consumed capacity (ReturnConsumedCapacity TOTAL) and
// adds up what the store answers. The embedded store (dynalite) bills like DynamoDB's table:
// ceil(item KB) per item written, the larger of the old and new item for an update or delete.
// Index writes (GSI1, GSI2) are not in its answer; on AWS they add the writes of the items they hold.
// Each call is counted under the partition kind of its first item (`CLAIM` for a verdict's
// writes, `TERM` for postings, `REPORT` for a report and its statements ...).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { itemBytes } from '../store/itemSize.js';

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand']);

export interface WriteCount {
  /** write units the store answered */
  units: number;
  /** items written: each put, update, delete and batch request */
  items: number;
  /** bytes of the items put (new or replaced items; updates not counted) */
  bytesPut: number;
}

export interface WriteMeter {
  total: WriteCount;
  byKind: Record<string, WriteCount>;
  reset(): void;
}

type Item = Record<string, unknown>;
/** The ConsumedCapacity of a call: one entry, or one per table of a batch. */
export type Capacity = { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> | undefined;
type Request = { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } };
interface WriteInput {
  ReturnConsumedCapacity?: string;
  RequestItems?: Record<string, Request[]>;
  Item?: Item;
  Key?: Item;
}

/** The capacity units of a call's answer, summed over a batch's tables. */
export const unitsOf = (c: Capacity): number =>
  Array.isArray(c) ? c.reduce((n, x) => n + (x.CapacityUnits ?? 0), 0) : (c?.CapacityUnits ?? 0);

const kindOf = (item: Item | undefined): string => String(item?.PK ?? '?').split('#')[0]!;

const empty = (): WriteCount => ({ units: 0, items: 0, bytesPut: 0 });

export function meterWrites(doc: DynamoDBDocumentClient): WriteMeter {
  const meter: WriteMeter = {
    total: empty(),
    byKind: {},
    reset() {
      meter.total = empty();
      meter.byKind = {};
    },
  };
  const add = (kind: string, units: number, items: number, bytesPut: number) => {
    const k = meter.byKind[kind] ?? empty();
    meter.byKind[kind] = k;
    for (const c of [k, meter.total]) {
      c.units += units;
      c.items += items;
      c.bytesPut += bytesPut;
    }
  };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (!WRITES.has(context.commandName ?? '')) return next(args);
      const input = args.input as WriteInput;
      input.ReturnConsumedCapacity = 'TOTAL';
      const requests = input.RequestItems ? Object.values(input.RequestItems).flat() : undefined;
      const first = requests
        ? (requests[0]?.PutRequest?.Item ?? requests[0]?.DeleteRequest?.Key)
        : (input.Item ?? input.Key);
      try {
        const out = await next(args);
        const output = out.output as { ConsumedCapacity?: Capacity; UnprocessedItems?: Record<string, Request[]> };
        const unprocessed = new Set(Object.values(output.UnprocessedItems ?? {}).flat());
        const written = requests ? requests.filter((r) => !unprocessed.has(r)) : [];
        const puts = requests
          ? written.flatMap((r) => (r.PutRequest ? [r.PutRequest.Item] : []))
          : input.Item
            ? [input.Item]
            : [];
        add(
          kindOf(first),
          unitsOf(output.ConsumedCapacity),
          requests ? written.length : 1,
          puts.reduce((n, i) => n + itemBytes(i), 0),
        );
        return out;
      } catch (e) {
        // A refused conditional write still consumes a write unit (at least one) on DynamoDB.
        if ((e as { name?: string }).name === 'ConditionalCheckFailedException') add(kindOf(first), 1, 0, 0);
        throw e;
      }
    },
    { step: 'initialize', name: 'writeMeter' },
  );
  return meter;
}
