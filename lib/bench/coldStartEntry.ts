// What the resource measurement bundles: the Lambda's GraphQL entry point plus a call that loads every
// engine asset, so one cold process shows the code's start and the assets' load side by side.
import { wordVector } from '../domain/resources/vectors.js';
import { lemmatize } from '../domain/resources/wordnet.js';

export { handler } from '../../functions/graphql.js';

export function loadEngineAssets(): void {
  wordVector('minister');
  lemmatize('resigned');
}
