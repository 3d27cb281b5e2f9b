// Pothos configuration only. Types live in types/*.ts, one file per type with its
// own queries and mutations.
import SchemaBuilder from '@pothos/core';
import type { Context } from './context.js';

export interface BuilderTypes {
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    JSON: { Input: unknown; Output: unknown };
    DateTime: { Input: string; Output: string };
  };
}

export type Types = PothosSchemaTypes.ExtendDefaultTypes<BuilderTypes>;

export const builder = new SchemaBuilder<BuilderTypes>({
  defaultFieldNullability: false,
});

builder.queryType({});
builder.mutationType({});
builder.subscriptionType({});
