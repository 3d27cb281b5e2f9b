// The train and dev examples of one feature space kept in a file, so a model over the same inputs (boosted trees,
// a blend) can be refitted in seconds instead of recomputing ~22,000 pairs' features. The file says which space
// and which dense features it holds; a cache of other features is refused, never silently read.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DENSE_FEATURES, type FeatureSpace } from '../domain/stance/features.js';
import type { Example } from './dataset.js';

const MAGIC = 'STFC1';

/** What the examples were computed with: the dense features' names and the vocabulary and IDF. */
export function spaceKey(space: FeatureSpace): string {
  const h = createHash('sha256');
  h.update(DENSE_FEATURES.map(([n]) => n).join(','));
  h.update([...space.vocab.entries()].map(([t, i]) => `${t}:${i}`).join(','));
  h.update(Buffer.from(space.idf.buffer, space.idf.byteOffset, space.idf.byteLength));
  h.update(String(space.idfUnknown));
  return h.digest('hex');
}

function encode(examples: readonly Example[]): Buffer[] {
  const D = DENSE_FEATURES.length;
  const labels = Int32Array.from(examples, (e) => e.label);
  const dense = new Float64Array(examples.length * D);
  const lengths = Int32Array.from(examples, (e) => e.features.sparseIndex.length);
  const total = lengths.reduce((s, n) => s + n, 0);
  const index = new Int32Array(total);
  const value = new Float64Array(total);
  let at = 0;
  examples.forEach((e, i) => {
    dense.set(e.features.dense, i * D);
    index.set(e.features.sparseIndex, at);
    value.set(e.features.sparseValue, at);
    at += e.features.sparseIndex.length;
  });
  return [labels, dense, lengths, index, value].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
}

function decode(parts: Buffer[]): Example[] {
  const D = DENSE_FEATURES.length;
  const view = <T>(b: Buffer, Kind: { new (buf: ArrayBuffer): T }): T =>
    new Kind(Uint8Array.from(b).buffer as ArrayBuffer);
  const [labels, dense, lengths, index, value] = [
    view(parts[0]!, Int32Array),
    view(parts[1]!, Float64Array),
    view(parts[2]!, Int32Array),
    view(parts[3]!, Int32Array),
    view(parts[4]!, Float64Array),
  ];
  const out: Example[] = [];
  let at = 0;
  for (let i = 0; i < labels.length; i++) {
    const n = lengths[i]!;
    out.push({
      label: labels[i]!,
      features: {
        dense: dense.slice(i * D, (i + 1) * D),
        sparseIndex: Array.from(index.subarray(at, at + n)),
        sparseValue: Array.from(value.subarray(at, at + n)),
      },
    });
    at += n;
  }
  return out;
}

export interface CachedExamples {
  train: Example[];
  dev: Example[];
}

/** Writes the examples: magic, header length, JSON header (key, part lengths), then the parts. */
export function writeFeatureCache(file: string, space: FeatureSpace, sides: CachedExamples): void {
  const parts = [...encode(sides.train), ...encode(sides.dev)];
  const header = Buffer.from(
    JSON.stringify({ key: spaceKey(space), dense: DENSE_FEATURES.length, parts: parts.map((p) => p.length) }),
  );
  const head = Buffer.alloc(MAGIC.length + 4);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, MAGIC.length);
  writeFileSync(file, Buffer.concat([head, header, ...parts]));
}

/** The cached examples for this space, or undefined when there is no file; an error when it holds other features. */
export function readFeatureCache(file: string, space: FeatureSpace): CachedExamples | undefined {
  if (!existsSync(file)) return undefined;
  const bytes = readFileSync(file);
  if (bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error(`${file}: not a feature cache`);
  const length = bytes.readUInt32LE(MAGIC.length);
  const start = MAGIC.length + 4;
  const header = JSON.parse(bytes.toString('utf8', start, start + length)) as {
    key: string;
    dense: number;
    parts: number[];
  };
  if (header.key !== spaceKey(space) || header.dense !== DENSE_FEATURES.length)
    throw new Error(`${file}: computed with other features or another vocabulary; delete it to recompute`);
  let at = start + length;
  const parts = header.parts.map((n) => {
    const b = bytes.subarray(at, at + n);
    at += n;
    return b;
  });
  return { train: decode(parts.slice(0, 5)), dev: decode(parts.slice(5, 10)) };
}
