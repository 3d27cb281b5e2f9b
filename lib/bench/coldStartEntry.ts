// What the resource measurement bundles: the Lambda's GraphQL entry point plus a call that loads every
// engine asset, so one cold process shows the code's start and the assets' load side by side.
import { loadVerdictCalibration } from '../domain/calibration.js';
import { clauseOf } from '../domain/clause.js';
import { placeContains } from '../domain/resources/gazetteer.js';
import { wordVector } from '../domain/resources/vectors.js';
import { lemmatize } from '../domain/resources/wordnet.js';
import { loadStanceModel } from '../domain/stance/model.js';

export { handler } from '../../functions/graphql.js';

/** The first use of each asset, in the order the engine meets them; returns each one's wall and CPU milliseconds. */
export function loadEngineAssets(): Record<string, { ms: number; cpuMs: number }> {
  const out: Record<string, { ms: number; cpuMs: number }> = {};
  const round = (x: number) => Math.round(x * 10) / 10;
  const time = (name: string, use: () => unknown) => {
    const started = performance.now();
    const cpu = process.cpuUsage();
    use();
    const used = process.cpuUsage(cpu);
    out[name] = { ms: round(performance.now() - started), cpuMs: round((used.user + used.system) / 1000) };
  };
  time('wordnet', () => lemmatize('resigned'));
  time('vectors', () => wordVector('minister'));
  time('stanceModel', () => loadStanceModel());
  time('verdictCalibration', () => loadVerdictCalibration());
  time('tagger', () => clauseOf('The council closed the bridge on Monday.'));
  time('gazetteer', () => placeContains('California', 'Healdsburg'));
  return out;
}
