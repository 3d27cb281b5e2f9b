import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';

// Without the FNC-1 data (a fresh clone with no ../shared) training and the held-out measurement skip cleanly.
describe('train and stance CLIs without the corpus', () => {
  const missing = join(tmpdir(), 'no-such-fnc1-train');
  const run = (cli: string, extra: string[] = []) =>
    spawnSync('npx', ['tsx', `lib/cli/${cli}.ts`, '--data', missing, ...extra], {
      encoding: 'utf8',
      env: { ...process.env, NODE_NO_WARNINGS: '1' },
    });

  it('exit 0 with a clear skip message', () => {
    const train = run('train');
    expect(train.status).toBe(0);
    expect(train.stdout).toContain(`skipped: ${missing} not found`);
    const stance = run('stance', ['--min-score', '0.99']);
    expect(stance.status).toBe(0);
    expect(stance.stdout).toContain(`skipped: ${missing} not found`);
  });

  it('refuses an unknown feature group by name', () => {
    const bad = spawnSync('npx', ['tsx', 'lib/cli/train.ts', '--data', 'test', '--groups', 'engine,magic'], {
      encoding: 'utf8',
    });
    expect(bad.status).not.toBe(0);
    const dropout = run('train', ['--dropout', '1.5']);
    expect(dropout.status).toBe(2);
    expect(dropout.stderr).toContain('--dropout');
    const seed = run('train', ['--seed', '20,x']);
    expect(seed.status).toBe(2);
    expect(seed.stderr).toContain('--seed');
  });
});
