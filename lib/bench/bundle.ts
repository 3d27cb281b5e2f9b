// The Lambda bundle as the stack builds it (esbuild options mirror infra/stack.ts).
import { build } from 'esbuild';

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
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    outfile,
    logLevel: 'silent',
  });
}
