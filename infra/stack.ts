// The service on AWS: HTTP API -> GraphQL Lambda -> one DynamoDB table, plus the
// re-check queue and its worker, and the webhook delivery queue (FIFO) and its worker.
// Driven by StageConfig.
import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { fileURLToPath } from 'node:url';
import { engineCodeDigest } from '../lib/engineVersion.js';
import { tableDefinition } from '../lib/store/table.js';
import type { StageConfig } from './config.js';

const root = fileURLToPath(new URL('..', import.meta.url));

export interface FactCheckStackProps extends StackProps {
  config: StageConfig;
}

/** The table from the shared definition, so AWS has the same keys and indexes as local. */
function tableFromDefinition(scope: Construct, tableName: string): dynamodb.TableV2 {
  const def = tableDefinition(tableName);
  const attr = (name: string): dynamodb.Attribute => ({ name, type: dynamodb.AttributeType.STRING });
  const key = (schema: typeof def.KeySchema, type: 'HASH' | 'RANGE') =>
    attr(schema!.find((k) => k.KeyType === type)!.AttributeName!);
  return new dynamodb.TableV2(scope, 'Table', {
    partitionKey: key(def.KeySchema, 'HASH'),
    sortKey: key(def.KeySchema, 'RANGE'),
    billing: dynamodb.Billing.onDemand(),
    pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    deletionProtection: true,
    removalPolicy: RemovalPolicy.RETAIN,
    encryption: dynamodb.TableEncryptionV2.awsManagedKey(),
    // Write-rate counters (one item per key per minute) expire on their own.
    timeToLiveAttribute: 'expiresAt',
    globalSecondaryIndexes: (def.GlobalSecondaryIndexes ?? []).map((gsi) => ({
      indexName: gsi.IndexName!,
      partitionKey: key(gsi.KeySchema, 'HASH'),
      sortKey: key(gsi.KeySchema, 'RANGE'),
      projectionType: dynamodb.ProjectionType.ALL,
    })),
  });
}

