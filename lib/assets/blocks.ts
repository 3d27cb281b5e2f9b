// Writes the block files lib/domain/resources/blocks.ts reads: the text cut at line ends into blocks of about
// BLOCK_BYTES (and at every offset in `cuts`, so a section starts a block), each raw-deflated alone at level 9,
// behind a JSON index of where each block starts and its first key. Same text, same bytes.
import { deflateRawSync } from 'node:zlib';
import { BLOCKS_MAGIC, BLOCKS_VERSION, type BlocksIndex } from '../domain/resources/blocks.js';

/** Small enough that a lookup inflates little, large enough that deflate's 32 KB window is used. */
export const BLOCK_BYTES = 32 * 1024;

export function encodeBlocks(text: Buffer, cuts: readonly number[] = [], blockBytes = BLOCK_BYTES): Buffer {
  const cutSet = [...new Set(cuts)].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b);
  const starts: number[] = [0];
  for (let at = 0, nextCut = 0; at < text.length; ) {
    while (nextCut < cutSet.length && cutSet[nextCut]! <= at) nextCut++;
    const cut = cutSet[nextCut] ?? text.length;
    let end = Math.min(at + blockBytes, text.length);
    if (end < cut) {
      // End the block at the end of the line it reaches into.
      const newline = text.indexOf(10, end - 1);
      end = newline < 0 ? text.length : newline + 1;
    }
    end = Math.min(end, cut);
    starts.push(end);
    at = end;
  }
  if (starts.length === 1) starts.push(0);
  const blocks = starts.slice(0, -1).map((s, i) => deflateRawSync(text.subarray(s, starts[i + 1]), { level: 9 }));
  const offsets = [0];
  for (const b of blocks) offsets.push(offsets[offsets.length - 1]! + b.length);
  const keys = starts.slice(0, -1).map((s) => {
    const end = text.indexOf(10, s);
    const line = text.toString('utf8', s, end < 0 ? text.length : end);
    const tab = line.indexOf('\t');
    return tab < 0 ? line : line.slice(0, tab);
  });
  const index: BlocksIndex = { starts, offsets, keys };
  const json = Buffer.from(JSON.stringify(index), 'utf8');
  const head = Buffer.alloc(12);
  head.write(BLOCKS_MAGIC, 0, 'latin1');
  head.writeUInt32LE(BLOCKS_VERSION, 4);
  head.writeUInt32LE(json.length, 8);
  return Buffer.concat([head, json, ...blocks]);
}
