// What the use cases take from outside, besides the Store.
import { randomUUID } from 'node:crypto';

export interface Clock {
  now(): Date;
}

export interface IdGen {
  newId(prefix: string): string;
}

/** Where re-checks go when there are too many for one request (SQS on AWS). */
export interface RecheckQueue {
  enqueue(claimIds: string[]): Promise<void>;
}

export const systemClock: Clock = { now: () => new Date() };

/** Sortable-enough, unguessable ids: prefix + time + random. */
export const randomIds: IdGen = {
  newId: (prefix) => `${prefix}_${Date.now().toString(36)}${randomUUID().replace(/-/g, '').slice(0, 12)}`,
};
