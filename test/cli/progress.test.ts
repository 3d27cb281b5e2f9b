import { describe, expect, it } from 'vitest';
import { progressLine } from '../../lib/cli/progress.js';

describe('progressLine', () => {
  it('shows done / total, failures, the rate of this session and the time left', () => {
    expect(progressLine({ phase: 'reports', total: 5_000, done: 1_197, failed: 3 }, 600, 20_000)).toBe(
      'reports: 1,200 / 5,000 (3 failed) · 30.0/s · 2 min 7 s left',
    );
  });

  it('has no estimate before anything was done here, and says done at the end', () => {
    expect(progressLine({ phase: 'claims', total: 10, done: 4, failed: 0 }, 0, 1_000)).toBe(
      'claims: 4 / 10 · 0.0/s · -',
    );
    expect(progressLine({ phase: 'DONE', total: 10, done: 10, failed: 0 }, 10, 2_000)).toBe(
      'done: 10 / 10 · 5.0/s · done',
    );
  });
});
