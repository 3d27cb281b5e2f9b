// The layers point one way (docs/architecture in README): the domain is pure, and the store implements
// the app's port without reaching into the rest of the app.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

const sourcesUnder = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));

/** Every relative import of a module, as a repository path (lib/app/ports.ts). */
const importsOf = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) =>
    relative(root, resolve(root, file, '..', m[1]!)).replace(/\.js$/, '.ts'),
  );

const violations = (dir: string, allowed: (target: string) => boolean): string[] =>
  sourcesUnder(dir).flatMap((file) =>
    importsOf(file)
      .filter((target) => !allowed(target))
      .map((target) => `${file} -> ${target}`),
  );

describe('layers', () => {
  it('lib/store imports nothing from lib/app except the port it implements', () => {
    expect(violations('lib/store', (t) => !t.startsWith('lib/app/') || t === 'lib/app/ports.ts')).toEqual([]);
  });

  it('lib/domain imports only the domain and the shared errors', () => {
    expect(violations('lib/domain', (t) => t.startsWith('lib/domain/') || t === 'lib/errors.ts')).toEqual([]);
  });

  it('lib/app never reaches the store implementation, GraphQL or HTTP', () => {
    expect(violations('lib/app', (t) => !/^lib\/(store|graphql|http)\//.test(t))).toEqual([]);
  });
});
