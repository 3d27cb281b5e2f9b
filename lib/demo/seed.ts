// Load the demo data into an empty store (first start of `npm start`).
import type { App } from '../app/types.js';
import { demoClaims, demoReports } from './data.js';

export async function seedDemo(app: App): Promise<{ seeded: boolean }> {
  const existing = await app.listClaims({ first: 1 });
  if (existing.edges.length > 0) return { seeded: false };
  await app.ingestReports(demoReports);
  for (const text of demoClaims) await app.submitClaim({ text });
  return { seeded: true };
}
