// The source registry and the registered-sources policy, through GraphQL over the real store.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../lib/app/apiKeys.js';
import { loadConfig } from '../../lib/config.js';
import { createTestApi, type GraphQLResult } from '../support/graphql.js';

type Api = Awaited<ReturnType<typeof createTestApi>>;
const ADMIN = 'admin-secret';
let api: Api;
beforeAll(async () => {
  api = await createTestApi({ SOURCE_POLICY: 'registered', API_KEYS: ADMIN, KEYS_IN_TABLE: 'true' });
});
afterAll(async () => api.rt.close());

const errorOf = (r: GraphQLResult) => r.errors?.[0];
const SOURCE_FIELDS = 'key name registered domains group reportCount registeredAt retiredAt';
const REGISTER = `mutation($input: RegisterSourceInput!) { registerSource(input: $input) { source { ${SOURCE_FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateSourceInput!) { updateSource(input: $input) { source { ${SOURCE_FIELDS} } } }`;
const RETIRE = `mutation($input: RetireSourceInput!) { retireSource(input: $input) { source { ${SOURCE_FIELDS} } } }`;
const SUBMIT = 'mutation($text: String!) { submitClaim(input: { text: $text }) { claim { id verdict } } }';
const INGEST =
  'mutation($input: IngestReportInput!) { ingestReport(input: $input) { report { id vetted source { name registered } } } }';
const CLAIM = `query($id: ID!) { claim(id: $id) { verdict independentSources supportCount contradictCount explanation
  evidence(first: 20) { nodes { stance vetted copyGroup report { id vetted source { name } } } } } }`;

const admin = (query: string, variables: Record<string, unknown>) => api.gql(query, variables, ADMIN);
const claimOf = async (id: string) => (await admin(CLAIM, { id })).data!.claim;
const submit = async (text: string): Promise<string> => (await admin(SUBMIT, { text })).data!.submitClaim.claim.id;
const ingest = (input: Record<string, unknown>, key = ADMIN) => api.gql(INGEST, { input }, key);

describe('SOURCE_POLICY', () => {
  it('is registered on AWS Lambda and open locally, and refuses anything else', () => {
    expect(loadConfig({ AWS_LAMBDA_FUNCTION_NAME: 'factcheck' }).sourcePolicy).toBe('registered');
    expect(loadConfig({}).sourcePolicy).toBe('open');
    expect(loadConfig({ AWS_LAMBDA_FUNCTION_NAME: 'factcheck', SOURCE_POLICY: 'open' }).sourcePolicy).toBe('open');
    expect(() => loadConfig({ SOURCE_POLICY: 'anyone' })).toThrow(/SOURCE_POLICY/);
  });
});

