// Read use cases: what dashboards ask. All reads are single queries or batch gets.
import { analyzeClaim } from '../domain/index.js';
import { stanceRank, VERDICTS, type Stance, type Verdict } from '../domain/types.js';
import type { ClaimOrder, Store } from './ports.js';
import { badInput, notFound } from '../errors.js';
import { LIMITS } from './limits.js';
import { claimsAffectedBy } from './ingest.js';
import type { ClaimRecord, EvidenceRecord, ListClaimsArgs, Page, PageArgs, ReportRecord, Stats } from './types.js';
import { CLAIM_ORDERS } from './types.js';
import { optionalDate, optionalText, pageSize, sourceKeyOf } from './validate.js';

/** Claims matching every content term of the search (and the verdict, if given), newest (or most recently changed) first, paged by offset. */
async function searchClaims(
  store: Store,
  search: string,
  first: number,
  after: string | null | undefined,
  order: ClaimOrder,
  verdict?: Verdict | null,
  changedSince?: string,
): Promise<Page<ClaimRecord>> {
  const terms = analyzeClaim(search).terms;
  if (terms.length === 0) throw badInput('search', 'has no words to search for');
  let offset = 0;
  if (after) {
    const decoded = /^o:(\d+)$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
    if (!decoded) throw badInput('after', 'malformed cursor; pass a cursor returned by a previous page');
    offset = Number(decoded[1]);
  }
  const hits = await store.claimsForTerms(terms, 'search');
  const ids = [...hits.entries()].filter(([, h]) => h.hits === terms.length).map(([id]) => id);
  // Filter before slicing: a page holds `first` matches, and hasNextPage says whether more match.
  const claims = (await store.getClaims(ids)).filter(
    (c): c is ClaimRecord =>
      c !== null && (!verdict || c.verdict === verdict) && (changedSince === undefined || c.updatedAt >= changedSince),
  );
  const at = order === 'changed' ? (c: ClaimRecord) => c.updatedAt : (c: ClaimRecord) => c.createdAt;
  claims.sort((a, b) => at(b).localeCompare(at(a)) || b.id.localeCompare(a.id));
  const slice = claims.slice(offset, offset + first);
  const edges = slice.map((node, i) => ({ node, cursor: Buffer.from(`o:${offset + i + 1}`).toString('base64url') }));
  return {
    edges,
    pageInfo: {
      hasNextPage: offset + first < claims.length,
      endCursor: edges.at(-1)?.cursor ?? null,
      startCursor: edges[0]?.cursor ?? null,
    },
  };
}

export function createQueries(store: Store) {
  return {
    getClaim: (id: string) => store.getClaim(id),
    getClaims: (ids: readonly string[]) => store.getClaims(ids),
    getReport: (id: string) => store.getReport(id),
    getReports: (ids: readonly string[]) => store.getReports(ids),

    async listClaims(args: ListClaimsArgs) {
      const first = pageSize('first', args.first);
      const search = optionalText('search', args.search, LIMITS.searchMaxChars);
      if (args.verdict && !VERDICTS.includes(args.verdict))
        throw badInput('verdict', `must be one of ${VERDICTS.join(', ')}`);
      if (args.orderBy && !(args.orderBy in CLAIM_ORDERS))
        throw badInput('orderBy', `must be one of ${Object.keys(CLAIM_ORDERS).join(', ')}`);
      // A date is kept as its day's start, a date-time as UTC ISO: both compare as strings with stored updatedAt.
      const since = optionalDate('changedSince', args.changedSince);
      const changedSince = since === undefined ? undefined : since.length === 10 ? `${since}T00:00:00.000Z` : since;
      if (changedSince !== undefined && args.orderBy === 'NEWEST')
        throw badInput(
          'changedSince',
          'lists claims most recently changed first: use it without orderBy, or with orderBy: RECENTLY_CHANGED',
        );
      const order = changedSince !== undefined ? 'changed' : args.orderBy ? CLAIM_ORDERS[args.orderBy] : undefined;
      if (search) return searchClaims(store, search, first, args.after, order ?? 'created', args.verdict, changedSince);
      return store.listClaims({
        first,
        after: args.after ?? null,
        ...(args.verdict ? { verdict: args.verdict } : {}),
        ...(order ? { order } : {}),
        ...(changedSince !== undefined ? { changedSince } : {}),
      });
    },

    /** The report's statements in order (its text as the engine read it, boilerplate removed), or those in `range`. */
    async reportStatements(
      report: Pick<ReportRecord, 'id' | 'statementCount'>,
      range?: { from: number; to: number },
    ): Promise<Array<{ index: number; text: string }>> {
      const from = Math.max(0, range?.from ?? 0);
      const to = Math.min(report.statementCount - 1, range?.to ?? report.statementCount - 1);
      const refs = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => ({
        reportId: report.id,
        index: from + i,
      }));
      const records = await store.getStatements(refs);
      return records
        .map((r) => ({ index: r.statement.index, text: r.statement.text }))
        .sort((a, b) => a.index - b.index);
    },

    /**
     * The evidence this report gives the claims it bears on: one item per claim whose current verdict
     * cites it. Candidates are the claims the report's terms watch (the same rule that decides which
     * claims a new report re-checks), at most LIMITS.reportClaimsMax of them, so the cost stays bounded.
     */
    async reportEvidence(report: ReportRecord): Promise<EvidenceRecord[]> {
      const candidates = (await claimsAffectedBy(store, report.terms)).slice(0, LIMITS.reportClaimsMax);
      const claims = (await store.getClaims(candidates)).filter((c): c is ClaimRecord => c !== null);
      const pages = await Promise.all(claims.map((c) => store.listEvidence(c, { first: LIMITS.pageSizeMax })));
      return pages
        .flatMap((p) => p.edges.map((e) => e.node))
        .filter((e) => e.reportId === report.id)
        .sort((a, b) => stanceRank(a.stance) - stanceRank(b.stance) || a.claimId.localeCompare(b.claimId));
    },

    async listReports(args: PageArgs & { source?: string | null }) {
      const first = pageSize('first', args.first);
      const source = optionalText('source', args.source, LIMITS.sourceMaxChars);
      return store.listReports({
        first,
        after: args.after ?? null,
        ...(source ? { sourceKey: sourceKeyOf(source) } : {}),
      });
    },

    async listEvidence(claimId: string, args: PageArgs & { stance?: Stance | null }, loaded?: ClaimRecord) {
      const first = pageSize('first', args.first);
      const claim = loaded?.id === claimId ? loaded : await store.getClaim(claimId);
      if (!claim) throw notFound('id', 'claim', claimId);
      return store.listEvidence(claim, {
        first,
        after: args.after ?? null,
        ...(args.stance ? { stanceOrder: stanceRank(args.stance) } : {}),
      });
    },

    verdictHistory: (claimId: string) => store.listHistory(claimId),
    listSources: () => store.listSources(),
    getSources: (sourceKeys: readonly string[]) => store.getSources(sourceKeys),

    async stats(): Promise<Stats> {
      const [counters, sources, ...counts] = await Promise.all([
        store.counters(),
        store.listSources(),
        ...VERDICTS.map((v) => store.countClaims(v)),
      ]);
      const byVerdict = Object.fromEntries(VERDICTS.map((v, i) => [v, counts[i] ?? 0])) as Record<Verdict, number>;
      return { claims: counters.claims, reports: counters.reports, sources: sources.length, byVerdict };
    },
  };
}
