// Text assets read a block at a time: the text (sorted lines, or lines found by byte offset) is cut at line ends
// into blocks of about 32 KB, each deflated alone (lib/assets/blocks.ts writes them). First use reads a small
// index; a lookup inflates only the block it lands in, once. Gunzipping a whole 9 MB text up front was most of
// a cold start's asset time; this costs well under a millisecond per block a lookup reaches.
import { inflateRawSync } from 'node:zlib';

export const BLOCKS_MAGIC = 'BLKZ';
export const BLOCKS_VERSION = 1;

/** The JSON index after the magic: where each block starts, uncompressed and compressed, and its first key. */
export interface BlocksIndex {
  /** uncompressed start of each block, then the text's length */
  starts: number[];
  /** compressed start of each block within the data that follows the index, then the data's length */
  offsets: number[];
  /** each block's first line up to its first tab (the key sorted lines are searched by) */
  keys: string[];
}

interface Block {
  bytes: Buffer;
  /** decoded text and where each non-empty line starts in it, made when a key search first reaches the block */
  text?: string;
  lines?: Int32Array;
}

export interface BlockText {
  /** the uncompressed text's length in bytes */
  length: number;
  /** The line starting at this byte offset, without its newline; undefined when no line starts there. */
  lineAt(offset: number): string | undefined;
  /** The text between two byte offsets that are line starts (or the end). */
  slice(from: number, to: number): string;
  /**
   * In sorted lines between byte offsets [from, to), the rest of the line (after its tab) whose key is `key`.
   * The lines must be sorted by key in string order, and from/to must be line starts.
   */
  findKey(key: string, from?: number, to?: number): string | undefined;
}

export function readBlockText(bytes: Buffer, name: string): BlockText {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== BLOCKS_MAGIC || bytes.readUInt32LE(4) !== BLOCKS_VERSION)
    throw new Error(`${name}: not a version ${BLOCKS_VERSION} block file (run npm run assets)`);
  const indexBytes = bytes.readUInt32LE(8);
  const index = JSON.parse(bytes.toString('utf8', 12, 12 + indexBytes)) as BlocksIndex;
  const data = 12 + indexBytes;
  const { starts, offsets, keys } = index;
  const count = keys.length;
  const length = starts[count]!;
  const blocks: Array<Block | undefined> = new Array(count);

  const block = (i: number): Block => {
    let b = blocks[i];
    if (!b) {
      b = { bytes: inflateRawSync(bytes.subarray(data + offsets[i]!, data + offsets[i + 1]!)) };
      if (b.bytes.length !== starts[i + 1]! - starts[i]!) throw new Error(`${name}: block ${i} is damaged`);
      blocks[i] = b;
    }
    return b;
  };
  /** The block holding the byte offset: the last whose start is at or before it. */
  const blockAt = (offset: number): number => {
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const linesOf = (b: Block): { text: string; lines: Int32Array } => {
    if (b.text === undefined || b.lines === undefined) {
      const text = b.bytes.toString('utf8');
      const lines: number[] = [];
      for (let at = 0; at < text.length; ) {
        const end = text.indexOf('\n', at);
        if (end !== at) lines.push(at);
        if (end < 0) break;
        at = end + 1;
      }
      b.text = text;
      b.lines = Int32Array.from(lines);
    }
    return { text: b.text, lines: b.lines };
  };

  return {
    length,
    lineAt(offset) {
      if (!Number.isInteger(offset) || offset < 0 || offset >= length) return undefined;
      const i = blockAt(offset);
      const { bytes: text } = block(i);
      const at = offset - starts[i]!;
      if (at > 0 && text[at - 1] !== 10) return undefined;
      const end = text.indexOf(10, at);
      return text.toString('utf8', at, end < 0 ? text.length : end);
    },
    slice(from, to) {
      const parts: Buffer[] = [];
      for (let i = blockAt(from); i < count && starts[i]! < to; i++) {
        const b = block(i).bytes;
        parts.push(b.subarray(Math.max(0, from - starts[i]!), Math.min(b.length, to - starts[i]!)));
      }
      return Buffer.concat(parts).toString('utf8');
    },
    findKey(key, from = 0, to = length) {
      // The block: among those the range covers, the last whose first key is at or before the key (the
      // range's first block may begin before `from`, so it is always a candidate).
      const first = blockAt(from);
      let lo = first;
      let hi = blockAt(Math.max(from, to - 1));
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (keys[mid]! <= key) lo = mid;
        else hi = mid - 1;
      }
      const { text, lines } = linesOf(block(lo));
      // Lines of this block inside [from, to), as character positions: the block is decoded as one string.
      const startByte = starts[lo]!;
      const lineFrom = from > startByte ? lowerBound(lines, textIndexOfByte(block(lo).bytes, from - startByte)) : 0;
      const lineTo =
        to < starts[lo + 1]! ? lowerBound(lines, textIndexOfByte(block(lo).bytes, to - startByte)) : lines.length;
      let a = lineFrom;
      let b = lineTo - 1;
      while (a <= b) {
        const mid = (a + b) >> 1;
        const start = lines[mid]!;
        const tab = text.indexOf('\t', start);
        const end = text.indexOf('\n', start);
        const lineEnd = end < 0 ? text.length : end;
        const at = text.slice(start, tab < 0 || tab > lineEnd ? lineEnd : tab);
        if (at === key) return tab < 0 || tab > lineEnd ? '' : text.slice(tab + 1, lineEnd);
        if (at < key) a = mid + 1;
        else b = mid - 1;
      }
      return undefined;
    },
  };
}

/** The number of UTF-16 code units the first `byte` bytes of UTF-8 decode to. */
function textIndexOfByte(bytes: Buffer, byte: number): number {
  return bytes.toString('utf8', 0, byte).length;
}

/** The first index whose value is at least `value`, in ascending values. */
function lowerBound(values: Int32Array, value: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
