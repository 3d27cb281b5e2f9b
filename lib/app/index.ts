// createApp: the use cases wired to their dependencies. Affected claims are
// re-checked inline up to a limit; the rest go to the re-check queue (SQS on AWS),
// or inline too when there is no queue (the local server).
import { createSubmitClaim } from './claims.js';
import { createIngest } from './ingest.js';
import { randomIds, systemClock, type Clock, type IdGen, type RecheckQueue } from './ports.js';
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
}

export function createApp(deps: AppDeps): App {
  const store = deps.store;
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? randomIds;
  const { recheckClaim, recheckClaims } = createRecheck({ store, clock });
  const inlineLimit = deps.recheckInlineLimit ?? Number.POSITIVE_INFINITY;

  async function afterChange(claimIds: string[]): Promise<void> {
    const queue = deps.recheckQueue;
    const inline = queue ? claimIds.slice(0, inlineLimit) : claimIds;
    const later = queue ? claimIds.slice(inline.length) : [];
    await recheckClaims(inline);
    if (later.length > 0) await queue!.enqueue(later);
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
    ...queries,
  };
}

export type { App } from './types.js';
