// The documentation as tests read it: the markdown files a user sees, their GraphQL examples and their links.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');

/** README.md and every docs/*.md, as paths relative to the repository root. */
export function documentationFiles(): string[] {
  const docs = readdirSync(join(repoRoot, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort();
  return ['README.md', ...docs.map((f) => `docs/${f}`)];
}

export interface GraphQLExample {
  /** 1-based line of the opening fence, for the test name */
  line: number;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Every ```graphql block, in order. A ```json variables block right after one holds its variables,
 * so an example can show variables the way a client sends them.
 */
export function graphqlExamples(markdown: string): GraphQLExample[] {
  const fence =
    /^```graphql[^\S\n]*\n([\s\S]*?)^```[^\S\n]*$(?:\s*^```json variables[^\S\n]*\n([\s\S]*?)^```[^\S\n]*$)?/gm;
  return [...markdown.matchAll(fence)].map((m) => ({
    line: markdown.slice(0, m.index).split('\n').length,
    query: m[1]!,
    variables: m[2] ? (JSON.parse(m[2]) as Record<string, unknown>) : {},
  }));
}

/** Link targets of inline markdown links, outside code blocks and code spans. */
export function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```[^\S\n]*$/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!);
}