export class FactCheckStack extends Stack {
  constructor(scope: Construct, id: string, props: FactCheckStackProps) {
    super(scope, id, props);
    const { config } = props;

    const table = tableFromDefinition(this, `factcheck-${config.stage}`);

    const deadLetters = new sqs.Queue(this, 'RecheckDeadLetters', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    const recheckQueue = new sqs.Queue(this, 'RecheckQueue', {
      visibilityTimeout: Duration.seconds(6 * 60),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
    });

    // Re-index jobs (lib/app/reindex.ts): scan steps and pages of 20 reports or claims, each idempotent. A job
    // that failed five times waits in the DLQ (alarmed); the reindex mutation queues what is left again.
    const reindexDeadLetters = new sqs.Queue(this, 'ReindexDeadLetters', {
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    const reindexQueue = new sqs.Queue(this, 'ReindexQueue', {
      visibilityTimeout: Duration.seconds(6 * 60),
      retentionPeriod: Duration.days(4),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: reindexDeadLetters, maxReceiveCount: 5 },
    });

    // Webhook deliveries: FIFO, one message group per endpoint and claim (per-claim order). A failed
    // attempt hides its message for the backoff delay; after the last attempt the redrive policy moves it
    // to the DLQ. Visibility covers a whole batch of 10-second attempts.
    const deliveryDeadLetters = new sqs.Queue(this, 'DeliveryDeadLetters', {
      fifo: true,
      retentionPeriod: Duration.days(14),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
    });
    const deliveryQueue = new sqs.Queue(this, 'DeliveryQueue', {
      fifo: true,
      visibilityTimeout: Duration.seconds(6 * 60),
      retentionPeriod: Duration.days(4),
      enforceSSL: true,
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      deadLetterQueue: { queue: deliveryDeadLetters, maxReceiveCount: config.webhookMaxAttempts },
    });
    // Seals webhook signing secrets in the table (lib/webhooks/secretBox.ts). Only the API (which seals) and the
    // delivery worker (which signs) get it; rotating it would make stored secrets unreadable (see docs/webhooks.md).
    const webhookKey = new secretsmanager.Secret(this, 'WebhookSecretKey', {
      description: 'Key sealing webhook signing secrets at rest',
      generateSecretString: { passwordLength: 48, excludePunctuation: true },
    });
    const webhookSecretEnv = { WEBHOOK_SECRET_KEY: webhookKey.secretValue.unsafeUnwrap() };

    const environment = {
      STAGE: config.stage,
      STORE: 'aws',
      TABLE_NAME: table.tableName,
      READS_NEED_KEY: String(config.readsNeedKey),
      // The same origins as the HTTP API's CORS (API Gateway answers preflights; the app checks Origin on writes).
      CORS_ORIGINS: config.corsOrigins.join(','),
      KEYS_IN_TABLE: 'true',
      RECHECK_QUEUE_URL: recheckQueue.queueUrl,
      RECHECK_INLINE_LIMIT: String(config.recheckInlineLimit),
      DELIVERY_QUEUE_URL: deliveryQueue.queueUrl,
      REINDEX_QUEUE_URL: reindexQueue.queueUrl,
      WEBHOOK_MAX_ATTEMPTS: String(config.webhookMaxAttempts),
      LOG_LEVEL: 'INFO',
      POWERTOOLS_SERVICE_NAME: 'factcheck',
      NODE_OPTIONS: '--enable-source-maps',
    };
    // The AWS SDK v3 is bundled (not taken from the runtime) so the code runs against the
    // exact SDK version it was tested with; tree-shaken it stays well under the size budget.
    const bundling: nodejs.BundlingOptions = {
      format: nodejs.OutputFormat.ESM,
      target: 'node22',
      minify: true,
      sourceMap: true,
      sourcesContent: false,
      mainFields: ['module', 'main'],
      // dynalite (the local embedded store) is loaded only off Lambda, and so is GraphiQL's 9 MB page
      // (GraphiQL is off on Lambda; its page would not fit a 6 MB Lambda response anyway).
      externalModules: ['dynalite', '@graphql-yoga/render-graphiql'],
      // The engine's sources are not in the bundle's folder: their digest (part of the analysis version) is
      // computed here, at build time, by the same function a run from source uses (lib/engineVersion.ts).
      define: { __ENGINE_CODE_DIGEST__: JSON.stringify(engineCodeDigest()) },
      banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
      forceDockerBundling: false,
      // The engine's compact assets (vectors, WordNet, gazetteer, stance model) sit beside index.mjs,
      // where lib/domain/resources/assets.ts finds them. The dashboard is built here (nothing built is
      // committed) and sits beside them as dashboard/, where lib/http/dashboard.ts finds it.
      commandHooks: {
        beforeBundling: (inputDir: string) => [`cd "${inputDir}" && npm run --silent web:build`],
        beforeInstall: () => [],
        afterBundling: (inputDir: string, outputDir: string) => [
          `cp -r "${inputDir}/assets" "${outputDir}/assets"`,
          `cp -r "${inputDir}/web/dist" "${outputDir}/dashboard"`,
        ],
      },
    };
    const fn = (name: string, entry: string, timeout: Duration, extraEnvironment: Record<string, string> = {}) => {
      const logGroup = new logs.LogGroup(this, `${name}Logs`, {
        retention: config.logRetentionDays,
        removalPolicy: RemovalPolicy.DESTROY,
      });
      return new nodejs.NodejsFunction(this, name, {
        entry: `${root}/functions/${entry}`,
        projectRoot: root,
        depsLockFilePath: `${root}/package-lock.json`,
        runtime: lambda.Runtime.NODEJS_22_X,
        architecture: lambda.Architecture.ARM_64,
        memorySize: config.memoryMb,
        timeout,
        environment: { ...environment, ...extraEnvironment },
        bundling,
        logGroup,
        loggingFormat: lambda.LoggingFormat.JSON,
        tracing: lambda.Tracing.ACTIVE,
      });
    };

    const api = fn('GraphqlFunction', 'graphql.ts', Duration.seconds(29), webhookSecretEnv);
    const worker = fn('RecheckFunction', 'recheck.ts', Duration.minutes(5));
    // Ten deliveries at most 10 s each, one after another (FIFO), fit well inside the queue's visibility timeout.
    const deliveryWorker = fn('DeliveryFunction', 'deliver.ts', Duration.seconds(120), webhookSecretEnv);
    table.grantReadWriteData(api);
    table.grantReadWriteData(worker);
    table.grantReadWriteData(deliveryWorker);
    // Re-index: a page of 20 re-analyses takes seconds; concurrency is bounded so a re-index leaves the
    // table's capacity to the API (on-demand tables scale, but a burst still throttles).
    const reindexWorker = fn('ReindexFunction', 'reindex.ts', Duration.minutes(5));
    table.grantReadWriteData(reindexWorker);
    reindexQueue.grantSendMessages(api);
    reindexQueue.grantSendMessages(reindexWorker);
    recheckQueue.grantSendMessages(reindexWorker);
    deliveryQueue.grantSendMessages(reindexWorker);
    reindexWorker.addEventSource(
      new SqsEventSource(reindexQueue, {
        batchSize: 1,
        reportBatchItemFailures: true,
        maxConcurrency: config.reindexConcurrency,
      }),
    );
    recheckQueue.grantSendMessages(api);
    worker.addEventSource(new SqsEventSource(recheckQueue, { batchSize: 5, reportBatchItemFailures: true }));
    // Verdict changes are published wherever a verdict is written: by the API and by the re-check worker.
    deliveryQueue.grantSendMessages(api);
    deliveryQueue.grantSendMessages(worker);
    deliveryWorker.addEventSource(new SqsEventSource(deliveryQueue, { batchSize: 10, reportBatchItemFailures: true }));

    const httpApi = new apigw.HttpApi(this, 'HttpApi', {
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: config.corsOrigins,
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST, apigw.CorsHttpMethod.OPTIONS],
        allowHeaders: ['content-type', 'authorization'],
        maxAge: Duration.hours(1),
      },
    });
    const integration = new HttpLambdaIntegration('GraphqlIntegration', api);
    httpApi.addRoutes({ path: '/graphql', methods: [apigw.HttpMethod.GET, apigw.HttpMethod.POST], integration });
    // The dashboard is served by the same Lambda from its bundle, not from S3 + CloudFront: it is a few
    // files of tens of KB, its hashed assets are cached by browsers for a year, and one origin for page and
    // API means no CORS, no second deployment to keep in step, and the same paths as `npm start`.
    httpApi.addRoutes({ path: '/', methods: [apigw.HttpMethod.GET], integration });
    httpApi.addRoutes({ path: '/assets/{proxy+}', methods: [apigw.HttpMethod.GET], integration });
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: config.logRetentionDays,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = new apigw.HttpStage(this, 'DefaultStage', {
      httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: config.throttle,
      accessLogSettings: { destination: new apigw.LogGroupLogDestination(accessLogs) },
    });

    const alarm = (id: string, metric: cloudwatch.IMetric, threshold: number, description: string) =>
      new cloudwatch.Alarm(this, id, {
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
    const fiveMinutes = { period: Duration.minutes(5) };
    for (const [name, f] of [
      ['Graphql', api],
      ['Recheck', worker],
      ['Delivery', deliveryWorker],
      ['Reindex', reindexWorker],
    ] as const) {
      alarm(`${name}Errors`, f.metricErrors(fiveMinutes), config.alarms.lambdaErrors, `${name} Lambda errors`);
      alarm(`${name}Throttles`, f.metricThrottles(fiveMinutes), 1, `${name} Lambda throttles`);
    }
    alarm(
      'GraphqlP99Duration',
      api.metricDuration({ ...fiveMinutes, statistic: 'p99' }),
      config.alarms.p99DurationMs,
      'GraphQL p99 duration',
    );
    alarm('Api5xx', httpApi.metricServerError(fiveMinutes), config.alarms.api5xx, 'HTTP API 5xx responses');
    alarm(
      'RecheckDeadLettersWaiting',
      deadLetters.metricApproximateNumberOfMessagesVisible(fiveMinutes),
      1,
      'Re-checks that failed five times are waiting in the DLQ',
    );
    alarm(
      'ReindexDeadLettersWaiting',
      reindexDeadLetters.metricApproximateNumberOfMessagesVisible(fiveMinutes),
      1,
      'Re-index jobs that failed five times are in the DLQ: fix the cause, then run the reindex mutation again to resume',
    );
    alarm(
      'DeliveryDeadLettersWaiting',
      deliveryDeadLetters.metricApproximateNumberOfMessagesVisible(fiveMinutes),
      1,
      `Webhook deliveries that failed ${config.webhookMaxAttempts} attempts are in the DLQ (their endpoints are marked FAILING)`,
    );
    // Retries of one endpoint take about 21 minutes in all; a backlog older than an hour means the worker is not keeping up.
    alarm(
      'DeliveryBacklogAge',
      deliveryQueue.metricApproximateAgeOfOldestMessage(fiveMinutes),
      3_600,
      'Webhook deliveries have waited over an hour',
    );

    new CfnOutput(this, 'GraphqlUrl', { value: `${stage.url.replace(/\/$/, '')}/graphql` });
    new CfnOutput(this, 'DashboardUrl', { value: `${stage.url.replace(/\/$/, '')}/` });
    new CfnOutput(this, 'TableName', { value: table.tableName });

    // cdk-nag findings acknowledged for this stack, each with its reason.
    for (const acknowledgement of [
      {
        id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          "The narrowest managed policy for writing the functions' own logs; it only allows CloudWatch Logs writes.",
      },
      {
        id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray tracing (PutTraceSegments, PutTelemetryRecords) has no resource-level permissions.',
      },
      {
        id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${this.getLogicalId(table.node.defaultChild as dynamodb.CfnGlobalTable)}.Arn>/index/*]`,
        reason:
          "grantReadWriteData covers the table's own GSIs (GSI1, GSI2) for the list and search queries; nothing else.",
      },
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'Authorization is enforced by API keys (Bearer, hashed in the table, with roles) inside the GraphQL layer; reads may be public per deployment.',
      },
      {
        id: 'AwsSolutions-L1',
        reason:
          'Node.js 22 is the runtime the service is built and tested for; runtime upgrades are deliberate changes.',
      },
      {
        id: 'AwsSolutions-SMG4',
        reason:
          'The webhook key seals stored signing secrets; rotating it without re-sealing them would break every webhook, so rotation is a deliberate operation (docs/webhooks.md).',
      },
    ]) {
      Validations.of(this).acknowledge(acknowledgement);
    }
  }
}
