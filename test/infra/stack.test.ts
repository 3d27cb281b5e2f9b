// The synthesised template, with bundling skipped for speed.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.js';
import { tableDefinition } from '../../lib/store/table.js';

const newApp = () =>
  new App({ outdir: mkdtempSync(join(tmpdir(), 'cdk-')), context: { 'aws:cdk:bundling-stacks': [] } });

let template: Template;
beforeAll(() => {
  template = Template.fromStack(buildApp(newApp()).stack);
});

describe('FactCheck stack', () => {
  it('creates the shared table definition: on-demand, PITR, deletion protection, retained, encrypted', () => {
    const def = tableDefinition('x');
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: def.KeySchema,
        GlobalSecondaryIndexes: Match.arrayWith(
          def.GlobalSecondaryIndexes!.map((g) => Match.objectLike({ IndexName: g.IndexName, KeySchema: g.KeySchema })),
        ),
        SSESpecification: Match.objectLike({ SSEEnabled: true }),
        Replicas: [
          Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          }),
        ],
      }),
    });
  });

  it('runs the four functions on Node.js 22, arm64, configured only through environment variables', () => {
    const functions = template.findResources('AWS::Lambda::Function', {
      Properties: { Runtime: 'nodejs22.x', Architectures: ['arm64'] },
    });
    expect(Object.keys(functions)).toHaveLength(4);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          STORE: 'aws',
          KEYS_IN_TABLE: 'true',
          TABLE_NAME: Match.anyValue(),
          RECHECK_QUEUE_URL: Match.anyValue(),
        }),
      },
    });
  });

  it('feeds the worker from a queue with a dead-letter queue and partial batch failures', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }) });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('queues webhook deliveries on a FIFO queue with a FIFO DLQ after 8 receives, worked by its own Lambda', () => {
    const queues = template.findResources('AWS::SQS::Queue', { Properties: { FifoQueue: true } });
    expect(Object.keys(queues)).toHaveLength(2);
    const [mainId] = Object.entries(queues).find(
      ([, q]) => (q as { Properties: { RedrivePolicy?: unknown } }).Properties.RedrivePolicy,
    )!;
    const main = queues[mainId]!.Properties;
    const dlqId = Object.keys(queues).find((id) => id !== mainId)!;
    expect(main.RedrivePolicy).toEqual({ deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] }, maxReceiveCount: 8 });
    expect(main.VisibilityTimeout).toBeGreaterThanOrEqual(120);
    // The worker: fed by the FIFO queue with partial batch failures, and allowed to hide messages for the backoff.
    const functions = template.findResources('AWS::Lambda::Function');
    const [workerId] = Object.entries(functions).find(([id]) => id.startsWith('DeliveryFunction'))!;
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [mainId, 'Arn'] },
      FunctionName: { Ref: workerId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: Match.arrayWith(['sqs:ChangeMessageVisibility']),
            Resource: { 'Fn::GetAtt': [mainId, 'Arn'] },
          }),
        ]),
      }),
    });
    // Every function publishing verdict changes knows the queue; only the API and the worker get the sealing key.
    for (const [id, f] of Object.entries(functions)) {
      const vars = (f as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment
        .Variables;
      expect(vars.DELIVERY_QUEUE_URL, id).toEqual({ Ref: mainId });
      expect(vars.WEBHOOK_SECRET_KEY !== undefined, id).toBe(!/^(Recheck|Reindex)Function/.test(id));
    }
    // An alarm on the delivery DLQ, and one on a backlog that stops moving.
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
      Threshold: 1,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateAgeOfOldestMessage',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [mainId, 'QueueName'] } }],
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: workerId } }],
    });
  });

  it('runs re-index jobs from their own queue, with a DLQ after 5 receives and an alarm on it, on a bounded worker', () => {
    const queues = template.findResources('AWS::SQS::Queue');
    const [mainId, main] = Object.entries(queues).find(([id]) => id.startsWith('ReindexQueue'))!;
    const [dlqId] = Object.entries(queues).find(([id]) => id.startsWith('ReindexDeadLetters'))!;
    expect((main as { Properties: Record<string, unknown> }).Properties.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': [dlqId, 'Arn'] },
      maxReceiveCount: 5,
    });
    const functions = template.findResources('AWS::Lambda::Function');
    const [workerId, worker] = Object.entries(functions).find(([id]) => id.startsWith('ReindexFunction'))!;
    const timeout = (worker as { Properties: { Timeout: number } }).Properties.Timeout;
    // A message is hidden longer than a worker may take on it, so it is never worked twice at once.
    expect((main as { Properties: { VisibilityTimeout: number } }).Properties.VisibilityTimeout).toBeGreaterThan(
      timeout,
    );
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [mainId, 'Arn'] },
      FunctionName: { Ref: workerId },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      ScalingConfig: { MaximumConcurrency: 10 },
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [dlqId, 'QueueName'] } }],
      Threshold: 1,
    });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: workerId } }],
    });
    // The API's mutation queues the first step; the worker queues the rest and re-checks publish deliveries.
    const sendersOf = (queueId: string) =>
      Object.values(template.findResources('AWS::IAM::Policy'))
        .filter(
          (p) =>
            JSON.stringify(p).includes(JSON.stringify({ 'Fn::GetAtt': [queueId, 'Arn'] })) &&
            JSON.stringify(p).includes('sqs:SendMessage'),
        )
        .flatMap((p) => (p as { Properties: { Roles: Array<{ Ref: string }> } }).Properties.Roles.map((r) => r.Ref));
    const senders = sendersOf(mainId);
    expect(senders.some((r) => r.startsWith('GraphqlFunction'))).toBe(true);
    expect(senders.some((r) => r.startsWith('ReindexFunction'))).toBe(true);
    for (const f of Object.values(functions)) {
      const vars = (f as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment
        .Variables;
      expect(vars.REINDEX_QUEUE_URL).toEqual({ Ref: mainId });
    }
  });

  it('keeps the webhook sealing key in Secrets Manager, resolved at deploy time', () => {
    template.resourceCountIs('AWS::SecretsManager::Secret', 1);
    const functions = template.findResources('AWS::Lambda::Function');
    const api = Object.entries(functions).find(([id]) => id.startsWith('GraphqlFunction'))![1] as {
      Properties: { Environment: { Variables: Record<string, unknown> } };
    };
    expect(JSON.stringify(api.Properties.Environment.Variables.WEBHOOK_SECRET_KEY)).toContain(
      '{{resolve:secretsmanager:',
    );
  });

  it('puts an HTTP API with throttling, CORS and access logs in front', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      ProtocolType: 'HTTP',
      CorsConfiguration: Match.objectLike({ AllowHeaders: ['content-type', 'authorization'] }),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }),
      AccessLogSettings: Match.objectLike({ DestinationArn: Match.anyValue() }),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'POST /graphql' });
  });

  it('serves the dashboard from the GraphQL Lambda at / and /assets/*, and outputs its URL', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'GET /assets/{proxy+}' });
    template.hasOutput('DashboardUrl', {});
  });

  it('sets log retention and alarms on errors, throttles, p99 duration, API 5xx and the DLQ', () => {
    template.allResourcesProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
    for (const metric of ['Errors', 'Throttles', 'Duration', '5xx', 'ApproximateNumberOfMessagesVisible']) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: metric });
    }
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'Duration', ExtendedStatistic: 'p99' });
  });

  it('outputs the GraphQL URL and the table name', () => {
    template.hasOutput('GraphqlUrl', {});
    template.hasOutput('TableName', {});
  });

  it('passes cdk-nag AwsSolutions checks with every acknowledgement reasoned', () => {
    const app = newApp();
    buildApp(app);
    const assembly = app.synth();
    const report = join(assembly.directory, 'validation-report.json');
    expect(existsSync(report)).toBe(true);
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as {
      pluginReports: Array<{ pluginName: string; conclusion: string; violations: unknown[] }>;
    };
    const nag = parsed.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
    expect(nag).toBeDefined();
    expect(nag!.violations).toEqual([]);
    expect(nag!.conclusion).toBe('success');
  });
});
