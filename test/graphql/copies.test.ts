// Copies count once whatever the timing: twenty outlets sending one text at the same moment end
// in one copy group and one independent source, run after run; an edited copy counts once too.
import { describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../lib/app/apiKeys.js';
import { createApp } from '../../lib/app/index.js';
import { createServer } from '../../lib/graphql/server.js';
import type { Store } from '../../lib/app/ports.js';
import { createTestApi } from '../support/graphql.js';
import { editCopy } from '../fixtures/copies/stories.js';

/** About 80 words, invented for this test. */
const WIRE_TEXT = `The Port Aldren harbour was sold to a private company in May 2025, the town council confirmed on Thursday. The buyer, a shipping cooperative from the northern coast, paid 2.4 million euros and promised to keep the old brick warehouse open as a fish market. Fishermen welcomed the sale, saying the quay had been neglected for years. The council will spend the money on new lighting and on dredging the silted inner basin before the summer festival.`;
const CLAIM = 'The Port Aldren harbour was sold to a private company in May 2025.';
const OUTLETS = Array.from({ length: 20 }, (_, i) => `Coastal Outlet ${String.fromCharCode(65 + i)}`);

const SUBMIT = 'mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id } } }';
const INGEST = 'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { id } } }';
const REGISTER = 'mutation($input: RegisterSourceInput!) { registerSource(input: $input) { source { key } } }';
const CLAIM_QUERY = `query($id: ID!) { claim(id: $id) { verdict independentSources supportCount } }`;
// Evidence is read after a fresh re-check: concurrent verdict writes can still lose the stored
// evidence list of the winning version (a store race apart from copy counting, see the report).
const RECHECK = `mutation($id: ID!) { recheckClaim(id: $id) { claim { verdict independentSources
  evidence(first: 50) { nodes { stance copyGroup vetted } } } } }`;

/**
 * The worst timing, made certain: no report becomes visible before every one of them has looked
 * for copies (as twenty Lambda containers ingesting at the same moment would). Each therefore
 * stores a copy group of its own; only reconciliation before the verdict can count them once.
 */
function allAtOnce(store: Store, writers: number, repair: boolean): Store {
  const held: Array<() => void> = [];
  const gated = Object.create(store) as Store;
  // Without the repair (as if every writer stopped right after making its report visible), only
  // reconciliation before the verdict is left to count the copies once.
  if (!repair) gated.lowerCopyGroup = async () => {};
  gated.putReport = async (report) => {
    await new Promise<void>((release) => {
      held.push(release);
      if (held.length === writers) for (const r of held) r();
    });
    return store.putReport(report);
  };
  return gated;
}

/** `claimFirst`: the claim is waiting when the copies arrive (twenty re-checks race too), else it is submitted after them. */
async function twentyCopiesAtOnce(
  env: Record<string, string>,
  withUrls: boolean,
  { repair = true, claimFirst = true } = {},
) {
  const base = await createTestApi(env);
  const { rt } = base;
  const app = createApp({ store: allAtOnce(rt.store, OUTLETS.length, repair), sourcePolicy: rt.config.sourcePolicy });
  const yoga = createServer({
    app,
    config: rt.config,
    authenticate: createAuthenticator({ config: rt.config, store: rt.store }),
  });
  const api = {
    rt,
    gql: async (query: string, variables: Record<string, unknown>) =>
      (
        await yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query, variables }),
        })
      ).json() as Promise<{ data?: any }>,
  };
  try {
    if (withUrls) {
      for (const [i, name] of OUTLETS.entries())
        await api.gql(REGISTER, { input: { name, domains: [`outlet${i}.example`] } });
    }
    let id: string = claimFirst ? (await api.gql(SUBMIT, { text: CLAIM })).data!.submitClaim.claim.id : '';
    const results = await Promise.all(
      OUTLETS.map((source, i) =>
        api.gql(INGEST, {
          input: { source, text: WIRE_TEXT, ...(withUrls ? { url: `https://outlet${i}.example/harbour` } : {}) },
        }),
      ),
    );
    expect(results.every((r) => r.data?.ingestReport.report.id)).toBe(true);
    // Each stored a group of its own at first; once visible, they moved to one (unless the repair is off).
    const stored = await rt.app.listReports({ first: 50 });
    expect(stored.edges).toHaveLength(OUTLETS.length);
    expect(new Set(stored.edges.map((e) => e.node.copyGroup)).size).toBe(repair ? 1 : OUTLETS.length);
    if (!claimFirst) id = (await api.gql(SUBMIT, { text: CLAIM })).data!.submitClaim.claim.id;
    const claim = (await api.gql(CLAIM_QUERY, { id })).data!.claim;
    const fresh = (await api.gql(RECHECK, { id })).data!.recheckClaim.claim;
    return { ...claim, evidence: fresh.evidence, fresh };
  } finally {
    await api.rt.close();
  }
}

/** Ten runs of twenty concurrent ingests take a minute and a half on an idle machine, many more on a loaded one. */
const RUNS_TIMEOUT_MS = 900_000;

