// Query-shape limits, each refused with its own code, the limit and what was found:
// tokens (QUERY_TOO_LONG, before parsing), depth (QUERY_TOO_DEEP), aliases
// (TOO_MANY_ALIASES, __typename included), directives (TOO_MANY_DIRECTIVES) and cost
// (QUERY_TOO_COMPLEX). Cost counts each field once per item the lists and pages above it
// may return (`first`, or the default page), so a dashboard page of 10 claims with their
// evidence runs while 100 claims x 100 evidence items does not.
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LIMITS } from '../app/limits.js';

export const QUERY_LIMITS = {
  maxTokens: 2_000,
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxCost: 5_000,
} as const;

/** Items a list without `first` is counted as: what it holds in practice (the store caps each). */
const LIST_WEIGHTS: Record<string, number> = { verdictHistory: 20, sources: 100, matched: 5, conflicting: 5 };
const DEFAULT_LIST_WEIGHT = 10;

const refusal = (code: string, limit: keyof typeof QUERY_LIMITS, found: number, what: string): GraphQLError =>
  new GraphQLError(`${what} ${found} is over the limit of ${QUERY_LIMITS[limit]} (${limit}).`, {
    extensions: { code, limit, max: QUERY_LIMITS[limit], found },
  });

const tooLong = (): GraphQLError =>
  new GraphQLError(`The query has more than ${QUERY_LIMITS.maxTokens} tokens, the limit (maxTokens).`, {
    extensions: { code: 'QUERY_TOO_LONG', limit: 'maxTokens', max: QUERY_LIMITS.maxTokens },
  });

function countTokens(source: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(source));
  let n = 0;
  // A lexing error is left for the parser to report as a syntax error.
  try {
    while (lexer.advance().kind !== TokenKind.EOF && n <= stopAfter) n++;
  } catch {
    return n;
  }
  return n;
}

export interface QueryShape {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

/** The shape of the operation that will run, with the variables it runs with. */
export function shapeOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string | null,
): QueryShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operations.find((o) => !operationName || o.name?.value === operationName) ?? operations[0];
  const shape: QueryShape = { depth: 0, aliases: 0, directives: 0, cost: 0 };
  if (!operation) return shape;
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  shape.directives += operation.directives?.length ?? 0;

  const intValue = (node: ValueNode | undefined): number | undefined => {
    if (!node) return undefined;
    if (node.kind === Kind.INT) return Number(node.value);
    if (node.kind === Kind.VARIABLE) {
      const v = variables[node.name.value];
      return typeof v === 'number' ? v : undefined;
    }
    return undefined;
  };

  const walk = (
    set: SelectionSetNode,
    parent: GraphQLNamedType | null | undefined,
    multiplier: number,
    depth: number,
    seen: Set<string>,
  ) => {
    shape.depth = Math.max(shape.depth, depth);
    for (const sel of set.selections) {
      shape.directives += sel.directives?.length ?? 0;
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(sel.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        shape.directives += fragment.directives?.length ?? 0;
        walk(
          fragment.selectionSet,
          schema.getType(fragment.typeCondition.name.value),
          multiplier,
          depth,
          new Set([...seen, fragment.name.value]),
        );
        continue;
      }
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(
          sel.selectionSet,
          sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent,
          multiplier,
          depth,
          seen,
        );
        continue;
      }
      if (sel.alias) shape.aliases++;
      const name = sel.name.value;
      shape.cost += multiplier;
      // Introspection (on locally, for GraphiQL) is bounded by the schema, not by the data.
      if (name.startsWith('__')) continue;
      const def = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
      if (!def || !sel.selectionSet) continue;
      const type = getNamedType(def.type);
      const first = intValue(sel.arguments?.find((a) => a.name.value === 'first')?.value);
      let m = multiplier;
      if (first !== undefined) m *= Math.min(Math.max(first, 1), LIMITS.pageSizeMax);
      else if (type.name.endsWith('Connection')) m *= LIMITS.pageSizeDefault;
      else if (isListType(getNullableType(def.type)) && name !== 'edges' && name !== 'nodes')
        m *= LIST_WEIGHTS[name] ?? DEFAULT_LIST_WEIGHT;
      walk(sel.selectionSet, type, m, depth + 1, seen);
    }
  };
  walk(operation.selectionSet, root, 1, 0, new Set());
  return shape;
}

export function queryLimits(): Plugin {
  return {
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        const text = typeof source === 'string' ? source : source.body;
        const tokens = countTokens(text, QUERY_LIMITS.maxTokens);
        if (tokens > QUERY_LIMITS.maxTokens) throw tooLong();
        return parseFn(source, options);
      });
    },
    onExecute({ args, setResultAndStopExecution }) {
      const shape = shapeOf(
        args.schema,
        args.document,
        (args.variableValues ?? {}) as Record<string, unknown>,
        args.operationName,
      );
      const errors: GraphQLError[] = [];
      if (shape.depth > QUERY_LIMITS.maxDepth)
        errors.push(refusal('QUERY_TOO_DEEP', 'maxDepth', shape.depth, 'Query depth'));
      if (shape.aliases > QUERY_LIMITS.maxAliases)
        errors.push(refusal('TOO_MANY_ALIASES', 'maxAliases', shape.aliases, 'Alias count'));
      if (shape.directives > QUERY_LIMITS.maxDirectives)
        errors.push(refusal('TOO_MANY_DIRECTIVES', 'maxDirectives', shape.directives, 'Directive count'));
      if (shape.cost > QUERY_LIMITS.maxCost)
        errors.push(refusal('QUERY_TOO_COMPLEX', 'maxCost', shape.cost, 'Query cost'));
      if (errors.length > 0) setResultAndStopExecution({ errors });
    },
  };
}
