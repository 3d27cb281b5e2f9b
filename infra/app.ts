// The CDK app (cdk.json runs it with tsx). cdk-nag checks every stack.
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { defaultStageConfig } from './config.js';
import { FactCheckStack } from './stack.js';

export function buildApp(app = new App()): { app: App; stack: FactCheckStack } {
  const stage = (app.node.tryGetContext('stage') as string | undefined) ?? 'prod';
  const stack = new FactCheckStack(app, `FactCheck-${stage}`, {
    config: defaultStageConfig(stage),
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'us-east-1' },
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stack };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  buildApp().app.synth();
}
