import { describe, expect, it } from 'vitest';
import { predictThroughApp } from '../../lib/eval/throughApp.js';
import type { FncData, FncPair } from '../../lib/train/fnc1.js';

// Invented bodies and headlines, run through the app on the embedded store as the held-out split is.
const data: FncData = {
  bodies: new Map([
    [
      1,
      'The Fenwick Bridge was closed to traffic on Monday after engineers found cracks in its main span. Drivers were sent on a long detour through the town centre.',
    ],
    [2, 'A new bakery opened on the high street this week. Its owner said the sourdough sold out within hours.'],
  ]),
  pairs: [],
};
const pairs: FncPair[] = [
  { headline: 'The Fenwick Bridge was closed to traffic on Monday', bodyId: 1, stance: 'agree' },
  { headline: 'The Fenwick Bridge was closed to traffic on Monday', bodyId: 2, stance: 'unrelated' },
];

describe('predictThroughApp', () => {
  it("reads each pair's stance from the claim's cited evidence", async () => {
    const predicted = await predictThroughApp(data, pairs);
    expect(predicted).toHaveLength(2);
    expect(predicted[0]).not.toBe(3);
    expect(predicted[1]).toBe(3);
  });
});
