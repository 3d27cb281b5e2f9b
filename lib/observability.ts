// Structured JSON logs and metrics through AWS Lambda Powertools. One logger and
// one metrics object per process; entry points add the request id per request.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

const serviceName = 'factcheck';

export const logger = new Logger({
  serviceName,
  logLevel: (process.env.LOG_LEVEL as 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | undefined) ?? (process.env.VITEST ? 'ERROR' : 'INFO'),
});

export const metrics = new Metrics({ namespace: 'FactCheck', serviceName });
