// The synthesised template, with bundling skipped for speed.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.js';
import { tableDefinition } from '../../lib/store/table.js';

const newApp = () => new App({ outdir: mkdtempSync(join(tmpdir(), 'cdk-')), context: { 'aws:cdk:bundling-stacks': [] } });

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
        GlobalSecondaryIndexes: Match.arrayWith(def.GlobalSecondaryIndexes!.map((g) => Match.objectLike({ IndexName: g.IndexName, KeySchema: g.KeySchema }))),
        SSESpecification: Match.objectLike({ SSEEnabled: true }),
        Replicas: [Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      }),
    });
  });

  it('runs both functions on Node.js 22, arm64, configured only through environment variables', () => {
    const functions = template.findResources('AWS::Lambda::Function', { Properties: { Runtime: 'nodejs22.x', Architectures: ['arm64'] } });
    expect(Object.keys(functions)).toHaveLength(2);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ STORE: 'aws', KEYS_IN_TABLE: 'true', TABLE_NAME: Match.anyValue(), RECHECK_QUEUE_URL: Match.anyValue() }) },
    });
  });

  it('feeds the worker from a queue with a dead-letter queue and partial batch failures', () => {
    template.hasResourceProperties('AWS::SQS::Queue', { RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }) });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { FunctionResponseTypes: ['ReportBatchItemFailures'] });
  });

  it('puts an HTTP API with throttling, CORS and access logs in front', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP', CorsConfiguration: Match.objectLike({ AllowHeaders: ['content-type', 'authorization'] }) });
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
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as { pluginReports: Array<{ pluginName: string; conclusion: string; violations: unknown[] }> };
    const nag = parsed.pluginReports.find((p) => p.pluginName === 'AwsSolutions');
    expect(nag).toBeDefined();
    expect(nag!.violations).toEqual([]);
    expect(nag!.conclusion).toBe('success');
  });
});
