// `npm run schema` writes schema/schema.graphql; `--check` fails when it drifts.
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from '../graphql/schema.js';

export const SCHEMA_FILE = new URL('../../schema/schema.graphql', import.meta.url);
export const printedSchema = (): string => `${printSchema(lexicographicSortSchema(schema))}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    // missing file counts as drift
  }
  if (current !== printedSchema()) {
    console.error('schema/schema.graphql is out of date with the code: run `npm run schema` and commit it.');
    process.exit(1);
  }
  console.log('schema/schema.graphql matches the code.');
} else {
  writeFileSync(SCHEMA_FILE, printedSchema());
  console.log('wrote schema/schema.graphql');
}
