// From a trained net to the checked-in asset: the sparse matrix quantised to int8 (one scale per row), the rest
// float32, written as the binary file lib/domain/stance/model.ts reads as views (decodeStanceModelBytes); an
// ensemble's file holds its members' files. Deterministic bytes: same net, same file.
import { DENSE_FEATURES, type FeatureGroup, type FeatureSpace } from '../domain/stance/features.js';
import type { Forest } from '../domain/stance/trees.js';
import {
  encodeF32,
  FOREST_ARRAYS,
  STANCE_BLEND_VERSION,
  type StanceBlendHeader,
  STANCE_ARRAYS,
  STANCE_ENSEMBLE_VERSION,
  STANCE_FILE_MAGIC,
  STANCE_FILE_VERSION,
  type StanceEnsembleHeader,
  type StanceFileHeader,
  type StanceModelFile,
} from '../domain/stance/model.js';
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

const align4 = (n: number): number => (n + 3) & ~3;

/** Magic, version, JSON length, the JSON (which says where each blob lies), then the blobs, each 4-aligned. */
function pack(version: number, blobs: readonly Buffer[], jsonOf: (places: Array<[number, number]>) => unknown): Buffer {
  // The blobs' offsets depend on the JSON's length and the JSON holds them: lay out until it stops changing.
  for (let jsonBytes = 0; ; ) {
    let at = align4(12 + jsonBytes);
    const places = blobs.map((b): [number, number] => {
      const place: [number, number] = [at, b.length];
      at = align4(at + b.length);
      return place;
    });
    const json = Buffer.from(JSON.stringify(jsonOf(places)), 'utf8');
    if (json.length === jsonBytes) {
      const out = Buffer.alloc(at);
      out.write(STANCE_FILE_MAGIC, 0, 'latin1');
      out.writeUInt32LE(version, 4);
      out.writeUInt32LE(json.length, 8);
      json.copy(out, 12);
      for (const [k, b] of blobs.entries()) b.copy(out, places[k]![0]);
      return out;
    }
    jsonBytes = json.length;
  }
}

/** One net: the JSON of the scalar members and where each array lies, then the arrays. */
export function encodeModelFile(file: StanceModelFile): Buffer {
  const scalars = Object.fromEntries(
    Object.entries(file).filter(([k]) => !(STANCE_ARRAYS as readonly string[]).includes(k)),
  ) as Omit<StanceModelFile, (typeof STANCE_ARRAYS)[number]>;
  return pack(
    STANCE_FILE_VERSION,
    STANCE_ARRAYS.map((name) => Buffer.from(file[name], 'base64')),
    (places) =>
      ({
        ...scalars,
        arrays: Object.fromEntries(STANCE_ARRAYS.map((name, k) => [name, places[k]!])) as StanceFileHeader['arrays'],
      }) satisfies StanceFileHeader,
  );
}

/** An ensemble: its JSON (offsets, temperature, where each member lies), then each member's own file. */
export function encodeEnsembleFile(
  members: readonly Buffer[],
  scalars: Omit<StanceEnsembleHeader, 'format' | 'members'>,
): Buffer {
  return pack(
    STANCE_ENSEMBLE_VERSION,
    members,
    (places) => ({ format: 'stance-ensemble-1', ...scalars, members: places }) satisfies StanceEnsembleHeader,
  );
}

const bytesOf = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

/** A blend: its JSON (weight, offsets, temperature, evidence bars, where each part lies), the net's file, the forest. */
export function encodeBlendFile(
  net: Buffer,
  forest: Forest,
  scalars: Omit<StanceBlendHeader, 'format' | 'denseNames' | 'classes' | 'net' | 'forest'>,
): Buffer {
  const arrays = FOREST_ARRAYS.map((name) => bytesOf(forest[name]));
  return pack(
    STANCE_BLEND_VERSION,
    [net, ...arrays],
    (places) =>
      ({
        format: 'stance-blend-1',
        ...scalars,
        denseNames: DENSE_FEATURES.map(([n]) => n),
        classes: forest.classes,
        net: places[0]!,
        forest: Object.fromEntries(
          FOREST_ARRAYS.map((name, k) => [name, places[k + 1]!]),
        ) as StanceBlendHeader['forest'],
      }) satisfies StanceBlendHeader,
  );
}
