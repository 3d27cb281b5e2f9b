// Every key format of the single table, in one place. Each comment names the
// access pattern the key serves. Ids never contain '#', so prefixes split cleanly.

export const pad = (n: number, width = 5): string => String(n).padStart(width, '0');

const termClaimsPrefix = (index: 'search' | 'watch'): string => (index === 'search' ? 'CLAIMS' : 'WATCH');

export const keys = {
  // get a claim by id
  claim: (id: string) => ({ PK: `CLAIM#${id}`, SK: 'CLAIM' }),
  // list claims newest first (GSI1) and by verdict, most recently changed first (GSI2)
  claimListing: (createdAt: string, id: string) => ({ GSI1PK: 'CLAIMS', GSI1SK: `${createdAt}#${id}` }),
  claimByVerdict: (verdict: string, updatedAt: string, id: string) => ({
    GSI2PK: `VERDICT#${verdict}`,
    GSI2SK: `${updatedAt}#${id}`,
  }),
  claimsPartition: 'CLAIMS',
  verdictPartition: (verdict: string) => `VERDICT#${verdict}`,
  // idempotent submitClaim: one claim per normalised text
  claimTextGuard: (textHash: string) => ({ PK: `CLAIMTEXT#${textHash}`, SK: 'GUARD' }),
  // evidence of a claim, per verdict version so a new verdict replaces the old evidence at once;
  // stance order in the key lets one query page contradicting, then supporting, then mentions
  evidence: (claimId: string, version: number, stanceOrder: number, rank: number) => ({
    PK: `CLAIM#${claimId}`,
    SK: `EV#${pad(version, 8)}#${stanceOrder}#${pad(rank, 4)}`,
  }),
  evidencePrefix: (version: number, stanceOrder?: number) =>
    stanceOrder === undefined ? `EV#${pad(version, 8)}#` : `EV#${pad(version, 8)}#${stanceOrder}#`,
  // verdict history of a claim, oldest first
  history: (claimId: string, at: string, version: number) => ({
    PK: `CLAIM#${claimId}`,
    SK: `HIST#${at}#${pad(version, 8)}`,
  }),
  historyPrefix: 'HIST#',
  // the outbox: one item per verdict change of a claim, in order (seq); copied from the claim's
  // `unsentEvents` (which the verdict's own conditional write carries) once dispatched to webhooks
  verdictEvent: (claimId: string, seq: number) => ({ PK: `CLAIM#${claimId}`, SK: `EVENT#${pad(seq, 8)}` }),
  verdictEventPrefix: 'EVENT#',

  // get a report by id; list reports newest first (GSI2) and by source newest first (GSI1)
  report: (id: string) => ({ PK: `REPORT#${id}`, SK: 'REPORT' }),
  reportBySource: (sourceKey: string, publishedAt: string, id: string) => ({
    GSI1PK: `SOURCE#${sourceKey}`,
    GSI1SK: `${publishedAt}#${id}`,
  }),
  reportListing: (ingestedAt: string, id: string) => ({ GSI2PK: 'REPORTS', GSI2SK: `${ingestedAt}#${id}` }),
  reportsPartition: 'REPORTS',
  sourcePartition: (sourceKey: string) => `SOURCE#${sourceKey}`,
  // the statements of a report, STATEMENTS_PER_PACK consecutive ones per item (compressed), so
  // reading any statement is one get of a key known from its index, and a report is a few items
  statementPack: (reportId: string, pack: number) => ({ PK: `REPORT#${reportId}`, SK: `STMTS#${pad(pack, 4)}` }),
  // stores written before packs hold one item per statement; reads fall back to them
  legacyStatement: (reportId: string, index: number) => ({ PK: `REPORT#${reportId}`, SK: `STMT#${pad(index)}` }),
  // the text a report was ingested with (compressed), read only by re-index to analyse it again
  reportText: (reportId: string) => ({ PK: `REPORT#${reportId}`, SK: 'TEXT' }),
  // idempotent ingest: same URL, or same source and content hash, is the same report
  reportUrlGuard: (urlHash: string) => ({ PK: `REPORTURL#${urlHash}`, SK: 'GUARD' }),
  reportContentGuard: (sourceKey: string, contentHash: string) => ({
    PK: `REPORTHASH#${sourceKey}#${contentHash}`,
    SK: 'GUARD',
  }),

  // term index: term -> the reports (and their statements) that contain it, for retrieving evidence;
  // the report id is the sort key's tail (stores written before also hold it as `reportId`)
  posting: (term: string, reportId: string) => ({ PK: `TERM#${term}`, SK: `R#${reportId}` }),
  postingPartition: (term: string) => `TERM#${term}`,
  postingPrefix: 'R#',
  // term -> claims holding it, one item per (term, claim) so no item grows with the claims: 'search'
  // for claims(search:), 'watch' (the claim's key terms) so a new report finds the claims it may
  // change. One begins_with query per term reads them, and with them the single string-set item
  // ('CLAIMS' / 'WATCH', `ids`) that stores written before this layout hold per term.
  termClaim: (term: string, index: 'search' | 'watch', claimId: string) => ({
    PK: `TERM#${term}`,
    SK: `${termClaimsPrefix(index)}#${claimId}`,
  }),
  termClaimsPrefix: (index: 'search' | 'watch') => termClaimsPrefix(index),
  legacyTermClaims: (term: string, index: 'search' | 'watch') => ({ PK: `TERM#${term}`, SK: termClaimsPrefix(index) }),
  // LSH band -> reports with that band, one item each (batch-written with the report's postings):
  // copy candidates of a new report. Stores written before this layout hold one string-set item
  // per band (SK 'REPORTS', `ids`); reads accept both.
  band: (band: string, reportId: string) => ({ PK: `BAND#${band}`, SK: `R#${reportId}` }),
  bandPartition: (band: string) => `BAND#${band}`,
  legacyBand: (band: string) => ({ PK: `BAND#${band}`, SK: 'REPORTS' }),

  // hashed, merged, levelled term index (lib/store/termIndex.ts). Ingest writes a report's postings and copy
  // bands once, into one item in one of a few "recent" partitions; a merge moves many reports' recent items
  // into level 0: one item per (bucket of the term's hash, slot), term -> report ids; a compaction moves a
  // full level's slots into one slot of the next level, over more buckets. A slot is overwritten in place
  // (its `g` says which write it holds). Readers query the recent partitions and, per level, the slots
  // still live in the bucket of each term.
  recentIndex: (shard: number, reportId: string) => ({ PK: `TNEW#${shard}`, SK: `R#${reportId}` }),
  recentIndexPartition: (shard: number) => `TNEW#${shard}`,
  termSlot: (level: number, bucket: number, slot: number, part: number) => ({
    PK: `TBUCKET#${level}#${bucket}`,
    SK: `S#${pad(slot, 3)}#${pad(part, 3)}`,
  }),
  termBucketPartition: (level: number, bucket: number) => `TBUCKET#${level}#${bucket}`,
  // sort keys below this are the slots [0, slots) of a bucket
  termSlotBound: (slots: number) => `S#${pad(slots, 3)}`,
  slotOfKey: (sk: string) => Number(sk.slice(2, 5)),
  // the term index's state (`m` merges done, `f` fan-in), the lease of the one merge running and, while it
  // runs, its plan (`bt` batch id, `ms` reports, `ph` phase, `cl` level being compacted) to resume
  termIndexMerge: () => ({ PK: 'TMERGE', SK: 'MERGE' }),
  // the buckets a level's slots were written in since its last compaction (`r` its round's first write,
  // `bm` a compressed bitmap): the buckets its compaction reads
  termLevelBuckets: (level: number) => ({ PK: 'TMERGE', SK: `LEVEL#${level}` }),

  // sources: get by key (one item per publisher: its report count and, once registered, its
  // domains, owner group and registration dates), list all (GSI1)
  source: (sourceKey: string) => ({ PK: `SOURCE#${sourceKey}`, SK: 'SOURCE', GSI1PK: 'SOURCES', GSI1SK: sourceKey }),
  sourcesPartition: 'SOURCES',
  // corpus-wide counters (reports, claims) for BM25 and stats
  counters: () => ({ PK: 'STATS', SK: 'COUNTERS' }),

  // API keys: look up by hash of the presented key; list (GSI1) for the keys CLI
  apiKey: (hash: string) => ({ PK: `APIKEY#${hash}`, SK: 'APIKEY' }),
  apiKeyListing: (createdAt: string, id: string) => ({ GSI1PK: 'APIKEYS', GSI1SK: `${createdAt}#${id}` }),
  apiKeysPartition: 'APIKEYS',

  // webhooks: get by id; list all (GSI1), to match each verdict change against their filters
  webhook: (id: string) => ({ PK: `WEBHOOK#${id}`, SK: 'WEBHOOK' }),
  webhookListing: (createdAt: string, id: string) => ({ GSI1PK: 'WEBHOOKS', GSI1SK: `${createdAt}#${id}` }),
  webhooksPartition: 'WEBHOOKS',
  // one delivery per webhook and event, in the webhook's partition; event ids sort by time, so a
  // descending query is the endpoint's recent deliveries
  delivery: (webhookId: string, eventId: string) => ({ PK: `WEBHOOK#${webhookId}`, SK: `DELIVERY#${eventId}` }),
  deliveryPrefix: 'DELIVERY#',

  // re-index to an engine version: its run (phase, scan position, counters) and the pages its scans
  // listed, in one partition per version so a resume finds the open pages with one query
  reindexRun: (version: string) => ({ PK: `REINDEX#${version}`, SK: 'RUN' }),
  reindexPage: (version: string, phase: string, key: string) => ({
    PK: `REINDEX#${version}`,
    SK: `PAGE#${phase}#${key}`,
  }),
  reindexPagePrefix: (phase: string) => `PAGE#${phase}#`,

  // write rate limits: count a subject's (API key's or client address's) writes in one minute,
  // one item per subject per minute, conditionally incremented and expired by TTL (`expiresAt`)
  writeRate: (subject: string, minute: number) => ({ PK: `RATE#${subject}`, SK: `MIN#${minute}` }),
} as const;
