// A batch that fails part-way: the reports stored before the failure are visible, so the
// claims they affect are re-checked all the same; re-sending the batch finishes it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../lib/app/apiKeys.js';
import { createApp } from '../../lib/app/index.js';
import { createServer } from '../../lib/graphql/server.js';
import { createTestApi } from '../support/graphql.js';

let api: Awaited<ReturnType<typeof createTestApi>>;
beforeAll(async () => {
  api = await createTestApi();
});
afterAll(async () => api.rt.close());

const BATCH =
  'mutation($input: IngestReportsInput!) { ingestReports(input: $input) { results { created affectedClaims report { id } } } }';
const FIELDS = 'verdict supportCount contradictCount independentSources';
const reports = [
  { source: 'Sallowby Echo', text: 'The Sallowby lighthouse was repainted red in June 2024, the harbour trust said.' },
  { source: 'Coastline Weekly', text: 'In June 2024 the Sallowby lighthouse was repainted red by volunteers.' },
  { source: 'North Cape Times', text: 'Volunteers repainted the Sallowby lighthouse red in June 2024.' },
  { source: 'Gull Post', text: 'The Sallowby harbour trust will review the lighthouse budget next year.' },
];

describe('a batch failing part-way', () => {
  it('leaves no stale verdict: the claim equals its recheckClaim, and a re-send completes the batch', async () => {
    const submitted = await api.gql(
      `mutation { submitClaim(input: { text: "The Sallowby lighthouse was repainted red in June 2024." }) { claim { id ${FIELDS} } } }`,
    );
    const id = submitted.data!.submitClaim.claim.id;
    let indexWrites = 0;
    const failing = Object.create(api.rt.store) as typeof api.rt.store;
    failing.putReportIndex = async (...args) => {
      if (++indexWrites === 4) throw Object.assign(new Error('connection reset'), { name: 'TimeoutError' });
      return api.rt.store.putReportIndex(...args);
    };
    const broken = createServer({
      app: createApp({ store: failing }),
      config: api.rt.config,
      authenticate: createAuthenticator({ config: api.rt.config, store: api.rt.store }),
    });
    const response = await broken.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: BATCH, variables: { input: { reports } } }),
    });
    expect((await response.json()).errors).toHaveLength(1);
    expect((await api.gql('{ stats { reports } }')).data!.stats.reports).toBe(3);

    const stored = (await api.gql(`query($id: ID!) { claim(id: $id) { ${FIELDS} } }`, { id })).data!.claim;
    const fresh = (await api.gql(`mutation($id: ID!) { recheckClaim(id: $id) { claim { ${FIELDS} } } }`, { id })).data!
      .recheckClaim.claim;
    expect(fresh.verdict).toBe('CORROBORATED');
    expect(stored).toEqual(fresh);

    const resent = await api.gql(BATCH, { input: { reports } });
    expect(resent.data!.ingestReports.results.map((r: { created: boolean }) => r.created)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect((await api.gql('{ stats { reports } }')).data!.stats.reports).toBe(4);
  });
});
