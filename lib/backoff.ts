// Waiting between attempts, in one place: the store's retries of unprocessed batch items and
// conditional-write races, the re-check loop, and webhook redelivery.

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Full-jitter exponential backoff (a random delay up to base * 2^attempt, capped): spreads out racing writers. */
export const backoff = (attempt: number, baseMs = 25, capMs = 2_000): number =>
  Math.random() * Math.min(capMs, baseMs * 2 ** attempt);

/** Exponential backoff between delivery attempts: base, 2 base, 4 base, ... (attempt = the attempt that failed, from 1), capped. */
export const retryDelayMs = (attempt: number, baseMs: number, capMs = 15 * 60_000): number =>
  Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
