// Per-request context: the caller, the use cases, and per-request DataLoaders so
// evidence -> report and list -> claim lookups batch into one store call.
import DataLoader from 'dataloader';
import type { Caller } from '../app/apiKeys.js';
import type { App, ClaimRecord, ReportRecord, SourceRecord } from '../app/types.js';

export interface Context {
  app: App;
  caller: Caller;
  requestId: string;
  readsNeedKey: boolean;
  /** the client's network address, as the HTTP adapter saw it (rate limits when writes are open) */
  clientAddress: string | undefined;
  loaders: {
    claim: DataLoader<string, ClaimRecord | null>;
    report: DataLoader<string, ReportRecord | null>;
    source: DataLoader<string, SourceRecord | null>;
  };
}

export function createLoaders(app: App): Context['loaders'] {
  return {
    claim: new DataLoader((ids) => app.getClaims(ids), { maxBatchSize: 100 }),
    report: new DataLoader((ids) => app.getReports(ids), { maxBatchSize: 100 }),
    source: new DataLoader((keys) => app.getSources(keys), { maxBatchSize: 100 }),
  };
}
