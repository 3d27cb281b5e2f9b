// What the resource measurement bundles: the Lambda's GraphQL entry point plus a call that loads every
// engine asset, so one cold process shows the code's start and the assets' load side by side.
import { loadVerdictCalibration } from '../domain/calibration.js';
import { clauseOf } from '../domain/clause.js';
import { placeContains } from '../domain/resources/gazetteer.js';
import { wordVector } from '../domain/resources/vectors.js';
import { lemmatize } from '../domain/resources/wordnet.js';
import { loadStanceModel } from '../domain/stance/model.js';

export { handler } from '../../functions/graphql.js';

export function loadEngineAssets(): void {
  wordVector('minister');
  lemmatize('resigned');
  loadStanceModel();
  loadVerdictCalibration();
  clauseOf('The council closed the bridge on Monday.');
  placeContains('California', 'Healdsburg');
}