describe('registered-sources policy', () => {
  it('does not let two unregistered outlets corroborate a claim, nor a third dispute it; shows them as unvetted', async () => {
    const id = await submit('The Port Aldren harbour was sold to a private company in May 2025.');
    const a = await ingest({
      source: 'Aldren Truth Daily',
      url: 'https://truthdaily.example/harbour',
      text: 'The Port Aldren harbour was sold to a private company in May 2025, officials said.',
    });
    expect(a.data!.ingestReport.report).toMatchObject({
      vetted: false,
      source: { name: 'Aldren Truth Daily', registered: false },
    });
    await ingest({
      source: 'Harbour Facts Wire',
      text: 'In May 2025 a private company bought the harbour of Port Aldren from the town.',
    });
    let claim = await claimOf(id);
    expect(claim.verdict).toBe('UNVERIFIED');
    expect(claim.independentSources).toBe(0);
    expect(claim.evidence.nodes.filter((e: any) => e.stance === 'SUPPORTS')).toHaveLength(2);
    expect(claim.evidence.nodes.every((e: any) => e.vetted === false && e.report.vetted === false)).toBe(true);
    expect(claim.explanation).toMatch(/not counted/);

    await ingest({
      source: 'Totally Real News',
      text: 'The Port Aldren harbour was not sold to a private company in May 2025.',
    });
    claim = await claimOf(id);
    expect(claim.evidence.nodes.some((e: any) => e.stance === 'CONTRADICTS')).toBe(true);
    expect(claim.verdict).toBe('UNVERIFIED');
  });

  it('lets two registered outlets writing from their own domains corroborate; an unregistered contradiction does not dispute it', async () => {
    const bay = await admin(REGISTER, {
      input: { name: 'Bay Ledger', domains: ['bayledger.example'], group: 'Bay Media' },
    });
    expect(bay.data!.registerSource.source).toMatchObject({
      key: 'bay-ledger',
      registered: true,
      domains: ['bayledger.example'],
      group: 'bay-media',
      reportCount: 0,
      retiredAt: null,
    });
    await admin(REGISTER, { input: { name: 'Harbour Wire', domains: ['https://HarbourWire.example/'] } });

    const id = await submit('The Kessling tram line carried 40,000 passengers in its first week.');
    await ingest({
      source: 'Bay Ledger',
      url: 'https://news.bayledger.example/tram',
      text: 'The new Kessling tram line carried 40,000 passengers in its first week, the operator said.',
    });
    expect((await claimOf(id)).verdict).toBe('SINGLE_SOURCE');
    await ingest({
      source: 'Harbour Wire',
      url: 'https://harbourwire.example/kessling',
      text: 'In its first week the Kessling tram line had 40,000 passengers, figures showed on Friday.',
    });
    let claim = await claimOf(id);
    expect(claim).toMatchObject({ verdict: 'CORROBORATED', independentSources: 2 });
    expect(claim.evidence.nodes.every((e: any) => e.vetted)).toBe(true);

    await ingest({
      source: 'Totally Real News',
      text: 'The Kessling tram line carried 90,000 passengers in its first week.',
    });
    claim = await claimOf(id);
    expect(claim.verdict).toBe('CORROBORATED');
    expect(claim.contradictCount).toBe(0);
    expect(claim.evidence.nodes.find((e: any) => e.stance === 'CONTRADICTS')).toMatchObject({ vetted: false });

    const sources = (await admin(`{ sources { ${SOURCE_FIELDS} } }`, {})).data!.sources;
    expect(sources.find((s: any) => s.name === 'Bay Ledger')).toMatchObject({
      registered: true,
      reportCount: 1,
      group: 'bay-media',
    });
    expect(sources.find((s: any) => s.name === 'Harbour Wire')).toMatchObject({
      domains: ['harbourwire.example'],
      group: 'harbour-wire',
    });
    expect(sources.find((s: any) => s.name === 'Totally Real News')).toMatchObject({
      registered: false,
      domains: [],
      group: null,
    });
  });

  it('refuses a registered name on another domain (code and field), and does not count it without a URL', async () => {
    const id = await submit('The Brenlow bridge closed for repairs in March 2025.');
    const refused = await ingest({
      source: 'Bay Ledger',
      url: 'https://bayledger.example.evil.example/bridge',
      text: 'The Brenlow bridge closed for repairs in March 2025.',
    });
    expect(errorOf(refused)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(errorOf(refused)?.message).toMatch(/not a domain of the registered source "Bay Ledger"/);
    const batch = await api.gql(
      'mutation($input: IngestReportsInput!) { ingestReports(input: $input) { reports { id } } }',
      {
        input: {
          reports: [
            {
              source: 'Harbour Wire',
              url: 'https://harbourwire.example/bridge',
              text: 'The Brenlow bridge closed in March 2025.',
            },
            { source: 'Bay Ledger', url: 'https://elsewhere.example/b', text: 'The Brenlow bridge closed.' },
          ],
        },
      },
      ADMIN,
    );
    expect(errorOf(batch)?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reports[1].url' });

    const noUrl = await ingest({
      source: 'Bay Ledger',
      text: 'The Brenlow bridge closed for repairs in March 2025, engineers said.',
    });
    expect(noUrl.data!.ingestReport.report).toMatchObject({ vetted: false, source: { registered: true } });
    const claim = await claimOf(id);
    expect(claim.verdict).toBe('UNVERIFIED');
    expect(claim.evidence.nodes.find((e: any) => e.stance === 'SUPPORTS')).toMatchObject({ vetted: false });
  });

  it('counts two registered outlets of one group once, and re-counts when a source moves group or retires', async () => {
    await admin(REGISTER, { input: { name: 'North Daily', domains: ['northdaily.example'], group: 'North Media' } });
    await admin(REGISTER, {
      input: { name: 'North Evening', domains: ['northevening.example'], group: 'North Media' },
    });
    const id = await submit('The Tarrow valley hut collapsed under heavy snow on Sunday.');
    await ingest({
      source: 'North Daily',
      url: 'https://northdaily.example/hut',
      text: 'The Tarrow valley hut collapsed under heavy snow on Sunday, wardens said.',
    });
    await ingest({
      source: 'North Evening',
      url: 'https://northevening.example/hut',
      text: 'Heavy snow made the Tarrow valley hut collapse on Sunday; seven hikers were rescued.',
    });
    expect(await claimOf(id)).toMatchObject({ verdict: 'SINGLE_SOURCE', independentSources: 1, supportCount: 2 });

    const moved = await admin(UPDATE, { input: { name: 'North Evening', group: 'Evening Press' } });
    expect(moved.data!.updateSource.source).toMatchObject({ group: 'evening-press' });
    expect(await claimOf(id)).toMatchObject({ verdict: 'CORROBORATED', independentSources: 2 });

    const retired = await admin(RETIRE, { input: { name: 'North Evening' } });
    expect(retired.data!.retireSource.source).toMatchObject({ registered: false });
    expect(retired.data!.retireSource.source.retiredAt).toBeTruthy();
    expect(await claimOf(id)).toMatchObject({ verdict: 'SINGLE_SOURCE', independentSources: 1 });
    // Registered again, it counts again.
    await admin(REGISTER, { input: { name: 'North Evening', domains: ['northevening.example'] } });
    expect(await claimOf(id)).toMatchObject({ verdict: 'CORROBORATED', independentSources: 2 });
  });

  it('keeps the registry to admin keys and refuses bad input naming the field', async () => {
    const { key: writer } = await createApiKey(api.rt.store, 'writer');
    expect(
      errorOf(await api.gql(REGISTER, { input: { name: 'Sneaky Post', domains: ['sneaky.example'] } }, writer))
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      errorOf(await api.gql(REGISTER, { input: { name: 'Sneaky Post', domains: ['sneaky.example'] } }))?.extensions
        ?.code,
    ).toBe('UNAUTHENTICATED');
    expect(
      errorOf(await admin(REGISTER, { input: { name: 'Odd Post', domains: ['not a domain'] } }))?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.domains[0]' });
    expect(errorOf(await admin(REGISTER, { input: { name: 'Odd Post', domains: [] } }))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.domains',
    });
    expect(
      errorOf(await admin(REGISTER, { input: { name: 'Bay Ledger', domains: ['bayledger.example'] } }))?.extensions,
    ).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    expect(
      errorOf(await admin(UPDATE, { input: { name: 'Nobody Registered', group: 'X' } }))?.extensions,
    ).toMatchObject({ code: 'NOT_FOUND', field: 'input.name' });
    expect(errorOf(await admin(UPDATE, { input: { name: 'Bay Ledger' } }))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input',
    });
    expect(errorOf(await admin(RETIRE, { input: { name: '  ' } }))?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
    });
    expect((await admin(`{ source(name: "bay ledger") { name registered } }`, {})).data!.source).toEqual({
      name: 'Bay Ledger',
      registered: true,
    });
  });
});

