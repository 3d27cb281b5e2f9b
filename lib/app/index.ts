// createApp: the use cases wired to their dependencies. Affected claims are
// re-checked inline up to a limit; the rest go to the re-check queue (SQS on AWS),
// or inline too when there is no queue (the local server).
import { createSubmitClaim } from './claims.js';
import { createEventPublisher } from './events.js';
import { createWebhooks } from './webhooks.js';
import type { OutboundPolicy } from '../webhooks/outbound.js';
import { unconfiguredSecretBox, type SecretBox } from '../webhooks/secretBox.js';
import { createIngest } from './ingest.js';
import {
  randomIds,
  systemClock,
  type Clock,
  type DeliveryQueue,
  type IdGen,
  type RecheckQueue,
  type ReindexQueue,
  type VerdictEventListener,
} from './ports.js';
import { createQueries } from './queries.js';
import { createWriteLimiter } from './rateLimit.js';
import { type CommonTerms, createRecheck } from './recheck.js';
import { createReindex } from './reindex.js';
import { engineVersion } from '../engineVersion.js';
import { claimsOfSource, createSourceRegistry, isVetted } from './sources.js';
import type { App } from './types.js';
import type { Store } from './ports.js';
import { validId } from './validate.js';
import type { SourcePolicy } from '../config.js';

export interface AppDeps {
  store: Store;
  clock?: Clock;
  ids?: IdGen;
  recheckQueue?: RecheckQueue;
  recheckInlineLimit?: number;
  /** default 'open': any publisher name counts (the demo, the evals) */
  sourcePolicy?: SourcePolicy;
  /** writes per subject per minute through admitWrite; default 0 = no limit */
  writeRatePerMinute?: number;
  /** seals webhook signing secrets at rest; unset = webhooks are not configured */
  secrets?: SecretBox;
  /** where webhook URLs may point; unset = public addresses only */
  outboundPolicy?: OutboundPolicy;
  /** where webhook deliveries go; none = deliveries are recorded but nobody sends them */
  deliveryQueue?: DeliveryQueue;
  /** the local subscription feed */
  onVerdictEvent?: VerdictEventListener;
  /** the engine version stamped on what this app analyses; default: the running engine's (lib/engineVersion.ts) */
  analysisVersion?: string;
  /** where re-index work goes (SQS on AWS, in-process locally); none = each job runs inside the call that queues it */
  reindexQueue?: ReindexQueue;
}

export function createApp(deps: AppDeps): App {
  const store = deps.store;
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? randomIds;
  const sourcePolicy = deps.sourcePolicy ?? 'open';
  const { publish } = createEventPublisher({ store, deliveryQueue: deps.deliveryQueue, onEvent: deps.onVerdictEvent });
  // Terms retrieval found common: re-checks stop reading their postings, ingest stops writing them.
  const common: CommonTerms = new Map();
  const { recheckClaim, recheckClaims } = createRecheck({ store, clock, ids, publish, sourcePolicy, common });
  const inlineLimit = deps.recheckInlineLimit ?? Number.POSITIVE_INFINITY;
  const webhooks = createWebhooks({
    store,
    clock,
    ids,
    secrets: deps.secrets ?? unconfiguredSecretBox,
    policy: deps.outboundPolicy ?? { allowLoopback: false },
  });

  async function afterChange(claimIds: string[], causes: Record<string, string>): Promise<void> {
    const queue = deps.recheckQueue;
    const inline = queue ? claimIds.slice(0, inlineLimit) : claimIds;
    const later = queue ? claimIds.slice(inline.length) : [];
    await recheckClaims(inline, causes);
    if (later.length > 0) await queue!.enqueue(later, causes);
  }

  const analysisVersion = deps.analysisVersion ?? engineVersion();
  const ingest = createIngest({ store, clock, ids, afterChange, analysisVersion, common });
  const submitClaim = createSubmitClaim({ store, clock, ids, recheckClaim, analysisVersion });
  const inline: ReindexQueue = {
    enqueue: async (jobs) => {
      for (const job of jobs) await reindex.runReindexJob(job);
    },
  };
  const reindex = createReindex({
    store,
    clock,
    queue: deps.reindexQueue ?? inline,
    analysisVersion,
    recheckClaims: (claimIds) => recheckClaims(claimIds),
  });
  const queries = createQueries(store);
  const registry = createSourceRegistry({
    store,
    clock,
    recheckSource: async (key) => afterChange(await claimsOfSource(store, key), {}),
  });

  return {
    ...ingest,
    deleteReport: (id, scope) => ingest.deleteReport(validId('id', id), scope),
    submitClaim,
    recheckClaim: (id) => recheckClaim(validId('id', id)),
    recheckClaims,
    ...webhooks,
    ...queries,
    ...registry,
    isVetted: (report, source) => isVetted(sourcePolicy, report, source),
    admitWrite: createWriteLimiter({ store, clock, perMinute: deps.writeRatePerMinute ?? 0 }),
    analysisVersion,
    ...reindex,
  };
}

export type { App } from './types.js';
