// From a trained net to the checked-in asset: the sparse matrix quantised to int8 (one scale per row), the rest
// float32, all base64 in one gzipped JSON. Deterministic bytes: same net, same file.
import { gzipSync } from 'node:zlib';
import { DENSE_FEATURES, type FeatureGroup, type FeatureSpace } from '../domain/stance/features.js';
import { encodeF32, type StanceModelFile } from '../domain/stance/model.js';
import type { Net } from './mlp.js';

export function quantiseRows(w: Float32Array, rows: number, width: number): { q: Buffer; scale: Float32Array } {
  const q = Buffer.alloc(rows * width);
  const scale = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let j = 0; j < width; j++) max = Math.max(max, Math.abs(w[r * width + j]!));
    const s = max === 0 ? 1 : max / 127;
    scale[r] = s;
    for (let j = 0; j < width; j++) q.writeInt8(Math.round(w[r * width + j]! / s), r * width + j);
  }
  return { q, scale };
}

export function modelFile(args: {
  net: Net;
  groups: FeatureGroup[];
  space: FeatureSpace;
  vocab: string[];
  mean: Float32Array;
  std: Float32Array;
  offsets: number[];
  temperature: number;
  trainedOn: string;
  metrics?: Record<string, unknown>;
}): StanceModelFile {
  const { net } = args;
  const sparseRows = 3 * args.vocab.length;
  const w1s = net.sparse === sparseRows ? net.w1s : new Float32Array(sparseRows * net.hidden);
  const { q, scale } = quantiseRows(w1s, sparseRows, net.hidden);
  return {
    format: 'stance-mlp-1',
    trainedOn: args.trainedOn,
    groups: args.groups,
    vocab: args.vocab,
    idf: encodeF32(args.space.idf),
    idfUnknown: args.space.idfUnknown,
    hidden: net.hidden,
    denseNames: DENSE_FEATURES.map(([n]) => n),
    denseMean: encodeF32(args.mean),
    denseStd: encodeF32(args.std),
    w1Dense: encodeF32(net.w1d),
    w1SparseQ: q.toString('base64'),
    w1SparseScale: encodeF32(scale),
    b1: encodeF32(net.b1),
    w2: encodeF32(net.w2),
    b2: encodeF32(net.b2),
    offsets: args.offsets,
    temperature: args.temperature,
    ...(args.metrics ? { metrics: args.metrics } : {}),
  };
}

export const encodeModelFile = (file: StanceModelFile): Buffer =>
  gzipSync(Buffer.from(`${JSON.stringify(file)}\n`), { level: 9 });
