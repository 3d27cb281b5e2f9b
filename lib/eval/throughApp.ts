// The held-out FNC-1 split run through the app as the API would: the held-out bodies ingested as reports (one
// source each), every held-out headline submitted as a claim, and a pair's stance read from the claim's cited
// evidence (SUPPORTS -> agree, CONTRADICTS -> disagree, MENTIONS -> discuss, not cited -> unrelated). It measures
// whatever judgeClaim does at the time.
import type { App } from '../app/types.js';
import { loadConfig } from '../config.js';
import { LIMITS } from '../app/limits.js';
import { createRuntime } from '../runtime.js';
import { startEmbeddedDynamo } from '../store/embedded.js';
import type { Stance } from '../domain/types.js';
import type { FncData, FncPair } from '../train/fnc1.js';

const STANCE_TO_CLASS: Record<Stance, number> = { SUPPORTS: 0, CONTRADICTS: 1, MENTIONS: 2 };
const UNRELATED = 3;

export async function predictThroughApp(
  data: FncData,
  pairs: FncPair[],
  progress: (line: string) => void = () => {},
): Promise<number[]> {
  const embedded = await startEmbeddedDynamo();
  const runtime = await createRuntime({
    ...loadConfig({}),
    dynamoEndpoint: embedded.endpoint,
    tableName: 'fnc-held-out',
  });
  try {
    const app: App = runtime.app;
    const bodyIds = [...new Set(pairs.map((p) => p.bodyId))].sort((a, b) => a - b);
    const reportOf = new Map<number, string>();
    for (let i = 0; i < bodyIds.length; i += LIMITS.reportsPerBatch) {
      const batch = bodyIds.slice(i, i + LIMITS.reportsPerBatch);
      const results = await app.ingestReports(
        batch.map((id) => ({ source: `fnc-body-${id}`, text: data.bodies.get(id)! })),
      );
      for (const [j, r] of results.entries()) reportOf.set(batch[j]!, r.report.id);
      progress(`ingested ${Math.min(i + batch.length, bodyIds.length)}/${bodyIds.length} bodies`);
    }
    const headlines = [...new Set(pairs.map((p) => p.headline))];
    const cited = new Map<string, Map<string, Stance>>();
    let done = 0;
    for (const headline of headlines) {
      const { claim } = await app.submitClaim({ text: headline });
      const evidence = await app.listEvidence(claim.id, { first: 100 });
      cited.set(headline, new Map(evidence.edges.map((e) => [e.node.reportId, e.node.stance])));
      if (++done % 50 === 0) progress(`judged ${done}/${headlines.length} headlines`);
    }
    return pairs.map((p) => {
      const stance = cited.get(p.headline)?.get(reportOf.get(p.bodyId) ?? '');
      return stance === undefined ? UNRELATED : STANCE_TO_CLASS[stance];
    });
  } finally {
    await runtime.close();
    await embedded.close();
  }
}
