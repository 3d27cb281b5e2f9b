// Per-request context: the caller, the use cases, and per-request DataLoaders so
// evidence -> report and list -> claim lookups batch into one store call.
import DataLoader from 'dataloader';
import type { Caller } from '../app/apiKeys.js';
import type { App, ClaimRecord, ReportRecord } from '../app/types.js';

export interface Context {
  app: App;
  caller: Caller;
  requestId: string;
  readsNeedKey: boolean;
  /** no API key is required for writes (the local default) */
  writesOpen: boolean;
  /** the request comes from a browser page of another origin (see browserGuards.ts) */
  foreignOrigin: boolean;
  loaders: {
    claim: DataLoader<string, ClaimRecord | null>;
    report: DataLoader<string, ReportRecord | null>;
  };
}

export function createLoaders(app: App): Context['loaders'] {
  return {
    claim: new DataLoader((ids) => app.getClaims(ids), { maxBatchSize: 100 }),
    report: new DataLoader((ids) => app.getReports(ids), { maxBatchSize: 100 }),
  };
}
