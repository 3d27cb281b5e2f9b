// Block files (lib/assets/blocks.ts writes, lib/domain/resources/blocks.ts reads) on invented text, with blocks
// small enough that lines, sections and keys fall on every side of a block boundary.
import { describe, expect, it } from 'vitest';
import { encodeBlocks } from '../../../lib/assets/blocks.js';
import { readBlockText } from '../../../lib/domain/resources/blocks.js';

const words = Array.from({ length: 400 }, (_, i) => `w${String(i).padStart(3, '0')}${i % 7 === 0 ? 'é' : ''}`);
const sorted = [...words].sort();
const section = sorted.map((w, i) => `${w}\t${i}\n`).join('');
const header = '#lemmas 1\n';
const text = Buffer.from(`${header}${section}#tail\nzz\tlast\n`, 'utf8');
const from = Buffer.byteLength(header);
const to = from + Buffer.byteLength(section);

describe('block text', () => {
  const blocks = readBlockText(encodeBlocks(text, [to], 64), 'test');

  it('gives back every line by its byte offset, and nothing for an offset inside a line', () => {
    let at = 0;
    for (const line of text.toString('utf8').split('\n').slice(0, -1)) {
      expect(blocks.lineAt(at)).toBe(line);
      at += Buffer.byteLength(line) + 1;
    }
    expect(blocks.lineAt(1)).toBeUndefined();
    expect(blocks.lineAt(text.length)).toBeUndefined();
  });

  it('gives back any run of whole lines', () => {
    expect(blocks.slice(0, text.length)).toBe(text.toString('utf8'));
    expect(blocks.slice(from, to)).toBe(section);
  });

  it('finds each key of a sorted range, and no key outside it', () => {
    expect(sorted.map((w) => blocks.findKey(w, from, to))).toEqual(sorted.map((_, i) => String(i)));
    expect(blocks.findKey('w0005', from, to)).toBeUndefined();
    expect(blocks.findKey('zz', from, to)).toBeUndefined();
    expect(blocks.findKey('#lemmas 1', from, to)).toBeUndefined();
  });

  it('refuses a file that is not a block file', () => {
    expect(() => readBlockText(Buffer.from('not blocks at all'), 'x.bin')).toThrow(
      /x\.bin: not a version 1 block file/,
    );
  });
});
