// API keys: who may write (and, per deployment, read). Keys are random, shown once,
// and stored only as SHA-256 hashes with a role. Locally, API_KEYS (comma-separated)
// turns the same check on without a table lookup.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.js';
import { badInput } from '../errors.js';
import type { ApiKeyRecord, Store } from './ports.js';
import { LIMITS } from './limits.js';
import type { Role } from './types.js';
import { requiredText, sourceKeyOf } from './validate.js';

export interface Caller {
  /** null: anonymous (no key, or keys are not checked and the caller is trusted as admin) */
  role: Role | null;
  keyId?: string;
  /** a key was presented but is unknown or revoked */
  invalidKey?: boolean;
  /** source keys this key may ingest for; absent = any */
  sources?: string[];
}

export type Authenticate = (authorizationHeader: string | undefined | null) => Promise<Caller>;

export const ROLES: readonly Role[] = ['reader', 'writer', 'admin'];

export const hashApiKey = (key: string): string => createHash('sha256').update(key).digest('hex');

const bearer = (header: string | undefined | null): string | undefined => {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
};

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(hashApiKey(a));
  const y = Buffer.from(hashApiKey(b));
  return timingSafeEqual(x, y);
};

export function createAuthenticator(deps: { config: Config; store: Store }): Authenticate {
  const { config, store } = deps;
  const envKeys = config.apiKeys;
  const checking = envKeys !== undefined || config.keysInTable;
  return async (header) => {
    const key = bearer(header);
    // Open local mode: no keys configured, the server listens on loopback only.
    if (!checking) return { role: 'admin' };
    if (!key) return { role: null };
    if (envKeys?.some((k) => sameSecret(k, key))) return { role: 'admin', keyId: `env:${hashApiKey(key).slice(0, 8)}` };
    if (config.keysInTable) {
      const record = await store.getApiKeyByHash(hashApiKey(key));
      if (record && !record.revokedAt)
        return { role: record.role, keyId: record.id, ...(record.sources ? { sources: record.sources } : {}) };
    }
    return { role: null, invalidKey: true };
  };
}

/** `sources` (publisher names) binds a writer key to them: it may ingest for no other source. */
export async function createApiKey(
  store: Store,
  role: string,
  now = new Date(),
  options: { sources?: string[] } = {},
): Promise<{ key: string; record: ApiKeyRecord }> {
  if (!ROLES.includes(role as Role)) throw badInput('role', `must be one of ${ROLES.join(', ')}`);
  const sources = options.sources?.map((s, i) => sourceKeyOf(requiredText(`sources[${i}]`, s, LIMITS.sourceMaxChars)));
  if (sources && sources.length === 0)
    throw badInput('sources', 'must name at least one source, or be left out for a key that may write for any');
  if (sources && role !== 'writer')
    throw badInput('sources', 'only a writer key is bound to sources (an admin key administers them all)');
  const key = `fck_${randomBytes(32).toString('base64url')}`;
  const hash = hashApiKey(key);
  const record: ApiKeyRecord = {
    id: hash.slice(0, 12),
    hash,
    role: role as Role,
    createdAt: now.toISOString(),
    ...(sources ? { sources: [...new Set(sources)] } : {}),
  };
  await store.putApiKey(record);
  return { key, record };
}

export async function revokeApiKey(store: Store, id: string, now = new Date()): Promise<boolean> {
  return store.revokeApiKey(id, now.toISOString());
}
