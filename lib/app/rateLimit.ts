// Write rate limits, counted in the store (one counter item per subject per minute) so the
// limit holds however many server instances (Lambda containers) share the load. A fixed
// one-minute window: simple to reason about, and a burst at a window's edge is at most 2x.
import { AppError } from '../errors.js';
import type { Clock, Store } from './ports.js';

/** Counter items outlive their minute a little, then DynamoDB's TTL removes them. */
const COUNTER_TTL_SECONDS = 10 * 60;

export type AdmitWrite = (subject: string, weight?: number) => Promise<void>;

/** `perMinute` 0 turns the limit off. */
export function createWriteLimiter(deps: { store: Store; clock: Clock; perMinute: number }): AdmitWrite {
  const { store, clock, perMinute } = deps;
  return async (subject, weight = 1) => {
    if (perMinute <= 0 || weight <= 0) return;
    const nowMs = clock.now().getTime();
    const minute = Math.floor(nowMs / 60_000);
    const admitted = await store.countWrite(
      subject,
      minute,
      weight,
      perMinute,
      Math.floor(nowMs / 1000) + COUNTER_TTL_SECONDS,
    );
    if (!admitted) {
      const retryAfterSeconds = Math.max(1, Math.ceil(((minute + 1) * 60_000 - nowMs) / 1000));
      throw new AppError(
        'RATE_LIMITED',
        `Too many writes: the limit is ${perMinute} a minute per ${subject.startsWith('key:') ? 'API key' : 'client address'}. Retry in ${retryAfterSeconds} s.`,
        undefined,
        { retryAfterSeconds },
      );
    }
  };
}
