import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fncAvailable, loadFnc } from '../../lib/train/fnc1.js';

describe('loadFnc', () => {
  it('reads bodies with quotes and newlines and the labelled pairs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fnc-'));
    writeFileSync(
      join(dir, 'train_bodies.csv'),
      'Body ID,articleBody\n1,"A ""quoted"" word,\nthen a new line."\n2,Plain body.\n',
    );
    writeFileSync(
      join(dir, 'train_stances.csv'),
      'Headline,Body ID,Stance\n"Cats, dogs agree",1,agree\nSomething else,2,unrelated\n',
    );
    expect(fncAvailable(dir)).toBe(true);
    const data = loadFnc(dir);
    expect(data.bodies.get(1)).toBe('A "quoted" word,\nthen a new line.');
    expect(data.pairs).toEqual([
      { headline: 'Cats, dogs agree', bodyId: 1, stance: 'agree' },
      { headline: 'Something else', bodyId: 2, stance: 'unrelated' },
    ]);
  });

  it('names the bad stance or the missing body', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fnc-'));
    writeFileSync(join(dir, 'train_bodies.csv'), 'Body ID,articleBody\n1,Body.\n');
    writeFileSync(join(dir, 'train_stances.csv'), 'Headline,Body ID,Stance\nH,1,maybe\n');
    expect(() => loadFnc(dir)).toThrow(/unknown stance "maybe"/);
    writeFileSync(join(dir, 'train_stances.csv'), 'Headline,Body ID,Stance\nH,9,agree\n');
    expect(() => loadFnc(dir)).toThrow(/body 9/);
    expect(fncAvailable(join(dir, 'nowhere'))).toBe(false);
  });
});
