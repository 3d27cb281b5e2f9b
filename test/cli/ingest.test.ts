import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config.js';
import { createRuntime } from '../../lib/runtime.js';

describe('ingest CLI', () => {
  it('loads a folder with a manifest into the local store, and a second run stores nothing new', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fc-ingest-'));
    const run = () =>
      spawnSync('npx', ['tsx', 'lib/cli/ingest.ts', 'test/fixtures/eval-corpus'], {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'false' },
      });
    const first = run();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('3 reports read, 3 new');
    expect(first.stderr).toContain('ingested 3/3');
    const second = run();
    expect(second.stdout).toContain('0 new, 3 already stored');
  });

  it('says the store is in use, and how to ingest through the running server, while a server holds it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fc-ingest-busy-'));
    const server = await createRuntime(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: 'false' }));
    try {
      const run = spawnSync('npx', ['tsx', 'lib/cli/ingest.ts', 'test/fixtures/eval-corpus'], {
        encoding: 'utf8',
        env: { ...process.env, DATA_DIR: dataDir, SEED_DEMO: 'false' },
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('is in use by another process');
      expect(run.stderr).toContain('--graphql http://localhost:');
      expect(run.stderr).not.toContain('Database is closed');
    } finally {
      await server.close();
    }
  });
});