describe('keys bound to sources', () => {
  it('lets a writer key ingest for its sources only: another source is FORBIDDEN, in a batch and on delete too', async () => {
    const { key } = await createApiKey(api.rt.store, 'writer', new Date(), { sources: ['Bay Ledger'] });
    const own = await ingest(
      {
        source: 'bay ledger',
        url: 'https://bayledger.example/market',
        text: 'The Port Aldren fish market opened on the quay in June 2025.',
      },
      key,
    );
    expect(own.data!.ingestReport.report.vetted).toBe(true);
    const other = await ingest(
      {
        source: 'Harbour Wire',
        url: 'https://harbourwire.example/market',
        text: 'The Port Aldren fish market opened in June 2025.',
      },
      key,
    );
    expect(errorOf(other)?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.source' });
    const batch = await api.gql(
      'mutation($input: IngestReportsInput!) { ingestReports(input: $input) { reports { id } } }',
      {
        input: {
          reports: [
            { source: 'Bay Ledger', text: 'The market sells fish.' },
            { source: 'Aldren Truth Daily', text: 'The market sells fish.' },
          ],
        },
      },
      key,
    );
    expect(errorOf(batch)?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.reports[1].source' });
    const foreign = await ingest({
      source: 'Harbour Wire',
      url: 'https://harbourwire.example/quay',
      text: 'The quay at Port Aldren was repaved in June 2025.',
    });
    const del = await api.gql(
      'mutation($id: ID!) { deleteReport(id: $id) { deletedReportId } }',
      { id: foreign.data!.ingestReport.report.id },
      key,
    );
    expect(errorOf(del)?.extensions).toMatchObject({ code: 'FORBIDDEN', field: 'id' });
    expect(
      errorOf(await api.gql(SUBMIT, { text: 'The quay at Port Aldren was repaved in June 2025.' }, key)),
    ).toBeUndefined();
  });

  it('is created by `npm run keys -- create --role writer --sources "Bay Ledger"`', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fc-keys-'));
    const run = (...args: string[]) =>
      spawnSync('npx', ['tsx', 'lib/cli/keys.ts', ...args], {
        encoding: 'utf8',
        env: { ...process.env, NODE_NO_WARNINGS: '1', DATA_DIR: dataDir, SEED_DEMO: 'false' },
      });
    const created = run('create', '--role', 'writer', '--sources', 'Bay Ledger');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/created writer key \w+ for sources bay-ledger/);
    expect(run('list').stdout).toMatch(/writer\s+created .* sources bay-ledger/);
  });

  it('binds only writer keys, to at least one source', async () => {
    await expect(createApiKey(api.rt.store, 'admin', new Date(), { sources: ['Bay Ledger'] })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'sources',
    });
    await expect(createApiKey(api.rt.store, 'writer', new Date(), { sources: [] })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'sources',
    });
  });
});
