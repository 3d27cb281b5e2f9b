// What the use cases take from outside, besides the Store.
import { randomUUID } from 'node:crypto';
import type { ClaimRecord, VerdictEvent } from './types.js';

export interface Clock {
  now(): Date;
}

export interface IdGen {
  newId(prefix: string): string;
}

/** Where re-checks go when there are too many for one request (SQS on AWS). */
export interface RecheckQueue {
  /** `causes`: the report each claim is re-checked for, carried to the worker for the verdict events */
  enqueue(claimIds: string[], causes?: Record<string, string>): Promise<void>;
}

/** One webhook delivery to attempt: the delivery item holds the rest. */
export interface DeliveryJob {
  webhookId: string;
  eventId: string;
  /** deliveries of one claim to one endpoint go in order (the SQS FIFO message group) */
  claimId: string;
}

/** Where webhook deliveries go (SQS FIFO on AWS, in-process locally). */
export interface DeliveryQueue {
  enqueue(jobs: DeliveryJob[]): Promise<void>;
}

/** Told of each verdict change once it is in the outbox (the local subscription feed). */
export type VerdictEventListener = (event: VerdictEvent, claim: ClaimRecord) => void;

export const systemClock: Clock = { now: () => new Date() };

/** Sortable-enough, unguessable ids: prefix + time + random. */
export const randomIds: IdGen = {
  newId: (prefix) => `${prefix}_${Date.now().toString(36)}${randomUUID().replace(/-/g, '').slice(0, 12)}`,
};
