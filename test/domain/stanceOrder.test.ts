// One stance order for the engine, the store's evidence keys, the API and the dashboard.
import { describe, expect, it } from 'vitest';
import { STANCE_ORDER, STANCES, stanceRank } from '../../lib/domain/index.js';
import { keys } from '../../lib/store/keys.js';

describe('STANCE_ORDER', () => {
  it('ranks every stance, contradictions first', () => {
    expect([...STANCE_ORDER].sort()).toEqual([...STANCES].sort());
    expect(STANCES.map((s) => [s, stanceRank(s)])).toEqual([
      ['SUPPORTS', 1],
      ['CONTRADICTS', 0],
      ['MENTIONS', 2],
    ]);
  });

  it('keeps the ranks that stored evidence keys already carry', () => {
    // Evidence written before this constant existed sorts CONTRADICTS (0), SUPPORTS (1), MENTIONS (2) under its version.
    expect(keys.evidence('clm_x', 3, stanceRank('SUPPORTS'), 7).SK).toBe('EV#00000003#1#0007');
  });
});
