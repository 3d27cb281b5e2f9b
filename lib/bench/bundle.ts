// The Lambda bundle as the stack builds it (esbuild options mirror infra/stack.ts).
import { build } from 'esbuild';
import { engineCodeDigest } from '../engineVersion.js';

export async function buildLambdaBundle(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    minify: true,
    mainFields: ['module', 'main'],
    external: ['dynalite', '@graphql-yoga/render-graphiql'],
    define: { __ENGINE_CODE_DIGEST__: JSON.stringify(engineCodeDigest()) },
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    outfile,
    logLevel: 'silent',
  });
}
