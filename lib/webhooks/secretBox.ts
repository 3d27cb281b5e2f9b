// Webhook signing secrets at rest: HMAC needs the secret itself (a hash would not do), so it is
// stored sealed with AES-256-GCM under a key that is not in the table (WEBHOOK_SECRET_KEY, from
// Secrets Manager on AWS). A copy of the table alone cannot sign deliveries.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { AppError } from '../errors.js';

const VERSION = 'v1';

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** `key`: any string; it is hashed to 32 bytes so operators can paste a generated secret as it is. */
export function createSecretBox(key: string): SecretBox {
  const k = createHash('sha256').update(key).digest();
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', k, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
        data.toString('base64url'),
      ].join('.');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || data === undefined)
        throw new Error('sealed webhook secret in an unknown format');
      const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    },
  };
}

/** Where no key is configured: webhooks fail with a clear error when used, and the rest of the service works. */
export const unconfiguredSecretBox: SecretBox = {
  seal: () => {
    throw new AppError(
      'UNAVAILABLE',
      'Webhooks are not configured on this deployment (WEBHOOK_SECRET_KEY is not set).',
    );
  },
  open: () => {
    throw new AppError(
      'UNAVAILABLE',
      'Webhooks are not configured on this deployment (WEBHOOK_SECRET_KEY is not set).',
    );
  },
};
