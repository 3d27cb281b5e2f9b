// Input limits, enforced before any write and documented in docs/operations.md.
export const LIMITS = {
  claimTextMaxChars: 500,
  reportTextMaxChars: 200_000,
  titleMaxChars: 500,
  sourceMaxChars: 200,
  urlMaxChars: 2_048,
  reportsPerBatch: 100,
  pageSizeMin: 1,
  pageSizeMax: 100,
  pageSizeDefault: 20,
  searchMaxChars: 200,
  /** claims a report page looks through for evidence citing the report (Report.evidence) */
  reportClaimsMax: 50,
  /** ids are ours (clm_..., rep_..., about 25 characters); anything longer is not one */
  idMaxChars: 100,
  /** publishedAt: from this year to a week after today (clock skew, time zones, embargoes) */
  publishedAtMinYear: 1900,
  publishedAtMaxDaysAhead: 7,
  /** HTTP body cap: a batch of reports at the text limit does not fit; batches are meant for many small reports */
  httpBodyMaxBytes: 2 * 1024 * 1024,
  /** webhooks per deployment: each verdict change is matched against all of them */
  webhooksMax: 50,
  /** claims one webhook may name (its claimIds filter) */
  webhookClaimIdsMax: 100,
} as const;
