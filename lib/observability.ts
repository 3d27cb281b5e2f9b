// Structured JSON logs and metrics through AWS Lambda Powertools. One logger and
// one metrics object per process. Metrics are emitted (as CloudWatch EMF on stdout)
// only where an entry point turns them on: on Lambda. Locally they would only
// clutter stdout, which CLIs such as `npm run eval -- --json` keep for their result.
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const serviceName = 'factcheck';

export const logger = new Logger({ serviceName, logLevel: 'WARN' });

export const metrics = new Metrics({ namespace: 'FactCheck', serviceName });

let metricsOn = false;

export function configureObservability(options: {
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  metrics: boolean;
}): void {
  logger.setLogLevel(options.logLevel);
  metricsOn = options.metrics;
}

export function countMetric(
  name: 'reportsIngested' | 'reportsReindexed' | 'verdictChanges' | 'errors',
  value = 1,
): void {
  if (metricsOn) metrics.addMetric(name, MetricUnit.Count, value);
}
