// Typed stage configuration for the stack: what an operator may vary per stage.
export interface StageConfig {
  stage: string;
  memoryMb: number;
  /** API Gateway stage throttling */
  throttle: { rateLimit: number; burstLimit: number };
  corsOrigins: string[];
  readsNeedKey: boolean;
  logRetentionDays: 7 | 14 | 30 | 90 | 365;
  alarms: {
    lambdaErrors: number;
    p99DurationMs: number;
    api5xx: number;
  };
  /** re-checks done inside the request before the rest go to the queue */
  recheckInlineLimit: number;
  /** re-index worker Lambdas at once (the SQS event source's maximum concurrency, at least 2) */
  reindexConcurrency: number;
  /** attempts per webhook delivery before the DLQ (also the delivery queue's maxReceiveCount) */
  webhookMaxAttempts: number;
}

export const defaultStageConfig = (stage = 'prod'): StageConfig => ({
  stage,
  memoryMb: 1024,
  throttle: { rateLimit: 50, burstLimit: 100 },
  corsOrigins: ['*'],
  readsNeedKey: false,
  logRetentionDays: 30,
  alarms: { lambdaErrors: 1, p99DurationMs: 5_000, api5xx: 5 },
  recheckInlineLimit: 25,
  reindexConcurrency: 10,
  webhookMaxAttempts: 8,
});
