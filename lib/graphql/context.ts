// Per-request context: the caller, the use cases, and per-request DataLoaders so
// evidence -> report and list -> claim lookups batch into one store call.
import DataLoader from 'dataloader';
import type { Caller } from '../app/apiKeys.js';
import type { App, ClaimRecord, ReportRecord, SourceRecord } from '../app/types.js';
import { validId } from '../app/validate.js';
import type { LiveEvents } from './live.js';

export interface Context {
  app: App;
  caller: Caller;
  requestId: string;
  readsNeedKey: boolean;
  /** the client's network address, as the HTTP adapter saw it (rate limits when writes are open) */
  clientAddress: string | undefined;
  /** no API key is required for writes (the local default) */
  writesOpen: boolean;
  /** the request comes from a browser page of another origin (see browserGuards.ts) */
  foreignOrigin: boolean;
  /** the verdictChanged feed; undefined where subscriptions are not served (Lambda) */
  live: LiveEvents | undefined;
  loaders: {
    claim: DataLoader<string, ClaimRecord | null>;
    report: DataLoader<string, ReportRecord | null>;
    source: DataLoader<string, SourceRecord | null>;
  };
}

/** Load by id; an id that cannot be ours fails alone (BAD_USER_INPUT), not the batch or the store call. */
function byId<T>(get: (ids: readonly string[]) => Promise<Array<T | null>>) {
  return async (ids: readonly string[]): Promise<Array<T | null | Error>> => {
    const checked = ids.map((id) => {
      try {
        return validId('id', id);
      } catch (e) {
        return e as Error;
      }
    });
    const valid = checked.filter((c): c is string => typeof c === 'string');
    const found = new Map((await get(valid)).map((v, i) => [valid[i]!, v]));
    return checked.map((c) => (typeof c === 'string' ? (found.get(c) ?? null) : c));
  };
}

export function createLoaders(app: App): Context['loaders'] {
  return {
    claim: new DataLoader(
      byId((ids) => app.getClaims(ids)),
      { maxBatchSize: 100 },
    ),
    report: new DataLoader(
      byId((ids) => app.getReports(ids)),
      { maxBatchSize: 100 },
    ),
    source: new DataLoader((keys) => app.getSources(keys), { maxBatchSize: 100 }),
  };
}
