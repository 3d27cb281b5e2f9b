// Webhook configuration: where loopback URLs are allowed by default, and bounds on the knobs.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../lib/config.js';

describe('webhook config', () => {
  it('allows loopback webhooks only on a server listening on loopback, never by default on Lambda', () => {
    expect(loadConfig({}).webhookAllowLoopback).toBe(true);
    expect(loadConfig({ HOST: '0.0.0.0', API_KEYS: 'k' }).webhookAllowLoopback).toBe(false);
    expect(loadConfig({ AWS_LAMBDA_FUNCTION_NAME: 'fn' }).webhookAllowLoopback).toBe(false);
    expect(loadConfig({ HOST: '0.0.0.0', WEBHOOK_ALLOW_LOOPBACK: 'true' }).webhookAllowLoopback).toBe(true);
  });

  it('serves subscriptions off Lambda only, and has the issue defaults: 8 attempts, 10 s first retry, 10 s timeout', () => {
    expect(loadConfig({}).subscriptions).toBe(true);
    expect(loadConfig({ AWS_LAMBDA_FUNCTION_NAME: 'fn' }).subscriptions).toBe(false);
    expect(loadConfig({})).toMatchObject({
      webhookMaxAttempts: 8,
      webhookRetryBaseMs: 10_000,
      webhookTimeoutMs: 10_000,
      deliveryQueueUrl: undefined,
    });
  });

  it.each([
    ['WEBHOOK_TIMEOUT_MS', '20000'],
    ['WEBHOOK_RETRY_BASE_MS', '60000'],
    ['WEBHOOK_MAX_ATTEMPTS', '0'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });
});
