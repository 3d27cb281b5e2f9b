// The source registry and the policy of who counts. Operators register publishers with the
// domains they publish from and the group that owns them; under SOURCE_POLICY=registered only
// reports of a registered source, from one of its domains, count toward a verdict. Reports from
// other names are still stored and shown, marked unvetted. Outlets of one group count once.
import type { SourcePolicy } from '../config.js';
import { AppError, badInput } from '../errors.js';
import type { Clock, Store } from './ports.js';
import { claimsAffectedBy } from './ingest.js';
import { LIMITS } from './limits.js';
import type { ReportRecord, SourceRecord } from './types.js';
import { optionalText, requiredText, sourceKeyOf, type ValidReport } from './validate.js';

/** Domains one source may list: a publisher with more is better registered as several outlets of one group. */
const DOMAINS_MAX = 20;
/** A hostname of labels (letters, digits, inner hyphens) with at least one dot: "bayledger.example". */
const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** What a writer key may do: absent sources = any source. */
export interface WriterScope {
  sources?: readonly string[] | undefined;
}

export interface RegisterSourceInput {
  name: string;
  domains: string[];
  group?: string | null;
}

export interface UpdateSourceInput {
  name: string;
  domains?: string[] | null;
  group?: string | null;
}

export const isRegistered = (source: SourceRecord | null | undefined): source is SourceRecord =>
  Boolean(source?.registeredAt) && !source?.retiredAt;

/** The URL's host is one of the domains, or a subdomain of one ("news.bayledger.example"). */
export function hostMatches(url: string | undefined, domains: readonly string[]): boolean {
  if (!url) return false;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return false;
  }
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * Whether a report counts toward verdicts. Open: every report. Registered: only a report of a
 * registered source that came from one of its domains (a report without URL cannot show that).
 */
export function isVetted(
  policy: SourcePolicy,
  report: Pick<ReportRecord, 'url'>,
  source: SourceRecord | null | undefined,
): boolean {
  if (policy === 'open') return true;
  return isRegistered(source) && hostMatches(report.url, source.domains ?? []);
}

/** The owner group a report's source belongs to, when it is registered. */
export const ownerOf = (source: SourceRecord | null | undefined): string | undefined =>
  isRegistered(source) ? source.group : undefined;

function validDomains(field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0)
    throw badInput(field, 'must list at least one domain, e.g. ["bayledger.example"]');
  if (value.length > DOMAINS_MAX) throw badInput(field, `lists ${value.length} domains; the limit is ${DOMAINS_MAX}`);
  const out = value.map((d, i) => {
    const text = requiredText(`${field}[${i}]`, d, 253)
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/\/.*$/, '')
      .replace(/\.$/, '');
    if (!HOSTNAME.test(text))
      throw badInput(
        `${field}[${i}]`,
        `"${text}" is not a domain name (like "bayledger.example", without scheme or path)`,
      );
    return text;
  });
  return [...new Set(out)];
}

/**
 * Refuse a report its writer may not make: a key bound to other sources (FORBIDDEN), or a
 * registered source's name on a URL outside its domains (BAD_USER_INPUT on the URL). Reads the
 * registry once for the whole batch; `fields[i]` prefixes the field named in the error.
 */
export async function admitReports(
  store: Store,
  reports: ValidReport[],
  fields: string[],
  scope: WriterScope | undefined,
): Promise<void> {
  const keys = reports.map((r) => sourceKeyOf(r.source));
  if (scope?.sources) {
    const allowed = new Set(scope.sources);
    const i = keys.findIndex((k) => !allowed.has(k));
    if (i >= 0) {
      throw new AppError(
        'FORBIDDEN',
        `${fields[i]}.source: this API key may only ingest reports of ${scope.sources.join(', ')}, not "${reports[i]!.source}"`,
        `${fields[i]}.source`,
      );
    }
  }
  const distinct = [...new Set(keys)];
  const sources = new Map((await store.getSources(distinct)).map((s, i) => [distinct[i]!, s]));
  reports.forEach((r, i) => {
    const source = sources.get(keys[i]!);
    if (isRegistered(source) && r.url && !hostMatches(r.url, source.domains ?? [])) {
      throw badInput(
        `${fields[i]}.url`,
        `"${new URL(r.url).hostname}" is not a domain of the registered source "${source.name}" (${(source.domains ?? []).join(', ')}); a report under its name must come from one of them`,
      );
    }
  });
}

/** Reports of one source read per page when a registry change re-checks the claims they may affect. */
const SOURCE_REPORTS_PAGE = 100;

/**
 * Claims that reports of a source may affect: those watching any term of its reports. A registry
 * change (registered, retired, another group) can change how each of them counts.
 */
export async function claimsOfSource(store: Store, sourceKey: string): Promise<string[]> {
  const claims = new Set<string>();
  let after: string | null = null;
  do {
    const page = await store.listReports({ first: SOURCE_REPORTS_PAGE, after, sourceKey });
    for (const edge of page.edges) for (const id of await claimsAffectedBy(store, edge.node.terms)) claims.add(id);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return [...claims];
}

/** Register, change and retire sources; each change re-checks the claims the source's reports may affect. */
export function createSourceRegistry(deps: {
  store: Store;
  clock: Clock;
  recheckSource: (sourceKey: string) => Promise<void>;
}) {
  const { store, clock, recheckSource } = deps;

  const notRegistered = (name: string): AppError =>
    new AppError('NOT_FOUND', `input.name: no registered source named "${name}"`, 'input.name');

  async function registerSource(input: RegisterSourceInput): Promise<SourceRecord> {
    const name = requiredText('input.name', input?.name, LIMITS.sourceMaxChars);
    const domains = validDomains('input.domains', input.domains);
    const group = sourceKeyOf(optionalText('input.group', input.group, LIMITS.sourceMaxChars) ?? name);
    const key = sourceKeyOf(name);
    if (!(await store.registerSource(key, { name, domains, group, at: clock.now().toISOString() }))) {
      throw new AppError(
        'CONFLICT',
        `input.name: the source "${name}" is registered already; use updateSource to change it`,
        'input.name',
      );
    }
    await recheckSource(key);
    return (await store.getSources([key]))[0]!;
  }

  async function updateSource(input: UpdateSourceInput): Promise<SourceRecord> {
    const name = requiredText('input.name', input?.name, LIMITS.sourceMaxChars);
    const domains =
      input.domains === undefined || input.domains === null ? undefined : validDomains('input.domains', input.domains);
    const groupName = optionalText('input.group', input.group, LIMITS.sourceMaxChars);
    if (!domains && !groupName) throw badInput('input', 'gives nothing to change: pass domains, group or both');
    const updated = await store.updateSource(sourceKeyOf(name), {
      ...(domains ? { domains } : {}),
      ...(groupName ? { group: sourceKeyOf(groupName) } : {}),
    });
    if (!updated) throw notRegistered(name);
    await recheckSource(updated.key);
    return updated;
  }

  async function retireSource(input: { name: string }): Promise<SourceRecord> {
    const name = requiredText('input.name', input?.name, LIMITS.sourceMaxChars);
    const retired = await store.retireSource(sourceKeyOf(name), clock.now().toISOString());
    if (!retired) throw notRegistered(name);
    await recheckSource(retired.key);
    return retired;
  }

  return { registerSource, updateSource, retireSource };
}
