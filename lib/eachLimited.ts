// One bounded worker pool for the whole project: batch writes, claim re-checks, eval scenarios.

/** Run `fn` over `xs` with at most `limit` calls in flight, in order of `xs`; rejects with the first failure. */
export async function eachLimited<T>(
  xs: readonly T[],
  limit: number,
  fn: (x: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < xs.length) {
      const i = next++;
      await fn(xs[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, xs.length) }, worker));
}
