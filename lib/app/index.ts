// createApp: the use cases wired to their dependencies. Affected claims are
// re-checked inline up to a limit; the rest go to the re-check queue (SQS on AWS),
// or inline too when there is no queue (the local server).
import { createSubmitClaim } from './claims.js';
import { createEventPublisher } from './events.js';
import { createWebhooks } from './webhooks.js';
import type { OutboundPolicy } from '../webhooks/outbound.js';
import { unconfiguredSecretBox, type SecretBox } from '../webhooks/secretBox.js';
import { createIngest } from './ingest.js';
import { randomIds, systemClock, type Clock, type DeliveryQueue, type IdGen, type RecheckQueue, type VerdictEventListener } from './ports.js';
import { createQueries } from './queries.js';
import { createRecheck } from './recheck.js';
import type { App } from './types.js';
import type { Store } from '../store/port.js';
import { validId } from './validate.js';

export interface AppDeps {
  store: Store;
  clock?: Clock;
  ids?: IdGen;
  recheckQueue?: RecheckQueue;
  recheckInlineLimit?: number;
  /** seals webhook signing secrets at rest; unset = webhooks are not configured */
  secrets?: SecretBox;
  /** where webhook URLs may point; unset = public addresses only */
  outboundPolicy?: OutboundPolicy;
  /** where webhook deliveries go; none = deliveries are recorded but nobody sends them */
  deliveryQueue?: DeliveryQueue;
  /** the local subscription feed */
  onVerdictEvent?: VerdictEventListener;
}

export function createApp(deps: AppDeps): App {
  const store = deps.store;
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? randomIds;
  const { publish } = createEventPublisher({ store, deliveryQueue: deps.deliveryQueue, onEvent: deps.onVerdictEvent });
  const { recheckClaim, recheckClaims } = createRecheck({ store, clock, ids, publish });
  const inlineLimit = deps.recheckInlineLimit ?? Number.POSITIVE_INFINITY;
  const webhooks = createWebhooks({ store, clock, ids, secrets: deps.secrets ?? unconfiguredSecretBox, policy: deps.outboundPolicy ?? { allowLoopback: false } });

  async function afterChange(claimIds: string[], causes: Record<string, string>): Promise<void> {
    const queue = deps.recheckQueue;
    const inline = queue ? claimIds.slice(0, inlineLimit) : claimIds;
    const later = queue ? claimIds.slice(inline.length) : [];
    await recheckClaims(inline, causes);
    if (later.length > 0) await queue!.enqueue(later, causes);
  }

  const ingest = createIngest({ store, clock, ids, afterChange });
  const submitClaim = createSubmitClaim({ store, clock, ids, recheckClaim });
  const queries = createQueries(store);

  return {
    ...ingest,
    deleteReport: (id) => ingest.deleteReport(validId('id', id)),
    submitClaim,
    recheckClaim: (id) => recheckClaim(validId('id', id)),
    recheckClaims,
    ...webhooks,
    ...queries,
  };
}

export type { App } from './types.js';
