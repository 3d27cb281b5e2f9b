// The embedded store: dynalite (a DynamoDB-compatible server on LevelDB) started
// in-process on loopback, persisted under a folder or held in memory. The app talks
// to it through the same DynamoDB client and Store code as on AWS.
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';

export interface EmbeddedDynamo {
  endpoint: string;
  close(): Promise<void>;
}

export async function startEmbeddedDynamo(options: { path?: string } = {}): Promise<EmbeddedDynamo> {
  if (options.path) mkdirSync(options.path, { recursive: true });
  // Loaded on demand: dynalite is a dev-only dependency and stays out of the Lambda bundle.
  const { default: dynalite } = await import('dynalite');
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(options.path ? { path: options.path } : {}) });
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
