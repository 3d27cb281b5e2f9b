// The embedded store in a child process: same endpoint contract as in-process, and it stops with close().
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDocumentClient, ensureTable } from '../../lib/store/client.js';
import { startEmbeddedDynamo } from '../../lib/store/embedded.js';

describe('embedded store in a child process', () => {
  it('serves the DynamoDB API on loopback and exits on close', async () => {
    const embedded = await startEmbeddedDynamo({ process: 'child' });
    const doc = createDocumentClient({
      region: 'us-east-1',
      endpoint: embedded.endpoint,
      localCredentials: true,
      maxAttempts: 1,
    });
    try {
      await ensureTable(doc, 'child');
      await doc.send(new PutCommand({ TableName: 'child', Item: { PK: 'A', SK: 'B', n: 1 } }));
      const out = await doc.send(new GetCommand({ TableName: 'child', Key: { PK: 'A', SK: 'B' } }));
      expect(out.Item).toMatchObject({ n: 1 });
    } finally {
      doc.destroy();
      await embedded.close();
    }
    const probe = createDocumentClient({
      region: 'us-east-1',
      endpoint: embedded.endpoint,
      localCredentials: true,
      maxAttempts: 1,
    });
    await expect(probe.send(new GetCommand({ TableName: 'child', Key: { PK: 'A', SK: 'B' } }))).rejects.toThrow();
    probe.destroy();
  });
});
