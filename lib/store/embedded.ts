// The embedded store: dynalite (a DynamoDB-compatible server on LevelDB) on loopback,
// persisted under a folder or held in memory. The app talks to it through the same
// DynamoDB client and Store code as on AWS. It runs in the caller's process by
// default (tests), or in a child process (`process: 'child'`) so the store has a
// core of its own while the caller serves GraphQL on the other (bench, server).
import { fork } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { lockStore } from './storeLock.js';

export { StoreInUseError } from './storeLock.js';

export interface EmbeddedDynamo {
  endpoint: string;
  close(): Promise<void>;
}

export interface EmbeddedOptions {
  /** LevelDB folder; in memory when unset */
  path?: string;
  /** 'inline' (default): in this process; 'child': in a child Node process */
  process?: 'inline' | 'child';
}

export async function startEmbeddedDynamo(options: EmbeddedOptions = {}): Promise<EmbeddedDynamo> {
  if (!options.path) return startStore(options);
  mkdirSync(options.path, { recursive: true });
  // This process owns the folder for as long as the store runs, inline or in its child.
  const release = lockStore(options.path);
  try {
    const store = await startStore(options);
    return {
      endpoint: store.endpoint,
      async close() {
        await store.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

async function startStore(options: EmbeddedOptions): Promise<EmbeddedDynamo> {
  if (options.process === 'child') return startChild(options.path);
  // Loaded on demand: dynalite is a dev-only dependency and stays out of the Lambda bundle.
  const { default: dynalite } = await import('dynalite');
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function startChild(path: string | undefined): Promise<EmbeddedDynamo> {
  const script = fileURLToPath(new URL('./dynaliteProcess.mjs', import.meta.url));
  // No inherited loader flags (tsx, inspector): the child is plain JavaScript.
  const child = fork(script, path ? [path] : [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port?: number; error?: string }) =>
      m.port ? resolve(m.port) : reject(new Error(`embedded store: ${m.error}`)),
    );
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`embedded store process exited with code ${code}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async close() {
      if (child.exitCode === null && child.connected) child.send('close');
      await exited;
    },
  };
}
