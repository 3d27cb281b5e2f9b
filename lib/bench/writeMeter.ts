// Write units as DynamoDB bills them, counted where the writes are sent: a middleware on the
// document client asks every write for its consumed capacity (ReturnConsumedCapacity TOTAL) and
// adds up what the store answers. The embedded store (dynalite) bills like DynamoDB's table:
// ceil(item KB) per item written, the larger of the old and new item for an update or delete.
// Index writes (GSI1, GSI2) are not in its answer; on AWS they add the writes of the items they hold.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand']);

export interface WriteMeter {
  /** write units consumed since the last reset */
  units: number;
  /** items written (each put, update, delete and batch request) since the last reset */
  items: number;
  /** write calls sent since the last reset */
  calls: number;
  reset(): void;
}

type Capacity = { CapacityUnits?: number } | Array<{ CapacityUnits?: number }> | undefined;

const unitsOf = (c: Capacity): number =>
  Array.isArray(c) ? c.reduce((n, x) => n + (x.CapacityUnits ?? 0), 0) : (c?.CapacityUnits ?? 0);

export function meterWrites(doc: DynamoDBDocumentClient): WriteMeter {
  const meter: WriteMeter = {
    units: 0,
    items: 0,
    calls: 0,
    reset() {
      meter.units = 0;
      meter.items = 0;
      meter.calls = 0;
    },
  };
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (!WRITES.has(context.commandName ?? '')) return next(args);
      const input = args.input as { ReturnConsumedCapacity?: string; RequestItems?: Record<string, unknown[]> };
      input.ReturnConsumedCapacity = 'TOTAL';
      const requested = input.RequestItems ? Object.values(input.RequestItems).reduce((n, r) => n + r.length, 0) : 1;
      try {
        const out = await next(args);
        const output = out.output as {
          ConsumedCapacity?: Capacity;
          UnprocessedItems?: Record<string, unknown[]>;
        };
        const unprocessed = Object.values(output.UnprocessedItems ?? {}).reduce((n, r) => n + r.length, 0);
        meter.units += unitsOf(output.ConsumedCapacity);
        meter.items += requested - unprocessed;
        meter.calls += 1;
        return out;
      } catch (e) {
        // A refused conditional write still consumes a write unit (at least one) on DynamoDB.
        if ((e as { name?: string }).name === 'ConditionalCheckFailedException') {
          meter.units += 1;
          meter.calls += 1;
        }
        throw e;
      }
    },
    { step: 'initialize', name: 'writeMeter' },
  );
  return meter;
}