describe('copies sent at once', () => {
  it(
    'end in one copy group and one independent source, 10 runs out of 10 (open policy)',
    async () => {
      for (let run = 0; run < 10; run++) {
        const claim = await twentyCopiesAtOnce({}, false, { claimFirst: run % 3 === 0 });
        expect(claim).toMatchObject({ verdict: 'SINGLE_SOURCE', independentSources: 1, supportCount: 20 });
        expect(claim.fresh).toMatchObject({ verdict: 'SINGLE_SOURCE', independentSources: 1 });
        expect(claim.evidence.nodes).toHaveLength(20);
        expect(new Set(claim.evidence.nodes.map((e: any) => e.copyGroup)).size).toBe(1);
      }
    },
    RUNS_TIMEOUT_MS,
  );

  it(
    'count once from reconciliation alone when the stored groups were never repaired (3 runs)',
    async () => {
      for (let run = 0; run < 3; run++) {
        const claim = await twentyCopiesAtOnce({}, false, { repair: false, claimFirst: run === 0 });
        expect(claim).toMatchObject({ verdict: 'SINGLE_SOURCE', independentSources: 1, supportCount: 20 });
        expect(new Set(claim.evidence.nodes.map((e: any) => e.copyGroup)).size).toBe(1);
      }
    },
    RUNS_TIMEOUT_MS,
  );

  it(
    'count once under the registered policy too, from twenty registered outlets on their own domains, 10 runs out of 10',
    async () => {
      for (let run = 0; run < 10; run++) {
        const claim = await twentyCopiesAtOnce({ SOURCE_POLICY: 'registered' }, true, { claimFirst: run % 3 === 0 });
        expect(claim).toMatchObject({ verdict: 'SINGLE_SOURCE', independentSources: 1, supportCount: 20 });
        expect(claim.evidence.nodes).toHaveLength(20);
        expect(claim.evidence.nodes.every((e: any) => e.vetted)).toBe(true);
      }
    },
    RUNS_TIMEOUT_MS,
  );
});

/** Each outlet of the edited-copies story, on a domain of its own and in a group of its own. */
const EDITORS = ['Aldren Gazette', 'Valley Wire', 'Northshore Herald', 'Bay Courier', 'Coast Post'];
const domainOf = (name: string) => `${name.toLowerCase().replace(/\s+/g, '')}.example`;

async function editedCopiesCountOnce(policy: 'open' | 'registered') {
  const api = await createTestApi({ SOURCE_POLICY: policy });
  const registered = policy === 'registered';
  const report = (source: string, text: string) => ({
    source,
    text,
    ...(registered ? { url: `https://${domainOf(source)}/harbour-sale` } : {}),
  });
  try {
    if (registered) {
      for (const name of EDITORS)
        expect((await api.gql(REGISTER, { input: { name, domains: [domainOf(name)] } })).errors).toBeUndefined();
    }
    const id = (await api.gql(SUBMIT, { text: CLAIM })).data!.submitClaim.claim.id;
    await api.gql(INGEST, { input: report('Aldren Gazette', WIRE_TEXT) });
    await api.gql(INGEST, { input: report('Valley Wire', editCopy(WIRE_TEXT, { words: 5, seed: 5 })) });
    // Five words changed: already one source, not two.
    expect((await api.gql(CLAIM_QUERY, { id })).data!.claim).toMatchObject({
      verdict: 'SINGLE_SOURCE',
      independentSources: 1,
    });
    await Promise.all([
      api.gql(INGEST, {
        input: report('Northshore Herald', editCopy(WIRE_TEXT, { words: 4, seed: 9, reorder: true, frame: true })),
      }),
      api.gql(INGEST, { input: report('Bay Courier', editCopy(WIRE_TEXT, { rate: 0.08, seed: 13 })) }),
    ]);
    const claim = (await api.gql(CLAIM_QUERY, { id })).data!.claim;
    // An edit can hit the claim's own sentence (then that copy only mentions it); none adds a source.
    expect(claim).toMatchObject({ verdict: 'SINGLE_SOURCE', independentSources: 1 });
    expect(claim.supportCount).toBeGreaterThanOrEqual(2);
    const evidence = (await api.gql(RECHECK, { id })).data!.recheckClaim.claim.evidence.nodes;
    expect(evidence).toHaveLength(4);
    expect(new Set(evidence.map((e: any) => e.copyGroup)).size).toBe(1);
    expect(evidence.every((e: any) => e.vetted)).toBe(true);
    // A story written apart still counts on its own.
    await api.gql(INGEST, {
      input: report(
        'Coast Post',
        'A private company bought the Port Aldren harbour in May 2025, after months of talks with the council.',
      ),
    });
    expect((await api.gql(CLAIM_QUERY, { id })).data!.claim).toMatchObject({
      verdict: 'CORROBORATED',
      independentSources: 2,
    });
  } finally {
    await api.rt.close();
  }
}

describe('edited copies', () => {
  it('count once: five words changed, or sentences reordered under a new headline and footer, one after another or at once', async () => {
    await editedCopiesCountOnce('open');
  }, 120_000);

  it('count once under the registered policy too, from registered outlets of different groups on their own domains', async () => {
    await editedCopiesCountOnce('registered');
  }, 120_000);
});
