// Every GraphQL example in README.md and docs/*.md runs, in the order a reader meets it, against the app
// on the embedded store with the demo data, as a deployed client would call it (a writer key from the
// table, the way `npm run keys` makes one). Any GraphQL error, a refusal by the query limits included,
// fails the example. A block whose first line is `# as: admin` runs with an admin key. A subscription cannot
// finish without an event, so it is validated against the schema here; its delivery over SSE is tested in
// test/graphql/webhooks.test.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../../lib/app/apiKeys.js';
import { seedDemo } from '../../lib/demo/seed.js';
import { schema } from '../../lib/graphql/schema.js';
import { createTestApi } from '../support/graphql.js';
import { documentationFiles, graphqlExamples, repoRoot } from '../support/markdown.js';

const files = documentationFiles().map((file) => ({
  file,
  examples: graphqlExamples(readFileSync(join(repoRoot, file), 'utf8')),
}));

it('the README has GraphQL examples to run', () => {
  expect(files.find((f) => f.file === 'README.md')!.examples.length).toBeGreaterThanOrEqual(3);
});

for (const { file, examples } of files.filter((f) => f.examples.length > 0)) {
  describe(file, () => {
    let api: Awaited<ReturnType<typeof createTestApi>>;
    const keys: Record<string, string> = {};
    beforeAll(async () => {
      api = await createTestApi({ KEYS_IN_TABLE: 'true' });
      await seedDemo(api.rt.app);
      for (const role of ['writer', 'admin']) keys[role] = (await createApiKey(api.rt.store, role)).key;
    });
    afterAll(async () => api.rt.close());

    for (const example of examples) {
      it(`example at line ${example.line} runs without errors`, async () => {
        const document = parse(example.query);
        if (document.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'subscription')) {
          expect(validate(schema, document).map((e) => e.message)).toEqual([]);
          return;
        }
        const role = /^#\s*as:\s*admin\b/.test(example.query.trimStart()) ? 'admin' : 'writer';
        const result = await api.gql(example.query, example.variables, keys[role]);
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        expect(result.status).toBe(200);
        expect(result.data).toBeTruthy();
      });
    }
  });
}
